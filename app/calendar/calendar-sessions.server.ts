import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import type { EventType } from "~/events/events.server.ts";

const sessionSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  status: true,
  sequence: true,
  title: true,
  languageCode: true,
  event: {
    select: {
      slug: true,
      title: true,
      summary: true,
      status: true,
      type: true,
      topics: { select: { topic: { select: { title: true } } } },
    },
  },
} satisfies Prisma.SessionSelect;

/** One public session for its .ics file; drafts are never exposed. */
export async function getPublicSession(slug: string, sessionId: string) {
  return prisma.session.findFirst({
    where: { id: sessionId, event: { slug, status: { in: ["published", "cancelled"] } } },
    select: sessionSelect,
  });
}

/** Sessions for the subscribable feed: recent and upcoming, cancelled ones included so calendars drop them. */
export async function listFeedSessions(
  filters: { topic?: string; language?: string; type?: EventType },
  now = new Date(),
) {
  const since = new Date(now.getTime() - 90 * 24 * 3600 * 1000);
  const and: Prisma.SessionWhereInput[] = [
    { endsAt: { gte: since } },
    { event: { status: { in: ["published", "cancelled"] } } },
  ];
  if (filters.type) and.push({ event: { type: filters.type } });
  if (filters.language) and.push({ OR: [{ languageCode: filters.language }, { event: { supportedLanguages: { some: { languageCode: filters.language } } } }] });
  if (filters.topic) {
    and.push({ event: { topics: { some: { topic: { OR: [{ slug: filters.topic }, { parent: { slug: filters.topic } }] } } } } });
  }
  return prisma.session.findMany({ where: { AND: and }, orderBy: { startsAt: "asc" }, take: 2000, select: sessionSelect });
}
