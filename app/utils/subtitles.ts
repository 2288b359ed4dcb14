// Transcript parsers for the recording player. Isomorphic on purpose: the organiser's upload form
// validates a file in the browser before sending it, and the server runs the same code again.

export type Cue = {
  startMs: number;
  endMs: number;
  speaker: string | null;
  text: string;
  settings: string | null;
  identifier: string | null;
};

export type TranscriptFormat = "vtt" | "srt" | "txt";

export type TranscriptErrorCode =
  | "empty"
  | "no-cues"
  | "missing-header"
  | "missing-blank-line"
  | "missing-arrow"
  | "bad-timing"
  | "bad-timestamp"
  | "bad-number"
  | "end-before-start"
  | "backwards"
  | "duplicate-time";

export type TranscriptErrorParams = Record<string, string | number>;

/**
 * `code` and `params` let the UI show the message in the learner's or organiser's language;
 * `reason` is the English fallback and `message` adds the line number in front of it.
 */
export class TranscriptParseError extends Error {
  readonly line: number;
  readonly reason: string;
  readonly code: TranscriptErrorCode;
  readonly params: TranscriptErrorParams;

  constructor(line: number, code: TranscriptErrorCode, reason: string, params: TranscriptErrorParams = {}) {
    super(`Line ${line}: ${reason}`);
    this.name = "TranscriptParseError";
    this.line = line;
    this.reason = reason;
    this.code = code;
    this.params = { line, ...params };
  }
}

const TIMING_EXAMPLE = "00:00:01.000 --> 00:00:04.000";

// The last line of a plain-text transcript has no successor to end it.
export const LAST_TEXT_CUE_MS = 5_000;

export function parseTranscript(text: string, format: TranscriptFormat): Cue[] {
  switch (format) {
    case "vtt":
      return parseWebVTT(text);
    case "srt":
      return parseSRT(text);
    case "txt":
      return parseTimestampedText(text);
  }
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

function splitLines(text: string): string[] {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.split(/\r\n|\r|\n/);
}

function isBlank(line: string): boolean {
  return line.trim() === "";
}

function assertNotEmpty(lines: string[]): void {
  if (lines.every(isBlank)) {
    throw new TranscriptParseError(1, "empty", "the file is empty; upload a transcript file that contains cues");
  }
}

type TimestampStyle = "vtt" | "srt" | "txt";

/**
 * Parses one timestamp token, throwing with a message that names the exact problem: a comma in
 * WebVTT (the usual result of renaming an .srt file), wrong digit counts, or minutes/seconds ≥ 60.
 */
function parseTimestamp(token: string, lineNumber: number, style: TimestampStyle): number {
  const example = style === "srt" ? "00:01:05,000" : style === "txt" ? "00:01:05" : "00:01:05.000";
  const shape =
    style === "srt"
      ? "hh:mm:ss,ttt"
      : style === "txt"
        ? "hh:mm:ss or mm:ss"
        : "mm:ss.ttt or hh:mm:ss.ttt";
  const bad = (): never => {
    throw new TranscriptParseError(
      lineNumber,
      "bad-timestamp",
      `"${token}" is not a valid time; write it as ${shape}, for example ${example}`,
      { value: token, example },
    );
  };

  const match = /^(?:(\d+):)?(\d+):(\d+)(?:([.,])(\d+))?$/.exec(token);
  if (!match) return bad();
  const [, hoursText, minutesText, secondsText, separator, fractionText] = match;

  if (style === "vtt") {
    if (separator === ",") {
      throw new TranscriptParseError(
        lineNumber,
        "bad-timestamp",
        `"${token}" uses a comma before the milliseconds; WebVTT needs a dot, for example ${token.replace(",", ".")}`,
        { value: token, example: token.replace(",", ".") },
      );
    }
    if (fractionText === undefined || fractionText.length !== 3) return bad();
    if (hoursText !== undefined && hoursText.length < 2) return bad();
    if (minutesText!.length !== 2 || secondsText!.length !== 2) return bad();
  } else if (style === "srt") {
    // Real-world SRT writers drop the leading zero of the hours and some use a dot; accept both.
    if (hoursText === undefined || fractionText === undefined || fractionText.length !== 3) return bad();
    if (minutesText!.length !== 2 || secondsText!.length !== 2) return bad();
  } else {
    if (minutesText!.length !== 2 || secondsText!.length !== 2) return bad();
    if (fractionText !== undefined && fractionText.length > 3) return bad();
  }

  const hours = hoursText === undefined ? 0 : Number(hoursText);
  const minutes = Number(minutesText);
  const seconds = Number(secondsText);
  for (const [unit, value] of [
    ["minutes", minutes],
    ["seconds", seconds],
  ] as const) {
    if (value >= 60) {
      throw new TranscriptParseError(
        lineNumber,
        "bad-number",
        `${token} is not a valid time: the ${unit} (${String(value).padStart(2, "0")}) must be between 00 and 59`,
        { value: token, unit, number: value },
      );
    }
  }
  const millis = fractionText === undefined ? 0 : Number(fractionText.padEnd(3, "0"));
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

const TIMESTAMP_LIKE = /^\s*\[?\(?\d{1,}:\d/;

type Timing = { startMs: number; endMs: number; settings: string | null };

function throwMissingTiming(line: string, lineNumber: number): never {
  if (TIMESTAMP_LIKE.test(line)) {
    throw new TranscriptParseError(
      lineNumber,
      "missing-arrow",
      `the timing line has no "-->" between the start and end times; write it like ${TIMING_EXAMPLE}`,
      { example: TIMING_EXAMPLE },
    );
  }
  throw new TranscriptParseError(lineNumber, "bad-timing", `expected a timing line like ${TIMING_EXAMPLE}`, {
    example: TIMING_EXAMPLE,
  });
}

function parseTimingLine(line: string, lineNumber: number, style: "vtt" | "srt"): Timing {
  const arrow = line.indexOf("-->");
  if (arrow === -1) return throwMissingTiming(line, lineNumber);
  const startToken = line.slice(0, arrow).trim();
  const rest = line.slice(arrow + 3).replace(/^[ \t]+/, "");
  const endMatch = /^(\S*)(?:[ \t]+(.*))?$/.exec(rest)!;
  const endToken = endMatch[1]!;
  if (startToken === "" || endToken === "") {
    throw new TranscriptParseError(
      lineNumber,
      "bad-timing",
      `the timing line needs a start and an end time, like ${TIMING_EXAMPLE}`,
      { example: TIMING_EXAMPLE },
    );
  }
  const startMs = parseTimestamp(startToken, lineNumber, style);
  const endMs = parseTimestamp(endToken, lineNumber, style);
  if (endMs <= startMs) {
    const start = formatVttTimestamp(startMs);
    const end = formatVttTimestamp(endMs);
    const reason =
      endMs === startMs
        ? `the end time ${end} is the same as the start time; a cue must end after it starts`
        : `the end time ${end} is before the start time ${start}`;
    throw new TranscriptParseError(lineNumber, "end-before-start", reason, { start, end });
  }
  const settings = endMatch[2]?.trim() || null;
  return { startMs, endMs, settings };
}

// Transcripts are read top to bottom and searched by time, so a start that jumps back is almost
// always a pasted or mis-typed line. Overlaps (two people talking at once) are fine.
function assertNotBackwards(startMs: number, previous: { startMs: number; line: number } | null, lineNumber: number) {
  if (previous && startMs < previous.startMs) {
    const start = formatVttTimestamp(startMs);
    const previousStart = formatVttTimestamp(previous.startMs);
    throw new TranscriptParseError(
      lineNumber,
      "backwards",
      `this cue starts at ${start}, before the previous cue (line ${previous.line}) starting at ${previousStart}; put the cues in time order`,
      { start, previousStart, previousLine: previous.line },
    );
  }
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  nbsp: "\u00a0",
  lrm: "\u200e",
  rlm: "\u200f",
  quot: '"',
  apos: "'",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// ---------------------------------------------------------------------------------------------
// WebVTT

type Block = { lines: string[]; firstLine: number };

/**
 * Splits the lines after the header into blocks. Like the spec's parser, a line containing "-->"
 * inside a cue's text starts a new cue: a missing blank line should not swallow the next cue.
 */
function collectVttBlocks(lines: string[], from: number): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let seenArrow = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) {
      current = null;
      continue;
    }
    const hasArrow = line.includes("-->");
    if (current && hasArrow && seenArrow) current = null;
    if (!current) {
      current = { lines: [], firstLine: i + 1 };
      blocks.push(current);
      seenArrow = false;
    }
    current.lines.push(line);
    if (hasArrow) seenArrow = true;
  }
  return blocks;
}

const VOICE_TAG = /<v(?:\.[^\s>]*)*(?:[ \t]+([^>]*))?>/;

function cleanVttText(payload: string[]): { speaker: string | null; text: string } {
  const joined = payload.join("\n");
  // A cue normally holds one voice; when it holds several, the first speaker names the cue.
  const voice = VOICE_TAG.exec(joined);
  const speaker = voice?.[1] ? decodeEntities(voice[1].trim()) || null : null;
  const text = decodeEntities(joined.replace(/<[^>\n]*>/g, "")).trim();
  return { speaker, text };
}

export function parseWebVTT(text: string): Cue[] {
  const lines = splitLines(text);
  assertNotEmpty(lines);

  const header = lines[0]!;
  if (!/^WEBVTT(?:[ \t].*)?$/.test(header)) {
    throw new TranscriptParseError(
      1,
      "missing-header",
      'a WebVTT file must start with WEBVTT on its first line; add the line "WEBVTT" and a blank line before the first cue',
    );
  }

  // Lines right after the signature belong to the header until the first blank line.
  let index = 1;
  while (index < lines.length && !isBlank(lines[index]!)) {
    if (lines[index]!.includes("-->")) {
      throw new TranscriptParseError(
        index + 1,
        "missing-blank-line",
        "add a blank line between the WEBVTT header and the first cue",
      );
    }
    index++;
  }

  const cues: Cue[] = [];
  let previous: { startMs: number; line: number } | null = null;

  for (const block of collectVttBlocks(lines, index)) {
    const first = block.lines[0]!;
    const firstHasArrow = first.includes("-->");
    const secondHasArrow = block.lines[1]?.includes("-->") ?? false;

    if (!firstHasArrow && !secondHasArrow) {
      if (/^NOTE(?:[ \t]|$)/.test(first)) continue;
      if (/^(?:STYLE|REGION)[ \t]*$/.test(first)) continue;
      // A block without an arrow: point at the line that should have been the timing line.
      const looksLikeTiming = TIMESTAMP_LIKE.test(first) || block.lines.length === 1;
      const at = looksLikeTiming ? 0 : 1;
      throwMissingTiming(block.lines[at]!, block.firstLine + at);
    }

    const timingIndex = firstHasArrow ? 0 : 1;
    const timingLineNumber = block.firstLine + timingIndex;
    const identifier = firstHasArrow ? null : first.trim();
    const timing = parseTimingLine(block.lines[timingIndex]!, timingLineNumber, "vtt");
    assertNotBackwards(timing.startMs, previous, timingLineNumber);
    previous = { startMs: timing.startMs, line: timingLineNumber };

    cues.push({ ...timing, ...cleanVttText(block.lines.slice(timingIndex + 1)), identifier });
  }

  if (cues.length === 0) {
    throw new TranscriptParseError(
      1,
      "no-cues",
      `the file has a WEBVTT header but no cues; add cues with timing lines like ${TIMING_EXAMPLE}`,
      { example: TIMING_EXAMPLE },
    );
  }
  return cues;
}

// ---------------------------------------------------------------------------------------------
// SRT

// SRT has no escaping, so only strip the formatting tags players know; "< 5 years" stays text.
const SRT_TAGS = /<\/?(?:i|b|u|s|font)(?:\s[^>]*)?>|\{\\[^}]*\}/gi;

export function parseSRT(text: string): Cue[] {
  const lines = splitLines(text);
  assertNotEmpty(lines);

  const blocks: Block[] = [];
  let current: Block | null = null;
  lines.forEach((line, i) => {
    if (isBlank(line)) {
      current = null;
      return;
    }
    if (!current) {
      current = { lines: [], firstLine: i + 1 };
      blocks.push(current);
    }
    current.lines.push(line);
  });

  const cues: Cue[] = [];
  let previous: { startMs: number; line: number } | null = null;
  for (const block of blocks) {
    // The cue number is expected, but files cut by hand often lose it; the timing line decides.
    const firstHasArrow = block.lines[0]!.includes("-->");
    const timingIndex = firstHasArrow ? 0 : TIMESTAMP_LIKE.test(block.lines[0]!) || block.lines.length === 1 ? 0 : 1;
    const timingLineNumber = block.firstLine + timingIndex;
    const timing = parseTimingLine(block.lines[timingIndex]!, timingLineNumber, "srt");
    assertNotBackwards(timing.startMs, previous, timingLineNumber);
    previous = { startMs: timing.startMs, line: timingLineNumber };

    const body = block.lines
      .slice(timingIndex + 1)
      .join("\n")
      .replace(SRT_TAGS, "")
      .trim();
    cues.push({
      ...timing,
      speaker: null,
      text: body,
      identifier: timingIndex === 1 ? block.lines[0]!.trim() : null,
    });
  }

  if (cues.length === 0) {
    throw new TranscriptParseError(1, "no-cues", `the file has no cues; add cues with timing lines like 00:00:01,000 --> 00:00:04,000`);
  }
  return cues;
}

// ---------------------------------------------------------------------------------------------
// Timestamped plain text, as exported by meeting tools: "[00:01:05] Speaker: words"

const TEXT_LINE = /^\s*(?:\[([\d:.,\s]+)\]|\(([\d:.,]+)\)|(\d+:[\d:.,]+))(?:\s*[-–—]\s*|\s+|$)(.*)$/;
// A speaker label is a short name: capitalised words (scripts without case always pass) and
// the usual lower-case particles. That reads "Dr. Lena Fischer: thank you" and "Rania Haddad:"
// as speakers but keeps "This line has no speaker: only words" as text.
const SPEAKER_LABEL = /^([^\s:,;?!"][^:,;?!"]{0,59}?):\s+(\S[\s\S]*)$/;
const NAME_PARTICLE = /^(?:al|bin|bint|ibn|da|das|de|del|della|der|den|di|do|dos|du|el|la|le|van|von|y)$/;

function splitSpeaker(text: string): { speaker: string | null; text: string } {
  const match = SPEAKER_LABEL.exec(text);
  if (!match) return { speaker: null, text };
  const words = match[1]!.trim().split(/\s+/);
  const looksLikeName =
    words.length <= 4 && words.every((word) => !/^\p{Ll}/u.test(word) || NAME_PARTICLE.test(word));
  return looksLikeName ? { speaker: words.join(" "), text: match[2]! } : { speaker: null, text };
}

export function parseTimestampedText(text: string): Cue[] {
  const lines = splitLines(text);
  assertNotEmpty(lines);

  type Draft = { startMs: number; line: number; body: string[] };
  const drafts: Draft[] = [];
  lines.forEach((line, i) => {
    const lineNumber = i + 1;
    if (isBlank(line)) return;
    const match = TEXT_LINE.exec(line);
    if (!match) {
      const last = drafts.at(-1);
      if (!last) {
        throw new TranscriptParseError(
          lineNumber,
          "bad-timing",
          "expected a line that starts with a time like [00:01:05] or 00:01:05",
          { example: "[00:01:05]" },
        );
      }
      // Wrapped lines continue the cue above them.
      last.body.push(line.trim());
      return;
    }
    const token = (match[1] ?? match[2] ?? match[3]!).trim();
    const startMs = parseTimestamp(token, lineNumber, "txt");
    const previous = drafts.at(-1);
    if (previous) {
      assertNotBackwards(startMs, previous, lineNumber);
      // Each line ends where the next begins, so two lines at the same time would leave the
      // first with no duration at all.
      if (startMs === previous.startMs) {
        const time = formatVttTimestamp(startMs);
        throw new TranscriptParseError(
          lineNumber,
          "duplicate-time",
          `this line has the same time ${time} as line ${previous.line}; give it a later time or join the two lines`,
          { time, previousLine: previous.line },
        );
      }
    }
    drafts.push({ startMs, line: lineNumber, body: match[4]!.trim() ? [match[4]!.trim()] : [] });
  });

  if (drafts.length === 0) {
    throw new TranscriptParseError(1, "no-cues", "the file has no timed lines; start each line with a time like [00:01:05]");
  }

  return drafts.map((draft, i) => {
    const next = drafts[i + 1];
    const { speaker, text: body } = splitSpeaker(draft.body.join("\n"));
    return {
      startMs: draft.startMs,
      endMs: next ? next.startMs : draft.startMs + LAST_TEXT_CUE_MS,
      speaker,
      text: body,
      settings: null,
      identifier: null,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Writing WebVTT

export function formatVttTimestamp(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot format ${ms} ms as a WebVTT timestamp`);
  const total = Math.round(ms);
  const millis = total % 1000;
  const totalSeconds = Math.floor(total / 1000);
  const seconds = totalSeconds % 60;
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const hours = Math.floor(totalSeconds / 3600);
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}.${String(millis).padStart(3, "0")}`;
}

function escapeVtt(text: string): string {
  // Escaping ">" also keeps "-->" out of the payload, where it would start a new cue.
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function serializeWebVTT(cues: readonly Cue[]): string {
  const blocks = cues.map((cue) => {
    const lines: string[] = [];
    // An identifier may not span lines or contain "-->", or it would be read as a timing line.
    if (cue.identifier) lines.push(cue.identifier.replace(/[\r\n]+/g, " ").replace(/-->/g, "->"));
    const settings = cue.settings ? ` ${cue.settings}` : "";
    lines.push(`${formatVttTimestamp(cue.startMs)} --> ${formatVttTimestamp(cue.endMs)}${settings}`);
    // A blank line would end the cue early, so empty lines inside the text are dropped.
    const body = cue.text
      .split(/\r\n|\r|\n/)
      .filter((line) => line.trim() !== "")
      .map(escapeVtt)
      .join("\n");
    lines.push(cue.speaker ? `<v ${escapeVtt(cue.speaker)}>${body}` : body);
    return lines.join("\n");
  });
  return `WEBVTT\n\n${blocks.join("\n\n")}\n`;
}
