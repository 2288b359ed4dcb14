import ICAL from "ical.js";
import { describe, expect, test } from "vitest";
import {
  buildCalendar,
  googleCalendarUrl,
  outlookCalendarUrl,
  sessionUid,
  type BuildCalendarOptions,
  type CalendarSession,
} from "./calendar-builder.server";

const HOST = "events.example.org";
const ORGANIZER = { name: "CPMS Working Group", email: "events@example.org" };
const JOIN_URL = "https://zoom.example.com/j/81234567890?pwd=s3cr3t";
const MANAGE_URL = "https://events.example.org/registrations/manage/tok_abc123";

function session(overrides: Partial<CalendarSession> = {}): CalendarSession {
  return {
    id: "ses_01",
    sequence: 0,
    startsAt: new Date("2026-03-03T13:00:00Z"),
    endsAt: new Date("2026-03-03T14:30:00Z"),
    title: "CPMS Standard 1: Coordination",
    description: "An introduction to the Child Protection Minimum Standards.",
    eventUrl: "https://events.example.org/events/cpms-standard-1",
    status: "scheduled",
    timeZone: "Europe/Zurich",
    language: "en",
    ...overrides,
  };
}

function build(overrides: Partial<BuildCalendarOptions> = {}): string {
  return buildCalendar({
    name: "CPMS learning events",
    sessions: [session()],
    host: HOST,
    organizer: ORGANIZER,
    stamp: new Date("2026-02-01T09:00:00Z"),
    ...overrides,
  });
}

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent");
  return { calendar, events, event: events[0] };
}

const text = (c: ICAL.Component, name: string) => String(c.getFirstPropertyValue(name) ?? "");
const instant = (c: ICAL.Component, name: string) => {
  const value = c.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
  return value;
};
// ical.js leaves properties it has no type for (NAME, X-WR-CALNAME) escaped; decode them as TEXT.
const decodeText = (raw: string) => ICAL.design.icalendar.value.text.fromICAL(raw) as string;

describe("sessionUid", () => {
  test("is stable and ignores scheme, port, path and case of the host", () => {
    expect(sessionUid("ses_01", HOST)).toBe("session-ses_01@events.example.org");
    expect(sessionUid("ses_01", "https://Events.Example.org:3000/")).toBe("session-ses_01@events.example.org");
    expect(sessionUid("ses_01", "events.example.org:8080")).toBe("session-ses_01@events.example.org");
  });
});

describe("buildCalendar: PUBLISH", () => {
  test("one session: UTC times, UID, sequence, status, URL, stamp", () => {
    const ics = build({ sessions: [session({ sequence: 3, categories: ["Pillar 1", "Standard 1"] })] });
    const { calendar, events, event } = parse(ics);
    expect(text(calendar, "method")).toBe("PUBLISH");
    expect(text(calendar, "version")).toBe("2.0");
    expect(events).toHaveLength(1);
    expect(text(event, "uid")).toBe("session-ses_01@events.example.org");
    expect(event.getFirstPropertyValue("sequence")).toBe(3);
    expect(text(event, "status")).toBe("CONFIRMED");
    expect(text(event, "summary")).toBe("CPMS Standard 1: Coordination");
    expect(text(event, "url")).toBe("https://events.example.org/events/cpms-standard-1");

    const start = instant(event, "dtstart");
    const end = instant(event, "dtend");
    expect(start.zone?.tzid).toBe("UTC");
    expect(end.zone?.tzid).toBe("UTC");
    expect(start.toJSDate().toISOString()).toBe("2026-03-03T13:00:00.000Z");
    expect(end.toJSDate().toISOString()).toBe("2026-03-03T14:30:00.000Z");
    expect(ics).toContain("\r\nDTSTART:20260303T130000Z\r\n");
    expect(ics).toContain("\r\nDTEND:20260303T143000Z\r\n");
    expect(ics).not.toContain("VTIMEZONE");
    expect(instant(event, "dtstamp").toJSDate().toISOString()).toBe("2026-02-01T09:00:00.000Z");

    expect(event.getFirstProperty("categories")?.getValues()).toEqual(["Pillar 1", "Standard 1"]);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  test("the description carries the text, the time in the session's zone and the event page", () => {
    const { event } = parse(build());
    const description = text(event, "description");
    expect(description).toContain("An introduction to the Child Protection Minimum Standards.");
    expect(description).toMatch(/14:00\s?–\s?15:30 \(Central European Standard Time\)/);
    expect(description).toContain("Event page: https://events.example.org/events/cpms-standard-1");
    expect(text(event, "location")).toBe("https://events.example.org/events/cpms-standard-1");
  });

  test("a public file built without private links contains no join or manage link anywhere", () => {
    const ics = build({ sessions: [session(), session({ id: "ses_02", joinUrl: null, manageUrl: undefined })] });
    expect(ics).not.toContain("zoom");
    expect(ics).not.toContain("pwd=");
    expect(ics).not.toContain("manage");
    expect(ics).not.toMatch(/^ATTENDEE/m);
  });

  test("a published file names the organizer (RFC 5546 §3.2.1) but never an attendee", () => {
    const ics = build({ attendee: { name: "Amina Haddad", email: "amina@example.net" } });
    const { event } = parse(ics);
    expect(event.getFirstProperty("organizer")?.getFirstValue()).toBe("mailto:events@example.org");
    expect(event.getFirstProperty("organizer")?.getParameter("cn")).toBe("CPMS Working Group");
    expect(event.getFirstProperty("attendee")).toBeNull();
    expect(ics).not.toContain("amina@example.net");
  });

  test("no method builds without an organizer", () => {
    const none = undefined as unknown as BuildCalendarOptions["organizer"];
    expect(() => build({ organizer: none })).toThrow(/organizer/);
  });

  test("UID stays the same when the session is rebuilt with a new title, time and sequence", () => {
    const first = parse(build()).event;
    const second = parse(
      build({
        stamp: new Date("2026-02-10T09:00:00Z"),
        sessions: [session({ sequence: 1, title: "Renamed", startsAt: new Date("2026-03-03T14:00:00Z"), endsAt: new Date("2026-03-03T15:30:00Z") })],
      }),
    ).event;
    expect(text(second, "uid")).toBe(text(first, "uid"));
    expect(second.getFirstPropertyValue("sequence")).toBe(1);
    expect(instant(second, "dtstart").toJSDate().toISOString()).toBe("2026-03-03T14:00:00.000Z");
  });

  test("a feed: several sessions, one cancelled, refresh interval set", () => {
    const ics = build({
      ttl: 3600,
      sessions: [
        session(),
        session({ id: "ses_02", sequence: 2, status: "cancelled", startsAt: new Date("2026-03-10T01:00:00Z"), endsAt: new Date("2026-03-10T02:00:00Z") }),
      ],
    });
    const { calendar, events } = parse(ics);
    expect(decodeText(text(calendar, "x-wr-calname"))).toBe("CPMS learning events");
    expect(text(calendar, "refresh-interval")).toBe("PT1H");
    expect(text(calendar, "x-published-ttl")).toBe("PT1H");
    expect(events.map((e) => [text(e, "uid"), text(e, "status"), e.getFirstPropertyValue("sequence")])).toEqual([
      ["session-ses_01@events.example.org", "CONFIRMED", 0],
      ["session-ses_02@events.example.org", "CANCELLED", 2],
    ]);
    expect(text(events[1], "summary")).toBe("Cancelled: CPMS Standard 1: Coordination");
  });

  test("no refresh interval unless asked, and an empty feed is still a valid calendar", () => {
    const ics = build({ sessions: [], ttl: 3600 });
    const { calendar, events } = parse(ics);
    expect(events).toHaveLength(0);
    expect(text(calendar, "prodid")).toBe("-//events.example.org//Learning events//EN");
    expect(text(calendar, "refresh-interval")).toBe("PT1H");
    // RFC 5545 §3.4: at least one component; an invisible UTC VTIMEZONE is that one. Not an iTIP
    // PUBLISH (which needs a VEVENT), so no METHOD.
    expect(calendar.getAllSubcomponents().map((c) => c.name)).toEqual(["vtimezone"]);
    expect(calendar.getFirstProperty("method")).toBeNull();
    expect(build({ sessions: [session()] })).not.toContain("REFRESH-INTERVAL");
  });

  test("a custom PRODID is written as given", () => {
    const { calendar } = parse(build({ prodId: "-//CPMS Working Group//Learning events//EN" }));
    expect(text(calendar, "prodid")).toBe("-//CPMS Working Group//Learning events//EN");
  });

  test("the description line follows the session language", () => {
    const { event } = parse(build({ sessions: [session({ language: "fr" })] }));
    expect(text(event, "description")).toContain("mardi 3 mars 2026");
  });
});

describe("buildCalendar: REQUEST and CANCEL", () => {
  const people = {
    organizer: { name: "CPMS Working Group", email: "events@example.org" },
    attendee: { name: "Amina Haddad", email: "amina@example.net" },
  };

  test("an invitation with a reachable organizer asks the attendee to respond", () => {
    const ics = build({
      method: "REQUEST",
      ...people,
      rsvp: true,
      sessions: [session({ sequence: 1, joinUrl: JOIN_URL, manageUrl: MANAGE_URL })],
    });
    const { calendar, event } = parse(ics);
    expect(text(calendar, "method")).toBe("REQUEST");
    const organizer = event.getFirstProperty("organizer");
    expect(organizer?.getFirstValue()).toBe("mailto:events@example.org");
    expect(organizer?.getParameter("cn")).toBe("CPMS Working Group");
    const attendees = event.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    expect(String(attendees[0].getFirstValue()).toLowerCase()).toBe("mailto:amina@example.net");
    expect(attendees[0].getParameter("cn")).toBe("Amina Haddad");
    expect(attendees[0].getParameter("rsvp")).toBe("TRUE");
    expect(attendees[0].getParameter("partstat")).toBe("NEEDS-ACTION");
    expect(attendees[0].getParameter("role")).toBe("REQ-PARTICIPANT");
    expect(text(event, "status")).toBe("CONFIRMED");
    expect(event.getFirstPropertyValue("sequence")).toBe(1);

    // The registrant's own invite carries the private links, and the join link is the location.
    const description = text(event, "description");
    expect(description).toContain(`Join: ${JOIN_URL}`);
    expect(description).toContain(`Manage or cancel your registration: ${MANAGE_URL}`);
    expect(text(event, "location")).toBe(JOIN_URL);
  });

  test("an invitation whose organizer may be a no-reply address asks for no reply", () => {
    const { event } = parse(build({ method: "REQUEST", ...people }));
    expect(event.getFirstProperty("attendee")?.getParameter("rsvp")).toBe("FALSE");
  });

  test("REQUEST and CANCEL refuse to build without an organizer or without a session", () => {
    const none = undefined as unknown as BuildCalendarOptions["organizer"];
    expect(() => build({ method: "REQUEST", organizer: none })).toThrow(/organizer/);
    expect(() => build({ method: "CANCEL", organizer: none })).toThrow(/organizer/);
    expect(() => build({ method: "CANCEL", ...people, sessions: [] })).toThrow(/session/);
  });

  test("a cancellation cancels every event it carries, with the same UID", () => {
    const invite = parse(build({ method: "REQUEST", ...people })).event;
    const ics = build({ method: "CANCEL", ...people, sessions: [session({ sequence: 1 })] });
    const { calendar, event } = parse(ics);
    expect(text(calendar, "method")).toBe("CANCEL");
    expect(text(event, "status")).toBe("CANCELLED");
    expect(text(event, "uid")).toBe(text(invite, "uid"));
    expect(event.getFirstPropertyValue("sequence")).toBe(1);
    expect(event.getFirstProperty("organizer")?.getFirstValue()).toBe("mailto:events@example.org");
    const attendee = event.getFirstProperty("attendee");
    expect(attendee?.getParameter("rsvp")).toBeUndefined();
  });

  test("a cancelled entry's manage link does not offer to cancel it again", () => {
    const { event } = parse(build({ method: "CANCEL", ...people, sessions: [session({ sequence: 1, manageUrl: MANAGE_URL })] }));
    const description = text(event, "description");
    expect(description).toContain(`Your registration: ${MANAGE_URL}`);
    expect(description).not.toContain("cancel your registration");
  });

  test("a quote in a person's name cannot break the CN parameter", () => {
    const ics = build({
      method: "REQUEST",
      organizer: { name: 'The "CPMS" Group', email: "events@example.org" },
      attendee: { name: "Ana\nBad", email: "ana@example.net" },
    });
    const { event } = parse(ics);
    expect(event.getFirstProperty("organizer")?.getParameter("cn")).toBe("The 'CPMS' Group");
    expect(event.getFirstProperty("attendee")?.getParameter("cn")).toBe("Ana Bad");
  });
});

describe("escaping, folding and non-ASCII text", () => {
  const title = "Normes minimales : protection de l'enfance, piliers; « réponse » — édition 2026";
  const arabicTitle = "المعايير الدنيا لحماية الطفل، الركيزة ١; جلسة أسئلة وأجوبة";
  const description = [
    "Présentation des normes; questions, réponses et discussion.",
    "يرجى الانضمام قبل بدء الجلسة بخمس دقائق، شكراً لكم.",
    "Backslash \\ stays, emoji 👩🏽‍⚕️ too, and a very long line that certainly needs folding because it goes on and on past seventy-five octets.",
  ].join("\n");

  const ics = buildCalendar({
    name: "CPMS — formations, webinaires; ورش",
    host: HOST,
    organizer: ORGANIZER,
    sessions: [
      session({ title, description, categories: ["Pilier 1, Normes", "Protection; enfance"] }),
      session({ id: "ses_ar", title: arabicTitle, language: "ar" }),
    ],
  });

  test("every physical line is at most 75 octets and ends with CRLF", () => {
    const lines = ics.split("\r\n");
    expect(lines.at(-1)).toBe("");
    for (const line of lines) {
      expect(line).not.toContain("\n");
      expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
      // A fold inside a multi-byte character would leave a lone surrogate or replacement char.
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/);
    }
    expect(lines.some((line) => line.startsWith(" "))).toBe(true);
  });

  test("commas, semicolons, backslashes and newlines are escaped in the raw text", () => {
    expect(ics).toContain("SUMMARY:Normes minimales : protection de l'enfance\\, piliers\\; « ré");
    expect(ics).toContain("X-WR-CALNAME:CPMS — formations\\, webinaires\\; ورش");
  });

  test("French, Arabic and emoji survive the round trip exactly", () => {
    const { calendar, events } = parse(ics);
    expect(decodeText(text(calendar, "x-wr-calname"))).toBe("CPMS — formations, webinaires; ورش");
    expect(text(events[0], "summary")).toBe(title);
    expect(text(events[0], "description").startsWith(description)).toBe(true);
    expect(events[0].getFirstProperty("categories")?.getValues()).toEqual(["Pilier 1, Normes", "Protection; enfance"]);
    expect(text(events[1], "summary")).toBe(arabicTitle);
    expect(text(events[1], "description")).toContain("مارس");
  });
});

describe("add-to-calendar links", () => {
  const linked = session({
    title: "Q&A: Standard 5 + 6 — « santé » #2",
    description: "Questions, answers; and more.\nSecond line.",
    joinUrl: JOIN_URL,
    manageUrl: MANAGE_URL,
  });

  test("Google: UTC dates, encoded text, no private links", () => {
    const raw = googleCalendarUrl(linked);
    expect(raw.startsWith("https://calendar.google.com/calendar/render?action=TEMPLATE&")).toBe(true);
    const url = new URL(raw);
    expect(url.searchParams.get("text")).toBe("Q&A: Standard 5 + 6 — « santé » #2");
    expect(url.searchParams.get("dates")).toBe("20260303T130000Z/20260303T143000Z");
    const details = url.searchParams.get("details") ?? "";
    expect(details).toContain("Questions, answers; and more.\nSecond line.");
    expect(details).toContain("Event page: https://events.example.org/events/cpms-standard-1");
    expect(raw).not.toContain("zoom");
    expect(raw).not.toContain(encodeURIComponent(JOIN_URL));
    expect(raw).not.toContain("tok_abc123");
    expect(url.hash).toBe("");
  });

  test("Outlook: ISO UTC times, spaces as %20 never '+', no private links", () => {
    const raw = outlookCalendarUrl(linked);
    expect(
      raw.startsWith(
        "https://outlook.live.com/calendar/0/deeplink/compose?path=/calendar/action/compose&rru=addevent&",
      ),
    ).toBe(true);
    const query = raw.slice(raw.indexOf("?") + 1);
    // Outlook shows a "+" literally, so a space must never be encoded as one.
    expect(query).not.toContain("+");
    const params = Object.fromEntries(
      query.split("&").map((pair) => {
        const [k, v] = pair.split("=");
        return [k, decodeURIComponent(v)];
      }),
    );
    expect(params.subject).toBe("Q&A: Standard 5 + 6 — « santé » #2");
    expect(params.startdt).toBe("2026-03-03T13:00:00Z");
    expect(params.enddt).toBe("2026-03-03T14:30:00Z");
    expect(params.body).toContain("Event page: https://events.example.org/events/cpms-standard-1");
    expect(params.location).toBe("https://events.example.org/events/cpms-standard-1");
    expect(raw).not.toContain("zoom");
    expect(raw).not.toContain("tok_abc123");
  });
});
