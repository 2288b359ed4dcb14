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

// Author headings sit below the page's own h1/h2, so shift them down two levels.
md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx]!;
  const level = Math.min(6, Number(token.tag.slice(1)) + 2);
  token.tag = `h${level}`;
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.heading_close = (tokens, idx) => `</h${Math.min(6, Number(tokens[idx]!.tag.slice(1)) + 2)}>\n`;

/** Markdown to sanitised HTML, safe for dangerouslySetInnerHTML. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
