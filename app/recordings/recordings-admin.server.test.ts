import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { createEvent, createRegistration, createSession } from "../../tests/mail/fixtures.ts";
import { prisma } from "~/utils/db.server.ts";
import { TranscriptParseError } from "~/recordings/subtitles.ts";
import {
  createRecording,
  importTranscript,
  parseEmbedUrl,
  rereadTranscript,
  setRecordingPublished,
  transcriptFormat,
} from "./recordings-admin.server.ts";

async function organiser() {
  return prisma.organiser.create({ data: { email: `rec-${Math.random().toString(36).slice(2)}@example.org`, passwordHash: "x", role: "organiser" } });
}

async function recordingFor(eventId: string, sessionId: string | null, actorId: string) {
  return createRecording({
    actorId,
    eventId,
    details: { title: "Replay", sessionId, languageCode: "en", durationSeconds: 3600, chapters: [] },
    source: { source: "embed", provider: "youtube", embedId: "dQw4w9WgXcQ", mediaUrl: "https://youtu.be/dQw4w9WgXcQ" },
  });
}

describe("setRecordingPublished", () => {
  it("enqueues one email per confirmed registrant of the session, exactly once even if published twice", async () => {
    const actor = await organiser();
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id);
    const other = await createSession(prisma, event.id);
    const confirmed = await createRegistration(prisma, session.id, { status: "confirmed" });
    const confirmed2 = await createRegistration(prisma, session.id, { status: "confirmed" });
    await createRegistration(prisma, session.id, { status: "waitlisted" });
    await createRegistration(prisma, session.id, { status: "cancelled" });
    await createRegistration(prisma, other.id, { status: "confirmed" });
    const recording = await recordingFor(event.id, session.id, actor.id);

    expect(await setRecordingPublished({ actorId: actor.id, eventId: event.id, recordingId: recording.id, published: true })).toEqual({ notified: 2 });
    expect(await setRecordingPublished({ actorId: actor.id, eventId: event.id, recordingId: recording.id, published: false })).toEqual({ notified: 0 });
    expect(await setRecordingPublished({ actorId: actor.id, eventId: event.id, recordingId: recording.id, published: true })).toEqual({ notified: 0 });
    await setRecordingPublished({ actorId: actor.id, eventId: event.id, recordingId: recording.id, published: true });

    const rows = await prisma.outboxMessage.findMany({ where: { kind: "recording-available" } });
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual([`recording:${recording.id}:${confirmed.id}`, `recording:${recording.id}:${confirmed2.id}`].sort());
    expect(JSON.parse(rows[0]!.payload).extra).toEqual({ recordingId: recording.id, recordingPath: `/recordings/${recording.id}` });
    const row = await prisma.recording.findUniqueOrThrow({ where: { id: recording.id } });
    expect(row.status).toBe("published");
    expect(row.publishedAt).toBeInstanceOf(Date);
    expect(await prisma.auditLog.count({ where: { entityType: "recording", entityId: recording.id } })).toBe(5);
  });

  it("tells every session's confirmed registrants when the recording belongs to the whole event", async () => {
    const actor = await organiser();
    const event = await createEvent(prisma);
    const [a, b] = [await createSession(prisma, event.id), await createSession(prisma, event.id)];
    await createRegistration(prisma, a.id);
    await createRegistration(prisma, b.id);
    const recording = await recordingFor(event.id, null, actor.id);
    expect(await setRecordingPublished({ actorId: actor.id, eventId: event.id, recordingId: recording.id, published: true })).toEqual({ notified: 2 });
  });
});

describe("importTranscript", () => {
  const good = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Amina>Welcome, everyone.\n\n00:00:05.000 --> 00:00:09.500\nToday: the minimum standards.\n";
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it("keeps speaker labels, and a file with nothing readable leaves the old transcript intact", async () => {
    const actor = await organiser();
    const event = await createEvent(prisma);
    const recording = await recordingFor(event.id, null, actor.id);
    const first = await importTranscript({ actorId: actor.id, recordingId: recording.id, languageCode: "en", fileName: "en.vtt", bytes: utf8(good) });
    expect(first).toMatchObject({ cueCount: 2, durationMs: 9500, skipped: [], encoding: "utf-8", encodingSource: "utf-8" });
    const cues = () => prisma.transcriptCue.findMany({ where: { transcript: { recordingId: recording.id } }, orderBy: { position: "asc" } });
    expect((await cues()).map((c) => [c.position, c.speaker, c.text])).toEqual([
      [0, "Amina", "Welcome, everyone."],
      [1, null, "Today: the minimum standards."],
    ]);

    const broken = "WEBVTT\n\n00:00:05.000 00:00:09.000\nNo arrow\n";
    const error = await importTranscript({ actorId: actor.id, recordingId: recording.id, languageCode: "en", fileName: "en.vtt", bytes: utf8(broken) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptParseError);
    expect((error as TranscriptParseError).line).toBe(3);
    expect((await cues()).map((c) => c.text)).toEqual(["Welcome, everyone.", "Today: the minimum standards."]);
    expect(await prisma.transcript.findUnique({ where: { id: first!.transcriptId } })).not.toBeNull();

    // A good file replaces the old transcript of that language as a whole.
    await importTranscript({ actorId: actor.id, recordingId: recording.id, languageCode: "en", fileName: "en.srt", bytes: utf8("1\n00:00:02,000 --> 00:00:03,000\nBonjour\n") });
    expect((await cues()).map((c) => c.text)).toEqual(["Bonjour"]);
    expect(await prisma.transcript.count({ where: { recordingId: recording.id } })).toBe(1);
  });

  it("imports the readable cues and reports the skipped ones with their lines", async () => {
    const actor = await organiser();
    const event = await createEvent(prisma);
    const recording = await recordingFor(event.id, null, actor.id);
    const file = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne\n\n00:00:03.000 -->\u00a000:00:04.000\nBad\n\n00:00:05.000 --> 00:00:06.000\nThree\n";
    const result = await importTranscript({ actorId: actor.id, recordingId: recording.id, languageCode: "en", fileName: "x.vtt", bytes: utf8(file) });
    expect(result).toMatchObject({ cueCount: 2, skipped: [{ line: 6, code: "bad-timing" }] });
  });

  it("reads a Windows-1256 Arabic SRT and a UTF-16 one, and reads a stored file again in another encoding", async () => {
    const actor = await organiser();
    const event = await createEvent(prisma);
    const recording = await recordingFor(event.id, null, actor.id);
    const arabic = "1\r\n00:00:01,000 --> 00:00:04,000\r\nمرحبا بكم في ورشة العمل حول حماية الطفل\r\n\r\n2\r\n00:00:05,000 --> 00:00:08,000\r\nسنتحدث اليوم عن الحماية في حالات الطوارئ\r\n";
    const cp1256 = new Uint8Array(iconv.encode(arabic, "windows-1256"));
    const result = await importTranscript({ actorId: actor.id, recordingId: recording.id, languageCode: "ar", fileName: "ar.srt", bytes: cp1256 });
    expect(result).toMatchObject({ cueCount: 2, encoding: "windows-1256", encodingSource: "detected", preview: ["مرحبا بكم في ورشة العمل حول حماية الطفل", "سنتحدث اليوم عن الحماية في حالات الطوارئ"] });
    const stored = await prisma.transcript.findUniqueOrThrow({ where: { id: result!.transcriptId } });
    expect(stored).toMatchObject({ sourceEncoding: "windows-1256", sourceName: "ar.srt" });
    expect(Buffer.from(stored.sourceFile!).equals(Buffer.from(cp1256))).toBe(true);

    const asLatin = await rereadTranscript({ actorId: actor.id, recordingId: recording.id, transcriptId: result!.transcriptId, encoding: "windows-1252" });
    expect(asLatin).toMatchObject({ encoding: "windows-1252", encodingSource: "chosen" });
    expect(asLatin!.preview[0]).not.toContain("مرحبا");
    const back = await rereadTranscript({ actorId: actor.id, recordingId: recording.id, transcriptId: asLatin!.transcriptId, encoding: "windows-1256" });
    expect(back!.preview[0]).toBe("مرحبا بكم في ورشة العمل حول حماية الطفل");

    for (const encoding of ["utf-16le", "utf-16be"]) {
      const bytes = new Uint8Array(iconv.encode(arabic, encoding, { addBOM: true }));
      const utf16 = await importTranscript({ actorId: actor.id, recordingId: recording.id, languageCode: "ar", fileName: "ar.srt", bytes });
      expect(utf16).toMatchObject({ cueCount: 2, encoding, encodingSource: "bom" });
    }
  });
});

describe("form parsing", () => {
  it("reads video links", () => {
    expect(parseEmbedUrl("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10")).toEqual({ provider: "youtube", id: "dQw4w9WgXcQ" });
    expect(parseEmbedUrl("https://youtu.be/dQw4w9WgXcQ")).toEqual({ provider: "youtube", id: "dQw4w9WgXcQ" });
    expect(parseEmbedUrl("https://player.vimeo.com/video/76979871")).toEqual({ provider: "vimeo", id: "76979871" });
    expect(parseEmbedUrl("https://evil.example/watch?v=dQw4w9WgXcQ")).toBeNull();
  });

  it("picks the transcript format by extension and content", () => {
    expect(transcriptFormat("a.vtt", "\uFEFFWEBVTT\n\n")).toBe("vtt");
    expect(transcriptFormat("a.vtt", "1\n00:00:01,000 --> 00:00:02,000\nx")).toBeNull();
    expect(transcriptFormat("a.srt", "1\n00:00:01,000 --> 00:00:02,000\nx")).toBe("srt");
    expect(transcriptFormat("a.txt", "[00:00:01] Amina: hello")).toBe("txt");
    expect(transcriptFormat("a.docx", "WEBVTT")).toBeNull();
  });
});
