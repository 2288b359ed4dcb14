import { describe, expect, it } from "vitest";
import { formatChapterLines, formatDuration, parseChapterLines, parseDuration, readStoredChapters } from "./chapters.ts";

describe("chapters", () => {
  it("reads durations", () => {
    expect(parseDuration("05:30")).toBe(330);
    expect(parseDuration("1:02:03")).toBe(3723);
    expect(parseDuration("5:75")).toBeNull();
    expect(formatDuration(3723)).toBe("1:02:03");
    expect(formatDuration(330)).toBe("05:30");
  });

  it("reads an organiser's lines, naming the line that is wrong", () => {
    expect(parseChapterLines("00:00 Welcome\n\n12:30 Questions")).toEqual({ chapters: [{ title: "Welcome", startSeconds: 0 }, { title: "Questions", startSeconds: 750 }] });
    expect(parseChapterLines("00:00 Welcome\nsoon Questions")).toEqual({ error: { key: "chapterFormat", params: { line: 2 } } });
    expect(parseChapterLines("10:00 B\n05:00 A")).toEqual({ error: { key: "chapterOrder", params: { line: 2 } } });
  });

  it("keeps well-formed stored chapters in time order and drops the rest", () => {
    expect(readStoredChapters('[{"title":"B","startSeconds":60.7},{"title":"A","startSeconds":0},{"title":3},{"startSeconds":5},{"title":"C","startSeconds":-1}]')).toEqual([
      { title: "A", startSeconds: 0 },
      { title: "B", startSeconds: 60 },
    ]);
    expect(readStoredChapters("not json")).toEqual([]);
    expect(readStoredChapters('{"title":"x"}')).toEqual([]);
  });

  it("gives back the lines an organiser wrote, and nothing for malformed JSON", () => {
    const parsed = parseChapterLines("00:00 Welcome\n1:02:30 Questions");
    if (!("chapters" in parsed)) throw new Error("expected chapters");
    expect(formatChapterLines(JSON.stringify(parsed.chapters))).toBe("00:00 Welcome\n1:02:30 Questions");
    expect(formatChapterLines("{oops")).toBe("");
  });
});
