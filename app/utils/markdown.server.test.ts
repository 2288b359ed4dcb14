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
});
