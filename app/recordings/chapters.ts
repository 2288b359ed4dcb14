// A recording's chapters: one type, stored as JSON on the recording, written by organisers as
// lines ("00:00 Welcome", "1:02:30 Questions"). Pure, so the replay page and the seed share it.

export type Chapter = { title: string; startSeconds: number };

/** A message key under adminRecordings.errors and the line it is about. */
type ChapterError = { key: "chapterFormat" | "chapterOrder"; params: { line: number } };

/** "mm:ss" or "h:mm:ss" → seconds; null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const match = /^(?:(\d{1,3}):)?([0-5]?\d):([0-5]\d)$/.exec(text.trim());
  if (!match) return null;
  const [, h, m, s] = match;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
}

export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** The stored JSON; anything malformed is dropped rather than breaking the page. */
export function readStoredChapters(json: string): Chapter[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (c): c is Chapter =>
        typeof c === "object" && c !== null && typeof c.title === "string" && typeof c.startSeconds === "number" && c.startSeconds >= 0,
    )
    .map((c) => ({ title: c.title, startSeconds: Math.floor(c.startSeconds) }))
    .sort((a, b) => a.startSeconds - b.startSeconds);
}

/** An organiser's lines, in order; blank lines are skipped. */
export function parseChapterLines(text: string): { chapters: Chapter[] } | { error: ChapterError } {
  const chapters: Chapter[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^(\S+)\s+(.+)$/.exec(line);
    const start = match ? parseDuration(match[1]!) : null;
    if (!match || start === null) return { error: { key: "chapterFormat", params: { line: index + 1 } } };
    const previous = chapters.at(-1);
    if (previous && start <= previous.startSeconds) return { error: { key: "chapterOrder", params: { line: index + 1 } } };
    chapters.push({ title: match[2]!.trim().slice(0, 200), startSeconds: start });
  }
  return { chapters };
}

/** The stored chapters as the lines an organiser edits. */
export function formatChapterLines(json: string): string {
  return readStoredChapters(json)
    .map((c) => `${formatDuration(c.startSeconds)} ${c.title}`)
    .join("\n");
}
