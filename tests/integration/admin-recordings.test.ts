// Organisers' recordings pages through the built request handler: multipart uploads with the CSRF
// token from the page, the size limit, sniffed types, transcript validation and access.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequestHandler } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createRegistration, createSession } from "../mail/fixtures.ts";
import { BASE_URL, loadBuild } from "../helpers/remix.ts";

// The built app reads its environment once, on first use: set it before anything imports it.
const UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "admin-recordings-"));
process.env.UPLOAD_DIR = UPLOAD_DIR;
process.env.UPLOAD_MAX_BYTES = String(1024 * 1024);

const { authSessionStorage } = await import("~/organisers/auth.server.ts");
const { prisma } = await import("~/utils/db.server.ts");

let handle: (request: Request) => Promise<Response>;
let eventId: string;
let sessionId: string;
const cookies: Record<"A" | "B", string> = { A: "", B: "" };

async function signIn(organiserId: string) {
  const session = await authSessionStorage.getSession();
  session.set("organiserId", organiserId);
  session.set("csrf", randomBytes(32).toString("base64url"));
  return (await authSessionStorage.commitSession(session)).split(";")[0]!;
}

/** The CSRF token as the page renders it into its forms. */
async function csrfFrom(cookie: string, url: string) {
  const response = await handle(new Request(new URL(url, BASE_URL), { headers: { Cookie: cookie } }));
  expect(response.status).toBe(200);
  const html = await response.text();
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  expect(token).toBeTruthy();
  return token!;
}

async function post(who: "A" | "B", url: string, fields: Record<string, string | { bytes: Uint8Array; name: string; type?: string }>) {
  const body = new FormData();
  body.append("csrf", await csrfFrom(cookies.A, `/admin/events/${eventId}/recordings`).catch(() => "none"));
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string") body.set(key, value);
    else body.append(key, new Blob([new Uint8Array(value.bytes)], { type: value.type ?? "application/octet-stream" }), value.name);
  }
  if (who === "B") body.set("csrf", "token-of-nobody");
  return handle(new Request(new URL(url, BASE_URL), { method: "POST", headers: { Cookie: cookies[who] }, body }));
}

const MP3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, ...new Array(4096).fill(0)]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(256).fill(0)]);
const storedFiles = () => readdirSync(UPLOAD_DIR);

beforeAll(async () => {
  const build = await loadBuild();
  handle = createRequestHandler(build, "production");
  const [a, b] = await Promise.all(
    [0, 1].map((i) => prisma.organiser.create({ data: { email: `rec-${i}-${randomBytes(4).toString("hex")}@example.org`, passwordHash: "x", role: "organiser" } })),
  );
  const event = await createEvent(prisma, { title: "Recorded event" });
  await prisma.event.update({ where: { id: event.id }, data: { createdById: a!.id } });
  const session = await createSession(prisma, event.id);
  await createRegistration(prisma, session.id, { status: "confirmed" });
  eventId = event.id;
  sessionId = session.id;
  cookies.A = await signIn(a!.id);
  cookies.B = await signIn(b!.id);
});

afterAll(() => rmSync(UPLOAD_DIR, { recursive: true, force: true }));

describe("/admin/events/:eventId/recordings", () => {
  const list = () => `/admin/events/${eventId}/recordings`;
  const base = { title: "Opening plenary", sessionId: "", languageCode: "en", duration: "", chapters: "00:00 Welcome\n05:00 Standards" };

  it("stores an uploaded MP3 under a generated name, then imports a transcript and publishes", async () => {
    const response = await post("A", list(), { ...base, sessionId: "", source: "upload", media: { bytes: MP3, name: "../../plenary.mp3", type: "audio/mpeg" } });
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    const recordingId = /recordings\/([^?]+)/.exec(location)![1]!;
    const recording = await prisma.recording.findUniqueOrThrow({ where: { id: recordingId } });
    expect(recording).toMatchObject({ kind: "audio", mimeType: "audio/mpeg", status: "draft" });
    expect(recording.filePath).toMatch(/^[a-f0-9]{32}\.mp3$/);
    expect(storedFiles()).toContain(recording.filePath);
    expect(JSON.parse(recording.chapters)).toEqual([{ title: "Welcome", startSeconds: 0 }, { title: "Standards", startSeconds: 300 }]);

    const page = await handle(new Request(new URL(location, BASE_URL), { headers: { Cookie: cookies.A } }));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Opening plenary");

    const vtt = new TextEncoder().encode("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Amina>Welcome.\n");
    const imported = await post("A", `${list()}/${recordingId}`, { intent: "transcript", transcriptLanguage: "en", transcript: { bytes: vtt, name: "plenary.vtt", type: "text/vtt" } });
    expect(imported.status).toBe(200);
    expect(await prisma.transcriptCue.findMany({ where: { transcript: { recordingId } }, select: { speaker: true, text: true } })).toEqual([{ speaker: "Amina", text: "Welcome." }]);

    const published = await post("A", `${list()}/${recordingId}`, { intent: "publish" });
    expect(published.status).toBe(302);
    expect(await prisma.outboxMessage.count({ where: { kind: "recording-available", dedupeKey: { startsWith: `recording:${recordingId}:` } } })).toBe(1);

    const deleted = await post("A", `${list()}/${recordingId}`, { intent: "delete" });
    expect(deleted.status).toBe(302);
    expect(storedFiles()).not.toContain(recording.filePath);
  });

  it("refuses an oversize upload with 413 and keeps nothing", async () => {
    const before = storedFiles();
    const big = new Uint8Array(1024 * 1024 + 10);
    big.set(MP3.subarray(0, 10));
    const response = await post("A", list(), { ...base, source: "upload", media: { bytes: big, name: "long.mp3", type: "audio/mpeg" } });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("The file is larger than 1 MB");
    expect(storedFiles()).toEqual(before);
  });

  it("refuses a PNG named .mp3 with 400", async () => {
    const before = storedFiles();
    const count = await prisma.recording.count();
    const response = await post("A", list(), { ...base, source: "upload", media: { bytes: PNG, name: "song.mp3", type: "audio/mpeg" } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("it looks like a PNG image");
    expect(storedFiles()).toEqual(before);
    expect(await prisma.recording.count()).toBe(count);
  });

  it("refuses a malformed WebVTT file with the line number, storing nothing", async () => {
    const created = await post("A", list(), { ...base, sessionId, source: "embed", embedUrl: "https://youtu.be/dQw4w9WgXcQ", duration: "1:00:00" });
    expect(created.status).toBe(302);
    const recordingId = /recordings\/([^?]+)/.exec(created.headers.get("Location")!)![1]!;
    expect(await prisma.recording.findUniqueOrThrow({ where: { id: recordingId } })).toMatchObject({ kind: "embed", embedProvider: "youtube", embedId: "dQw4w9WgXcQ" });
    // Nothing readable at all: the file is refused with the first problem's line.
    const broken = new TextEncoder().encode("WEBVTT\n\nintro\n00:00:05.000 00:00:09.000\nNo arrow\n");
    const response = await post("A", `${list()}/${recordingId}`, { intent: "transcript", transcriptLanguage: "en", transcript: { bytes: broken, name: "talk.vtt", type: "text/vtt" } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Line 4:");
    expect(await prisma.transcript.count({ where: { recordingId } })).toBe(0);

    // One bad cue (a no-break space in its timing line) is skipped and reported; the others are imported.
    const oneBad = new TextEncoder().encode("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHello\n\n00:00:05.000\u00a0--> 00:00:09.000\nBad\n\n00:00:10.000 --> 00:00:12.000\nBye\n");
    const partial = await post("A", `${list()}/${recordingId}`, { intent: "transcript", transcriptLanguage: "en", transcript: { bytes: oneBad, name: "talk.vtt", type: "text/vtt" } });
    expect(partial.status).toBe(200);
    const html = await partial.text();
    expect(html).toContain("Line 6: the timing line contains a no-break space (U+00A0)");
    expect((await prisma.transcriptCue.findMany({ where: { transcript: { recordingId } }, orderBy: { position: "asc" } })).map((c) => c.text)).toEqual(["Hello", "Bye"]);
  });

  it("reads a UTF-16 SRT with a byte order mark and says which encoding was used", async () => {
    const created = await post("A", list(), { ...base, sessionId, source: "embed", embedUrl: "https://youtu.be/dQw4w9WgXcQ", duration: "1:00:00" });
    const recordingId = /recordings\/([^?]+)/.exec(created.headers.get("Location")!)![1]!;
    const srt = "1\r\n00:00:01,000 --> 00:00:04,000\r\nBienvenue à l’atelier\r\n";
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(srt, "utf16le"))]);
    const response = await post("A", `${list()}/${recordingId}`, { intent: "transcript", transcriptLanguage: "en", encoding: "auto", transcript: { bytes: utf16, name: "fr.srt", type: "application/x-subrip" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Read as UTF-16 LE");
    expect((await prisma.transcriptCue.findMany({ where: { transcript: { recordingId } } })).map((c) => c.text)).toEqual(["Bienvenue à l’atelier"]);
  });

  it("answers organiser B with 403 and changes nothing", async () => {
    const before = [storedFiles(), await prisma.recording.count()];
    const page = await handle(new Request(new URL(list(), BASE_URL), { headers: { Cookie: cookies.B } }));
    expect(page.status).toBe(403);
    const response = await post("B", list(), { ...base, source: "upload", media: { bytes: MP3, name: "x.mp3", type: "audio/mpeg" } });
    expect(response.status).toBe(403);
    expect([storedFiles(), await prisma.recording.count()]).toEqual(before);
  });
});
