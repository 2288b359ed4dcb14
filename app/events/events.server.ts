import { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";

export const EVENT_TYPES = ["webinar", "live-qa", "audio", "video", "workshop"] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const PAGE_SIZE = 12;

export type CatalogueFilters = {
  when: "upcoming" | "past";
  type?: EventType;
  topic?: string; // topic slug: a pillar includes its standards
  language?: string;
  q?: string;
  page: number;
};

type Localised = { title: string; summary: string; contentLocale: string };

function localise(
  event: { title: string; summary: string; primaryLanguageCode: string; translations: { locale: string; title: string; summary: string }[] },
  locale: string,
): Localised {
  const translation = event.translations.find((t) => t.locale === locale);
  if (translation) return { title: translation.title, summary: translation.summary || event.summary, contentLocale: locale };
  return { title: event.title, summary: event.summary, contentLocale: event.primaryLanguageCode };
}

// Prisma's SQLite adapter stores DateTime as ISO text with "+00:00"; compare in that form.
const sqlInstant = (date: Date) => date.toISOString().replace("Z", "+00:00");

function escapeLike(word: string) {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The filter as SQL. Raw SQL stays in this model: ordering by each event's next (or
 * last) session and paging in the database is what keeps a 1,000-event catalogue fast,
 * and Prisma cannot sort on a relation's minimum. Standard SQL, so PostgreSQL runs it too.
 */
function catalogueConditions(filters: Omit<CatalogueFilters, "page">): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`e."status" IN ('published', 'cancelled')`];
  if (filters.type) conditions.push(Prisma.sql`e."type" = ${filters.type}`);
  if (filters.topic) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "EventTopic" et JOIN "Topic" t ON t."id" = et."topicId"
      LEFT JOIN "Topic" p ON p."id" = t."parentId"
      WHERE et."eventId" = e."id" AND (t."slug" = ${filters.topic} OR p."slug" = ${filters.topic}))`);
  }
  if (filters.language) {
    conditions.push(Prisma.sql`(e."primaryLanguageCode" = ${filters.language}
      OR EXISTS (SELECT 1 FROM "EventLanguage" el WHERE el."eventId" = e."id" AND el."languageCode" = ${filters.language})
      OR EXISTS (SELECT 1 FROM "Session" sl WHERE sl."eventId" = e."id" AND sl."languageCode" = ${filters.language}))`);
  }
  // SQLite's LIKE ignores case for ASCII; full-text search arrives with the replay library.
  const words = filters.q?.trim().split(/\s+/).filter(Boolean).slice(0, 8) ?? [];
  for (const word of words) {
    const like = escapeLike(word);
    conditions.push(Prisma.sql`(e."title" LIKE ${like} ESCAPE '\\' OR e."summary" LIKE ${like} ESCAPE '\\'
      OR e."description" LIKE ${like} ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM "EventTranslation" tr WHERE tr."eventId" = e."id" AND (tr."title" LIKE ${like} ESCAPE '\\' OR tr."summary" LIKE ${like} ESCAPE '\\'))
      OR EXISTS (SELECT 1 FROM "EventSpeaker" es JOIN "Speaker" sp ON sp."id" = es."speakerId" WHERE es."eventId" = e."id" AND sp."name" LIKE ${like} ESCAPE '\\'))`);
  }
  return Prisma.join(conditions, " AND ");
}

/** One page of the public catalogue, upcoming soonest first or past latest first. */
export async function listCatalogue(filters: CatalogueFilters, locale: string, now = new Date()) {
  const conditions = catalogueConditions(filters);
  const instant = sqlInstant(now);
  // Upcoming: events with a session still to end, by their next session. Past: the
  // others, latest first. The id breaks ties so pages never overlap.
  const keyed =
    filters.when === "upcoming"
      ? Prisma.sql`SELECT e."id" AS id, MIN(s."startsAt") AS k FROM "Event" e
          JOIN "Session" s ON s."eventId" = e."id" AND s."endsAt" >= ${instant}
          WHERE ${conditions} GROUP BY e."id"`
      : Prisma.sql`SELECT e."id" AS id, MAX(s."startsAt") AS k FROM "Event" e
          LEFT JOIN "Session" s ON s."eventId" = e."id"
          WHERE ${conditions} GROUP BY e."id" HAVING MAX(s."endsAt") IS NULL OR MAX(s."endsAt") < ${instant}`;
  const order = filters.when === "upcoming" ? Prisma.sql`k ASC, id ASC` : Prisma.sql`k DESC, id ASC`;
  const [pageRows, countRows] = await Promise.all([
    prisma.$queryRaw<{ id: string }[]>`SELECT id FROM (${keyed}) keyed ORDER BY ${order}
      LIMIT ${PAGE_SIZE} OFFSET ${(filters.page - 1) * PAGE_SIZE}`,
    prisma.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS total FROM (${keyed}) keyed`,
  ]);
  const total = Number(countRows[0]?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageIds = pageRows.map((row) => row.id);

  const rows = await prisma.event.findMany({
    where: { id: { in: pageIds } },
    select: {
      id: true,
      slug: true,
      type: true,
      status: true,
      title: true,
      summary: true,
      timeZone: true,
      primaryLanguageCode: true,
      translations: { where: { locale }, select: { locale: true, title: true, summary: true } },
      supportedLanguages: { select: { languageCode: true } },
      topics: { select: { topic: { select: { slug: true, title: true, kind: true, number: true } } } },
      sessions: {
        select: { id: true, startsAt: true, endsAt: true, status: true, timeZone: true },
        where: filters.when === "upcoming" ? { endsAt: { gte: now } } : undefined,
        orderBy: { startsAt: filters.when === "upcoming" ? "asc" : "desc" },
      },
      _count: { select: { sessions: true, recordings: { where: { status: "published" } } } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const events = pageIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { translations, topics, supportedLanguages, sessions, _count, ...rest } = row;
    return [
      {
        ...rest,
        ...localise({ ...row, translations }, locale),
        languages: [row.primaryLanguageCode, ...supportedLanguages.map((l) => l.languageCode)],
        topics: topics.map((t) => t.topic).sort((a, b) => a.number - b.number),
        nextSession: sessions[0] ?? null,
        sessionCount: _count.sessions,
        hasRecording: _count.recordings > 0,
      },
    ];
  });
  return { events, total, page: filters.page, pageCount };
}

/** Pillars with their standards, the languages events use, for the filter form. */
export async function getCatalogueFilterOptions() {
  const [pillars, languages] = await Promise.all([
    prisma.topic.findMany({
      where: { kind: "pillar" },
      orderBy: { number: "asc" },
      select: {
        slug: true,
        title: true,
        number: true,
        children: { orderBy: { number: "asc" }, select: { slug: true, title: true, number: true } },
      },
    }),
    prisma.language.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true, nativeName: true } }),
  ]);
  return { pillars, languages, types: EVENT_TYPES };
}

/** Everything the public event page shows. Drafts are not public. */
export async function getPublicEvent(slug: string, locale: string) {
  const event = await prisma.event.findFirst({
    where: { slug, status: { in: ["published", "cancelled"] } },
    select: {
      id: true,
      slug: true,
      type: true,
      status: true,
      title: true,
      summary: true,
      description: true,
      timeZone: true,
      referenceCities: true,
      cancellationNote: true,
      isRecorded: true,
      capacity: true,
      primaryLanguage: { select: { code: true, name: true, nativeName: true } },
      supportedLanguages: { select: { kind: true, language: { select: { code: true, name: true, nativeName: true } } } },
      translations: { where: { locale }, select: { locale: true, title: true, summary: true, description: true } },
      series: { select: { slug: true, title: true } },
      topics: {
        select: { topic: { select: { slug: true, title: true, kind: true, number: true, parent: { select: { slug: true, title: true, number: true } } } } },
      },
      speakers: {
        orderBy: { sortOrder: "asc" },
        select: { role: true, speaker: { select: { slug: true, name: true, affiliation: true, jobTitle: true } } },
      },
      sessions: {
        orderBy: { startsAt: "asc" },
        select: {
          id: true,
          title: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          status: true,
          sequence: true,
          language: { select: { code: true, name: true, nativeName: true } },
        },
      },
      recordings: {
        where: { status: "published" },
        orderBy: { publishedAt: "desc" },
        select: { id: true, title: true, kind: true, durationSeconds: true, languageCode: true, sessionId: true },
      },
      resources: { select: { id: true, title: true, url: true, kind: true, languageCode: true } },
    },
  });
  if (!event) return null;
  const translation = event.translations[0];
  return {
    ...event,
    title: translation?.title ?? event.title,
    summary: translation?.summary || event.summary,
    description: translation?.description || event.description,
    contentLocale: translation ? locale : event.primaryLanguage.code,
    topics: event.topics.map((t) => t.topic).sort((a, b) => a.number - b.number),
  };
}

/** Whether a topic or language slug exists, to answer bad filters with a clear 400. */
export async function findTopic(slug: string) {
  return prisma.topic.findUnique({ where: { slug }, select: { slug: true, title: true, kind: true } });
}

export async function findLanguage(code: string) {
  return prisma.language.findUnique({ where: { code }, select: { code: true, name: true } });
}
