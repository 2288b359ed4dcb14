import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { seedDemoCatalogue } from "../../prisma/seed/catalogue.ts";
import { searchEvents, searchTranscripts, toMatchExpression, toSegments, type RecordingResult } from "./search.server.ts";

const marked = (segments: { text: string; mark: boolean }[]) => segments.filter((s) => s.mark).map((s) => s.text.toLowerCase());
const plain = (segments: { text: string }[]) => segments.map((s) => s.text).join("");

async function createRecording(cues: string[], status = "published") {
  const event = await prisma.event.findFirstOrThrow({ where: { status: "published" }, select: { id: true } });
  return prisma.recording.create({
    data: {
      eventId: event.id,
      kind: "transcript-only",
      title: `Test recording ${Math.random()}`,
      languageCode: "en",
      status,
      transcripts: {
        create: {
          languageCode: "en",
          cues: { create: cues.map((text, position) => ({ position, startMs: position * 5000 + 1500, endMs: position * 5000 + 4000, text })) },
        },
      },
    },
    select: { id: true, transcripts: { select: { id: true } } },
  });
}

function findRecording(results: RecordingResult[], id: string) {
  return results.find((r) => r.recordingId === id);
}

beforeAll(async () => {
  await seedDemoCatalogue(prisma, { now: new Date("2026-02-17T10:00:00Z") });
});

describe("toMatchExpression", () => {
  it("quotes every word and keeps phrases in quotes", () => {
    expect(toMatchExpression("case management")).toBe('"case" "management"');
    expect(toMatchExpression('"case management" plan')).toBe('"case management" "plan"');
  });

  it("drops FTS operators and syntax typed by accident", () => {
    expect(toMatchExpression("child AND protection OR NOT NEAR")).toBe('"child" "protection"');
    expect(toMatchExpression('title:child (protection) ^start -x "unbalanced')).toBe(
      // "title:child" is indexed as two adjacent words, so it stays a phrase, not a column filter.
      '"title child" "protection" "start" "x" "unbalanced"',
    );
    for (const input of ['"', "*", "(", ")", ":", "-", "^", "AND OR NOT", "NEAR(", '""', "   "]) {
      expect(toMatchExpression(input), input).toBeNull();
    }
  });

  it("keeps a typed prefix star on a word", () => {
    expect(toMatchExpression("educ*")).toBe('"educ"*');
  });
});

describe("toSegments", () => {
  it("splits highlight output into marked and plain text", () => {
    expect(toSegments("a \u0002b\u0003 c")).toEqual([
      { text: "a ", mark: false },
      { text: "b", mark: true },
      { text: " c", mark: false },
    ]);
  });
});

describe("searchTranscripts", () => {
  it("ranks a cue with the word twice, or a shorter cue, above a longer cue with it once", async () => {
    const recording = await createRecording([
      "The zanzibarite plan was discussed at length by everyone in the room during the long morning meeting.",
      "Zanzibarite, zanzibarite: the word came up again.",
      "Zanzibarite now.",
    ]);
    const result = await searchTranscripts("zanzibarite");
    const found = findRecording(result.recordings, recording.id);
    expect(found?.hits.map((h) => h.position).slice(0, 3)).toEqual([1, 2, 0]);
  });

  it("highlights the words and links each hit to its moment", async () => {
    const recording = await createRecording(["Nothing here.", "The quokkaline strategy works in practice."]);
    const result = await searchTranscripts("quokkaline");
    const hit = findRecording(result.recordings, recording.id)!.hits[0]!;
    expect(marked(hit.segments)).toEqual(["quokkaline"]);
    expect(plain(hit.segments)).toBe("The quokkaline strategy works in practice.");
    expect(hit.startSeconds).toBe(6);
    expect(hit.href).toBe(`/recordings/${recording.id}?t=6#cue-1`);
  });

  it("matches a quoted phrase only in that order", async () => {
    const recording = await createRecording(["Blue wombatish tea.", "Tea wombatish blue."]);
    const phrase = findRecording((await searchTranscripts('"blue wombatish"')).recordings, recording.id);
    expect(phrase?.hits.map((h) => h.position)).toEqual([0]);
    expect(marked(phrase!.hits[0]!.segments)).toEqual(["blue wombatish"]);
    const words = findRecording((await searchTranscripts("blue wombatish")).recordings, recording.id);
    expect(words?.hits).toHaveLength(2);
  });

  it("finds accented words with or without their accents, and Arabic words", async () => {
    for (const query of ["educacion", "educación", "EDUCACIÓN"]) {
      const result = await searchTranscripts(query);
      expect(result.recordings.some((r) => r.languageCode === "es"), query).toBe(true);
      expect(marked(result.recordings[0]!.hits[0]!.segments)).toContain("educación");
    }
    const french = await searchTranscripts("gestion de cas", { language: "fr" });
    expect(french.recordings.map((r) => r.languageCode)).toEqual(["fr"]);
    const arabic = await searchTranscripts("المعيار");
    expect(arabic.recordings.map((r) => r.languageCode)).toContain("ar");
    expect(marked(arabic.recordings.find((r) => r.languageCode === "ar")!.hits[0]!.segments)).toContain("المعيار");
  });

  it("never fails on search syntax", async () => {
    for (const query of ['"', "*", "(", ")", ":", "-", "NEAR", "AND OR NOT", "^", 'child" (NEAR', "text:child*", "a OR", "***"]) {
      await expect(searchTranscripts(query), query).resolves.toBeDefined();
      await expect(searchEvents(query), query).resolves.toBeDefined();
    }
  });

  it("pages through recordings, best first, each recording once", async () => {
    const first = await searchTranscripts("the", { perPage: 2 });
    expect(first.recordings).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const second = await searchTranscripts("the", { perPage: 2, page: 2 });
    const ids = [...first.recordings, ...second.recordings].map((r) => `${r.recordingId} ${r.languageCode}`);
    expect(new Set(ids).size).toBe(ids.length);
    const everything = await searchTranscripts("the", { perPage: 100 });
    expect(everything.hasMore).toBe(false);
    expect(everything.recordings.slice(0, 4).map((r) => `${r.recordingId} ${r.languageCode}`)).toEqual(ids.slice(0, 4));
  });

  it("leaves out draft recordings", async () => {
    const draft = await createRecording(["Xylobrant words."], "draft");
    expect(findRecording((await searchTranscripts("xylobrant")).recordings, draft.id)).toBeUndefined();
  });

  it("leaves out a published recording whose event is no longer public (draft again), and finds it once it is", async () => {
    const recording = await createRecording(["Quillwortian words."]);
    const { eventId } = await prisma.recording.findUniqueOrThrow({ where: { id: recording.id }, select: { eventId: true } });
    try {
      await prisma.event.update({ where: { id: eventId }, data: { status: "draft" } });
      const hidden = await searchTranscripts("quillwortian");
      expect(findRecording(hidden.recordings, recording.id)).toBeUndefined();
      await prisma.event.update({ where: { id: eventId }, data: { status: "cancelled" } });
      // A cancelled event keeps its public page and its recordings (as on the replay page).
      expect(findRecording((await searchTranscripts("quillwortian")).recordings, recording.id)).toBeDefined();
    } finally {
      await prisma.event.update({ where: { id: eventId }, data: { status: "published" } });
    }
  });

  it("keeps the index in step with inserted, edited and deleted cues", async () => {
    const recording = await createRecording(["First line."]);
    const transcriptId = recording.transcripts[0]!.id;
    expect((await searchTranscripts("plumbagoid")).recordings).toEqual([]);
    const cue = await prisma.transcriptCue.create({
      data: { transcriptId, position: 1, startMs: 9000, endMs: 10000, text: "A plumbagoid appears." },
    });
    expect((await searchTranscripts("plumbagoid")).recordings.flatMap((r) => r.hits)).toHaveLength(1);
    await prisma.transcriptCue.update({ where: { id: cue.id }, data: { text: "A gorsebloom appears." } });
    expect((await searchTranscripts("plumbagoid")).recordings).toEqual([]);
    expect((await searchTranscripts("gorsebloom")).recordings[0]?.hits[0]?.href).toBe(`/recordings/${recording.id}?t=9#cue-1`);
    await prisma.transcriptCue.delete({ where: { id: cue.id } });
    expect((await searchTranscripts("gorsebloom")).recordings).toEqual([]);
    await prisma.recording.delete({ where: { id: recording.id } });
    expect((await searchTranscripts('"first line"')).recordings.some((r) => r.recordingId === recording.id)).toBe(false);
  });
});

describe("searchEvents", () => {
  it("finds events by description and translations, and follows edits", async () => {
    const event = await prisma.event.findFirstOrThrow({ where: { status: "published" }, select: { id: true, slug: true } });
    await prisma.event.update({ where: { id: event.id }, data: { description: "We will discuss **marmaladeous** approaches." } });
    const found = await searchEvents("marmaladeous");
    expect(found.events.map((e) => e.href)).toEqual([`/events/${event.slug}`]);
    expect(marked(found.events[0]!.snippet)).toEqual(["marmaladeous"]);
    expect(plain(found.events[0]!.snippet)).not.toContain("**");

    await prisma.event.update({ where: { id: event.id }, data: { description: "Nothing special." } });
    expect((await searchEvents("marmaladeous")).total).toBe(0);

    await prisma.eventTranslation.upsert({
      where: { eventId_locale: { eventId: event.id, locale: "fr" } },
      create: { eventId: event.id, locale: "fr", title: "Titre quenouillette", summary: "Résumé" },
      update: { title: "Titre quenouillette" },
    });
    const translated = await searchEvents("quenouillette", { locale: "fr" });
    expect(translated.events.map((e) => e.slug)).toEqual([event.slug]);
    expect(marked(translated.events[0]!.title)).toEqual(["quenouillette"]);
  });
});
