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

type TranscriptErrorCode =
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

type TranscriptErrorParams = Record<string, string | number>;

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
const LAST_TEXT_CUE_MS = 5_000;

/** The cues of a transcript; a cue that cannot be read is left out (readTranscript lists them). */
export function parseTranscript(text: string, format: TranscriptFormat): Cue[] {
  return readTranscript(text, format).cues;
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
    // The spec takes hours of any length ("1:02:03.000"), minutes and seconds of exactly two
    // digits and milliseconds of exactly three.
    if (fractionText === undefined || fractionText.length !== 3) return bad();
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
// Reading with tolerance: a bad cue is skipped and reported, the rest of the file is kept

/** A cue left out of the transcript, with the line to look at and why (same shape as an error). */
export type SkippedCue = { line: number; code: TranscriptErrorCode; reason: string; params: TranscriptErrorParams };

type TranscriptReading = { cues: Cue[]; skipped: SkippedCue[] };

function skippedFrom(error: TranscriptParseError): SkippedCue {
  return { line: error.line, code: error.code, reason: error.reason, params: error.params };
}

/**
 * Reads a transcript, keeping every cue that can be read. Problems with the file as a whole
 * (empty, no WEBVTT signature, nothing readable at all) still throw a TranscriptParseError; a
 * problem with one cue only leaves that cue out and lists it in `skipped`.
 */
export function readTranscript(text: string, format: TranscriptFormat): TranscriptReading {
  switch (format) {
    case "vtt":
      return readWebVTT(text);
    case "srt":
      return readSRT(text);
    case "txt":
      return { cues: parseTimestampedText(text), skipped: [] };
  }
}

// With nothing kept, the first problem is the reason the file cannot be used.
function requireSomeCues(reading: TranscriptReading, noCues: () => TranscriptParseError): TranscriptReading {
  if (reading.cues.length > 0) return reading;
  const first = reading.skipped[0];
  if (first) throw new TranscriptParseError(first.line, first.code, first.reason, first.params);
  throw noCues();
}

// Checks shared by both formats once a cue's times are read. A cue that ends when it starts is
// kept (WebVTT allows it: a caption that flashes, or a chapter mark); one that ends before it
// starts, or starts before the previous cue, is skipped.
function checkCueOrder(timing: Timing, lineNumber: number, previous: { startMs: number; line: number } | null): void {
  if (timing.endMs < timing.startMs) {
    const start = formatVttTimestamp(timing.startMs);
    const end = formatVttTimestamp(timing.endMs);
    throw new TranscriptParseError(lineNumber, "end-before-start", `the end time ${end} is before the start time ${start}`, { start, end });
  }
  assertNotBackwards(timing.startMs, previous, lineNumber);
}

// ---------------------------------------------------------------------------------------------
// WebVTT, following the W3C parsing algorithm (https://www.w3.org/TR/webvtt1/#file-parsing)
// with one deliberate leniency: a line of only spaces separates blocks, as an empty line does,
// because editors leave trailing spaces and the strict reading would glue two cues together.

// "ASCII whitespace" in the spec: tab, line feed, form feed, carriage return and space. A
// no-break space or a vertical tab is not whitespace there, so a timing line holding one is bad.
const VTT_WHITESPACE = /[\t\n\f\r ]/;
const VTT_WHITESPACE_RUN = /[\t\n\f\r ]+/;
// eslint-disable-next-line no-control-regex -- the vertical tab is what this looks for
const ODD_SPACE = /[\u000b\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/;

function describeOddSpace(token: string): string | null {
  const found = ODD_SPACE.exec(token)?.[0];
  if (!found) return null;
  const code = `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = found === "\u00a0" ? "a no-break space" : found === "\u000b" ? "a vertical tab" : "an invisible space";
  return `${name} (${code})`;
}

/** "collect a WebVTT timestamp" on the token, with a message that names what is wrong. */
function vttTimestamp(token: string, lineNumber: number): number {
  const odd = describeOddSpace(token);
  if (odd) {
    throw new TranscriptParseError(
      lineNumber,
      "bad-timing",
      `the timing line contains ${odd}, which WebVTT does not accept between times; replace it with an ordinary space`,
      { value: token, character: odd },
    );
  }
  return parseTimestamp(token, lineNumber, "vtt");
}

/** "collect WebVTT cue timings and settings" from one line that contains "-->". */
function parseVttTimingLine(line: string, lineNumber: number): Timing {
  let position = 0;
  const skipWhitespace = () => {
    while (position < line.length && VTT_WHITESPACE.test(line[position]!)) position++;
  };
  skipWhitespace();
  const arrow = line.indexOf("-->", position);
  // The start time runs to the arrow (the spec stops at the first character that cannot be part
  // of a timestamp, which then has to be whitespace or the arrow).
  const startToken = line.slice(position, arrow).replace(/[\t\n\f\r ]+$/, "");
  if (startToken === "") {
    throw new TranscriptParseError(lineNumber, "bad-timing", `the timing line needs a start and an end time, like ${TIMING_EXAMPLE}`, { example: TIMING_EXAMPLE });
  }
  if (VTT_WHITESPACE.test(startToken)) {
    // Two words before the arrow: "00:01.000 00:02.000 --> …" or an identifier and a time.
    throw new TranscriptParseError(lineNumber, "bad-timing", `expected a timing line like ${TIMING_EXAMPLE}`, { example: TIMING_EXAMPLE });
  }
  const startMs = vttTimestamp(startToken, lineNumber);
  position = arrow + 3;
  skipWhitespace();
  const rest = line.slice(position);
  const endToken = rest.split(VTT_WHITESPACE_RUN, 1)[0] ?? "";
  if (endToken === "") {
    throw new TranscriptParseError(lineNumber, "bad-timing", `the timing line needs a start and an end time, like ${TIMING_EXAMPLE}`, { example: TIMING_EXAMPLE });
  }
  const endMs = vttTimestamp(endToken, lineNumber);
  const settings = rest
    .slice(endToken.length)
    .split(VTT_WHITESPACE_RUN)
    .filter((part) => part !== "")
    .join(" ");
  return { startMs, endMs, settings: settings || null };
}

const VOICE_TAG = /<v(?:\.[^\s>]*)*(?:[ \t]+([^>]*))?>/;

function cleanVttText(payload: string[]): { speaker: string | null; text: string; voiced: boolean } {
  const joined = payload.join("\n");
  // A cue normally holds one voice; when it holds several, the first speaker names the cue.
  const voice = VOICE_TAG.exec(joined);
  const speaker = voice?.[1] ? decodeEntities(voice[1].trim()) || null : null;
  const text = decodeEntities(joined.replace(/<[^>\n]*>/g, "")).trim();
  return { speaker, text, voiced: voice !== null };
}

type VttBlock =
  | { kind: "cue"; identifier: string | null; timing: Timing; timingLine: number; payload: string[] }
  | { kind: "bad-cue"; error: TranscriptParseError }
  | { kind: "other"; lines: string[]; firstLine: number };

/**
 * "collect a WebVTT block": an optional identifier line, a timing line, then the cue's text up
 * to a blank line. A line with "-->" further down starts the next block, so a missing blank line
 * does not swallow the next cue, and a would-be identifier containing "-->" is read as a timing
 * line (and reported when it is not one) while the cue under it survives.
 */
function collectVttBlock(lines: string[], from: number): { block: VttBlock; next: number } {
  let index = from;
  let count = 0;
  let seenArrow = false;
  let buffer: string[] = [];
  let timing: Timing | null = null;
  let timingLine = 0;
  let identifier: string | null = null;
  let error: TranscriptParseError | null = null;
  while (index < lines.length) {
    const line = lines[index]!;
    if (isBlank(line)) break;
    count++;
    if (line.includes("-->")) {
      if (count === 1 || (count === 2 && !seenArrow)) {
        seenArrow = true;
        identifier = buffer.length ? buffer[0]!.trim() || null : null;
        buffer = [];
        timingLine = index + 1;
        try {
          timing = parseVttTimingLine(line, timingLine);
        } catch (caught) {
          if (!(caught instanceof TranscriptParseError)) throw caught;
          error = caught;
        }
        index++;
        continue;
      }
      break;
    }
    buffer.push(line);
    index++;
  }
  if (error) return { block: { kind: "bad-cue", error }, next: index };
  if (timing) return { block: { kind: "cue", identifier, timing, timingLine, payload: buffer }, next: index };
  return { block: { kind: "other", lines: buffer, firstLine: from + 1 }, next: index };
}

// Zoom's own transcripts carry no <v> tags; they number every cue and start its text with
// "Speaker Name: ". The label is taken as a speaker only in files shaped like that (no voice tags,
// and most cues labelled by a name), so "Today: the agenda" in an ordinary file stays text.
function applyZoomSpeakers(cues: (Cue & { voiced: boolean })[]): Cue[] {
  const plain = cues.map(({ voiced: _voiced, ...cue }) => cue);
  if (cues.some((cue) => cue.voiced)) return plain;
  const split = plain.map((cue) => splitSpeaker(cue.text));
  const labelled = split.filter((s) => s.speaker !== null).length;
  if (labelled < 2 || labelled < plain.length * 0.6) return plain;
  return plain.map((cue, i) => ({ ...cue, speaker: split[i]!.speaker, text: split[i]!.speaker ? split[i]!.text : cue.text }));
}

export function readWebVTT(text: string): TranscriptReading {
  // The spec's preprocessing: NUL becomes U+FFFD; CRLF and CR become LF (splitLines).
  // eslint-disable-next-line no-control-regex -- NUL is what the spec replaces
  const lines = splitLines(text.replace(/\u0000/g, "\uFFFD"));
  assertNotEmpty(lines);

  if (!/^WEBVTT(?:[ \t]|$)/.test(lines[0]!)) {
    throw new TranscriptParseError(
      1,
      "missing-header",
      'a WebVTT file must start with WEBVTT on its first line; add the line "WEBVTT" and a blank line before the first cue',
    );
  }

  // The header runs to the first blank line, or to a line with "-->", which starts the first cue.
  let index = 1;
  while (index < lines.length && !isBlank(lines[index]!) && !lines[index]!.includes("-->")) index++;

  const cues: (Cue & { voiced: boolean })[] = [];
  const skipped: SkippedCue[] = [];
  let previous: { startMs: number; line: number } | null = null;
  while (index < lines.length) {
    if (isBlank(lines[index]!)) {
      index++;
      continue;
    }
    const { block, next } = collectVttBlock(lines, index);
    index = next;
    if (block.kind === "bad-cue") {
      skipped.push(skippedFrom(block.error));
      continue;
    }
    if (block.kind === "other") {
      const first = block.lines[0]!;
      if (/^NOTE(?:[ \t]|$)/.test(first) || /^(?:STYLE|REGION)[ \t]*$/.test(first)) continue;
      // Text with no timing line: point at the line that should have been the timing line.
      const at = TIMESTAMP_LIKE.test(first) || block.lines.length === 1 ? 0 : 1;
      try {
        throwMissingTiming(block.lines[at]!, block.firstLine + at);
      } catch (caught) {
        if (!(caught instanceof TranscriptParseError)) throw caught;
        skipped.push(skippedFrom(caught));
      }
      continue;
    }
    try {
      checkCueOrder(block.timing, block.timingLine, previous);
    } catch (caught) {
      if (!(caught instanceof TranscriptParseError)) throw caught;
      skipped.push(skippedFrom(caught));
      continue;
    }
    previous = { startMs: block.timing.startMs, line: block.timingLine };
    cues.push({ ...block.timing, ...cleanVttText(block.payload), identifier: block.identifier });
  }

  return requireSomeCues(
    { cues: applyZoomSpeakers(cues), skipped },
    () =>
      new TranscriptParseError(1, "no-cues", `the file has a WEBVTT header but no cues; add cues with timing lines like ${TIMING_EXAMPLE}`, {
        example: TIMING_EXAMPLE,
      }),
  );
}

/** The cues of a WebVTT file; cues that cannot be read are left out (readWebVTT lists them). */
export function parseWebVTT(text: string): Cue[] {
  return readWebVTT(text).cues;
}

// ---------------------------------------------------------------------------------------------
// SRT

// SRT has no escaping, so only strip the formatting tags players know; "< 5 years" stays text.
const SRT_TAGS = /<\/?(?:i|b|u|s|font)(?:\s[^>]*)?>|\{\\[^}]*\}/gi;

// SRT has no specification; players read any whitespace around the arrow, including the
// no-break spaces and form feeds word processors leave behind.
function parseSrtTimingLine(line: string, lineNumber: number): Timing {
  const arrow = line.indexOf("-->");
  if (arrow === -1) return throwMissingTiming(line, lineNumber);
  const startToken = line.slice(0, arrow).replace(/^[\s\ufeff]+|[\s\ufeff]+$/g, "");
  const rest = line.slice(arrow + 3).replace(/^[\s\ufeff]+/, "");
  const endToken = rest.split(/[\s\ufeff]+/, 1)[0] ?? "";
  if (startToken === "" || endToken === "") {
    throw new TranscriptParseError(lineNumber, "bad-timing", `the timing line needs a start and an end time, like ${TIMING_EXAMPLE}`, { example: TIMING_EXAMPLE });
  }
  const startMs = parseTimestamp(startToken, lineNumber, "srt");
  const endMs = parseTimestamp(endToken, lineNumber, "srt");
  const settings = rest.slice(endToken.length).trim();
  return { startMs, endMs, settings: settings || null };
}

export function readSRT(text: string): TranscriptReading {
  const lines = splitLines(text);
  assertNotEmpty(lines);

  type Block = { lines: string[]; firstLine: number };
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
  const skipped: SkippedCue[] = [];
  let previous: { startMs: number; line: number } | null = null;
  for (const block of blocks) {
    // The cue number is expected, but files cut by hand often lose it; the timing line decides.
    const firstHasArrow = block.lines[0]!.includes("-->");
    const timingIndex = firstHasArrow ? 0 : TIMESTAMP_LIKE.test(block.lines[0]!) || block.lines.length === 1 ? 0 : 1;
    const timingLineNumber = block.firstLine + timingIndex;
    let timing: Timing;
    try {
      timing = parseSrtTimingLine(block.lines[timingIndex]!, timingLineNumber);
      checkCueOrder(timing, timingLineNumber, previous);
    } catch (caught) {
      if (!(caught instanceof TranscriptParseError)) throw caught;
      skipped.push(skippedFrom(caught));
      continue;
    }
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
      identifier: timingIndex === 1 ? block.lines[0]!.replace(/^\ufeff/, "").trim() : null,
    });
  }

  return requireSomeCues({ cues, skipped }, () => new TranscriptParseError(1, "no-cues", `the file has no cues; add cues with timing lines like 00:00:01,000 --> 00:00:04,000`));
}

/** The cues of an SRT file; cues that cannot be read are left out (readSRT lists them). */
export function parseSRT(text: string): Cue[] {
  return readSRT(text).cues;
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
