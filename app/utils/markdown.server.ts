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

// Images in a description: same-site ones load lazily and never block the page; one hosted
// elsewhere becomes a plain link to it, so a public page makes no third-party request (the
// Content-Security-Policy would block it anyway, leaving a broken image). Markdown cannot say how
// big an image is, so the stylesheet keeps it within the column.
const defaultImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const src = token.attrGet("src") ?? "";
  if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(src)) {
    const alt = self.renderInlineAsText(token.children ?? [], options, env) || src;
    return `<a href="${md.utils.escapeHtml(src)}" rel="noopener noreferrer nofollow">${md.utils.escapeHtml(alt)}</a>`;
  }
  token.attrSet("loading", "lazy");
  token.attrSet("decoding", "async");
  return defaultImage(tokens, idx, options, env, self);
};

// Author headings sit inside the page's "About" section (an h2), so they start at h3.
const shiftHeading = (tag: string) => `h${Math.min(6, Math.max(3, Number(tag.slice(1)) + 1))}`;
md.core.ruler.push("shift_headings", (state) => {
  for (const token of state.tokens) {
    if (token.type === "heading_open" || token.type === "heading_close") token.tag = shiftHeading(token.tag);
  }
});

/** Markdown to sanitised HTML, safe for dangerouslySetInnerHTML. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
