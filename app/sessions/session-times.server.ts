import { googleCalendarUrl, outlookCalendarUrl } from "~/calendar/calendar-builder.server.ts";
import { sessionCalendarPath, toCalendarSession } from "~/calendar/event-calendar.server.ts";
import { formatReferenceLine, formatSessionRange, parseReferenceCities, timesInCities, type DayLabels } from "~/time/time.ts";

// Public routes take their loader-only time helpers from here rather than from ./time.ts: the
// classic compiler keeps a route's import of a module with side effects (luxon's classes) in the
// browser bundle even when only the loader used it, which cost every event page ~25 KB of luxon.
export { formatSessionRange, zoneDisplayName } from "~/time/time.ts";

type EventForTimes = {
  slug: string;
  title: string;
  summary: string;
  status: string;
  timeZone: string;
  referenceCities: string | null;
  sessions: {
    id: string;
    title: string | null;
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    status: string;
    sequence: number;
    language: { code: string; name: string; nativeName: string };
  }[];
};

/**
 * Each session's time for the event page: in the viewer's (or the event's) zone,
 * and in the event's reference cities on that session's own date, so a daylight-
 * saving change between two sessions shows up in the second one's line.
 */
export function describeSessions(
  event: EventForTimes,
  options: { locale: string; displayZone: string; defaultCities: string[]; baseUrl: string; dayLabels: DayLabels; now?: Date },
) {
  const cities = event.referenceCities
    ? parseReferenceCities(event.referenceCities)
    : parseReferenceCities(JSON.stringify(options.defaultCities));
  const now = options.now ?? new Date();
  return event.sessions.map((session) => {
    const calendar = toCalendarSession(session, event, options.baseUrl);
    const cityTimes = timesInCities(session.startsAt, cities, options.displayZone, options.locale);
    return {
      id: session.id,
      title: session.title,
      status: calendar.status,
      isPast: session.endsAt.getTime() < now.getTime(),
      language: session.language,
      when: formatSessionRange(session.startsAt, session.endsAt, options.displayZone, options.locale),
      startsAtIso: session.startsAt.toISOString(),
      cityTimes,
      referenceLine: formatReferenceLine(cityTimes, options.dayLabels),
      icsPath: sessionCalendarPath(event.slug, session.id),
      googleUrl: googleCalendarUrl(calendar),
      outlookUrl: outlookCalendarUrl(calendar),
    };
  });
}

export type SessionDisplay = ReturnType<typeof describeSessions>[number];
