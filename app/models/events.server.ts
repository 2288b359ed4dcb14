import type { Prisma } from "~/generated/prisma/client.ts";
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

function catalogueWhere(filters: Omit<CatalogueFilters, "page">, now: Date): Prisma.EventWhereInput {
  const and: Prisma.EventWhereInput[] = [{ status: { in: ["published", "cancelled"] } }];
  if (filters.when === "upcoming") and.push({ sessions: { some: { endsAt: { gte: now } } } });
  else and.push({ sessions: { none: { endsAt: { gte: now } } } });
  if (filters.type) and.push({ type: filters.type });
  if (filters.topic) {
    and.push({ topics: { some: { topic: { OR: [{ slug: filters.topic }, { parent: { slug: filters.topic } }] } } } });
  }
  if (filters.language) {
    and.push({
      OR: [
        { primaryLanguageCode: filters.language },
        { supportedLanguages: { some: { languageCode: filters.language } } },
        { sessions: { some: { languageCode: filters.language } } },
      ],
    });
  }
  const q = filters.q?.trim();
  if (q) {
    // SQLite's LIKE ignores case for ASCII; full-text search arrives with the replay library.
    const words = q.split(/\s+/).slice(0, 8);
    for (const word of words) {
      and.push({
        OR: [
          { title: { contains: word } },
          { summary: { contains: word } },
          { description: { contains: word } },
          { translations: { some: { OR: [{ title: { contains: word } }, { summary: { contains: word } }] } } },
          { speakers: { some: { speaker: { name: { contains: word } } } } },
        ],
      });
    }
  }
  return { AND: and };
}

/** One page of the public catalogue, upcoming soonest first or past latest first. */
export async function listCatalogue(filters: CatalogueFilters, locale: string, now = new Date()) {
  const where = catalogueWhere(filters, now);
  // Order by each event's next (or last) session, which Prisma cannot sort on
  // directly: fetch the slim keys, sort, then load only the page's cards.
  const keys = await prisma.event.findMany({
    where,
    select: {
      id: true,
      sessions: {
        select: { startsAt: true },
        where: filters.when === "upcoming" ? { endsAt: { gte: now } } : undefined,
        orderBy: { startsAt: filters.when === "upcoming" ? "asc" : "desc" },
        take: 1,
      },
    },
  });
  const sortKey = (k: (typeof keys)[number]) => k.sessions[0]?.startsAt.getTime() ?? 0;
  keys.sort((a, b) => (filters.when === "upcoming" ? sortKey(a) - sortKey(b) : sortKey(b) - sortKey(a)));
  const total = keys.length;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageIds = keys.slice((filters.page - 1) * PAGE_SIZE, filters.page * PAGE_SIZE).map((k) => k.id);

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

export type CatalogueEvent = Awaited<ReturnType<typeof listCatalogue>>["events"][number];

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
        select: { role: true, speaker: { select: { slug: true, name: true, affiliation: true, jobTitle: true, bio: true } } },
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

export type PublicEvent = NonNullable<Awaited<ReturnType<typeof getPublicEvent>>>;

/** Whether a topic or language slug exists, to answer bad filters with a clear 400. */
export async function findTopic(slug: string) {
  return prisma.topic.findUnique({ where: { slug }, select: { slug: true, title: true, kind: true } });
}

export async function findLanguage(code: string) {
  return prisma.language.findUnique({ where: { code }, select: { code: true, name: true } });
}
