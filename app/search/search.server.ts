import { Prisma } from "~/generated/prisma/client.ts";
import { PUBLIC_EVENT_STATUSES, publicRecording } from "~/recordings/recordings.server.ts";
import { prisma } from "~/utils/db.server.ts";

// Full-text search over transcript cues and event texts. The FTS5 tables (cue_fts, event_fts)
// and the triggers that keep them in step are created by the *_search_index migration; raw SQL
// stays in this file. FTS5 is SQLite's: a PostgreSQL build needs its own versions of these
// functions (tsvector), with the same return shapes.

export const RECORDINGS_PER_PAGE = 10;
/** The best few moments of each recording; the replay page's own search finds the rest. */
const HITS_PER_RECORDING = 3;
const EVENT_RESULTS = 5;
const MAX_TERMS = 12;

/** A piece of a result's text; `mark` pieces are the words that matched. */
export type Segment = { text: string; mark: boolean };

type CueHit = {
  position: number;
  startSeconds: number;
  speaker: string | null;
  segments: Segment[];
  href: string;
};

export type RecordingResult = {
  recordingId: string;
  recordingTitle: string;
  eventTitle: string;
  eventSlug: string;
  languageCode: string;
  hits: CueHit[];
};

type TranscriptSearch = {
  /** The FTS5 expression actually run, or null when the input had no searchable word. */
  expression: string | null;
  page: number;
  /** Whether a next page has more recordings. */
  hasMore: boolean;
  recordings: RecordingResult[];
};

export type EventResult = { slug: string; href: string; title: Segment[]; snippet: Segment[] };
type EventSearch = { expression: string | null; total: number; events: EventResult[] };

// FTS5 writes these around matched tokens; control characters never occur in cue text.
const OPEN = "\u0002";
const CLOSE = "\u0003";
const OPERATORS = new Set(["AND", "OR", "NOT", "NEAR"]);

/** Words as unicode61 sees them: letters (with their combining marks, as in Arabic) and digits. */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? [];
}

const quote = (tokens: string[]) => `"${tokens.join(" ")}"`;

/**
 * Turns what a person typed into an FTS5 MATCH expression that cannot be a syntax error: every
 * word becomes a quoted string, text in double quotes becomes a phrase, and operators,
 * parentheses, column filters, `^`, `-` and stray quotes are dropped. A trailing `*` on a word
 * ("educ*") is kept as a prefix search. Returns null when nothing searchable is left.
 */
export function toMatchExpression(input: string): string | null {
  const parts: string[] = [];
  const text = input.normalize("NFC").slice(0, 500);
  // Balanced quotes are phrases; a quote without its partner is ignored.
  const pattern = /"([^"]*)"|([^"]+)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) {
      const tokens = words(match[1]);
      if (tokens.length > 0) parts.push(quote(tokens));
      continue;
    }
    const chunk = match[2] ?? "";
    for (const raw of chunk.split(/\s+/)) {
      // Typed in capitals, these are FTS operators ("NEAR(", "AND"), not words to find.
      const tokens = words(raw).filter((token) => !OPERATORS.has(token));
      if (tokens.length === 0) continue;
      // "child-protection" or "d'enfants" stay together as a phrase, as the tokenizer would index them.
      const prefix = tokens.length === 1 && tokens[0]!.length >= 2 && /^[\p{L}\p{N}]+\*$/u.test(raw);
      parts.push(quote(tokens) + (prefix ? "*" : ""));
    }
  }
  const unique = [...new Set(parts)].slice(0, MAX_TERMS);
  return unique.length > 0 ? unique.join(" ") : null;
}

/** Splits FTS5 highlight()/snippet() output into plain and marked pieces. */
export function toSegments(marked: string): Segment[] {
  const segments: Segment[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const open = rest.indexOf(OPEN);
    if (open === -1) {
      segments.push({ text: rest, mark: false });
      break;
    }
    if (open > 0) segments.push({ text: rest.slice(0, open), mark: false });
    const close = rest.indexOf(CLOSE, open + 1);
    const end = close === -1 ? rest.length : close;
    const word = rest.slice(open + 1, end);
    if (word) segments.push({ text: word, mark: true });
    rest = close === -1 ? "" : rest.slice(close + 1);
  }
  // Adjacent marked words of a phrase read better as one <mark>.
  return segments.reduce<Segment[]>((merged, segment) => {
    const last = merged.at(-1);
    if (last && last.mark === segment.mark) last.text += segment.text;
    else merged.push({ ...segment });
    return merged;
  }, []);
}

/** The replay page's URL for a moment: the player starts at `t`, the page scrolls to the cue. */
function momentHref(recordingId: string, startMs: number, position: number): string {
  return `/recordings/${encodeURIComponent(recordingId)}?t=${Math.floor(startMs / 1000)}#cue-${position}`;
}

type CandidateRow = {
  rid: number | bigint;
  score: number;
  transcriptId: string;
  recordingId: string;
  languageCode: string;
  position: number | bigint;
  startMs: number | bigint;
  speaker: string | null;
  recordingTitle: string;
  eventTitle: string;
  translatedTitle: string | null;
  eventSlug: string;
};

const FIRST_CANDIDATES = 200;
const MAX_CANDIDATES = 12_800;

/**
 * Public recordings (published, of an event the public can see: the same rule as the replay
 * page) whose transcripts match `query`, best first, each with its best
 * `HITS_PER_RECORDING` cues highlighted and linked to their moment. Ranked by bm25: more
 * occurrences of rarer words in a shorter cue rank higher. A recording with transcripts in two
 * languages that both match is listed once per language.
 *
 * Why no totals: FTS5 ranks inside the index, but grouping or counting every match by transcript
 * reads each match's row, which made a common word on a 1,000-hour library 4× slower than the
 * ranked query itself. So the best-ranked cues are taken in growing batches until they cover
 * the page plus one more recording (that one only says there is a next page).
 */
export async function searchTranscripts(
  query: string,
  options: { locale?: string; language?: string; page?: number; perPage?: number } = {},
): Promise<TranscriptSearch> {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const perPage = options.perPage ?? RECORDINGS_PER_PAGE;
  const expression = toMatchExpression(query);
  if (!expression) return { expression, page, hasMore: false, recordings: [] };

  const language = options.language ? Prisma.sql`AND t."languageCode" = ${options.language}` : Prisma.empty;
  const wanted = page * perPage + 1;
  let groups = new Map<string, CandidateRow[]>();
  for (let limit = FIRST_CANDIDATES; ; limit *= 4) {
    // The inner SELECT is FTS5's own sorted plan (bm25 over the index, top `limit`); only those
    // rows meet the tables. CROSS JOIN keeps SQLite's join order as written.
    const rows = await prisma.$queryRaw<CandidateRow[]>`
      SELECT f.rid, f.score, c."transcriptId" AS transcriptId, t."recordingId" AS recordingId, t."languageCode" AS languageCode,
             c."position" AS position, c."startMs" AS startMs, c."speaker" AS speaker,
             r."title" AS recordingTitle, e."title" AS eventTitle, tr."title" AS translatedTitle, e."slug" AS eventSlug
        FROM (SELECT "rowid" AS rid, "cue_id" AS cueId, "rank" AS score FROM "cue_fts" WHERE "cue_fts" MATCH ${expression}
               ORDER BY "rank" LIMIT ${limit}) f
        CROSS JOIN "TranscriptCue" c ON c."id" = f.cueId
        CROSS JOIN "Transcript" t ON t."id" = c."transcriptId"
        CROSS JOIN "Recording" r ON r."id" = t."recordingId"
        CROSS JOIN "Event" e ON e."id" = r."eventId"
        LEFT JOIN "EventTranslation" tr ON tr."eventId" = e."id" AND tr."locale" = ${options.locale ?? ""}
       WHERE r."status" = 'published' AND e."status" IN (${Prisma.join(PUBLIC_EVENT_STATUSES)}) ${language}`;
    rows.sort((a, b) => a.score - b.score || Number(a.rid) - Number(b.rid));
    groups = new Map();
    for (const row of rows) {
      const group = groups.get(row.transcriptId);
      if (group) {
        if (group.length < HITS_PER_RECORDING) group.push(row);
      } else if (groups.size < wanted) {
        groups.set(row.transcriptId, [row]);
      }
    }
    // Enough recordings, or every match seen (drafts filtered out make `rows` shorter, so ask
    // the index itself), or a word so common that the page makes do with the best cues.
    if (groups.size >= wanted || limit >= MAX_CANDIDATES) break;
    const more = await prisma.$queryRaw<{ n: number | bigint }[]>`
      SELECT COUNT(*) AS n FROM "cue_fts" WHERE "cue_fts" MATCH ${expression}`;
    if (Number(more[0]?.n ?? 0) <= limit) break;
  }

  const all = [...groups.values()];
  const shown = all.slice((page - 1) * perPage, page * perPage);
  if (shown.length === 0) return { expression, page, hasMore: false, recordings: [] };
  const rowids = shown.flat().map((row) => Number(row.rid));
  const marked = await prisma.$queryRaw<{ rid: number | bigint; marked: string }[]>`
    SELECT "rowid" AS rid, highlight("cue_fts", 0, ${OPEN}, ${CLOSE}) AS marked
      FROM "cue_fts" WHERE "cue_fts" MATCH ${expression} AND "rowid" IN (${Prisma.join(rowids)})`;
  const markedByRowid = new Map(marked.map((row) => [Number(row.rid), row.marked]));

  return {
    expression,
    page,
    hasMore: all.length > page * perPage,
    recordings: shown.map((hits) => {
      const first = hits[0]!;
      const eventTitle = first.translatedTitle || first.eventTitle;
      return {
        recordingId: first.recordingId,
        recordingTitle: first.recordingTitle || eventTitle,
        eventTitle,
        eventSlug: first.eventSlug,
        languageCode: first.languageCode,
        hits: hits.map((row) => {
          const startMs = Number(row.startMs);
          const position = Number(row.position);
          return {
            position,
            startSeconds: Math.floor(startMs / 1000),
            speaker: row.speaker,
            segments: toSegments(markedByRowid.get(Number(row.rid)) ?? ""),
            href: momentHref(row.recordingId, startMs, position),
          };
        }),
      };
    }),
  };
}

type EventRow = { rid: number | bigint; slug: string; total: number | bigint };

// Markdown punctuation reads as noise in a one-line snippet.
const plainMarkdown = (segments: Segment[]) =>
  segments.map((segment) => ({ ...segment, text: segment.text.replace(/[*_`#>]+|\[|\]\([^)]*\)/g, "") }));

/**
 * Published (or cancelled) events whose title, summary or description matches, in any of their
 * languages; for each event the row in `locale` wins when it matches, else its best row.
 */
export async function searchEvents(query: string, options: { locale?: string; limit?: number } = {}): Promise<EventSearch> {
  const expression = toMatchExpression(query);
  if (!expression) return { expression, total: 0, events: [] };
  const locale = options.locale ?? "";
  const rows = await prisma.$queryRaw<EventRow[]>`
    WITH hits AS (
      SELECT f."rowid" AS rid, f."event_id" AS eventId, f."locale" AS locale, f."rank" AS score, e."slug" AS slug
        FROM "event_fts" f
        CROSS JOIN "Event" e ON e."id" = f."event_id"
       WHERE "event_fts" MATCH ${expression} AND e."status" IN ('published', 'cancelled')
    ), ranked AS (
      SELECT hits.*, ROW_NUMBER() OVER (PARTITION BY eventId ORDER BY (locale = ${locale}) DESC, score, rid) AS n
        FROM hits
    )
    SELECT rid, slug, COUNT(*) OVER () AS total FROM ranked WHERE n = 1
     ORDER BY score, slug LIMIT ${options.limit ?? EVENT_RESULTS}`;
  if (rows.length === 0) return { expression, total: 0, events: [] };

  const marked = await prisma.$queryRaw<{ rid: number | bigint; title: string; summary: string; description: string }[]>`
    SELECT "rowid" AS rid, highlight("event_fts", 0, ${OPEN}, ${CLOSE}) AS title,
           snippet("event_fts", 1, ${OPEN}, ${CLOSE}, '…', 24) AS summary,
           snippet("event_fts", 2, ${OPEN}, ${CLOSE}, '…', 24) AS description
      FROM "event_fts" WHERE "event_fts" MATCH ${expression} AND "rowid" IN (${Prisma.join(rows.map((row) => Number(row.rid)))})`;
  const byRowid = new Map(marked.map((row) => [Number(row.rid), row]));
  return {
    expression,
    total: Number(rows[0]!.total),
    events: rows.map((row) => {
      const texts = byRowid.get(Number(row.rid));
      // The summary when the words are in it, else the passage of the description that has them.
      const snippet =
        texts && !texts.summary.includes(OPEN) && texts.description.includes(OPEN) ? texts.description : (texts?.summary ?? "");
      return {
        slug: row.slug,
        href: `/events/${encodeURIComponent(row.slug)}`,
        title: toSegments(texts?.title ?? ""),
        snippet: plainMarkdown(toSegments(snippet)),
      };
    }),
  };
}

/** The languages that published transcripts are in, for the search form's language filter. */
export async function listTranscriptLanguages(): Promise<string[]> {
  const rows = await prisma.transcript.findMany({
    where: { recording: publicRecording() },
    distinct: ["languageCode"],
    select: { languageCode: true },
    orderBy: { languageCode: "asc" },
  });
  return rows.map((row) => row.languageCode);
}
