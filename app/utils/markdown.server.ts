import MarkdownIt from "markdown-it";

// Raw HTML is switched off, so nothing an author types becomes markup we did not
// produce; markdown-it's link validation already drops javascript:, vbscript:,
// file: and non-image data: URLs.
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));

md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = token.attrGet("href") ?? "";
  if (/^https?:\/\//i.test(href)) {
    token.attrSet("rel", "noopener noreferrer nofollow");
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// Author headings sit inside the page's "About" section (an h2), so they start at h3.
const shiftHeading = (tag: string) => `h${Math.min(6, Math.max(3, Number(tag.slice(1)) + 1))}`;
md.core.ruler.push("shift_headings", (state) => {
  for (const token of state.tokens) {
    if (token.type === "heading_open" || token.type === "heading_close") token.tag = shiftHeading(token.tag);
  }
});

export type MarkdownOptions = {
  /**
   * The reader chose the light version: each image becomes a link to it, so nothing is
   * downloaded until they ask. `label` words that link (alt text may be empty).
   */
  light?: { label: (alt: string) => string };
};

// Images load lazily and decode off the main thread; their size is unknown to the author's
// Markdown, so the stylesheet keeps them within the column.
md.renderer.rules.image = (tokens, idx, options, env: MarkdownOptions, self) => {
  const token = tokens[idx]!;
  const alt = self.renderInlineAsText(token.children ?? [], options, env);
  const src = token.attrGet("src") ?? "";
  if (env.light) {
    return `<a class="light-image" href="${md.utils.escapeHtml(src)}">${md.utils.escapeHtml(env.light.label(alt))}</a>`;
  }
  token.attrSet("alt", alt);
  token.attrSet("loading", "lazy");
  token.attrSet("decoding", "async");
  return self.renderToken(tokens, idx, options);
};

/** Markdown to sanitised HTML, safe for dangerouslySetInnerHTML. */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  return md.render(source, { ...options });
}
