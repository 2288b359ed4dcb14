// Loads the demo catalogue: languages, the CPMS topic tree, series, speakers,
// site settings, events with their sessions, and recordings with transcripts.
//
// Bundled into the server build (first start of an empty database) and run by
// tsx (`npm run seed`), so: relative imports only, and the transcript files are
// read at run time from the working directory rather than next to this module.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DateTime, IANAZone } from "luxon";
import type { Prisma, PrismaClient } from "../../app/generated/prisma/client.ts";
import { parseWebVTT, type Cue } from "../../app/recordings/subtitles.ts";
import { buildEventSeeds, type EventSeed, type Schedule } from "./events-data.ts";
import { slugify } from "../../app/utils/slug.ts";
import { LANGUAGES, PILLARS, SERIES, SITE_SETTINGS, SPEAKERS, pillarSlug } from "./reference-data.ts";
import { TRANSCRIPT_CHAPTERS } from "./transcripts/chapters.ts";

export interface SeedOptions {
  /** The instant every demo date is computed from; defaults to the current time. */
  now?: Date;
  log?: (message: string) => void;
}

/**
 * `created` counts database rows inserted (an event with its sessions, topics and
 * cues counts every row); `skipped` counts catalogue entries (languages, topics,
 * series, speakers, settings, resources, events) that already existed and were left
 * untouched, so a second run reports `created: 0`.
 */
export interface SeedResult {
  created: number;
  skipped: number;
}

type Tx = Prisma.TransactionClient;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

// Where Friday and Saturday are the weekend, Sunday is a working day.
const FRIDAY_SATURDAY_WEEKEND = new Set(["Asia/Dhaka", "Asia/Amman", "Asia/Baghdad", "Asia/Aden", "Africa/Cairo"]);

export const STANDALONE_RESOURCES = [
  {
    title: "Child Protection Minimum Standards, 2019 edition",
    url: "https://alliancecpha.org/en/CPMS_home",
    kind: "guide",
    languageCode: "en",
  },
] as const;

export function transcriptsDir(): string {
  return path.join(process.cwd(), "prisma/seed/transcripts");
}

export async function seedDemoCatalogue(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const result: SeedResult = { created: 0, skipped: 0 };
  const tally = (created: number, skipped: number) => {
    result.created += created;
    result.skipped += skipped;
  };

  log(`Seeding languages… ${LANGUAGES.length}`);
  tally(
    ...(await prisma.$transaction(async (tx) => {
      const existing = new Set((await tx.language.findMany({ select: { code: true } })).map((l) => l.code));
      const missing = LANGUAGES.filter((l) => !existing.has(l.code));
      if (missing.length) await tx.language.createMany({ data: missing });
      return [missing.length, LANGUAGES.length - missing.length] as const;
    })),
  );

  const topicCount = PILLARS.reduce((n, p) => n + 1 + p.standards.length, 0);
  log(`Seeding topics… ${topicCount}`);
  const topicIds = await prisma.$transaction(async (tx) => {
    const ids = new Map((await tx.topic.findMany({ select: { slug: true, id: true } })).map((t) => [t.slug, t.id]));
    let created = 0;
    for (const pillar of PILLARS) {
      const slug = pillarSlug(pillar.number);
      let pillarId = ids.get(slug);
      if (!pillarId) {
        pillarId = (
          await tx.topic.create({
            data: { slug, kind: "pillar", number: pillar.number, title: pillar.title, description: pillar.description },
            select: { id: true },
          })
        ).id;
        ids.set(slug, pillarId);
        created++;
      }
      for (const standard of pillar.standards) {
        const standardSlug = `standard-${standard.number}-${slugify(standard.title)}`;
        if (ids.has(standardSlug)) continue;
        const { id } = await tx.topic.create({
          data: {
            slug: standardSlug,
            kind: "standard",
            number: standard.number,
            title: standard.title,
            description: standard.description,
            parentId: pillarId,
          },
          select: { id: true },
        });
        ids.set(standardSlug, id);
        created++;
      }
    }
    tally(created, topicCount - created);
    return ids;
  });

  log(`Seeding series… ${SERIES.length}`);
  const seriesIds = await prisma.$transaction(async (tx) => {
    const existing = new Set((await tx.series.findMany({ select: { slug: true } })).map((s) => s.slug));
    const missing = SERIES.filter((s) => !existing.has(s.slug));
    if (missing.length) await tx.series.createMany({ data: missing });
    tally(missing.length, SERIES.length - missing.length);
    return new Map((await tx.series.findMany({ select: { slug: true, id: true } })).map((s) => [s.slug, s.id]));
  });

  log(`Seeding speakers… ${SPEAKERS.length}`);
  const speakerIds = await prisma.$transaction(async (tx) => {
    const existing = new Set((await tx.speaker.findMany({ select: { slug: true } })).map((s) => s.slug));
    const missing = SPEAKERS.filter((s) => !existing.has(s.slug));
    if (missing.length) await tx.speaker.createMany({ data: missing });
    tally(missing.length, SPEAKERS.length - missing.length);
    return new Map((await tx.speaker.findMany({ select: { slug: true, id: true } })).map((s) => [s.slug, s.id]));
  });

  // Settings an organiser has changed since the first run are left alone.
  log(`Seeding site settings… ${SITE_SETTINGS.length}`);
  await prisma.$transaction(async (tx) => {
    const existing = new Set((await tx.siteSetting.findMany({ select: { key: true } })).map((s) => s.key));
    const missing = SITE_SETTINGS.filter((s) => !existing.has(s.key));
    if (missing.length) {
      await tx.siteSetting.createMany({ data: missing.map((s) => ({ key: s.key, value: JSON.stringify(s.value) })) });
    }
    tally(missing.length, SITE_SETTINGS.length - missing.length);
  });

  log(`Seeding resources… ${STANDALONE_RESOURCES.length}`);
  for (const resource of STANDALONE_RESOURCES) {
    const found = await prisma.resource.findFirst({
      where: { url: resource.url, title: resource.title, eventId: null },
      select: { id: true },
    });
    if (found) {
      tally(0, 1);
    } else {
      await prisma.resource.create({ data: { ...resource } });
      tally(1, 0);
    }
  }

  const seeds = buildEventSeeds(buildSchedule(now));
  const existingEvents = new Set((await prisma.event.findMany({ select: { slug: true } })).map((e) => e.slug));
  const lookups = { topicIds, seriesIds, speakerIds };
  for (const [index, seed] of seeds.entries()) {
    log(`Seeding events ${index + 1}/${seeds.length}`);
    if (existingEvents.has(seed.slug)) {
      tally(0, 1);
      continue;
    }
    // Parsed before the transaction opens so the write lock is held as briefly as possible.
    const transcripts = seed.recording ? loadTranscripts(seed.recording.transcriptBaseName, seed.recording.transcriptLanguages, log) : [];
    try {
      const rows = await prisma.$transaction((tx) => createEvent(tx, seed, transcripts, now, lookups));
      tally(rows, 0);
    } catch (error) {
      // Another process (a second server starting at the same moment) seeded it first.
      if ((error as { code?: string }).code === "P2002") tally(0, 1);
      else throw error;
    }
  }

  log(`Demo catalogue: ${result.created} rows created, ${result.skipped} entries already present`);
  return result;
}

interface LoadedTranscript {
  languageCode: string;
  cues: Cue[];
}

function loadTranscripts(baseName: string, languages: string[], log: (message: string) => void): LoadedTranscript[] {
  const loaded: LoadedTranscript[] = [];
  for (const languageCode of languages) {
    const file = path.join(transcriptsDir(), `${baseName}.${languageCode}.vtt`);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      // A deployment that ships without prisma/seed still gets a usable catalogue.
      log(`Transcript ${file} not found: the recording is created without it`);
      continue;
    }
    loaded.push({ languageCode, cues: parseWebVTT(text) });
  }
  return loaded;
}

async function createEvent(
  tx: Tx,
  seed: EventSeed,
  transcripts: LoadedTranscript[],
  now: Date,
  lookups: { topicIds: Map<string, string>; seriesIds: Map<string, string>; speakerIds: Map<string, string> },
): Promise<number> {
  const need = (map: Map<string, string>, key: string, what: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`Demo event ${seed.slug} refers to unknown ${what} "${key}"`);
    return id;
  };

  const sessions = seed.sessions.map((s) => ({
    title: s.title ?? null,
    startsAt: s.startsAt.toJSDate(),
    endsAt: s.startsAt.plus({ minutes: s.minutes }).toJSDate(),
    timeZone: s.startsAt.zoneName ?? seed.timeZone,
    languageCode: s.languageCode ?? seed.primaryLanguageCode,
    status: seed.status === "cancelled" ? "cancelled" : "scheduled",
    // Cancelling changed the sessions once, and calendar clients need a higher SEQUENCE to notice.
    sequence: seed.status === "cancelled" ? 1 : 0,
  }));
  const firstStart = Math.min(...sessions.map((s) => s.startsAt.getTime()));
  const publishedAt =
    seed.status === "draft" ? null : new Date(Math.min(firstStart - 21 * DAY_MS, now.getTime() - 3 * DAY_MS));

  const event = await tx.event.create({
    data: {
      slug: seed.slug,
      type: seed.type,
      status: seed.status,
      title: seed.title,
      summary: seed.summary,
      description: seed.description,
      primaryLanguageCode: seed.primaryLanguageCode,
      timeZone: seed.timeZone,
      referenceCities: seed.referenceCities ? JSON.stringify(seed.referenceCities) : null,
      seriesId: seed.seriesSlug ? need(lookups.seriesIds, seed.seriesSlug, "series") : null,
      capacity: seed.capacity ?? null,
      approvalRequired: seed.approvalRequired ?? false,
      isRecorded: seed.isRecorded ?? false,
      joinUrl: seed.joinUrl ?? null,
      publishedAt,
      cancelledAt: seed.status === "cancelled" ? new Date(now.getTime() - DAY_MS) : null,
      cancellationNote: seed.status === "cancelled" ? (seed.cancellationNote ?? null) : null,
      supportedLanguages: {
        create: (seed.supportedLanguages ?? []).map((l) => ({ languageCode: l.code, kind: l.kind })),
      },
      topics: { create: seed.topicSlugs.map((slug) => ({ topicId: need(lookups.topicIds, slug, "topic") })) },
      speakers: {
        create: seed.speakers.map((s, sortOrder) => ({
          speakerId: need(lookups.speakerIds, s.slug, "speaker"),
          role: s.role,
          sortOrder,
        })),
      },
      translations: { create: seed.translations ?? [] },
      questions: {
        create: (seed.questions ?? []).map((q, sortOrder) => ({
          kind: q.kind,
          label: q.label,
          options: JSON.stringify(q.options ?? []),
          required: q.required ?? false,
          sortOrder,
        })),
      },
      resources: {
        create: (seed.resources ?? []).map((r) => ({
          title: r.title,
          url: r.url,
          kind: r.kind,
          languageCode: r.languageCode,
          topicId: r.topicSlug ? need(lookups.topicIds, r.topicSlug, "topic") : null,
        })),
      },
      sessions: { create: sessions },
    },
    select: { id: true, sessions: { select: { id: true, endsAt: true }, orderBy: { startsAt: "asc" } } },
  });

  let rows =
    1 +
    (seed.supportedLanguages?.length ?? 0) +
    seed.topicSlugs.length +
    seed.speakers.length +
    (seed.translations?.length ?? 0) +
    (seed.questions?.length ?? 0) +
    (seed.resources?.length ?? 0) +
    sessions.length;

  if (seed.recording) {
    const session = event.sessions[0]!;
    const lastCueEndMs = Math.max(0, ...transcripts.map((t) => t.cues.at(-1)?.endMs ?? 0));
    const recordingPublishedAt = new Date(
      Math.min(session.endsAt.getTime() + 2 * DAY_MS, now.getTime() - HOUR_MS),
    );
    await tx.recording.create({
      data: {
        eventId: event.id,
        sessionId: session.id,
        // No media ships with the demo: learners get the interactive transcript on its own.
        kind: "transcript-only",
        title: seed.recording.title,
        mediaUrl: null,
        languageCode: seed.recording.languageCode,
        durationSeconds: lastCueEndMs > 0 ? Math.ceil(lastCueEndMs / 1000) : null,
        chapters: JSON.stringify(TRANSCRIPT_CHAPTERS[seed.recording.transcriptBaseName] ?? []),
        status: "published",
        publishedAt: recordingPublishedAt,
        transcripts: {
          create: transcripts.map((t) => ({
            languageCode: t.languageCode,
            cues: {
              createMany: {
                data: t.cues.map((cue, position) => ({
                  position,
                  startMs: cue.startMs,
                  endMs: cue.endMs,
                  speaker: cue.speaker,
                  text: cue.text,
                })),
              },
            },
          })),
        },
      },
      select: { id: true },
    });
    rows += 1 + transcripts.length + transcripts.reduce((n, t) => n + t.cues.length, 0);
  }
  return rows;
}

export function buildSchedule(now: Date): Schedule {
  const nowUtc = DateTime.fromJSDate(now, { zone: "utc" });
  return {
    now: nowUtc,
    at(days, time, zone) {
      const [hour, minute] = time.split(":").map(Number) as [number, number];
      const step = days < 0 ? -1 : 1;
      let day = nowUtc.setZone(zone).startOf("day").plus({ days });
      while (isDayOff(day, zone)) day = day.plus({ days: step });
      const local = DateTime.fromObject(
        { year: day.year, month: day.month, day: day.day, hour, minute },
        { zone },
      );
      // Demo times are chosen outside the night-time hours when clocks change; a
      // shifted result would mean a typo in the data, not a DST edge.
      if (!local.isValid || local.hour !== hour || local.minute !== minute) {
        throw new Error(`Demo session time ${time} does not exist in ${zone} on ${day.toISODate()}`);
      }
      return local;
    },
    usDstStraddleStart: usDstStraddleStart(now),
  };
}

/** Weekends of the zone, and the year-end break when most of the audience is away. */
function isDayOff(day: DateTime, zone: string): boolean {
  if ((day.month === 12 && day.day >= 24) || (day.month === 1 && day.day === 1)) return true;
  return FRIDAY_SATURDAY_WEEKEND.has(zone) ? day.weekday === 5 || day.weekday === 6 : day.weekday >= 6;
}

/**
 * The next moment, at least two days after `now`, when New York's UTC offset
 * changes. Found by scanning rather than from a table of dates, so the demo keeps
 * a DST-straddling session whatever year it is seeded in.
 */
export function nextUsDstChange(now: Date): DateTime {
  const zone = IANAZone.create("America/New_York");
  const from = Math.ceil((now.getTime() + 2 * DAY_MS) / HOUR_MS) * HOUR_MS;
  // Day steps find the day, hour steps the hour: US changes happen on the hour.
  let day = from;
  while (zone.offset(day) === zone.offset(day + DAY_MS)) {
    day += DAY_MS;
    if (day - from > 400 * DAY_MS) throw new Error("No US daylight-saving change within 400 days");
  }
  let hour = day;
  while (zone.offset(hour) === zone.offset(hour + HOUR_MS)) hour += HOUR_MS;
  return DateTime.fromMillis(hour + HOUR_MS, { zone: "utc" });
}

/**
 * A 90-minute session in Cox's Bazar that spans the US change: it is on a Sunday
 * (a working day in Bangladesh) around midday there, while New York's clocks jump.
 * Its New York start and end times carry different UTC offsets.
 */
function usDstStraddleStart(now: Date): DateTime {
  return nextUsDstChange(now).minus({ minutes: 45 }).setZone("Asia/Dhaka");
}
