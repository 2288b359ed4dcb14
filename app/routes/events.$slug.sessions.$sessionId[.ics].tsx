import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18n } from "~/i18n.server.ts";
import { getPublicSession } from "~/calendar/calendar-sessions.server.ts";
import { getSiteSettings } from "~/organisers/settings.server.ts";
import { buildCalendar } from "~/calendar/calendar-builder.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { calendarOrganizer, plainText, toCalendarSession } from "~/calendar/event-calendar.server.ts";

/** One session as an .ics file for "add to calendar". */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getPublicSession(params.slug ?? "", params.sessionId ?? "");
  if (!session) {
    const t = await i18n.getFixedT(request);
    return plainText(t("event.sessionNotFound"), 404);
  }
  const { BASE_URL, MAIL_FROM } = getEnv();
  const event = { ...session.event, topics: session.event.topics.map((t) => t.topic) };
  const ics = buildCalendar({
    name: session.event.title,
    host: new URL(BASE_URL).host,
    organizer: calendarOrganizer(await getSiteSettings(), MAIL_FROM).organizer,
    sessions: [toCalendarSession(session, event, BASE_URL)],
  });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${session.event.slug}.ics"`,
      "Cache-Control": "no-cache",
    },
  });
}
