import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18n } from "~/i18n.server.ts";
import { getRegistrationForManage } from "~/registration/registrations.server.ts";
import { getSiteSettings } from "~/organisers/settings.server.ts";
import { buildCalendar, calendarSequenceFor } from "~/calendar/calendar-builder.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { calendarOrganizer, toCalendarSession } from "~/calendar/event-calendar.server.ts";
import { findRegistrationIdByToken, manageUrlFor } from "~/registration/manage-token.server.ts";

const PRIVATE = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };

/**
 * /manage/<token>/invite.ics: the registrant's own calendar file. Private, so it carries the join
 * link (when confirmed) and the manage link; a download, so METHOD:PUBLISH (the emailed invite
 * is the METHOD:REQUEST one). Same UID as every other file for this session.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = await findRegistrationIdByToken(params.token ?? "");
  const registration = id ? await getRegistrationForManage(id) : null;
  if (!id || !registration) {
    const t = await i18n.getFixedT(request);
    // A plain response: a thrown one loses its headers on a resource route.
    return new Response(t("manage.invalid"), { status: 404, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });
  }
  const { BASE_URL, MAIL_FROM } = getEnv();
  const { session } = registration;
  const event = { ...session.event, topics: session.event.topics.map((t) => t.topic) };
  const translation = event.translations.find((tr) => tr.locale === registration.locale);
  const localised = translation ? { ...event, title: translation.title, summary: translation.summary || event.summary } : event;
  const cancelled = registration.status === "cancelled" || registration.status === "declined";
  const calendarSession = {
    ...toCalendarSession(session, localised, BASE_URL),
    // The same SEQUENCE as the registrant's latest emailed invite or cancellation.
    sequence: calendarSequenceFor(session.sequence, registration.calendarSequence),
    joinUrl: registration.status === "confirmed" ? (session.joinUrl ?? session.event.joinUrl ?? null) : null,
    manageUrl: manageUrlFor(id),
    ...(cancelled ? { status: "cancelled" as const } : {}),
  };
  const ics = buildCalendar({
    name: localised.title,
    host: new URL(BASE_URL).host,
    organizer: calendarOrganizer(await getSiteSettings(), MAIL_FROM).organizer,
    sessions: [calendarSession],
  });
  return new Response(ics, {
    headers: {
      ...PRIVATE,
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${event.slug}.ics"`,
    },
  });
}
