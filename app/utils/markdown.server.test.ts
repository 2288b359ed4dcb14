import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server.ts";

describe("renderMarkdown", () => {
  it("renders headings, lists and links", () => {
    const html = renderMarkdown("# Aims\n\n- one\n- two\n\n[CPMS](https://alliancecpha.org)");
    expect(html).toContain("<h3>Aims</h3>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://alliancecpha.org" rel="noopener noreferrer nofollow">CPMS</a>');
  });

  it("never lets raw HTML or script URLs through", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[click](javascript:alert(1))',
    );
    // Tags come out as visible text, never as markup.
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain("&lt;img src=x onerror=");
    expect(html).toContain("&lt;script&gt;");
  });

  it("loads images lazily, and in the light version turns each into a link that says what it is", () => {
    const source = 'Map of the sites: ![Camp "B" layout](/uploads/camp-b.png)\n\n![](/uploads/chart.png)';
    const full = renderMarkdown(source);
    expect(full).toContain('<img src="/uploads/camp-b.png" alt="Camp &quot;B&quot; layout" loading="lazy" decoding="async">');
    const light = renderMarkdown(source, { light: { label: (alt) => (alt ? `Image: ${alt}` : "Open the image") } });
    expect(light).not.toContain("<img");
    expect(light).toContain('<a class="light-image" href="/uploads/camp-b.png">Image: Camp &quot;B&quot; layout</a>');
    expect(light).toContain('<a class="light-image" href="/uploads/chart.png">Open the image</a>');
  });

  it("lazy-loads same-site images and turns images hosted elsewhere into links", () => {
    const html = renderMarkdown("![The pillar diagram](/recordings/r1/poster/p.png)\n\n![A chart](https://cdn.example.org/c.png) ![](//cdn.example.org/d.png)");
    expect(html).toContain('<img src="/recordings/r1/poster/p.png" alt="The pillar diagram" loading="lazy" decoding="async">');
    expect(html).toContain('<a href="https://cdn.example.org/c.png" rel="noopener noreferrer nofollow">A chart</a>');
    expect(html).toContain('<a href="//cdn.example.org/d.png" rel="noopener noreferrer nofollow">//cdn.example.org/d.png</a>');
    expect(html.match(/<img/g)).toHaveLength(1);
  });
});
