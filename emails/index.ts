/**
 * The registry of email templates: the only place that turns an outbox row into an email.
 *
 *   renderEmail({ kind, payload, locale, registrationId, toAddress, toName })
 *     → { subject, html, text, icalEvent? }
 *
 * Each kind has one module in ./templates that decides the words and which links and calendar
 * method the email carries; ./layout.tsx renders that into HTML and a real text part. Calendar
 * data comes from the one calendar builder (app/calendar/calendar-builder.server.ts).
 */
import { isEmailKind, type EmailKind, type OutboxPayload, type SessionSnapshot } from "../app/mail/outbox.server.ts";
import { buildCalendar, calendarSequenceFor, type CalendarSession } from "../app/calendar/calendar-builder.server.ts";
import { getEnv } from "../app/utils/env.server.ts";
import { calendarOrganizer } from "../app/calendar/event-calendar.server.ts";
import { manageUrlFor } from "../app/registration/manage-token.server.ts";
import { formatReferenceLine, formatSessionRange, isValidTimeZone, timesInCities } from "../app/time/time.ts";
import { renderHtml, renderText } from "./layout.tsx";
import { emailMessages, fill, plural, resolveEmailLocale, textDirection } from "./locales/index.ts";
import organiserMessage from "./templates/organiser-message.tsx";
import recordingAvailable from "./templates/recording-available.tsx";
import registrationApproved from "./templates/registration-approved.tsx";
import registrationCancelled from "./templates/registration-cancelled.tsx";
import registrationConfirmed from "./templates/registration-confirmed.tsx";
import registrationDeclined from "./templates/registration-declined.tsx";
import registrationPending from "./templates/registration-pending.tsx";
import registrationResent from "./templates/registration-resent.tsx";
import registrationWaitlisted from "./templates/registration-waitlisted.tsx";
import sessionCancelled from "./templates/session-cancelled.tsx";
import sessionReminder from "./templates/session-reminder.tsx";
import sessionUpdated from "./templates/session-updated.tsx";
import waitlistPromoted from "./templates/waitlist-promoted.tsx";
import type { EmailContext, EmailTemplate } from "./types.ts";

export const templates: Record<EmailKind, EmailTemplate> = {
  "registration-confirmed": registrationConfirmed,
  "registration-waitlisted": registrationWaitlisted,
  "registration-pending": registrationPending,
  "registration-approved": registrationApproved,
  "registration-declined": registrationDeclined,
  "waitlist-promoted": waitlistPromoted,
  "registration-cancelled": registrationCancelled,
  "session-cancelled": sessionCancelled,
  "session-updated": sessionUpdated,
  "session-reminder": sessionReminder,
  "recording-available": recordingAvailable,
  "registration-resent": registrationResent,
  "organiser-message": organiserMessage,
};

export type EmailMessageInput = {
  kind: EmailKind | string;
  /** The outbox row's payload, parsed or as stored. */
  payload: OutboxPayload | string;
  locale: string;
  registrationId: string | null;
  toAddress: string;
  toName: string;
};

export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  icalEvent?: { method: "REQUEST" | "CANCEL"; content: string };
};

export type RenderOptions = {
  /** Defaults to BASE_URL. */
  baseUrl?: string;
  /** The sender ("Name <address>"); defaults to MAIL_FROM. */
  from?: string;
  /**
   * The contact address from the site settings: when set it is the ORGANIZER of invitations and
   * they ask for a reply (RSVP); otherwise the sender is, and they don't (it may be no-reply).
   */
  contactAddress?: string;
  /** The organiser's name when the sender has none. */
  siteName?: string;
  /** DTSTAMP of invitations; defaults to now. */
  now?: Date;
};

/**
 * Time texts are the costly part of rendering (Intl formatters, luxon zones) and a fan-out to a
 * session's registrants asks for the same few (session, zone, language) combinations thousands of
 * times, so they are remembered, within a bound.
 */
const timeTexts = new Map<string, string>();
function memo(key: string, compute: () => string): string {
  let value = timeTexts.get(key);
  if (value === undefined) {
    if (timeTexts.size >= 2000) timeTexts.clear();
    value = compute();
    timeTexts.set(key, value);
  }
  return value;
}

function sessionLabel(eventTitle: string, session: SessionSnapshot): string {
  return session.title ? `${eventTitle} — ${session.title}` : eventTitle;
}

/** 1440 → "24 hours", 60 → "1 hour", 45 → "45 minutes"; whole hours above two hours. */
function durationText(minutes: number, locale: string, m: EmailContext["m"]): string {
  const rounded = Math.max(1, Math.round(minutes));
  if (rounded % 60 === 0) return plural(m.duration.hours, rounded / 60, locale);
  if (rounded >= 120) return plural(m.duration.hours, Math.round(rounded / 60), locale);
  return plural(m.duration.minutes, rounded, locale);
}

export function renderEmail(message: EmailMessageInput, options: RenderOptions = {}): RenderedEmail {
  if (!isEmailKind(message.kind)) throw new Error(`No email template for kind "${message.kind}"`);
  const payload: OutboxPayload = typeof message.payload === "string" ? JSON.parse(message.payload) : message.payload;
  if (payload.version !== 1) throw new Error(`Unsupported email payload version ${String(payload.version)}`);
  const env = getEnv();
  const baseUrl = (options.baseUrl ?? env.BASE_URL).replace(/\/$/, "");
  const locale = resolveEmailLocale(message.locale || payload.registrant.locale);
  const m = emailMessages(locale);
  const zone = isValidTimeZone(payload.registrant.timeZone) ? payload.registrant.timeZone : payload.session.timeZone;
  const whenFor = (s: SessionSnapshot) =>
    memo(`when|${s.startsAt}|${s.endsAt}|${zone}|${locale}`, () =>
      formatSessionRange(new Date(s.startsAt), new Date(s.endsAt), zone, locale).full,
    );
  const session = payload.session;
  const confirmed = payload.registration.status === "confirmed";
  const eventUrl = `${baseUrl}/events/${encodeURIComponent(payload.event.slug)}`;
  const manageUrl = message.registrationId ? manageUrlFor(message.registrationId) : null;
  const joinUrl = confirmed && session.status !== "cancelled" ? payload.joinUrl : null;
  const reason = typeof payload.extra.reason === "string" && payload.extra.reason !== "switched" ? payload.extra.reason.trim() || null : null;

  const context: EmailContext = {
    locale,
    dir: textDirection(locale),
    m,
    payload,
    eventTitle: payload.event.title,
    sessionTitle: sessionLabel(payload.event.title, session),
    when: whenFor(session),
    whenFor,
    referenceLine: memo(`cities|${session.startsAt}|${zone}|${locale}|${JSON.stringify(payload.referenceCities)}`, () =>
      formatReferenceLine(timesInCities(session.startsAt, payload.referenceCities, zone, locale), {
        nextDay: m.common.nextDay,
        previousDay: m.common.previousDay,
      }),
    ),
    eventUrl,
    manageUrl,
    joinUrl,
    confirmed,
    reason,
    fill,
    duration: (minutes) => durationText(minutes, locale, m),
  };

  const doc = templates[message.kind](context);
  const rendered: RenderedEmail = {
    subject: doc.subject.replace(/[\r\n]+/g, " "),
    html: renderHtml(doc, context),
    text: renderText(doc, context),
  };

  if (doc.calendar) {
    const calendarSession: CalendarSession = {
      id: session.id,
      // What this registrant last received for the session, plus their own changes since.
      sequence: calendarSequenceFor(session.sequence, payload.registration.calendarSequence ?? 0),
      startsAt: new Date(session.startsAt),
      endsAt: new Date(session.endsAt),
      title: context.sessionTitle,
      description: payload.event.summary,
      eventUrl,
      status: session.status === "cancelled" ? "cancelled" : "scheduled",
      // The description's time line in the registrant's own zone and language.
      timeZone: zone,
      language: locale,
      joinUrl: doc.calendar === "REQUEST" && doc.join ? joinUrl : null,
      manageUrl,
    };
    const { organizer, reachable } = calendarOrganizer(
      { siteName: options.siteName ?? "", contactAddress: options.contactAddress ?? "", senderAddress: options.from ?? "" },
      env.MAIL_FROM,
    );
    rendered.icalEvent = {
      method: doc.calendar,
      content: buildCalendar({
        name: payload.event.title,
        sessions: [calendarSession],
        method: doc.calendar,
        host: baseUrl,
        organizer,
        attendee: { name: message.toName, email: message.toAddress },
        rsvp: reachable,
        labels: m.calendar,
        ...(options.now ? { stamp: options.now } : {}),
      }),
    };
  }
  return rendered;
}
