// An independent reading of the seeded catalogue, straight from the database, that the
// integration tests compare the pages against. It is written the plain way (load everything,
// filter in JavaScript) so it shares no query code with the domain modules under app/.
import type { PrismaClient } from "../../app/generated/prisma/client.ts";

export type OracleEvent = {
  slug: string;
  title: string;
  type: string;
  status: string;
  timeZone: string;
  referenceCities: string | null;
  /** Primary, supported and every session's language. */
  languages: Set<string>;
  primaryLanguage: string;
  supportedLanguages: string[];
  topics: { slug: string; parentSlug: string | null }[];
  text: string[];
  sessions: { id: string; startsAt: Date; endsAt: Date; status: string; sequence: number; timeZone: string; languageCode: string }[];
};

export async function loadOracle(prisma: PrismaClient): Promise<OracleEvent[]> {
  const events = await prisma.event.findMany({
    include: {
      sessions: true,
      supportedLanguages: true,
      translations: true,
      topics: { include: { topic: { include: { parent: true } } } },
      speakers: { include: { speaker: true } },
    },
  });
  return events.map((e) => ({
    slug: e.slug,
    title: e.title,
    type: e.type,
    status: e.status,
    timeZone: e.timeZone,
    referenceCities: e.referenceCities,
    languages: new Set([e.primaryLanguageCode, ...e.supportedLanguages.map((l) => l.languageCode), ...e.sessions.map((s) => s.languageCode)]),
    primaryLanguage: e.primaryLanguageCode,
    supportedLanguages: e.supportedLanguages.map((l) => l.languageCode),
    topics: e.topics.map(({ topic }) => ({ slug: topic.slug, parentSlug: topic.parent?.slug ?? null })),
    text: [
      e.title,
      e.summary,
      e.description,
      ...e.translations.flatMap((t) => [t.title, t.summary]),
      ...e.speakers.map((s) => s.speaker.name),
    ],
    sessions: e.sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      status: s.status,
      sequence: s.sequence,
      timeZone: s.timeZone,
      languageCode: s.languageCode,
    })),
  }));
}

export type OracleFilters = { when?: "upcoming" | "past"; type?: string; topic?: string; language?: string; q?: string };

/** What the catalogue should list, in order: upcoming soonest first, past latest first. */
export function expectedCatalogue(events: OracleEvent[], filters: OracleFilters, now: Date): OracleEvent[] {
  const when = filters.when ?? "upcoming";
  const isUpcoming = (e: OracleEvent) => e.sessions.some((s) => s.endsAt.getTime() >= now.getTime());
  const words = (filters.q ?? "").trim().toLowerCase().split(/\s+/).filter(Boolean);
  return events
    .filter((e) => e.status !== "draft")
    .filter((e) => (when === "upcoming" ? isUpcoming(e) : !isUpcoming(e)))
    .filter((e) => !filters.type || e.type === filters.type)
    .filter((e) => !filters.topic || e.topics.some((t) => t.slug === filters.topic || t.parentSlug === filters.topic))
    .filter((e) => !filters.language || e.languages.has(filters.language))
    .filter((e) => words.every((w) => e.text.some((t) => t.toLowerCase().includes(w))))
    .sort((a, b) => (when === "upcoming" ? sortKey(a, when, now) - sortKey(b, when, now) : sortKey(b, when, now) - sortKey(a, when, now)));
}

/** The start of the event's next session (upcoming) or of its last one (past). */
export function sortKey(event: OracleEvent, when: "upcoming" | "past", now: Date): number {
  const starts = event.sessions
    .filter((s) => when === "past" || s.endsAt.getTime() >= now.getTime())
    .map((s) => s.startsAt.getTime());
  return when === "upcoming" ? Math.min(...starts) : Math.max(...starts);
}
