import { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { normalizeTimeZone } from "~/time/time.ts";

export type AudienceZone = { zone: string; weight: number };

/**
 * Where this event's audience is expected to be: the time zones of the people registered for the
 * event's other sessions, and for sessions that have already ended of OTHER events sharing one of
 * its topics, each weighted by how many registrations came from that zone. Cancelled
 * registrations do not count; declined, waitlisted and pending ones do, since they still show
 * where interest comes from. Someone who came to three past events counts three times: a regular
 * is a likelier participant than a one-off.
 *
 * One query, counted in the database: GROUP BY over the covering index
 * Registration(sessionId, status, timeZone), so 10,000 registrations cost a result of at most a
 * few hundred rows, not 10,000 objects. Standard SQL with quoted identifiers and a typed date
 * parameter, so it runs unchanged on PostgreSQL. Zones the runtime does not know are dropped;
 * old names ("Asia/Calcutta") are merged into today's.
 */
export async function getAudienceZones(
  eventId: string,
  options: { excludeSessionId?: string; now?: Date } = {},
): Promise<AudienceZone[]> {
  const now = options.now ?? new Date();
  const exclude = options.excludeSessionId ? Prisma.sql`AND s."id" <> ${options.excludeSessionId}` : Prisma.empty;
  const rows = await prisma.$queryRaw<{ zone: string; weight: number | bigint }[]>`
    SELECT r."timeZone" AS zone, COUNT(*) AS weight
    FROM "Registration" r
    JOIN "Session" s ON s."id" = r."sessionId"
    WHERE r."status" <> 'cancelled'
      ${exclude}
      AND (
        s."eventId" = ${eventId}
        OR (
          s."endsAt" < ${now}
          AND s."eventId" IN (
            SELECT other."eventId" FROM "EventTopic" other
            JOIN "EventTopic" mine ON mine."topicId" = other."topicId"
            WHERE mine."eventId" = ${eventId} AND other."eventId" <> ${eventId}
          )
        )
      )
    GROUP BY r."timeZone"`;

  const merged = new Map<string, number>();
  for (const row of rows) {
    const zone = normalizeTimeZone(row.zone);
    const weight = Number(row.weight);
    if (!zone || !(weight > 0)) continue;
    merged.set(zone, (merged.get(zone) ?? 0) + weight);
  }
  return [...merged]
    .map(([zone, weight]) => ({ zone, weight }))
    .sort((a, b) => b.weight - a.weight || a.zone.localeCompare(b.zone));
}

/**
 * What the scheduling assistant needs to know about an event: its title, its own reference
 * cities (null = the site default) and its other scheduled sessions, for daylight-saving warnings.
 */
export async function getEventSchedulingContext(eventId: string, options: { excludeSessionId?: string } = {}) {
  return prisma.event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      title: true,
      timeZone: true,
      referenceCities: true,
      sessions: {
        where: { status: "scheduled", ...(options.excludeSessionId ? { id: { not: options.excludeSessionId } } : {}) },
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true },
      },
    },
  });
}
