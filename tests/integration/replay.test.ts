// The replay library (/recordings), the replay page, captions, transcript downloads, uploaded
// media with range requests and the learning record, through the built Remix request handler
// against a real SQLite database seeded with the demo catalogue.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequestHandler } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countReplayingRegistrants } from "../../app/recordings/recordings.server.ts";
import { prisma } from "../../app/utils/db.server.ts";
import { hashManageToken, manageTokenFor } from "../../app/registration/manage-token.server.ts";
import { parseTimestampedText, parseWebVTT } from "../../app/recordings/subtitles.ts";
import { seedDemoCatalogue } from "../../prisma/seed/catalogue.ts";
import { decodeEntities, documentPart, errorPage, textOf } from "../helpers/html.ts";
import { BASE_URL, loadBuild } from "../helpers/remix.ts";

// The build reads UPLOAD_DIR once, on first use: set it before the build is imported (beforeAll).
const UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "replay-uploads-"));
process.env.UPLOAD_DIR = UPLOAD_DIR;
const MEDIA_BYTES = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));

let handle: (request: Request) => Promise<Response>;
const ids = { arabic: "", mediaVideo: "", traversal: "", draft: "", draftEvent: "", youtube: "", vimeo: "" };
let token = "";
let registrationId = "";

async function get(pathname: string, headers: Record<string, string> = {}) {
  const response = await handle(new Request(new URL(pathname, BASE_URL), { headers }));
  return response;
}
async function page(pathname: string) {
  const response = await get(pathname);
  return { status: response.status, html: documentPart(await response.text()) };
}
function post(pathname: string, form: Record<string, string>) {
  return handle(
    new Request(new URL(pathname, BASE_URL), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE_URL, Host: new URL(BASE_URL).host },
      body: new URLSearchParams(form).toString(),
    }),
  );
}
/** Recording ids of the library cards, in reading order. */
function cardIds(html: string): string[] {
  return [...html.matchAll(/<h2 class="card-title"[^>]*>\s*<a[^>]*href="\/recordings\/([^"?#/]+)"/g)].map((m) => m[1]!);
}
async function libraryIds(search: string): Promise<string[]> {
  const out: string[] = [];
  for (let n = 1; ; n++) {
    const { status, html } = await page(`/recordings${search}${search ? "&" : "?"}page=${n}`);
    expect(status, `${search} page ${n}`).toBe(200);
    out.push(...cardIds(html));
    if (!html.includes('rel="next"')) return out;
  }
}
/** What the library should list, straight from the database. */
async function expectedIds(where: object = {}): Promise<string[]> {
  const rows = await prisma.recording.findMany({
    where: { status: "published", event: { status: { in: ["published", "cancelled"] } }, ...where },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  await seedDemoCatalogue(prisma);
  writeFileSync(path.join(UPLOAD_DIR, "talk.mp4"), MEDIA_BYTES);
  const arabic = await prisma.transcript.findFirstOrThrow({ where: { languageCode: "ar" }, select: { recordingId: true } });
  ids.arabic = arabic.recordingId;
  const event = await prisma.event.findFirstOrThrow({ where: { status: "published", recordings: { some: {} } }, select: { id: true } });
  const base = { eventId: event.id, languageCode: "en", status: "published", publishedAt: new Date("2020-01-01T00:00:00Z") };
  const transcripts = {
    create: [{ languageCode: "en", cues: { create: [{ position: 0, startMs: 0, endMs: 2000, speaker: "Ana", text: "Hello and welcome." }, { position: 1, startMs: 2000, endMs: 4000, speaker: null, text: "Second cue." }] } }],
  };
  ids.mediaVideo = (await prisma.recording.create({ data: { ...base, kind: "video", title: "Uploaded talk", filePath: "talk.mp4", mimeType: "video/mp4", transcripts }, select: { id: true } })).id;
  ids.youtube = (await prisma.recording.create({ data: { ...base, kind: "embed", title: "On YouTube", mediaUrl: "https://youtu.be/dQw4w9WgXcQ", embedProvider: "youtube", embedId: "dQw4w9WgXcQ", transcripts }, select: { id: true } })).id;
  ids.vimeo = (await prisma.recording.create({ data: { ...base, kind: "embed", title: "On Vimeo", mediaUrl: "https://vimeo.com/76979871", embedProvider: "vimeo", embedId: "76979871" }, select: { id: true } })).id;
  ids.traversal = (await prisma.recording.create({ data: { ...base, kind: "audio", title: "Escape", filePath: "../../etc/passwd", mimeType: "audio/mpeg" }, select: { id: true } })).id;
  ids.draft = (await prisma.recording.create({ data: { ...base, kind: "transcript-only", title: "Draft", status: "draft", publishedAt: null }, select: { id: true } })).id;
  const draftEvent = await prisma.event.findFirst({ where: { status: "draft" }, select: { id: true } });
  if (draftEvent) {
    ids.draftEvent = (await prisma.recording.create({ data: { ...base, eventId: draftEvent.id, kind: "transcript-only", title: "Of a draft event" }, select: { id: true } })).id;
  }
  const session = await prisma.session.findFirstOrThrow({ select: { id: true } });
  registrationId = `reg-replay-${Date.now()}`;
  await prisma.registration.create({
    data: {
      id: registrationId,
      sessionId: session.id,
      name: "Learner",
      email: "learner@example.org",
      emailNormalized: "learner@example.org",
      timeZone: "Asia/Amman",
      locale: "en",
      status: "confirmed",
      manageTokenHash: hashManageToken(manageTokenFor(registrationId)),
    },
  });
  token = manageTokenFor(registrationId);
  handle = createRequestHandler(await loadBuild(), "production");
});

afterAll(() => rmSync(UPLOAD_DIR, { recursive: true, force: true }));

describe("the library", () => {
  it("lists every published recording of a public event, newest first", async () => {
    const listed = await libraryIds("");
    expect(listed).toEqual(await expectedIds());
    expect(listed.length).toBeGreaterThanOrEqual(6);
    expect(listed).not.toContain(ids.draft);
    if (ids.draftEvent) expect(listed).not.toContain(ids.draftEvent);
  });

  it("filters by transcript or recording language, by event type and by topic (a pillar includes its standards)", async () => {
    const arabic = await libraryIds("?language=ar");
    expect(arabic).toEqual([ids.arabic]);
    expect(await libraryIds("?language=fr")).toEqual(await expectedIds({ OR: [{ languageCode: "fr" }, { transcripts: { some: { languageCode: "fr" } } }] }));
    const webinars = await libraryIds("?type=webinar");
    expect(webinars).toEqual(await expectedIds({ event: { status: { in: ["published", "cancelled"] }, type: "webinar" } }));
    const pillar = await prisma.topic.findFirstOrThrow({ where: { kind: "pillar", children: { some: { events: { some: { event: { recordings: { some: { status: "published" } } } } } } } }, select: { slug: true } });
    const byPillar = await libraryIds(`?topic=${pillar.slug}`);
    expect(byPillar.length).toBeGreaterThan(0);
    expect(byPillar).toEqual(
      await expectedIds({ event: { status: { in: ["published", "cancelled"] }, topics: { some: { topic: { OR: [{ slug: pillar.slug }, { parent: { slug: pillar.slug } }] } } } } }),
    );
  });

  it("shows each card's event, duration, transcript languages and chapters", async () => {
    const { html } = await page("/recordings?language=ar");
    const text = textOf(html);
    expect(text).toMatch(/Transcripts: (Arabic, English|English, Arabic)/);
    expect(text).toMatch(/\d+ chapters/);
    expect(text).toMatch(/\d+ min/);
  });

  it("answers an unknown filter value with a 400 page", async () => {
    expect((await page("/recordings?topic=no-such-topic")).status).toBe(400);
  });
});

describe("the replay page", () => {
  it("renders the transcript as a list of cues with links to their moments, and the chapters", async () => {
    const { status, html } = await page(`/recordings/${ids.arabic}?lang=en`);
    expect(status).toBe(200);
    expect(html).toMatch(/<ol class="transcript-cues" role="list" lang="en" dir="ltr">/);
    const cueLinks = [...html.matchAll(/<li id="cue-(\d+)"[^>]*>\s*<a class="cue-time" href="([^"]+)"/g)];
    expect(cueLinks.length).toBeGreaterThan(10);
    const [, n, href] = cueLinks[3]!;
    expect(decodeEntities(href!)).toMatch(new RegExp(`^/recordings/${ids.arabic}\\?lang=en&t=\\d+#cue-${n}$`));
    expect(textOf(html)).toContain("Psychological first aid");
    expect(html).toMatch(/href="[^"]*t=129"[^>]*data-seek="129"/);
    // Each chapter's time link is described by its title.
    const chapter = /<a href="[^"]*t=129"[^>]*aria-describedby="(chapter-\d+)"/.exec(html)?.[1];
    expect(chapter).toBeTruthy();
    expect(textOf(new RegExp(`<span id="${chapter}">([^<]*)</span>`).exec(html)?.[1] ?? "")).not.toBe("");
    // A transcript-only recording downloads nothing.
    expect(html).not.toMatch(/<(audio|video)\b/);
  });

  it("gives the Arabic transcript right to left, with timestamps kept left to right", async () => {
    const { html } = await page(`/recordings/${ids.arabic}?lang=ar`);
    expect(html).toMatch(/<ol class="transcript-cues" role="list" lang="ar" dir="rtl">/);
    expect(html).toMatch(/<bdi dir="ltr">0:00<\/bdi>/);
    expect(html).toMatch(/href="\/recordings\/[^"]+\/transcript\/ar\.txt"/);
  });

  it("plays uploaded media with a captions track per language, and has lighter modes", async () => {
    const full = await page(`/recordings/${ids.mediaVideo}`);
    expect(full.html).toMatch(/<video[^>]*preload="none"/);
    expect(full.html).toMatch(new RegExp(`<source src="/recordings/${ids.mediaVideo}/media" type="video/mp4"`));
    expect(full.html).toMatch(new RegExp(`<track kind="captions" srcLang="en" label="English" src="/recordings/${ids.mediaVideo}/captions/en.vtt" default=""`, "i"));
    const audio = await page(`/recordings/${ids.mediaVideo}?mode=audio`);
    expect(audio.html).toMatch(/<audio\b/);
    expect(audio.html).not.toMatch(/<video\b/);
    // Listening only: no captions file to download, the transcript is on the page.
    expect(audio.html).not.toMatch(/<track\b/);
    const transcriptOnly = await page(`/recordings/${ids.mediaVideo}?mode=transcript`);
    expect(transcriptOnly.html).not.toMatch(/<(audio|video|source)\b/);
    expect(textOf(transcriptOnly.html)).toContain("Hello and welcome.");
  });

  it("offers a YouTube or Vimeo recording behind a button: nothing from the provider loads until asked", async () => {
    const facade = await page(`/recordings/${ids.youtube}?t=2`);
    expect(facade.status).toBe(200);
    expect(facade.html).not.toMatch(/<iframe\b/);
    expect(textOf(facade.html)).toContain("The player loads only when you ask for it");
    // Without JavaScript the button is a link to the same page with the player, kept at the moment.
    expect(decodeEntities(facade.html)).toMatch(new RegExp(`href="/recordings/${ids.youtube}\\?lang=en&play=1&t=2#player"[^>]*>Load the YouTube player<`));
    expect(decodeEntities(facade.html)).toContain('href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=2s"');

    const played = await page(`/recordings/${ids.youtube}?t=2&play=1`);
    const src = decodeEntities(/<iframe[^>]*src="([^"]+)"/.exec(played.html)?.[1] ?? "");
    const url = new URL(src);
    expect(url.origin + url.pathname).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ enablejsapi: "1", start: "2", autoplay: "1", origin: new URL(BASE_URL).origin });
    expect(played.html).toMatch(/<iframe[^>]*title="On YouTube \(YouTube player\)"/);
    // The transcript stays beside the player, and its moments keep the player loaded.
    expect(decodeEntities(played.html)).toContain(`href="/recordings/${ids.youtube}?lang=en&play=1&t=2#cue-2"`);

    const vimeo = await page(`/recordings/${ids.vimeo}?play=1`);
    expect(decodeEntities(/<iframe[^>]*src="([^"]+)"/.exec(vimeo.html)?.[1] ?? "")).toMatch(/^https:\/\/player\.vimeo\.com\/video\/76979871\?/);
    // "Read transcript only" never loads the player, even when asked.
    expect((await page(`/recordings/${ids.youtube}?play=1&mode=transcript`)).html).not.toMatch(/<iframe\b/);
  });

  it("opens as a transcript in the light version, with the player one choice away", async () => {
    const light = { Cookie: "light=1" };
    const html = documentPart(await (await get(`/recordings/${ids.mediaVideo}`, light)).text());
    expect(html).not.toMatch(/<(audio|video|source|iframe)\b/);
    expect(textOf(html)).toContain("The light version is on, so the player is not loaded.");
    expect(textOf(html)).toContain("Hello and welcome.");
    // "Show the video" asks for the full page explicitly; moments keep the light default.
    expect(decodeEntities(html)).toContain(`href="/recordings/${ids.mediaVideo}?lang=en&mode=full">Show the video<`);
    expect(decodeEntities(html)).toContain(`href="/recordings/${ids.mediaVideo}?lang=en&t=2#cue-2"`);
    const full = documentPart(await (await get(`/recordings/${ids.mediaVideo}?mode=full`, light)).text());
    expect(full).toMatch(/<video\b/);
    // Without the cookie nothing changes.
    expect((await page(`/recordings/${ids.mediaVideo}`)).html).toMatch(/<video\b/);
  });

  it("answers an unknown recording and a draft with a 404 page", async () => {
    for (const id of ["no-such-recording", ids.draft, ids.draftEvent].filter(Boolean)) {
      const { status, html } = await page(`/recordings/${id}`);
      expect(status, id).toBe(404);
      expect(errorPage(html)?.message).toMatch(/could not find this recording/);
    }
  });
});

describe("captions and downloads", () => {
  it("serves captions as WebVTT that parses back to the transcript", async () => {
    const response = await get(`/recordings/${ids.arabic}/captions/ar.vtt`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/vtt/);
    const cues = parseWebVTT(await response.text());
    const stored = await prisma.transcriptCue.count({ where: { transcript: { recordingId: ids.arabic, languageCode: "ar" } } });
    expect(cues).toHaveLength(stored);
    expect((await get(`/recordings/${ids.arabic}/captions/pl.vtt`)).status).toBe(404);
    expect((await get(`/recordings/${ids.draft}/captions/en.vtt`)).status).toBe(404);
  });

  it("downloads the transcript as text and as WebVTT", async () => {
    const text = await get(`/recordings/${ids.mediaVideo}/transcript/en.txt`);
    expect(text.headers.get("Content-Type")).toMatch(/^text\/plain/);
    expect(text.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".+\.en\.txt"$/);
    const body = await text.text();
    expect(body).toBe("[00:00:00] Ana: Hello and welcome.\n[00:00:02] Second cue.\n");
    expect(parseTimestampedText(body).map((c) => c.speaker)).toEqual(["Ana", null]);
    const vtt = await get(`/recordings/${ids.mediaVideo}/transcript/en.vtt`);
    expect(vtt.headers.get("Content-Disposition")).toMatch(/attachment/);
    expect(parseWebVTT(await vtt.text()).map((c) => c.text)).toEqual(["Hello and welcome.", "Second cue."]);
  });
});

describe("uploaded media", () => {
  it("sends the whole file, or the requested byte range", async () => {
    const full = await get(`/recordings/${ids.mediaVideo}/media`);
    expect(full.status).toBe(200);
    expect(full.headers.get("Content-Type")).toBe("video/mp4");
    expect(full.headers.get("Accept-Ranges")).toBe("bytes");
    expect(Buffer.from(await full.arrayBuffer()).equals(MEDIA_BYTES)).toBe(true);

    const partial = await get(`/recordings/${ids.mediaVideo}/media`, { Range: "bytes=0-99" });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("Content-Range")).toBe(`bytes 0-99/${MEDIA_BYTES.length}`);
    expect(partial.headers.get("Content-Length")).toBe("100");
    expect(Buffer.from(await partial.arrayBuffer()).equals(MEDIA_BYTES.subarray(0, 100))).toBe(true);

    const tail = await get(`/recordings/${ids.mediaVideo}/media`, { Range: "bytes=4000-" });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(MEDIA_BYTES.subarray(4000))).toBe(true);
  });

  it("refuses an unsatisfiable range with 416", async () => {
    const response = await get(`/recordings/${ids.mediaVideo}/media`, { Range: "bytes=999999-" });
    expect(response.status).toBe(416);
    expect(response.headers.get("Content-Range")).toBe(`bytes */${MEDIA_BYTES.length}`);
  });

  it("never serves a file outside the upload directory, nor a draft's file", async () => {
    expect((await get(`/recordings/${ids.traversal}/media`)).status).toBe(404);
    expect((await get(`/recordings/${ids.draft}/media`)).status).toBe(404);
    expect((await get(`/recordings/${ids.arabic}/media`)).status).toBe(404);
  });

  it("serves the poster an organiser uploaded, and only under the name the recording gives", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    writeFileSync(path.join(UPLOAD_DIR, "poster1.png"), png);
    writeFileSync(path.join(UPLOAD_DIR, "other.png"), png);
    await prisma.recording.update({ where: { id: ids.mediaVideo }, data: { posterUrl: `/recordings/${ids.mediaVideo}/poster/poster1.png` } });
    const response = await get(`/recordings/${ids.mediaVideo}/poster/poster1.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    expect((await get(`/recordings/${ids.mediaVideo}/poster/other.png`)).status).toBe(404);
    expect((await get(`/recordings/${ids.mediaVideo}/poster/..%2F..%2Fetc%2Fpasswd.png`)).status).toBe(404);
    expect((await get(`/recordings/${ids.draft}/poster/poster1.png`)).status).toBe(404);
  });
});

describe("the learning record", () => {
  const views = () => prisma.replayView.findMany({ where: { recordingId: ids.mediaVideo }, select: { registrationId: true, secondsWatched: true } });

  it("stores progress for a manage link, and never lowers it", async () => {
    const { html } = await page(`/recordings/${ids.mediaVideo}?r=${token}`);
    expect(textOf(html)).toContain("Your progress is saved");
    // Links to moments are for sharing: they must not leak the personal token.
    expect(html).toMatch(/class="cue-time" href="[^"]*t=0#cue-1"/);
    expect(html).not.toMatch(new RegExp(`class="cue-time" href="[^"]*${token}`));
    expect((await post(`/recordings/${ids.mediaVideo}`, { r: token, secondsWatched: "3" })).status).toBe(200);
    expect(await views()).toEqual([{ registrationId, secondsWatched: 3 }]);
    await post(`/recordings/${ids.mediaVideo}`, { r: token, secondsWatched: "1" });
    expect(await views()).toEqual([{ registrationId, secondsWatched: 3 }]);
    // Never beyond the recording's length (a forged number).
    await prisma.recording.update({ where: { id: ids.mediaVideo }, data: { durationSeconds: 4 } });
    await post(`/recordings/${ids.mediaVideo}`, { r: token, secondsWatched: "99999" });
    expect(await views()).toEqual([{ registrationId, secondsWatched: 4 }]);
  });

  it("is reached from the registrant's manage page, and organisers see who replayed", async () => {
    const session = await prisma.session.findFirstOrThrow({
      where: { event: { status: "published" }, registrations: { none: {} } },
      select: { id: true, eventId: true },
    });
    const id = `reg-manage-${Date.now()}`;
    await prisma.registration.create({
      data: { id, sessionId: session.id, name: "Nadia", email: "nadia@example.org", emailNormalized: "nadia@example.org", timeZone: "Africa/Nairobi", locale: "en", status: "confirmed", manageTokenHash: hashManageToken(manageTokenFor(id)) },
    });
    const own = await prisma.recording.create({
      data: { eventId: session.eventId, sessionId: session.id, languageCode: "en", kind: "transcript-only", title: "Replay of Nadia's session", status: "published", publishedAt: new Date() },
      select: { id: true },
    });
    const { html } = await page(`/manage/${manageTokenFor(id)}`);
    expect(textOf(html)).toContain("Recordings of this session");
    expect(decodeEntities(html)).toContain(`/recordings/${own.id}?r=${manageTokenFor(id)}`);
    expect((await countReplayingRegistrants([session.id])).get(session.id) ?? 0).toBe(0);
    await post(`/recordings/${own.id}`, { r: manageTokenFor(id), secondsWatched: "2" });
    expect((await countReplayingRegistrants([session.id])).get(session.id)).toBe(1);
  });

  it("stores nothing without a valid token", async () => {
    const before = await prisma.replayView.count();
    expect((await post(`/recordings/${ids.arabic}`, { r: "x".repeat(43), secondsWatched: "30" })).status).toBe(403);
    await post(`/recordings/${ids.arabic}`, { secondsWatched: "30" });
    expect(await prisma.replayView.count()).toBe(before);
    const { html } = await page(`/recordings/${ids.arabic}?r=${"x".repeat(43)}`);
    expect(textOf(html)).not.toContain("Your progress is saved");
  });
});
