/**
 * The common top of the organiser's per-session pages (registrations, message, attendance):
 * access check, the session's heading in its own zone, and its attendance rate.
 */
import { i18n } from "~/i18n.server.ts";
import { attendanceRate } from "~/attendance/attendance.server.ts";
import { requireManagedSession } from "~/registration/session-registrations.server.ts";
import { requireOrganiser } from "~/organisers/auth.server.ts";
import { formatSessionRange } from "~/time/time.ts";

type SessionRouteParams = { eventId?: string; sessionId?: string };

/** Signed in, manages the event, and the session is the event's: else redirect, 403 or 404. */
export async function requireSessionAdmin(request: Request, params: SessionRouteParams) {
  const organiser = await requireOrganiser(request);
  const session = await requireManagedSession(organiser, params.eventId ?? "", params.sessionId ?? "");
  return { organiser, session };
}

export async function sessionHeader(request: Request, session: Awaited<ReturnType<typeof requireManagedSession>>) {
  const locale = await i18n.getLocale(request);
  const rate = await attendanceRate(session.id);
  return {
    eventId: session.event.id,
    eventSlug: session.event.slug,
    eventTitle: session.event.title,
    sessionId: session.id,
    sessionTitle: session.title,
    sessionStatus: session.status,
    when: formatSessionRange(session.startsAt, session.endsAt, session.timeZone, locale).full,
    rate,
  };
}

