import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18n } from "~/i18n.server.ts";
import { listFeedSessions } from "~/calendar/calendar-sessions.server.ts";
import { getSiteSettings } from "~/organisers/settings.server.ts";
import { buildCalendar } from "~/calendar/calendar-builder.server.ts";
import { readCatalogueParams } from "~/events/catalogue-params.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { calendarOrganizer, plainText, toCalendarSession } from "~/calendar/event-calendar.server.ts";

/**
 * The subscribable feed of published sessions, filtered like the catalogue
 * (?topic=, ?language=, ?type=). Cancelled sessions stay in the feed with
 * STATUS:CANCELLED so subscribed calendars remove them.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18n.getFixedT(request);
  const params = await readCatalogueParams(new URL(request.url), t);
  // A resource route has no error page: answer in plain words.
  if (!params.ok) return plainText(params.message, 400);
  const { filters } = params;
  const [sessions, settings] = await Promise.all([listFeedSessions(filters), getSiteSettings()]);
  const { BASE_URL, MAIL_FROM } = getEnv();
  const ics = buildCalendar({
    name: settings.siteName,
    host: new URL(BASE_URL).host,
    organizer: calendarOrganizer(settings, MAIL_FROM).organizer,
    ttl: 60 * 60,
    sessions: sessions.map((session) =>
      toCalendarSession(session, { ...session.event, topics: session.event.topics.map((x) => x.topic) }, BASE_URL),
    ),
  });
  return new Response(ics, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
