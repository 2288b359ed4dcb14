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

type MarkdownOptions = {
  /**
   * The reader chose the light version: each image becomes a link to it, so nothing is
   * downloaded until they ask. `label` words that link (alt text may be empty).
   */
  light?: { label: (alt: string) => string };
};

// Images in a description: same-site ones load lazily and never block the page; one hosted
// elsewhere becomes a plain link to it, so a public page makes no third-party request (the
// Content-Security-Policy would block it anyway, leaving a broken image); in the light version
// every image becomes a link. Markdown cannot say how big an image is, so the stylesheet keeps
// it within the column.
const defaultImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env: MarkdownOptions, self) => {
  const token = tokens[idx]!;
  const src = token.attrGet("src") ?? "";
  const alt = self.renderInlineAsText(token.children ?? [], options, env);
  if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(src)) {
    return `<a href="${md.utils.escapeHtml(src)}" rel="noopener noreferrer nofollow">${md.utils.escapeHtml(alt || src)}</a>`;
  }
  if (env.light) {
    return `<a class="light-image" href="${md.utils.escapeHtml(src)}">${md.utils.escapeHtml(env.light.label(alt))}</a>`;
  }
  token.attrSet("loading", "lazy");
  token.attrSet("decoding", "async");
  return defaultImage(tokens, idx, options, env, self);
};

/** Markdown to sanitised HTML, safe for dangerouslySetInnerHTML. */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  return md.render(source, { ...options });
}
