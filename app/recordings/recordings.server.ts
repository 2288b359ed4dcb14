// Public reads for the replay library and the replay page, and the learning record written from
// the replay page. Organiser-side writes live in recordings-admin.server.ts.
import type { Prisma } from "~/generated/prisma/client.ts";
import type { EventType } from "~/events/events.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { isEmbedProvider } from "~/recordings/embed.ts";
import type { Cue } from "~/recordings/subtitles.ts";
import { readStoredChapters } from "~/recordings/chapters.ts";

const LIBRARY_PAGE_SIZE = 12;

// A recording is public when it is published and its event can be seen; a cancelled event keeps
// its public page (which lists its recordings), so its published recordings stay reachable too.
export const PUBLIC_EVENT_STATUSES = ["published", "cancelled"];

export const publicRecording = (id?: string): Prisma.RecordingWhereInput => ({
  ...(id ? { id } : {}),
  status: "published",
  event: { status: { in: PUBLIC_EVENT_STATUSES } },
});

export type LibraryFilters = {
  type?: EventType;
  topic?: string; // topic slug: a pillar includes its standards
  language?: string;
  page: number;
};

/** Every published recording, newest first, filtered by the event's topic and type and by language. */
export async function listPublishedRecordings(filters: LibraryFilters, locale: string) {
  const and: Prisma.RecordingWhereInput[] = [publicRecording()];
  if (filters.type) and.push({ event: { type: filters.type } });
  if (filters.topic) {
    and.push({
      event: { topics: { some: { topic: { OR: [{ slug: filters.topic }, { parent: { slug: filters.topic } }] } } } },
    });
  }
  if (filters.language) {
    and.push({ OR: [{ languageCode: filters.language }, { transcripts: { some: { languageCode: filters.language } } }] });
  }
  const where: Prisma.RecordingWhereInput = { AND: and };
  const total = await prisma.recording.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / LIBRARY_PAGE_SIZE));
  const rows = await prisma.recording.findMany({
    where,
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    skip: (filters.page - 1) * LIBRARY_PAGE_SIZE,
    take: LIBRARY_PAGE_SIZE,
    select: {
      id: true,
      title: true,
      kind: true,
      languageCode: true,
      durationSeconds: true,
      chapters: true,
      publishedAt: true,
      event: {
        select: {
          slug: true,
          title: true,
          type: true,
          primaryLanguageCode: true,
          translations: { where: { locale }, select: { title: true } },
        },
      },
      transcripts: { orderBy: { languageCode: "asc" }, select: { languageCode: true } },
    },
  });
  const recordings = rows.map(({ event, transcripts, chapters, ...rest }) => {
    const translated = event.translations[0]?.title;
    return {
      ...rest,
      event: {
        slug: event.slug,
        type: event.type,
        title: translated ?? event.title,
        contentLocale: translated ? locale : event.primaryLanguageCode,
      },
      transcriptLanguages: transcripts.map((t) => t.languageCode),
      chapterCount: readStoredChapters(chapters).length,
    };
  });
  return { recordings, total, page: filters.page, pageCount };
}

export type LibraryRecording = Awaited<ReturnType<typeof listPublishedRecordings>>["recordings"][number];

/** The replay page: the recording, its event, the transcript languages and one transcript's cues. */
export async function getPublicRecording(recordingId: string, requestedLanguage: string | null, locale: string) {
  const recording = await prisma.recording.findFirst({
    where: publicRecording(recordingId),
    select: {
      id: true,
      kind: true,
      title: true,
      mediaUrl: true,
      filePath: true,
      mimeType: true,
      embedProvider: true,
      embedId: true,
      languageCode: true,
      durationSeconds: true,
      posterUrl: true,
      chapters: true,
      publishedAt: true,
      event: {
        select: {
          slug: true,
          title: true,
          type: true,
          primaryLanguageCode: true,
          translations: { where: { locale }, select: { title: true } },
        },
      },
      transcripts: { orderBy: { languageCode: "asc" }, select: { id: true, languageCode: true } },
    },
  });
  if (!recording) return null;
  const languages = recording.transcripts.map((t) => t.languageCode);
  const chosen =
    recording.transcripts.find((t) => t.languageCode === requestedLanguage) ??
    recording.transcripts.find((t) => t.languageCode === locale) ??
    recording.transcripts.find((t) => t.languageCode === recording.languageCode) ??
    recording.transcripts[0] ??
    null;
  const cues = chosen
    ? await prisma.transcriptCue.findMany({
        where: { transcriptId: chosen.id },
        orderBy: { position: "asc" },
        select: { startMs: true, endMs: true, speaker: true, text: true },
      })
    : [];
  const { event, transcripts: _t, filePath, mediaUrl, chapters, embedProvider, embedId, ...rest } = recording;
  const translated = event.translations[0]?.title;
  return {
    ...rest,
    // The browser only needs to know where to fetch the media from, never the stored file name.
    mediaSource: filePath ? `/recordings/${recording.id}/media` : mediaUrl,
    embed: recording.kind === "embed" && isEmbedProvider(embedProvider) && embedId ? { provider: embedProvider, id: embedId } : null,
    chapters: readStoredChapters(chapters),
    event: {
      slug: event.slug,
      type: event.type,
      title: translated ?? event.title,
      contentLocale: translated ? locale : event.primaryLanguageCode,
    },
    transcriptLanguages: languages,
    transcript: chosen ? { languageCode: chosen.languageCode, cues } : null,
  };
}

/** One transcript of a public recording as cues, for captions and downloads; null when unknown. */
export async function getPublicTranscriptCues(recordingId: string, languageCode: string): Promise<Cue[] | null> {
  const transcript = await prisma.transcript.findFirst({
    where: { languageCode, recording: publicRecording(recordingId) },
    select: {
      cues: { orderBy: { position: "asc" }, select: { startMs: true, endMs: true, speaker: true, text: true } },
    },
  });
  if (!transcript) return null;
  return transcript.cues.map((cue) => ({ ...cue, settings: null, identifier: null }));
}

/** The uploaded file behind a public recording (a name under UPLOAD_DIR), or null. */
export async function getPublicRecordingFile(recordingId: string) {
  const recording = await prisma.recording.findFirst({
    where: { ...publicRecording(recordingId), filePath: { not: null } },
    select: { filePath: true, mimeType: true },
  });
  return recording?.filePath ? { filePath: recording.filePath, mimeType: recording.mimeType } : null;
}

/** Published recordings a registrant of this session can replay: the session's own and the event's. */
export async function listRecordingsForSession(eventSlug: string, sessionId: string) {
  return prisma.recording.findMany({
    where: {
      status: "published",
      event: { slug: eventSlug, status: { in: ["published", "cancelled"] } },
      OR: [{ sessionId }, { sessionId: null }],
    },
    orderBy: { publishedAt: "desc" },
    select: { id: true, title: true, durationSeconds: true, languageCode: true },
  });
}

/** Per session, how many registrants replayed a recording (the learning record next to live attendance). */
export async function countReplayingRegistrants(sessionIds: string[]): Promise<Map<string, number>> {
  const rows = await prisma.registration.findMany({
    where: { sessionId: { in: sessionIds }, replayViews: { some: { secondsWatched: { gt: 0 } } } },
    select: { sessionId: true },
  });
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.sessionId, (counts.get(row.sessionId) ?? 0) + 1);
  return counts;
}

/** The stored poster image of a public recording, only under the name its posterUrl names. */
export async function getPublicRecordingPoster(recordingId: string, name: string) {
  const recording = await prisma.recording.findFirst({
    where: { ...publicRecording(recordingId), posterUrl: `/recordings/${recordingId}/poster/${name}` },
    select: { id: true },
  });
  return recording ? { filePath: name } : null;
}

// Nobody watches a recording for more than a day; a larger number is a forged request.
const MAX_SECONDS = 24 * 60 * 60;

/**
 * The learning record: how far a registrant got in a public recording. Never decreases, so a
 * replay from the start (or a late, out-of-order request) does not erase progress. Returns the
 * stored value, or null when the recording is not public.
 */
export async function recordReplayProgress(input: { recordingId: string; registrationId: string; secondsWatched: number }) {
  return prisma.$transaction(async (tx) => {
    const recording = await tx.recording.findFirst({
      where: publicRecording(input.recordingId),
      select: { id: true, durationSeconds: true },
    });
    if (!recording) return null;
    const limit = recording.durationSeconds ? Math.min(recording.durationSeconds, MAX_SECONDS) : MAX_SECONDS;
    const seconds = Math.max(0, Math.min(Math.floor(input.secondsWatched), limit));
    // No unique key on (recording, registration) in the schema yet, so find-then-write inside
    // one transaction (SQLite serialises writers, so two tabs cannot create two rows).
    const existing = await tx.replayView.findFirst({
      where: { recordingId: recording.id, registrationId: input.registrationId },
      orderBy: { createdAt: "asc" },
      select: { id: true, secondsWatched: true },
    });
    if (!existing) {
      await tx.replayView.create({
        data: { recordingId: recording.id, registrationId: input.registrationId, secondsWatched: seconds },
      });
      return seconds;
    }
    if (seconds <= existing.secondsWatched) return existing.secondsWatched;
    await tx.replayView.update({ where: { id: existing.id }, data: { secondsWatched: seconds } });
    return seconds;
  });
}
