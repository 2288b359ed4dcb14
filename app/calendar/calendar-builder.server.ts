/**
 * The one place that writes calendar data: .ics files (single-session downloads, the subscribable
 * feed, emailed invites and cancellations) and "add to Google / Outlook" links.
 *
 * Privacy rule: a join link or manage link appears only when the caller passes it for one
 * registrant. Public files and the add-to-calendar URLs never carry them.
 */
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import { formatSessionRange } from "~/time/time";

export type CalendarSession = {
  id: string;
  /** Bump on every change the registrant should see; clients ignore updates with an old sequence. */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description: string;
  /** The public event page, absolute. */
  eventUrl: string;
  status: "scheduled" | "cancelled";
  /** The zone the session was entered in, used for the human-readable time line. */
  timeZone: string;
  language?: string;
  joinUrl?: string | null;
  manageUrl?: string | null;
  categories?: string[];
  /** Words of this session's description, in the same language as its time line. */
  labels?: Partial<CalendarLabels>;
};

type CalendarLabels = {
  eventPage: string;
  join: string;
  manage: string;
  /** The manage link on a cancelled entry: nothing there is left to cancel. */
  manageCancelled: string;
  cancelledPrefix: string;
  /** Between a label and its value: French sets a narrow no-break space before the colon. */
  colon: string;
};

const ENGLISH_LABELS: CalendarLabels = {
  eventPage: "Event page",
  join: "Join",
  manage: "Manage or cancel your registration",
  manageCancelled: "Your registration",
  cancelledPrefix: "Cancelled: ",
  colon: ":",
};

export type CalendarPerson = { name: string; email: string };

/**
 * The SEQUENCE a registrant sees for a session: the session's own (grows when organisers move or
 * cancel it) plus the registration's (grows with each change on the registrant's side). Both only
 * grow, so every invite or cancellation outranks the one before it, as RFC 5546 §2.1.4 requires
 * (Outlook and Tuta ignore a CANCEL whose SEQUENCE is not above the invite's).
 */
export function calendarSequenceFor(sessionSequence: number, registrationSequence = 0): number {
  return sessionSequence + registrationSequence;
}

export type BuildCalendarOptions = {
  name: string;
  sessions: CalendarSession[];
  method?: "PUBLISH" | "REQUEST" | "CANCEL";
  /** The app's host ("events.example.org" or a full base URL); part of every UID. */
  host: string;
  /** Required by RFC 5546 for every method, PUBLISH included (§3.2.1). */
  organizer: CalendarPerson;
  /** Only in scheduling messages (REQUEST, CANCEL): a public file never names a person. */
  attendee?: CalendarPerson;
  /**
   * Ask the attendee to reply (RSVP=TRUE). Only when the organizer's address reaches a person:
   * replies to a no-reply address are lost, and the attendee thinks they answered.
   */
  rsvp?: boolean;
  /** Full PRODID value, e.g. "-//CPMS Working Group//Learning events//EN". */
  prodId?: string;
  /** Seconds between refreshes for subscribed feeds (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
  ttl?: number;
  /** DTSTAMP; defaults to now. */
  stamp?: Date;
  labels?: Partial<CalendarLabels>;
};

function hostName(host: string): string {
  const trimmed = host.trim();
  if (trimmed.includes("://")) return new URL(trimmed).hostname.toLowerCase();
  return trimmed.replace(/:\d+$/, "").replace(/\/.*$/, "").toLowerCase();
}

/**
 * A session's UID must never change: calendars match updates and cancellations to the event they
 * already hold by UID alone, so a new UID would leave a stale copy behind.
 */
export function sessionUid(sessionId: string, host: string): string {
  return `session-${sessionId}@${hostName(host)}`;
}

function sessionSummary(s: CalendarSession, labels: CalendarLabels): string {
  return s.status === "cancelled" ? `${labels.cancelledPrefix}${s.title}` : s.title;
}

/** "Tuesday, 3 March 2026, 14:00–15:30 (Central European Standard Time)" in the session's language. */
function sessionWhen(s: CalendarSession): string {
  return formatSessionRange(s.startsAt, s.endsAt, s.timeZone, s.language ?? "en").full;
}

function sessionDetails(
  s: CalendarSession,
  labels: CalendarLabels,
  links: { join: boolean; manage: boolean },
): string {
  const lines = [s.description.trim(), "", sessionWhen(s), `${labels.eventPage}${labels.colon} ${s.eventUrl}`];
  if (links.join && s.joinUrl) lines.push(`${labels.join}${labels.colon} ${s.joinUrl}`);
  if (links.manage && s.manageUrl) {
    const manage = s.status === "cancelled" ? labels.manageCancelled : labels.manage;
    lines.push(`${manage}${labels.colon} ${s.manageUrl}`);
  }
  return lines.join("\n").replace(/^\n+/, "");
}

/**
 * RFC 5545 §3.4 wants at least one component in a VCALENDAR. A feed filtered down to nothing
 * gets this one: a VTIMEZONE is the only component that no client shows as an entry (a placeholder
 * VEVENT or VTODO would appear in people's calendars), and UTC is the zone every time here is in.
 */
const EMPTY_CALENDAR_COMPONENT = [
  "BEGIN:VTIMEZONE",
  "TZID:UTC",
  "BEGIN:STANDARD",
  "DTSTART:19700101T000000",
  "TZOFFSETFROM:+0000",
  "TZOFFSETTO:+0000",
  "TZNAME:UTC",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

/** RFC 5545 TEXT escaping. ical-generator 10 writes the calendar NAME raw, so it is escaped here. */
function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

/** Quoted parameter values (CN) cannot hold a double quote or a line break. */
function paramText(value: string): string {
  return value.replace(/"/g, "'").replace(/[\r\n]+/g, " ").trim();
}

const METHODS = {
  PUBLISH: ICalCalendarMethod.PUBLISH,
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
} as const;

export function buildCalendar(options: BuildCalendarOptions): string {
  const method = options.method ?? "PUBLISH";
  const calendarLabels = { ...ENGLISH_LABELS, ...options.labels };
  const host = hostName(options.host);
  // iTIP (RFC 5546) requires an ORGANIZER on every method; without one Outlook and Gmail show an
  // invitation as a plain attachment, and strict clients refuse a PUBLISH.
  if (!options.organizer?.email) throw new Error(`METHOD:${method} needs an organizer`);
  const scheduling = method !== "PUBLISH";
  if (scheduling && options.sessions.length === 0) throw new Error(`METHOD:${method} needs a session`);
  // iTIP wants at least one VEVENT in a PUBLISH; an empty feed is then a plain calendar (no
  // METHOD, which RFC 5545 makes optional) holding one invisible component (see above).
  const empty = options.sessions.length === 0;

  const calendar = ical({
    name: escapeText(options.name),
    ...(empty ? {} : { method: METHODS[method] }),
    prodId: (options.prodId ?? `-//${host}//Learning events//EN`).replace(/^-/, ""),
    ...(options.ttl ? { ttl: options.ttl } : {}),
  });

  for (const s of options.sessions) {
    const labels = { ...calendarLabels, ...s.labels };
    // A CANCEL message cancels every event it carries, whatever their stored status.
    const cancelled = method === "CANCEL" || s.status === "cancelled";
    calendar.createEvent({
      id: sessionUid(s.id, host),
      sequence: s.sequence,
      stamp: options.stamp ?? new Date(),
      // Plain Dates with no timezone: written as UTC ("…Z"), which every client converts to the
      // viewer's zone without needing a VTIMEZONE block.
      start: s.startsAt,
      end: s.endsAt,
      summary: sessionSummary({ ...s, status: cancelled ? "cancelled" : "scheduled" }, labels),
      description: sessionDetails({ ...s, status: cancelled ? "cancelled" : "scheduled" }, labels, {
        join: Boolean(s.joinUrl),
        manage: Boolean(s.manageUrl),
      }),
      // Clients render LOCATION as the place to go; for a webinar that is the join link when this
      // registrant may have it, otherwise the public event page.
      location: s.joinUrl || s.eventUrl,
      url: s.eventUrl,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      categories: (s.categories ?? []).map((name) => ({ name })),
      // ORGANIZER everywhere (RFC 5546 §3.2.1 for PUBLISH). An ATTENDEE only in a message to that
      // person: in a published file it would leak someone into a shared file, and with no
      // ATTENDEE Outlook shows a plain appointment rather than a meeting with reply buttons.
      organizer: {
        name: paramText(options.organizer.name || options.organizer.email),
        email: options.organizer.email,
      },
      ...(scheduling && options.attendee
        ? {
            attendees: [
              {
                name: paramText(options.attendee.name),
                email: options.attendee.email,
                role: ICalAttendeeRole.REQ,
                ...(method === "REQUEST"
                  ? { rsvp: Boolean(options.rsvp), status: ICalAttendeeStatus.NEEDSACTION }
                  : {}),
              },
            ],
          }
        : {}),
    });
  }
  // RFC 5545 ends every content line, the last one included, with CRLF; ical-generator leaves
  // the final line bare, which strict parsers and some mail gateways reject.
  let ics = calendar.toString();
  if (empty) ics = ics.replace(/END:VCALENDAR\s*$/, `${EMPTY_CALENDAR_COMPONENT}\r\nEND:VCALENDAR`);
  return ics.endsWith("\r\n") ? ics : `${ics}\r\n`;
}

/** "20260303T130000Z" */
function compactUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/** "2026-03-03T13:00:00Z" */
function isoUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Builds a query string with encodeURIComponent ("%20" for spaces) instead of URLSearchParams
 * ("+"): Outlook's compose deep link shows a "+" literally in the title and body.
 */
function query(params: [string, string][]): string {
  return params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
}

function publicDetails(s: CalendarSession): string {
  return sessionDetails(s, { ...ENGLISH_LABELS, ...s.labels }, { join: false, manage: false });
}

/** "Add to Google Calendar". Never carries the join link: the URL ends up in browser history. */
export function googleCalendarUrl(s: CalendarSession): string {
  return (
    "https://calendar.google.com/calendar/render?" +
    query([
      ["action", "TEMPLATE"],
      ["text", s.title],
      ["dates", `${compactUtc(s.startsAt)}/${compactUtc(s.endsAt)}`],
      ["details", publicDetails(s)],
      ["location", s.eventUrl],
    ])
  );
}

/** "Add to Outlook.com". Never carries the join link. */
export function outlookCalendarUrl(s: CalendarSession): string {
  return (
    // path and rru stay unencoded: that is the form Outlook's own links use.
    "https://outlook.live.com/calendar/0/deeplink/compose?path=/calendar/action/compose&rru=addevent&" +
    query([
      ["subject", s.title],
      // Outlook reads an offset-less time as the viewer's local time, so always send "Z".
      ["startdt", isoUtc(s.startsAt)],
      ["enddt", isoUtc(s.endsAt)],
      ["body", publicDetails(s)],
      ["location", s.eventUrl],
    ])
  );
}
