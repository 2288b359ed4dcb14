// Organisers' side of recordings: attach, edit, publish and delete recordings, and import their
// transcripts. The learners' side (replay page, library, search) lives in recordings.server.ts.
import { z } from "zod";
import { recordAudit } from "~/organisers/audit.server.ts";
import { enqueueRegistrationEmails } from "~/mail/outbox.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { readTranscript, type SkippedCue, type TranscriptFormat } from "~/recordings/subtitles.ts";
import { decodeText, type EncodingSource, type TextEncodingId } from "~/utils/text-encoding.server.ts";
import { removeStoredFiles, type StoredUpload } from "~/recordings/uploads.server.ts";
import { diffFormValues } from "~/utils/form-diff.ts";
import { parseChapterLines, parseDuration, type Chapter } from "~/recordings/chapters.ts";

/** A message key under adminRecordings.errors, with its interpolation values. */
export type FieldError = { key: string; params?: Record<string, string | number> };

// ---------------------------------------------------------------------------------------------
// Parsing the form's text fields

/** YouTube and Vimeo links in the shapes people paste them → the provider and the video id. */
export function parseEmbedUrl(text: string): { provider: "youtube" | "vimeo"; id: string } | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const host = url.hostname.replace(/^(www\.|m\.)/, "");
  const parts = url.pathname.split("/").filter(Boolean);
  const youtubeId = /^[A-Za-z0-9_-]{11}$/;
  if (host === "youtu.be" && youtubeId.test(parts[0] ?? "")) return { provider: "youtube", id: parts[0]! };
  if (host === "youtube.com" || host === "youtube-nocookie.com") {
    const id = parts[0] === "watch" ? url.searchParams.get("v") : ["embed", "shorts", "live", "v"].includes(parts[0] ?? "") ? parts[1] : null;
    return id && youtubeId.test(id) ? { provider: "youtube", id } : null;
  }
  if (host === "vimeo.com" || host === "player.vimeo.com") {
    const id = parts.find((p) => /^\d{6,12}$/.test(p));
    return id ? { provider: "vimeo", id } : null;
  }
  return null;
}

const AUDIO_EXTENSIONS = /\.(mp3|m4a|aac|ogg|oga|opus|wav|flac)$/i;

const detailsSchema = z.object({
  title: z.string().trim().min(1, "titleRequired").max(200, "titleTooLong"),
  sessionId: z.string().trim(),
  languageCode: z.string().trim().min(1, "languageRequired"),
  duration: z.string().trim(),
  chapters: z.string().max(20_000, "chaptersTooLong"),
});

type RecordingDetails = {
  title: string;
  sessionId: string | null;
  languageCode: string;
  durationSeconds: number | null;
  chapters: Chapter[];
};

type RecordingSourceInput =
  | { source: "upload"; upload: StoredUpload }
  | { source: "url"; mediaUrl: string; kind: "audio" | "video" }
  | { source: "embed"; provider: "youtube" | "vimeo"; embedId: string; mediaUrl: string };

/**
 * Validates the add/edit form against the event (its sessions, the known languages). `creating`
 * adds the source fields; `media` is the file stored for this request, if any.
 */
export async function validateRecordingForm(
  eventId: string,
  form: FormData,
  options: { creating: boolean; media?: StoredUpload },
): Promise<{ details: RecordingDetails; source?: RecordingSourceInput } | { errors: Record<string, FieldError> }> {
  const text = (name: string) => String(form.get(name) ?? "");
  const errors: Record<string, FieldError> = {};
  const parsed = detailsSchema.safeParse({ title: text("title"), sessionId: text("sessionId"), languageCode: text("languageCode"), duration: text("duration"), chapters: text("chapters") });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= { key: issue.message };
    return { errors };
  }
  const values = parsed.data;
  const [session, language] = await Promise.all([
    values.sessionId ? prisma.session.findFirst({ where: { id: values.sessionId, eventId }, select: { id: true } }) : null,
    prisma.language.findUnique({ where: { code: values.languageCode }, select: { code: true } }),
  ]);
  if (values.sessionId && !session) errors.sessionId = { key: "sessionUnknown" };
  if (!language) errors.languageCode = { key: "languageRequired" };
  let durationSeconds: number | null = null;
  if (values.duration) {
    durationSeconds = parseDuration(values.duration);
    if (durationSeconds === null) errors.duration = { key: "durationFormat" };
  }
  const chapters = parseChapterLines(values.chapters);
  if ("error" in chapters) errors.chapters = chapters.error;

  let source: RecordingSourceInput | undefined;
  if (options.creating) {
    const kind = text("source");
    if (kind === "upload") {
      if (options.media) source = { source: "upload", upload: options.media };
      else errors.media = { key: "fileRequired" };
    } else if (kind === "url") {
      const mediaUrl = text("mediaUrl").trim();
      let url: URL | null = null;
      try {
        url = new URL(mediaUrl);
      } catch {
        url = null;
      }
      if (!url || url.protocol !== "https:") errors.mediaUrl = { key: "httpsOnly" };
      else source = { source: "url", mediaUrl: url.href, kind: AUDIO_EXTENSIONS.test(url.pathname) ? "audio" : "video" };
    } else if (kind === "embed") {
      const embed = parseEmbedUrl(text("embedUrl"));
      if (!embed) errors.embedUrl = { key: "embedUnknown" };
      else source = { source: "embed", provider: embed.provider, embedId: embed.id, mediaUrl: text("embedUrl").trim() };
    } else {
      errors.source = { key: "sourceRequired" };
    }
    if (kind !== "upload" && !values.duration) errors.duration = { key: "durationRequired" };
  }
  if (Object.keys(errors).length) return { errors };
  const details: RecordingDetails = {
    title: values.title,
    sessionId: session?.id ?? null,
    languageCode: values.languageCode,
    durationSeconds,
    chapters: "chapters" in chapters ? chapters.chapters : [],
  };
  return { details, source };
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function recordingFormOptions(eventId: string) {
  const [event, languages] = await Promise.all([
    prisma.event.findUniqueOrThrow({
      where: { id: eventId },
      select: { id: true, title: true, primaryLanguageCode: true, sessions: { orderBy: { startsAt: "asc" }, select: { id: true, title: true, startsAt: true, timeZone: true } } },
    }),
    prisma.language.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } }),
  ]);
  return { event, languages };
}

export async function listEventRecordings(eventId: string) {
  return prisma.recording.findMany({
    where: { eventId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      kind: true,
      status: true,
      languageCode: true,
      durationSeconds: true,
      session: { select: { id: true, title: true, startsAt: true } },
      transcripts: { orderBy: { languageCode: "asc" }, select: { languageCode: true } },
    },
  });
}

/** One recording of this event, or a 404 (an id from another event is not found here). */
export async function requireEventRecording(eventId: string, recordingId: string | undefined) {
  const recording = recordingId
    ? await prisma.recording.findFirst({
        where: { id: recordingId, eventId },
        select: {
          id: true,
          eventId: true,
          title: true,
          kind: true,
          status: true,
          publishedAt: true,
          sessionId: true,
          languageCode: true,
          durationSeconds: true,
          chapters: true,
          mediaUrl: true,
          filePath: true,
          mimeType: true,
          embedProvider: true,
          embedId: true,
          posterUrl: true,
          transcripts: {
            orderBy: { languageCode: "asc" },
            select: { id: true, languageCode: true, createdAt: true, sourceName: true, sourceEncoding: true, _count: { select: { cues: true } }, cues: { orderBy: { position: "desc" }, take: 1, select: { endMs: true } } },
          },
        },
      })
    : null;
  if (!recording) throw new Response("This recording does not exist, or it belongs to another event.", { status: 404 });
  return recording;
}

// ---------------------------------------------------------------------------------------------
// Changes: one transaction each, with its audit entry

/** Uploaded posters are stored like recordings; the replay page serves them from this path. */
function posterPath(recordingId: string, fileName: string) {
  return `/recordings/${recordingId}/poster/${fileName}`;
}

function posterFileName(posterUrl: string | null): string | null {
  return posterUrl?.startsWith("/recordings/") ? (posterUrl.split("/").pop() ?? null) : null;
}

export async function createRecording(input: { actorId: string; eventId: string; details: RecordingDetails; source: RecordingSourceInput; poster?: StoredUpload }) {
  const { details, source } = input;
  const media =
    source.source === "upload"
      ? { kind: source.upload.category === "audio" ? "audio" : "video", filePath: source.upload.fileName, mimeType: source.upload.mimeType }
      : source.source === "url"
        ? { kind: source.kind, mediaUrl: source.mediaUrl }
        : { kind: "embed", mediaUrl: source.mediaUrl, embedProvider: source.provider, embedId: source.embedId };
  return prisma.$transaction(async (tx) => {
    const recording = await tx.recording.create({
      data: {
        eventId: input.eventId,
        sessionId: details.sessionId,
        title: details.title,
        languageCode: details.languageCode,
        durationSeconds: details.durationSeconds,
        chapters: JSON.stringify(details.chapters),
        ...media,
      },
      select: { id: true },
    });
    if (input.poster) await tx.recording.update({ where: { id: recording.id }, data: { posterUrl: posterPath(recording.id, input.poster.fileName) } });
    await recordAudit(tx, { actorId: input.actorId, action: "created", entityType: "recording", entityId: recording.id, details: { eventId: input.eventId, kind: media.kind, title: details.title } });
    return recording;
  });
}

export async function updateRecording(input: { actorId: string; eventId: string; recordingId: string; details: RecordingDetails; poster?: StoredUpload; removePoster?: boolean }) {
  const { details } = input;
  const before = await prisma.recording.findFirstOrThrow({
    where: { id: input.recordingId, eventId: input.eventId },
    select: { title: true, sessionId: true, languageCode: true, durationSeconds: true, chapters: true, posterUrl: true },
  });
  const posterUrl = input.poster ? posterPath(input.recordingId, input.poster.fileName) : input.removePoster ? null : before.posterUrl;
  const data = { title: details.title, sessionId: details.sessionId, languageCode: details.languageCode, durationSeconds: details.durationSeconds, chapters: JSON.stringify(details.chapters), posterUrl };
  await prisma.$transaction(async (tx) => {
    await tx.recording.update({ where: { id: input.recordingId }, data });
    // A save that changed nothing is not an action worth a line in the log.
    const changed = diffFormValues(before, data);
    if (changed.length) await recordAudit(tx, { actorId: input.actorId, action: "updated", entityType: "recording", entityId: input.recordingId, details: { title: details.title, changed } });
  });
  // The old poster goes once the row no longer points at it.
  if (posterUrl !== before.posterUrl) await removeStoredFiles([posterFileName(before.posterUrl)]);
}

export async function deleteRecording(input: { actorId: string; eventId: string; recordingId: string }) {
  const recording = await prisma.$transaction(async (tx) => {
    const row = await tx.recording.findFirstOrThrow({ where: { id: input.recordingId, eventId: input.eventId }, select: { id: true, title: true, filePath: true, posterUrl: true } });
    await tx.recording.delete({ where: { id: row.id } });
    await recordAudit(tx, { actorId: input.actorId, action: "deleted", entityType: "recording", entityId: row.id, details: { eventId: input.eventId, title: row.title } });
    return row;
  });
  // After the commit: a failed delete keeps both the row and its files.
  await removeStoredFiles([recording.filePath, posterFileName(recording.posterUrl)]);
}

/**
 * Publishing tells every confirmed registrant of the recording's session (of every session of the
 * event when the recording has none), in the same transaction. The dedupe key makes a second
 * publish, or publish → unpublish → publish, send nothing new.
 */
export async function setRecordingPublished(input: { actorId: string; eventId: string; recordingId: string; published: boolean; now?: Date }) {
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const recording = await tx.recording.findFirstOrThrow({ where: { id: input.recordingId, eventId: input.eventId }, select: { id: true, sessionId: true, status: true } });
    if (!input.published) {
      await tx.recording.update({ where: { id: recording.id }, data: { status: "draft", publishedAt: null } });
      await recordAudit(tx, { actorId: input.actorId, action: "unpublished", entityType: "recording", entityId: recording.id });
      return { notified: 0 };
    }
    await tx.recording.update({ where: { id: recording.id }, data: { status: "published", publishedAt: recording.status === "published" ? undefined : now } });
    const registrations = await tx.registration.findMany({
      where: { status: "confirmed", ...(recording.sessionId ? { sessionId: recording.sessionId } : { session: { eventId: input.eventId } }) },
      select: { id: true },
    });
    const recordingPath = `/recordings/${recording.id}`;
    const { created } = await enqueueRegistrationEmails(
      tx,
      registrations.map((r) => ({ kind: "recording-available" as const, registrationId: r.id, dedupeKey: `recording:${recording.id}:${r.id}`, extra: { recordingId: recording.id, recordingPath } })),
      now,
    );
    await recordAudit(tx, { actorId: input.actorId, action: "published", entityType: "recording", entityId: recording.id, details: { notified: created } });
    return { notified: created };
  });
}

// ---------------------------------------------------------------------------------------------
// Transcripts

/** The format from the file's extension, confirmed by its content; null when they disagree. */
export function transcriptFormat(fileName: string, text: string): TranscriptFormat | null {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const body = text.replace(/^\uFEFF/, "").trimStart();
  const looksVtt = /^WEBVTT(?:[ \t].*)?(?:\r?\n|$)/.test(body);
  if (extension === "vtt") return looksVtt ? "vtt" : null;
  if (extension === "srt") return !looksVtt && /-->/.test(body) ? "srt" : null;
  if (extension === "txt") return !looksVtt && !/-->/.test(body) ? "txt" : null;
  return null;
}

export type TranscriptImport = {
  transcriptId: string;
  cueCount: number;
  durationMs: number;
  /** Cues left out, with their line and why: shown to the organiser after the upload. */
  skipped: SkippedCue[];
  encoding: TextEncodingId;
  encodingSource: EncodingSource;
  /** The first cues as read, so the organiser can see at once whether the encoding was right. */
  preview: string[];
};

/**
 * Replaces the recording's transcript in `languageCode` with the uploaded file. The bytes are
 * decoded (the encoding detected, or the one the organiser chose) and kept with the transcript so
 * it can be read again in another encoding. The file is parsed before anything is written, so a
 * TranscriptParseError leaves the old transcript as it was; the delete and the inserts share one
 * transaction, so a failure halfway leaves it too. Cues go through Prisma so the search index's
 * triggers see every row. Returns null when the file is not a transcript format we read.
 */
export async function importTranscript(input: {
  actorId: string;
  recordingId: string;
  languageCode: string;
  fileName: string;
  bytes: Uint8Array;
  encoding?: TextEncodingId | null;
}): Promise<TranscriptImport | null> {
  const decoded = decodeText(input.bytes, { chosen: input.encoding, language: input.languageCode });
  const format = transcriptFormat(input.fileName, decoded.text);
  if (!format) return null;
  const { cues, skipped } = readTranscript(decoded.text, format);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.transcript.findUnique({ where: { recordingId_languageCode: { recordingId: input.recordingId, languageCode: input.languageCode } }, select: { id: true } });
    if (existing) await tx.transcript.delete({ where: { id: existing.id } });
    const transcript = await tx.transcript.create({
      data: { recordingId: input.recordingId, languageCode: input.languageCode, sourceFile: new Uint8Array(input.bytes), sourceName: input.fileName.slice(0, 200), sourceEncoding: decoded.encoding },
      select: { id: true },
    });
    await tx.transcriptCue.createMany({
      data: cues.map((cue, position) => ({ transcriptId: transcript.id, position, startMs: cue.startMs, endMs: cue.endMs, speaker: cue.speaker, text: cue.text })),
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: existing ? "updated" : "created",
      entityType: "transcript",
      entityId: transcript.id,
      details: { recordingId: input.recordingId, languageCode: input.languageCode, cues: cues.length, skipped: skipped.length, encoding: decoded.encoding },
    });
    return {
      transcriptId: transcript.id,
      cueCount: cues.length,
      durationMs: cues.reduce((end, cue) => Math.max(end, cue.endMs), 0),
      skipped,
      encoding: decoded.encoding,
      encodingSource: decoded.source,
      preview: cues.slice(0, 3).map((cue) => (cue.speaker ? `${cue.speaker}: ${cue.text}` : cue.text).slice(0, 200)),
    };
  });
}

/**
 * Reads a transcript's stored file again in the encoding the organiser chose, replacing its cues.
 * Null when the transcript has no stored file (imported before files were kept) or is not a format
 * we read in that encoding.
 */
export async function rereadTranscript(input: { actorId: string; recordingId: string; transcriptId: string; encoding: TextEncodingId }): Promise<TranscriptImport | null> {
  const transcript = await prisma.transcript.findFirst({
    where: { id: input.transcriptId, recordingId: input.recordingId },
    select: { languageCode: true, sourceFile: true, sourceName: true },
  });
  if (!transcript) throw new Response("This transcript does not exist.", { status: 404 });
  if (!transcript.sourceFile || !transcript.sourceName) return null;
  return importTranscript({ actorId: input.actorId, recordingId: input.recordingId, languageCode: transcript.languageCode, fileName: transcript.sourceName, bytes: transcript.sourceFile, encoding: input.encoding });
}

export async function removeTranscript(input: { actorId: string; recordingId: string; transcriptId: string }) {
  await prisma.$transaction(async (tx) => {
    const transcript = await tx.transcript.findFirst({ where: { id: input.transcriptId, recordingId: input.recordingId }, select: { id: true, languageCode: true } });
    if (!transcript) throw new Response("This transcript does not exist.", { status: 404 });
    await tx.transcript.delete({ where: { id: transcript.id } });
    await recordAudit(tx, { actorId: input.actorId, action: "deleted", entityType: "transcript", entityId: transcript.id, details: { recordingId: input.recordingId, languageCode: transcript.languageCode } });
  });
}
