import { describe, expect, test } from "vitest";
import {
  formatVttTimestamp,
  parseSRT,
  parseTimestampedText,
  parseTranscript,
  parseWebVTT,
  readSRT,
  readWebVTT,
  serializeWebVTT,
  TranscriptParseError,
  type Cue,
} from "./subtitles";

function parseError(run: () => unknown): TranscriptParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof TranscriptParseError) return error;
    throw error;
  }
  throw new Error("expected a TranscriptParseError, but parsing succeeded");
}

describe("parseWebVTT", () => {
  const wellFormed = [
    "WEBVTT - CPMS webinar",
    "Kind: captions",
    "",
    "STYLE",
    "::cue(.loud) { font-weight: bold }",
    "",
    "REGION",
    "id:speaker width:40% lines:3",
    "",
    "NOTE This recording was edited",
    "to remove a participant's name.",
    "",
    "welcome",
    "00:01.000 --> 00:04.500 align:start line:85%",
    "<v Amara Okafor>Welcome, everyone, to today's session.</v>",
    "",
    "00:04.500 --> 00:09.000",
    "<v.loud Dr. Lena Fischer>Thank you, Amara.",
    "It is good to be here.</v>",
    "",
    "NOTE",
    "",
    "00:00:09.000 --> 00:00:12.250",
    "<c.highlight>Pillar</c> <i>one</i> &amp; <b>two</b> &lt;draft&gt;&nbsp;only<00:00:10.000> <lang ar>&lrm;نعم&rlm;</lang>",
    "",
  ].join("\n");

  test("reads identifiers, settings, voices and plain cues, skipping header, NOTE, STYLE and REGION", () => {
    const cues = parseWebVTT(wellFormed);
    expect(cues).toEqual<Cue[]>([
      {
        startMs: 1000,
        endMs: 4500,
        speaker: "Amara Okafor",
        text: "Welcome, everyone, to today's session.",
        settings: "align:start line:85%",
        identifier: "welcome",
      },
      {
        startMs: 4500,
        endMs: 9000,
        speaker: "Dr. Lena Fischer",
        text: "Thank you, Amara.\nIt is good to be here.",
        settings: null,
        identifier: null,
      },
      {
        startMs: 9000,
        endMs: 12250,
        speaker: null,
        text: "Pillar one & two <draft>\u00a0only \u200eنعم\u200f",
        settings: null,
        identifier: null,
      },
    ]);
  });

  test("accepts a BOM, CRLF and lone CR line endings, and a tab after WEBVTT", () => {
    const crlf = "\uFEFFWEBVTT\tcaptions\r\n\r\n1\r\n00:00:01.000 --> 00:00:02.000\r\n<v Rania Haddad>Hello\r\n";
    expect(parseWebVTT(crlf)).toMatchObject([{ identifier: "1", speaker: "Rania Haddad", text: "Hello", endMs: 2000 }]);
    const cr = "WEBVTT\r\r00:01.000 --> 00:02.000\rOne\rTwo\r";
    expect(parseWebVTT(cr)).toMatchObject([{ text: "One\nTwo" }]);
  });

  test("reads hours past one hour and past 99 hours", () => {
    const cues = parseWebVTT("WEBVTT\n\n01:02:03.456 --> 01:02:05.000\nLate\n\n123:00:00.000 --> 123:00:01.000\nVery late\n");
    expect(cues.map((c) => [c.startMs, c.endMs])).toEqual([
      [3_723_456, 3_725_000],
      [442_800_000, 442_801_000],
    ]);
  });

  test("allows overlapping cues and equal starts, as when two people speak at once", () => {
    const cues = parseWebVTT("WEBVTT\n\n00:01.000 --> 00:05.000\nA\n\n00:01.000 --> 00:03.000\nB\n\n00:02.000 --> 00:04.000\nC\n");
    expect(cues.map((c) => c.text)).toEqual(["A", "B", "C"]);
  });

  test("a timing line inside cue text starts a new cue", () => {
    const cues = parseWebVTT("WEBVTT\n\n00:01.000 --> 00:02.000\nA\n00:02.000 --> 00:03.000\nB\n");
    expect(cues.map((c) => c.text)).toEqual(["A", "B"]);
  });

  test.each([
    ["", 1, "empty", "Line 1: the file is empty; upload a transcript file that contains cues"],
    ["  \n\n", 1, "empty", "Line 1: the file is empty"],
    ["00:01.000 --> 00:02.000\nHi\n", 1, "missing-header", "Line 1: a WebVTT file must start with WEBVTT"],
    ["WEBVTTX\n\n00:01.000 --> 00:02.000\nHi\n", 1, "missing-header", "Line 1: a WebVTT file must start with WEBVTT"],
    ["WEBVTT\n\nNOTE nothing here\n", 1, "no-cues", "Line 1: the file has a WEBVTT header but no cues"],
  ])("rejects %j at line %i (%s)", (input, line, code, message) => {
    const error = parseError(() => parseWebVTT(input));
    expect(error.line).toBe(line);
    expect(error.code).toBe(code);
    expect(error.message.startsWith(message)).toBe(true);
  });

  test("a cue right under the header, without a blank line, starts the cues (as in the spec)", () => {
    expect(readWebVTT("WEBVTT\n00:01.000 --> 00:02.000\nHi\n")).toEqual({
      cues: [{ startMs: 1000, endMs: 2000, speaker: null, text: "Hi", settings: null, identifier: null }],
      skipped: [],
    });
  });

  test("skips a cue whose end time is before its start time, naming both times and the line, and keeps the rest", () => {
    const file = [
      "WEBVTT",
      "",
      "00:00:01.000 --> 00:00:04.000",
      "Fine",
      "",
      "cue-2",
      "00:00:05.000 --> 00:00:04.000",
      "Broken",
    ].join("\n");
    const { cues, skipped } = readWebVTT(file);
    expect(cues.map((c) => c.text)).toEqual(["Fine"]);
    expect(skipped).toEqual([
      {
        line: 7,
        code: "end-before-start",
        reason: "the end time 00:00:04.000 is before the start time 00:00:05.000",
        params: { line: 7, start: "00:00:05.000", end: "00:00:04.000" },
      },
    ]);
  });

  test("when every cue is bad, the first problem is the file's error", () => {
    const error = parseError(() => parseWebVTT("WEBVTT\n\n00:05.000 --> 00:04.000\nBackwards\n"));
    expect(error.message).toBe("Line 3: the end time 00:00:04.000 is before the start time 00:00:05.000");
    expect(error).toMatchObject({ line: 3, code: "end-before-start" });
  });

  test("keeps a zero-length cue", () => {
    expect(readWebVTT("WEBVTT\n\n00:05.000 --> 00:05.000\nZero\n")).toMatchObject({
      cues: [{ startMs: 5000, endMs: 5000, text: "Zero" }],
      skipped: [],
    });
  });

  test("skips a cue whose start goes back before the previous cue's start", () => {
    const file = "WEBVTT\n\n00:01:05.000 --> 00:01:08.000\nA\n\n00:01:00.000 --> 00:01:09.000\nB\n";
    const { cues, skipped } = readWebVTT(file);
    expect(cues.map((c) => c.text)).toEqual(["A"]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ line: 6, code: "backwards", params: { previousLine: 3, start: "00:01:00.000", previousStart: "00:01:05.000" } });
    expect(skipped[0]!.reason).toBe("this cue starts at 00:01:00.000, before the previous cue (line 3) starting at 00:01:05.000; put the cues in time order");
  });

  test("skips a timing line without an arrow, pointing at that line", () => {
    const file = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\n00:00:03.000 00:00:04.000\nB\n";
    const { cues, skipped } = readWebVTT(file);
    expect(cues.map((c) => c.text)).toEqual(["A"]);
    expect(skipped).toMatchObject([{ line: 6, code: "missing-arrow" }]);
    expect(skipped[0]!.reason).toContain("00:00:01.000 --> 00:00:04.000");
  });

  test("skips an identifier followed by text instead of a timing line", () => {
    const file = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\nintro\nWelcome everyone\n";
    const { skipped } = readWebVTT(file);
    expect(skipped).toMatchObject([{ line: 7, code: "bad-timing", reason: "expected a timing line like 00:00:01.000 --> 00:00:04.000" }]);
  });

  test.each([
    ["00:61:00.000", "minutes", 61],
    ["00:00:75.000", "seconds", 75],
    ["60:00.000", "minutes", 60],
  ])("rejects the out-of-range time %s", (time, unit, number) => {
    // The only cue is bad, so the file is refused with that cue's problem.
    const error = parseError(() => parseWebVTT(`WEBVTT\n\n${time} --> 99:00:00.000\nA\n`));
    expect(error).toMatchObject({ line: 3, code: "bad-number", params: { unit, number } });
    expect(error.message).toBe(`Line 3: ${time} is not a valid time: the ${unit} (${number}) must be between 00 and 59`);
  });

  test.each(["0:01.000", "00:01.5", "00:00:1.000", "00:01.0000", "abc"])("rejects the malformed time %s", (time) => {
    const error = parseError(() => parseWebVTT(`WEBVTT\n\n00:00.000 --> ${time}\nA\n`));
    expect(error).toMatchObject({ line: 3, code: "bad-timestamp" });
    expect(error.message).toContain(`"${time}" is not a valid time`);
  });

  test("explains that WebVTT needs a dot, not the SRT comma", () => {
    const error = parseError(() => parseWebVTT("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nA\n"));
    expect(error.message).toBe(
      'Line 3: "00:00:01,000" uses a comma before the milliseconds; WebVTT needs a dot, for example 00:00:01.000',
    );
  });

  test("the error is an Error with a readable name", () => {
    const error = parseError(() => parseWebVTT(""));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("TranscriptParseError");
  });
});

describe("parseSRT", () => {
  test("reads numbered blocks with comma milliseconds, a BOM and CRLF, stripping formatting tags", () => {
    const file =
      "\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>Welcome</i> to the <b>webinar</b>.\r\n\r\n" +
      "2\r\n00:00:02,500 --> 00:00:06,000\r\nAmara: children < 5 need\r\n<font color=\"#fff\">extra care</font>\r\n\r\n";
    expect(parseSRT(file)).toEqual<Cue[]>([
      { startMs: 1000, endMs: 2500, speaker: null, text: "Welcome to the webinar.", settings: null, identifier: "1" },
      {
        startMs: 2500,
        endMs: 6000,
        speaker: null,
        text: "Amara: children < 5 need\nextra care",
        settings: null,
        identifier: "2",
      },
    ]);
  });

  test("accepts dot milliseconds, single-digit hours and times past one hour", () => {
    const cues = parseSRT("7\n1:30:00.250 --> 01:30:04.000\nLater on\n");
    expect(cues).toMatchObject([{ startMs: 5_400_250, endMs: 5_404_000, identifier: "7" }]);
  });

  test("skips a bad cue, with its line, and keeps the others", () => {
    const file = "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 -> 00:00:04,000\nB\n\n3\n00:00:05,000\u00a0-->\u00a000:00:06,000\nC\n";
    const { cues, skipped } = readSRT(file);
    expect(cues.map((c) => [c.identifier, c.text])).toEqual([
      ["1", "A"],
      ["3", "C"],
    ]);
    expect(skipped).toMatchObject([{ line: 6, code: "missing-arrow" }]);
  });

  test("a file with only bad cues is refused with the first problem, its line and its reason", () => {
    expect(parseError(() => parseSRT("1\n00:00:01,000 -> 00:00:02,000\nA\n"))).toMatchObject({
      line: 2,
      code: "missing-arrow",
    });
    expect(parseError(() => parseSRT("1\n00:00:03,000 --> 00:00:02,000\nA\n")).message).toBe(
      "Line 2: the end time 00:00:02.000 is before the start time 00:00:03.000",
    );
    expect(readSRT("1\n00:00:05,000 --> 00:00:06,000\nA\n\n2\n00:00:04,000 --> 00:00:07,000\nB\n")).toMatchObject({
      cues: [{ text: "A" }],
      skipped: [{ line: 6, code: "backwards" }],
    });
    expect(parseError(() => parseSRT("1\n00:00:61,000 --> 00:01:02,000\nA\n"))).toMatchObject({
      line: 2,
      code: "bad-number",
    });
    expect(parseError(() => parseSRT("1\nHello there\n"))).toMatchObject({ line: 2, code: "bad-timing" });
    expect(parseError(() => parseSRT("\r\n"))).toMatchObject({ line: 1, code: "empty" });
  });
});

describe("parseTimestampedText", () => {
  test("reads bracketed and bare times, speakers, wrapped lines, and gives the last line five seconds", () => {
    const file = [
      "[00:00:02] Amara Okafor: Welcome to the session.",
      "[00:00:07] Dr. Lena Fischer: Thank you.",
      "Let me share my screen.",
      "",
      "00:01:05 This line has no speaker: only words.",
      "01:10 - Note on the slide",
    ].join("\n");
    expect(parseTimestampedText(file)).toEqual<Cue[]>([
      { startMs: 2000, endMs: 7000, speaker: "Amara Okafor", text: "Welcome to the session.", settings: null, identifier: null },
      {
        startMs: 7000,
        endMs: 65_000,
        speaker: "Dr. Lena Fischer",
        text: "Thank you.\nLet me share my screen.",
        settings: null,
        identifier: null,
      },
      { startMs: 65_000, endMs: 70_000, speaker: null, text: "This line has no speaker: only words.", settings: null, identifier: null },
      { startMs: 70_000, endMs: 75_000, speaker: null, text: "Note on the slide", settings: null, identifier: null },
    ]);
  });

  test("rejects text before the first time, backwards and repeated times, and bad numbers", () => {
    expect(parseError(() => parseTimestampedText("Transcript\n[00:00:01] Hi"))).toMatchObject({
      line: 1,
      code: "bad-timing",
    });
    expect(parseError(() => parseTimestampedText("[00:00:09] A\n[00:00:08] B"))).toMatchObject({
      line: 2,
      code: "backwards",
    });
    expect(parseError(() => parseTimestampedText("[00:00:09] A\n[00:00:09] B"))).toMatchObject({
      line: 2,
      code: "duplicate-time",
    });
    expect(parseError(() => parseTimestampedText("[00:61:00] A"))).toMatchObject({ line: 1, code: "bad-number" });
  });
});

describe("parseTranscript", () => {
  test("dispatches on the format", () => {
    expect(parseTranscript("WEBVTT\n\n00:01.000 --> 00:02.000\nA", "vtt")[0]!.text).toBe("A");
    expect(parseTranscript("1\n00:00:01,000 --> 00:00:02,000\nB", "srt")[0]!.text).toBe("B");
    expect(parseTranscript("[00:00:01] C", "txt")[0]!.text).toBe("C");
  });
});

describe("formatVttTimestamp and serializeWebVTT", () => {
  test("formats with hours always present, rounding to the millisecond", () => {
    expect(formatVttTimestamp(0)).toBe("00:00:00.000");
    expect(formatVttTimestamp(65_432.4)).toBe("00:01:05.432");
    expect(formatVttTimestamp(3_600_000 * 123 + 1)).toBe("123:00:00.001");
    expect(() => formatVttTimestamp(-1)).toThrow(RangeError);
  });

  test("round trips cues with speakers, settings, identifiers, special characters and long times", () => {
    const cues: Cue[] = [
      { startMs: 0, endMs: 2500, speaker: "Amara Okafor", text: "Welcome & thanks", settings: null, identifier: "intro" },
      {
        startMs: 2500,
        endMs: 7000,
        speaker: "Rania <Haddad>",
        text: "Layers --> pyramid\n<not a tag>",
        settings: "line:0 align:end",
        identifier: null,
      },
      { startMs: 3_725_000, endMs: 3_729_999, speaker: null, text: "نعم\u00a0— oui", settings: null, identifier: "3" },
    ];
    const written = serializeWebVTT(cues);
    expect(written.startsWith("WEBVTT\n\nintro\n00:00:00.000 --> 00:00:02.500\n<v Amara Okafor>Welcome &amp; thanks")).toBe(
      true,
    );
    expect(parseWebVTT(written)).toEqual(cues);
  });

  test("round trips what the parser read from a real-looking file", () => {
    const original = parseWebVTT(
      "WEBVTT\n\n00:01.000 --> 00:04.000 align:start\n<v Priya Raman>Child labour <i>is</i> work that harms children.\n",
    );
    expect(parseWebVTT(serializeWebVTT(original))).toEqual(original);
  });
});

// Cases from the W3C WebVTT parsing algorithm (https://www.w3.org/TR/webvtt1/#file-parsing) and
// from files that real tools write.
describe("readWebVTT: the spec's parsing cases", () => {
  test("a form feed around the arrow is whitespace; a vertical tab or no-break space skips only that cue", () => {
    const file = [
      "WEBVTT",
      "",
      "00:00:01.000\f-->\f00:00:02.000\fline:0",
      "Form feed",
      "",
      "00:00:03.000\u000b--> 00:00:04.000",
      "Vertical tab",
      "",
      "00:00:05.000 -->\u00a000:00:06.000",
      "No-break space",
      "",
      "00:00:07.000 --> 00:00:08.000\u00a0align:start",
      "No-break space before the settings",
      "",
      "00:00:09.000 --> 00:00:10.000",
      "Last",
    ].join("\n");
    const { cues, skipped } = readWebVTT(file);
    expect(cues.map((c) => [c.text, c.settings])).toEqual([
      ["Form feed", "line:0"],
      ["Last", null],
    ]);
    expect(skipped.map((s) => [s.line, s.code])).toEqual([
      [6, "bad-timing"],
      [9, "bad-timing"],
      [12, "bad-timing"],
    ]);
    expect(skipped[0]!.reason).toContain("a vertical tab (U+000B)");
    expect(skipped[1]!.reason).toContain("a no-break space (U+00A0)");
  });

  test("hours are optional and may have one digit or many", () => {
    const { cues, skipped } = readWebVTT("WEBVTT\n\n1:02:03.004 --> 1:02:04.000\nOne-digit hours\n\n123:00:00.000 --> 123:00:01.000\nMany\n");
    expect(skipped).toEqual([]);
    expect(cues.map((c) => [c.startMs, c.endMs])).toEqual([
      [3_723_004, 3_724_000],
      [442_800_000, 442_801_000],
    ]);
  });

  test("the arrow needs no spaces around it, and settings may be separated by tabs", () => {
    expect(readWebVTT("WEBVTT\n\n00:01.000-->00:02.000\tline:0\t align:end\nTight\n").cues).toMatchObject([
      { startMs: 1000, endMs: 2000, settings: "line:0 align:end", text: "Tight" },
    ]);
  });

  test("keeps cue identifiers, including Zoom's numbers; an identifier line with -->  is a timing line", () => {
    const file = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nA\n\nintro part\n00:00:02.000 --> 00:00:03.000\nB\n\nchapter --> two\n00:00:03.000 --> 00:00:04.000\nC\n";
    const { cues, skipped } = readWebVTT(file);
    expect(cues.map((c) => [c.identifier, c.text])).toEqual([
      ["1", "A"],
      ["intro part", "B"],
      [null, "C"],
    ]);
    // The would-be identifier is reported; the cue under it survives.
    expect(skipped).toMatchObject([{ line: 11, code: "bad-timestamp" }]);
  });

  test("NOTE, STYLE and REGION blocks are not cues; a NOTE holding --> is read as a timing line (the spec forbids it there) and reported; NUL becomes U+FFFD", () => {
    const file = "WEBVTT\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r1\n\nNOTE a --> b is fine in a note?\n\n00:01.000 --> 00:02.000\nA\u0000B\n";
    const { cues, skipped } = readWebVTT(file);
    expect(cues.map((c) => c.text)).toEqual(["A\uFFFDB"]);
    expect(skipped.map((s) => s.line)).toEqual([9]);
  });

  test("WEBVTT must be followed by a space, a tab or the end of the line", () => {
    expect(readWebVTT("WEBVTT\tKind: captions\n\n00:01.000 --> 00:02.000\nA\n").cues).toHaveLength(1);
    expect(parseError(() => readWebVTT("WEBVTT-x\n\n00:01.000 --> 00:02.000\nA\n"))).toMatchObject({ code: "missing-header" });
  });

  test("Zoom transcripts: numbered cues with 'Name: text' keep the speaker", () => {
    const zoom = [
      "WEBVTT",
      "",
      "1",
      "00:00:02.350 --> 00:00:05.120",
      "Amara Okafor: Good morning, everyone.",
      "",
      "2",
      "00:00:05.700 --> 00:00:09.010",
      "Rania Haddad: Thank you. Today: the minimum standards.",
      "",
      "3",
      "00:00:09.500 --> 00:00:12.000",
      "Amara Okafor: Let's begin.",
      "",
    ].join("\r\n");
    expect(readWebVTT(zoom).cues.map((c) => [c.identifier, c.speaker, c.text])).toEqual([
      ["1", "Amara Okafor", "Good morning, everyone."],
      ["2", "Rania Haddad", "Thank you. Today: the minimum standards."],
      ["3", "Amara Okafor", "Let's begin."],
    ]);
  });

  test("an ordinary file keeps 'Word: text' as text", () => {
    const file = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Amina>Welcome.\n\n00:02.000 --> 00:03.000\nToday: the standards.\n\n00:03.000 --> 00:04.000\nNext: questions.\n";
    expect(readWebVTT(file).cues.map((c) => [c.speaker, c.text])).toEqual([
      ["Amina", "Welcome."],
      [null, "Today: the standards."],
      [null, "Next: questions."],
    ]);
  });
});
