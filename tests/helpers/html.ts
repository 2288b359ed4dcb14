// Small, dependency-free readers for the server-rendered HTML the integration tests get back.
// The markup is our own and predictable, so a few regular expressions are enough; they look
// for what a reader sees (card titles, session lines, error messages), not for implementation.

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The visible text of an HTML fragment: tags and comments removed, whitespace collapsed. */
export function textOf(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, " ")
      .replace(/<[^>]+>/g, ""),
  )
    .replace(/\s+/g, " ")
    .trim();
}

/** The document without the hydration data Remix streams after </html>. */
export function documentPart(html: string): string {
  const end = html.indexOf("</html>");
  return end === -1 ? html : html.slice(0, end + 7);
}

/** Event slugs of the catalogue cards, in the order a reader sees them. */
export function cardSlugs(html: string): string[] {
  return [...documentPart(html).matchAll(/<h2 class="card-title"[^>]*>\s*<a[^>]*href="\/events\/([^"?#]+)"/g)].map((m) => m[1]!);
}

/** The cards as text, keyed by slug. */
export function cards(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of documentPart(html).split('<article class="event-card"').slice(1)) {
    const body = part.slice(0, part.indexOf("</article>"));
    const slug = /href="\/events\/([^"?#]+)"/.exec(body.slice(body.indexOf("card-title")))?.[1];
    if (slug) out.set(slug, textOf(`<x${body}`));
  }
  return out;
}

/** The h1 and first paragraph of the error page a route's ErrorBoundary renders. */
export function errorPage(html: string): { title: string; message: string } | null {
  const match = /<div class="error-page"><h1>([\s\S]*?)<\/h1><p>([\s\S]*?)<\/p>/.exec(html);
  return match ? { title: textOf(match[1]!), message: textOf(match[2]!) } : null;
}

export type SessionBlock = {
  heading: string;
  startsAtIso: string;
  date: string;
  time: string;
  zone: string;
  /** "21:00 New York · 02:00 London (+1 day) · …" as shown. */
  referenceLine: string;
  /** What a screen reader says before those times ("The same time in other cities:"). */
  referenceLabel: string;
  html: string;
};

/** Each session on an event page, as text. */
export function sessionBlocks(html: string): SessionBlock[] {
  const doc = documentPart(html);
  const list = /<ol class="sessions">([\s\S]*?)<\/ol>/.exec(doc)?.[1] ?? "";
  return list
    .split(/<li class="session[^"]*">/)
    .slice(1)
    .map((block) => ({
      heading: textOf(/<h3>([\s\S]*?)<\/h3>/.exec(block)?.[1] ?? ""),
      startsAtIso: /<time dateTime="([^"]+)"/.exec(block)?.[1] ?? "",
      date: textOf(/<span class="session-date">([\s\S]*?)<\/span>/.exec(block)?.[1] ?? ""),
      time: textOf(/<span class="session-time">([\s\S]*?)<\/span>/.exec(block)?.[1] ?? ""),
      zone: textOf(/<span class="session-zone">([\s\S]*?)<\/span>/.exec(block)?.[1] ?? "").replace(/^\(|\)$/g, ""),
      // The times as seen on screen; the label before them is for screen readers only.
      referenceLine: textOf((/<p class="reference-line"[^>]*>([\s\S]*?)<\/p>/.exec(block)?.[1] ?? "").replace(/<span class="visually-hidden">[\s\S]*?<\/span>/, "")),
      referenceLabel: textOf(/<p class="reference-line"[^>]*><span class="visually-hidden">([\s\S]*?)<\/span>/.exec(block)?.[1] ?? ""),
      html: block,
    }));
}

/** The sentence that says which zone the times are in. */
export function zoneNote(html: string): string {
  return textOf(/<p class="zone-note">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "");
}

/** Attributes of the <html> element. */
export function htmlAttributes(html: string): Record<string, string> {
  const tag = /<html\b([^>]*)>/.exec(html)?.[1] ?? "";
  return Object.fromEntries([...tag.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}
