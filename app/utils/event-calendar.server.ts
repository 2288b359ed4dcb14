import type { CalendarSession } from "./calendar.server.ts";

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
    language: session.languageCode ?? session.language?.code,
    joinUrl: null,
    categories: event.topics?.map((topic) => topic.title),
  };
}

export function sessionCalendarPath(slug: string, sessionId: string) {
  return `/events/${slug}/sessions/${sessionId}.ics`;
}

/** Calendar files have no error page; a person opening the link still reads what went wrong. */
export function plainText(message: string, status: number) {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
