// /search through the built Remix request handler, against a real SQLite database seeded with
// the demo catalogue (English, French, Spanish and Arabic transcripts).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/utils/db.server.ts";
import { seedDemoCatalogue } from "../../prisma/seed/catalogue.ts";
import { decodeEntities, documentPart, errorPage, textOf } from "../helpers/html.ts";
import { createFetcher, type Fetcher } from "../helpers/remix.ts";

let get: Fetcher;

async function search(query: string, extra = "") {
  const response = await get(`/search?q=${encodeURIComponent(query)}${extra}`);
  const html = documentPart(await response.text());
  return { status: response.status, html, text: textOf(html) };
}

/** Each cue result: its link and the words shown in <mark>. */
function hits(html: string): { href: string; marks: string[]; text: string }[] {
  return [...html.matchAll(/<a class="search-hit"[^>]*? href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({
    href: decodeEntities(m[1]!),
    marks: [...m[2]!.matchAll(/<mark>([\s\S]*?)<\/mark>/g)].map((mark) => decodeEntities(mark[1]!)),
    text: textOf(m[2]!),
  }));
}

beforeAll(async () => {
  await seedDemoCatalogue(prisma, { now: new Date("2026-02-17T10:00:00Z") });
  ({ get } = await createFetcher());
});

describe("/search", () => {
  it("shows a labelled form and asks for words when the query is empty", async () => {
    const page = await search("");
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<label for="search-q">Search transcripts and events<\/label>/);
    expect(page.html).toMatch(/<form[^>]*method="get"[^>]*action="\/search"/);
    expect(page.text).toContain("Type one or more words");
  });

  it("links each matching cue to its moment with the words highlighted", async () => {
    const page = await search("educación");
    expect(page.status).toBe(200);
    const found = hits(page.html);
    expect(found.length).toBeGreaterThan(0);
    for (const hit of found) {
      expect(hit.href).toMatch(/^\/recordings\/[^/?#]+\?t=\d+#cue-\d+$/);
      expect(hit.marks.map((m) => m.toLowerCase())).toContain("educación");
    }
    // The link's moment is the cue's own start, and its anchor the cue's position.
    const [, recordingId, seconds, position] = /^\/recordings\/([^?]+)\?t=(\d+)#cue-(\d+)$/.exec(found[0]!.href)!;
    const cue = await prisma.transcriptCue.findFirstOrThrow({
      where: { transcript: { recordingId }, position: Number(position) },
      select: { startMs: true, text: true },
    });
    expect(Math.floor(cue.startMs / 1000)).toBe(Number(seconds));
    expect(found[0]!.text).toContain(cue.text);
    expect(page.text).toMatch(/Recordings 1–\d+, best match first/);
  });

  it("finds accented words typed without accents", async () => {
    const accented = hits((await search("educación")).html).map((h) => h.href);
    const plain = hits((await search("educacion")).html).map((h) => h.href);
    expect(plain).toEqual(accented);
    const french = hits((await search("securite", "&language=fr")).html);
    expect(french.length).toBeGreaterThan(0);
    expect(french.every((h) => h.marks.some((m) => m.toLowerCase() === "sécurité"))).toBe(true);
  });

  it("finds an Arabic word in the Arabic transcript", async () => {
    const page = await search("المعيار");
    const found = hits(page.html);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((h) => h.marks.includes("المعيار"))).toBe(true);
  });

  it("matches a phrase in quotes only where the words are together", async () => {
    const phrase = hits((await search('"case management"')).html);
    expect(phrase.length).toBeGreaterThan(0);
    for (const hit of phrase) expect(hit.text.toLowerCase()).toContain("case management");
    expect(phrase.some((h) => h.marks.some((m) => m.toLowerCase() === "case management"))).toBe(true);
  });

  it("answers search syntax typed by accident with a page, never a 500", async () => {
    for (const query of ['"', "*", "(", ")", ":", "-", "NEAR", "AND OR NOT", "^", 'child" (protection', "text:child*", "NEAR(a b)", "-child", "^^"]) {
      const page = await search(query);
      expect(page.status, query).toBe(200);
      expect(errorPage(page.html), query).toBeNull();
    }
    expect((await search("*")).text).toContain("has no words to search for");
  });

  it("ranks the cue with the word twice above a longer cue with it once", async () => {
    const event = await prisma.event.findFirstOrThrow({ where: { status: "published" }, select: { id: true } });
    const recording = await prisma.recording.create({
      data: {
        eventId: event.id,
        kind: "transcript-only",
        title: "Ranking check",
        languageCode: "en",
        status: "published",
        transcripts: {
          create: {
            languageCode: "en",
            cues: {
              create: [
                { position: 0, startMs: 1000, endMs: 4000, text: "Once the brindlewort came up in a long and winding conversation about many other things." },
                { position: 1, startMs: 5000, endMs: 9000, text: "Brindlewort and brindlewort again." },
              ],
            },
          },
        },
      },
      select: { id: true },
    });
    const found = hits((await search("brindlewort")).html);
    expect(found.map((h) => h.href)).toEqual([`/recordings/${recording.id}?t=5#cue-1`, `/recordings/${recording.id}?t=1#cue-0`]);
  });

  it("reflects added, edited and deleted cues and edited event descriptions", async () => {
    const transcript = await prisma.transcript.findFirstOrThrow({
      where: { languageCode: "en", recording: { status: "published" } },
      select: { id: true, recordingId: true, cues: { select: { position: true }, orderBy: { position: "desc" }, take: 1 } },
    });
    const position = (transcript.cues[0]?.position ?? 0) + 1;
    expect(hits((await search("snickerwhistle")).html)).toEqual([]);
    const cue = await prisma.transcriptCue.create({
      data: { transcriptId: transcript.id, position, startMs: 7_384_200, endMs: 7_390_000, text: "A snickerwhistle moment." },
    });
    expect(hits((await search("snickerwhistle")).html).map((h) => h.href)).toEqual([`/recordings/${transcript.recordingId}?t=7384#cue-${position}`]);
    await prisma.transcriptCue.update({ where: { id: cue.id }, data: { text: "A plain moment." } });
    expect(hits((await search("snickerwhistle")).html)).toEqual([]);
    await prisma.transcriptCue.update({ where: { id: cue.id }, data: { text: "A snickerwhistle again." } });
    expect(hits((await search("snickerwhistle")).html)).toHaveLength(1);
    await prisma.transcriptCue.delete({ where: { id: cue.id } });
    expect(hits((await search("snickerwhistle")).html)).toEqual([]);

    const event = await prisma.event.findFirstOrThrow({ where: { status: "published" }, select: { id: true, slug: true } });
    expect((await search("glimmerfen")).html).not.toContain(`href="/events/${event.slug}"`);
    await prisma.event.update({ where: { id: event.id }, data: { description: "Bring your glimmerfen notes." } });
    const page = await search("glimmerfen");
    expect(page.html).toContain(`href="/events/${event.slug}"`);
    expect(page.html).toContain("<mark>glimmerfen</mark>");
  });

  it("pages through recordings and refuses a page past the end", async () => {
    const first = await search("the");
    expect(first.status).toBe(200);
    const tooFar = await search("the", "&page=999");
    expect(tooFar.status).toBe(404);
    expect(errorPage(tooFar.html)?.message).toContain("There is no page 999");
  });
});
