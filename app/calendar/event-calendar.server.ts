import { emailMessages } from "../../emails/locales/index.ts";
import type { CalendarPerson, CalendarSession } from "./calendar-builder.server.ts";
import { parseMailbox } from "~/mail/mailer.server.ts";

type SessionLike = {
  id: string;
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  status: string;
  sequence: number;
  languageCode?: string;
  language?: { code: string };
};
type EventLike = { slug: string; title: string; summary: string; status: string; topics?: { title: string }[] };

/** A public session as the calendar builder wants it. Public files never carry the join link. */
export function toCalendarSession(session: SessionLike, event: EventLike, baseUrl: string): CalendarSession {
  const eventUrl = `${baseUrl}/events/${event.slug}`;
  const cancelled = session.status === "cancelled" || event.status === "cancelled";
  const language = session.languageCode ?? session.language?.code;
  return {
    id: session.id,
    sequence: session.sequence,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    title: session.title ? `${event.title} — ${session.title}` : event.title,
    description: event.summary,
    eventUrl,
    status: cancelled ? "cancelled" : "scheduled",
    timeZone: session.timeZone,
    language,
    joinUrl: null,
    categories: event.topics?.map((topic) => topic.title),
    // The description's words in the language its time line is written in (the session's).
    labels: emailMessages(language).calendar,
  };
}

/**
 * Who organises, for the ORGANIZER of every calendar file: the contact address from the site
 * settings when there is one (it reaches a person, so invitations may ask for a reply), else the
 * sender address, which may well be a no-reply one (then nobody is asked to reply).
 */
export function calendarOrganizer(settings: { siteName: string; contactAddress: string; senderAddress: string }, mailFrom: string): {
  organizer: CalendarPerson;
  reachable: boolean;
} {
  const sender = parseMailbox(settings.senderAddress || mailFrom);
  const name = sender.name || settings.siteName;
  if (settings.contactAddress) return { organizer: { name, email: settings.contactAddress }, reachable: true };
  return { organizer: { name, email: sender.address }, reachable: false };
}

export function sessionCalendarPath(slug: string, sessionId: string) {
  return `/events/${slug}/sessions/${sessionId}.ics`;
}

/** Calendar files have no error page; a person opening the link still reads what went wrong. */
export function plainText(message: string, status: number) {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
