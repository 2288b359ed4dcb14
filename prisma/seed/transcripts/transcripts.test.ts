import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { parseWebVTT, type Cue } from "../../../app/recordings/subtitles.ts";
import { TRANSCRIPT_CHAPTERS } from "./chapters.ts";

const FILES = [
  "cpms-2019-edition-introduction.en.vtt",
  "mhpss-distress-in-children.en.vtt",
  "mhpss-distress-in-children.ar.vtt",
  "unaccompanied-separated-children.en.vtt",
  "gestion-de-cas.fr.vtt",
  "educacion-y-proteccion.es.vtt",
  "child-labour-live-qa.en.vtt",
] as const;

function load(file: string): Cue[] {
  return parseWebVTT(readFileSync(fileURLToPath(new URL(file, import.meta.url)), "utf8"));
}

const baseName = (file: string) => file.replace(/\.[a-z]{2}\.vtt$/, "");

describe.each(FILES)("%s", (file) => {
  const cues = load(file);

  test("has 35 to 70 cues, each with a speaker and some words", () => {
    expect(cues.length).toBeGreaterThanOrEqual(35);
    expect(cues.length).toBeLessThanOrEqual(70);
    for (const cue of cues) {
      expect(cue.speaker, `cue at ${cue.startMs} ms`).toBeTruthy();
      expect(cue.text.trim(), `cue at ${cue.startMs} ms`).not.toBe("");
      expect(cue.text).not.toMatch(/[<>]/);
    }
  });

  test("starts increase, cues do not overlap, and each lasts 2 to 7 seconds", () => {
    cues.forEach((cue, i) => {
      if (i > 0) {
        expect(cue.startMs).toBeGreaterThan(cues[i - 1]!.startMs);
        expect(cue.startMs).toBeGreaterThanOrEqual(cues[i - 1]!.endMs);
      }
      expect(cue.endMs - cue.startMs).toBeGreaterThanOrEqual(2000);
      expect(cue.endMs - cue.startMs).toBeLessThanOrEqual(7000);
    });
  });

  test("lasts between 3 and 6 minutes", () => {
    const durationMs = cues.at(-1)!.endMs;
    expect(durationMs).toBeGreaterThanOrEqual(3 * 60_000);
    expect(durationMs).toBeLessThanOrEqual(6 * 60_000);
  });

  test("has 3 to 5 chapters that start on a cue, in order, within the recording", () => {
    const chapters = TRANSCRIPT_CHAPTERS[baseName(file)];
    expect(chapters, `chapters for ${baseName(file)}`).toBeDefined();
    expect(chapters!.length).toBeGreaterThanOrEqual(3);
    expect(chapters!.length).toBeLessThanOrEqual(5);
    expect(chapters![0]!.startSeconds).toBe(0);
    chapters!.forEach((chapter, i) => {
      if (i > 0) expect(chapter.startSeconds).toBeGreaterThan(chapters![i - 1]!.startSeconds);
      expect(chapter.startSeconds * 1000).toBeLessThan(cues.at(-1)!.endMs);
      // The first cue of the chapter begins within the second the chapter points at.
      if (i > 0) {
        expect(cues.some((cue) => cue.startMs >= chapter.startSeconds * 1000 && cue.startMs < (chapter.startSeconds + 1) * 1000)).toBe(
          true,
        );
      }
    });
  });
});

test("every recording has chapters and no chapters are left without a recording", () => {
  expect(Object.keys(TRANSCRIPT_CHAPTERS).sort()).toEqual([...new Set(FILES.map(baseName))].sort());
});

test("the Arabic translation keeps the English timings and the speakers' turns", () => {
  const english = load("mhpss-distress-in-children.en.vtt");
  const arabic = load("mhpss-distress-in-children.ar.vtt");
  expect(arabic.map((c) => [c.startMs, c.endMs])).toEqual(english.map((c) => [c.startMs, c.endMs]));
  const turns = (cues: Cue[]) => cues.map((c, i) => (i > 0 && c.speaker === cues[i - 1]!.speaker ? "same" : "change"));
  expect(turns(arabic)).toEqual(turns(english));
  expect(new Set(arabic.map((c) => c.speaker)).size).toBe(3);
  for (const cue of arabic) expect(cue.text).toMatch(/[\u0600-\u06ff]/);
});
