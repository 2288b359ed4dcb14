// Calendar files: one session's .ics (/events/<slug>/sessions/<id>.ics) and the subscribable
// feed (/calendar.ics), through the built request handler, read back with ical.js, an
// independent parser. Date is faked to a fixed instant, as in catalogue.test.ts.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "../../app/utils/db.server.ts";
import { seedDemoCatalogue } from "../../prisma/seed/catalogue.ts";
import { loadOracle, type OracleEvent } from "../helpers/catalogue-oracle.ts";
import { BASE_URL, createFetcher, type Fetcher } from "../helpers/remix.ts";

const NOW = new Date("2026-02-17T10:00:00Z");
const FEED_HISTORY_MS = 90 * 86_400_000;
const HOST = new URL(BASE_URL).hostname;
// Private links a registrant gets in an invitation; no public file may carry them.
const PRIVATE_SESSION_LINK = "https://zoom.example.com/j/81234567890?pwd=s3cr3t";

let get: Fetcher;
let oracle: OracleEvent[];

type ParsedEvent = {
  uid: string;
  start: ICAL.Time;
  end: ICAL.Time;
  sequence: number;
  status: string;
  url: string;
  summary: string;
  description: string;
  location: string;
};

function parseCalendar(ics: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const time = (name: string) => {
      const value = vevent.getFirstPropertyValue(name);
      if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
      return value;
    };
    const text = (name: string) => String(vevent.getFirstPropertyValue(name) ?? "");
    return {
      uid: text("uid"),
      start: time("dtstart"),
      end: time("dtend"),
      sequence: Number(vevent.getFirstPropertyValue("sequence")),
      status: text("status"),
      url: text("url"),
      summary: text("summary"),
      description: text("description"),
      location: text("location"),
    };
  });
  return { calendar, events };
}

async function fetchCalendar(pathname: string) {
  const response = await get(pathname);
  const body = await response.text();
  return { response, body, ...(response.status === 200 ? parseCalendar(body) : { calendar: null, events: [] }) };
}

function event(slug: string): OracleEvent {
  const found = oracle.find((e) => e.slug === slug);
  if (!found) throw new Error(`The demo catalogue has no event "${slug}" any more`);
  return found;
}

const sessionPath = (slug: string, id: string) => `/events/${slug}/sessions/${id}.ics`;

/** Sessions the feed should hold: public events, not ended more than 90 days ago. */
function feedSessions(filter: (event: OracleEvent, session: OracleEvent["sessions"][number]) => boolean = () => true) {
  return oracle
    .filter((e) => e.status !== "draft")
    .flatMap((e) => e.sessions.map((s) => ({ event: e, session: s })))
    .filter(({ session }) => session.endsAt.getTime() >= NOW.getTime() - FEED_HISTORY_MS)
    .filter(({ event, session }) => filter(event, session))
    .sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime());
}

const uidOf = (sessionId: string) => `session-${sessionId}@${HOST}`;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  await seedDemoCatalogue(prisma, { now: NOW });
  // The seed puts private join links on events; give some sessions their own too.
  const sessions = await prisma.session.findMany({ select: { id: true }, take: 10 });
  for (const { id } of sessions) await prisma.session.update({ where: { id }, data: { joinUrl: `${PRIVATE_SESSION_LINK}&s=${id}` } });
  await prisma.session.updateMany({ where: { event: { slug: "alternative-care-in-emergencies" } }, data: { joinUrl: PRIVATE_SESSION_LINK } });
  oracle = await loadOracle(prisma);
  ({ get } = await createFetcher());
});

afterAll(() => {
  vi.useRealTimers();
});

describe("one session's calendar file", () => {
  it("is a text/calendar download named after the event", async () => {
    const alt = event("alternative-care-in-emergencies");
    const { response, events, calendar } = await fetchCalendar(sessionPath(alt.slug, alt.sessions[0]!.id));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar\b/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="alternative-care-in-emergencies\.ics"$/);
    expect(calendar?.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(events).toHaveLength(1);
  });

  it("carries the session's UTC instants, sequence, status and event page for every public session", async () => {
    for (const e of oracle.filter((x) => x.status !== "draft")) {
      for (const session of e.sessions) {
        const { response, body, events } = await fetchCalendar(sessionPath(e.slug, session.id));
        expect(response.status, `${e.slug}/${session.id}`).toBe(200);
        const [vevent] = events;
        expect(vevent!.uid).toBe(uidOf(session.id));
        // UTC, no floating time and no VTIMEZONE needed.
        expect(vevent!.start.zone?.tzid).toBe("UTC");
        expect(vevent!.end.zone?.tzid).toBe("UTC");
        expect(body).toMatch(/^DTSTART:\d{8}T\d{6}Z\r$/m);
        expect(vevent!.start.toJSDate().getTime(), e.slug).toBe(session.startsAt.getTime());
        expect(vevent!.end.toJSDate().getTime(), e.slug).toBe(session.endsAt.getTime());
        expect(vevent!.sequence).toBe(session.sequence);
        const cancelled = e.status === "cancelled" || session.status === "cancelled";
        expect(vevent!.status, e.slug).toBe(cancelled ? "CANCELLED" : "CONFIRMED");
        expect(vevent!.url).toBe(`${BASE_URL}/events/${e.slug}`);
        expect(vevent!.description).toContain(`${BASE_URL}/events/${e.slug}`);
      }
    }
  });

  it("keeps one UID per session, the same on every download and after the session changes", async () => {
    const alt = event("alternative-care-in-emergencies");
    const [asia, americas] = alt.sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const first = await fetchCalendar(sessionPath(alt.slug, asia!.id));
    const again = await fetchCalendar(sessionPath(alt.slug, asia!.id));
    const other = await fetchCalendar(sessionPath(alt.slug, americas!.id));
    expect(again.events[0]!.uid).toBe(first.events[0]!.uid);
    expect(other.events[0]!.uid).not.toBe(first.events[0]!.uid);

    // An organiser moves the session by an hour: same UID, new time, higher SEQUENCE.
    const moved = { startsAt: new Date(asia!.startsAt.getTime() + 3_600_000), endsAt: new Date(asia!.endsAt.getTime() + 3_600_000) };
    await prisma.session.update({ where: { id: asia!.id }, data: { ...moved, sequence: 4 } });
    try {
      const after = await fetchCalendar(sessionPath(alt.slug, asia!.id));
      expect(after.events[0]!.uid).toBe(first.events[0]!.uid);
      expect(after.events[0]!.sequence).toBe(4);
      expect(after.events[0]!.start.toJSDate().getTime()).toBe(moved.startsAt.getTime());
      expect(after.events[0]!.end.toJSDate().getTime()).toBe(moved.endsAt.getTime());
    } finally {
      await prisma.session.update({ where: { id: asia!.id }, data: { startsAt: asia!.startsAt, endsAt: asia!.endsAt, sequence: asia!.sequence } });
    }
  });

  it("marks a cancelled session STATUS:CANCELLED and leaves its sibling confirmed", async () => {
    const justice = event("justice-for-children");
    const [english, spanish] = justice.sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    await prisma.session.update({ where: { id: spanish!.id }, data: { status: "cancelled", sequence: 2 } });
    try {
      const cancelled = await fetchCalendar(sessionPath(justice.slug, spanish!.id));
      expect(cancelled.events[0]).toMatchObject({ status: "CANCELLED", sequence: 2 });
      const kept = await fetchCalendar(sessionPath(justice.slug, english!.id));
      expect(kept.events[0]!.status).toBe("CONFIRMED");
    } finally {
      await prisma.session.update({ where: { id: spanish!.id }, data: { status: spanish!.status, sequence: spanish!.sequence } });
    }
  });

  it("cancels every session of a cancelled event", async () => {
    const cancelledEvent = oracle.find((e) => e.status === "cancelled");
    expect(cancelledEvent).toBeDefined();
    for (const session of cancelledEvent!.sessions) {
      const { events } = await fetchCalendar(sessionPath(cancelledEvent!.slug, session.id));
      expect(events[0]!.status).toBe("CANCELLED");
      expect(events[0]!.sequence).toBeGreaterThan(0);
    }
  });

  it("answers an unknown session, a session under another event and a draft's session with 404", async () => {
    const alt = event("alternative-care-in-emergencies");
    const justice = event("justice-for-children");
    const draft = oracle.find((e) => e.status === "draft" && e.sessions.length > 0)!;
    const paths = [
      sessionPath(alt.slug, "no-such-session"),
      sessionPath("no-such-event", alt.sessions[0]!.id),
      sessionPath(justice.slug, alt.sessions[0]!.id),
      sessionPath(draft.slug, draft.sessions[0]!.id),
    ];
    for (const pathname of paths) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(404);
      expect(await response.text()).not.toContain("BEGIN:VCALENDAR");
    }
  });

  it("says in words that the session does not exist", async () => {
    const response = await get(sessionPath("alternative-care-in-emergencies", "no-such-session"));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("This session does not exist, or its event is no longer published.");
  });
});

describe("the subscribable feed /calendar.ics", () => {
  it("is text/calendar with a refresh interval", async () => {
    const { response, calendar } = await fetchCalendar("/calendar.ics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar\b/);
    expect(calendar?.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(String(calendar?.getFirstPropertyValue("refresh-interval"))).toBe("PT1H");
  });

  it("holds every public session from the last 90 days on, in start order, drafts never", async () => {
    const { events } = await fetchCalendar("/calendar.ics");
    const wanted = feedSessions();
    expect(wanted.length).toBeGreaterThan(10);
    expect(events.map((e) => e.uid)).toEqual(wanted.map(({ session }) => uidOf(session.id)));
    const drafts = oracle.filter((e) => e.status === "draft").flatMap((e) => e.sessions.map((s) => uidOf(s.id)));
    expect(drafts.length).toBeGreaterThan(0);
    for (const uid of drafts) expect(events.map((e) => e.uid)).not.toContain(uid);
    // Each entry says the same as the session's own file.
    for (const { event: e, session } of wanted) {
      const entry = events.find((x) => x.uid === uidOf(session.id))!;
      expect(entry.start.toJSDate().getTime()).toBe(session.startsAt.getTime());
      expect(entry.end.toJSDate().getTime()).toBe(session.endsAt.getTime());
      expect(entry.sequence).toBe(session.sequence);
      expect(entry.url).toBe(`${BASE_URL}/events/${e.slug}`);
      expect(entry.status).toBe(e.status === "cancelled" || session.status === "cancelled" ? "CANCELLED" : "CONFIRMED");
    }
    expect(events.some((e) => e.status === "CANCELLED")).toBe(true);
  });

  it("filters by topic: a pillar brings its standards, a standard only its own events", async () => {
    const pillar = await fetchCalendar("/calendar.ics?topic=pillar-3");
    const wantedPillar = feedSessions((e) => e.topics.some((t) => t.slug === "pillar-3" || t.parentSlug === "pillar-3"));
    expect(pillar.events.map((e) => e.uid)).toEqual(wantedPillar.map(({ session }) => uidOf(session.id)));
    expect(wantedPillar.some(({ event: e }) => !e.topics.some((t) => t.slug === "pillar-3"))).toBe(true);

    const standard = await fetchCalendar("/calendar.ics?topic=standard-19-alternative-care");
    const wantedStandard = feedSessions((e) => e.topics.some((t) => t.slug === "standard-19-alternative-care"));
    expect(standard.events.map((e) => e.uid)).toEqual(wantedStandard.map(({ session }) => uidOf(session.id)));
    expect(wantedStandard.length).toBeGreaterThan(0);
    expect(wantedStandard.length).toBeLessThan(wantedPillar.length);
  });

  it("filters by language: the session's own, or support the event offers", async () => {
    for (const language of ["es", "ar", "pl"]) {
      const { events } = await fetchCalendar(`/calendar.ics?language=${language}`);
      const wanted = feedSessions((e, s) => s.languageCode === language || e.supportedLanguages.includes(language));
      expect(wanted.length, language).toBeGreaterThan(0);
      expect(events.map((e) => e.uid), language).toEqual(wanted.map(({ session }) => uidOf(session.id)));
    }
    // The Spanish session of an event held in English is in the Spanish feed.
    const justice = event("justice-for-children");
    const spanish = justice.sessions.find((s) => s.languageCode === "es")!;
    const { events } = await fetchCalendar("/calendar.ics?language=es");
    expect(events.map((e) => e.uid)).toContain(uidOf(spanish.id));
  });

  it("filters by type, and by several filters at once", async () => {
    const live = await fetchCalendar("/calendar.ics?type=live-qa");
    const wanted = feedSessions((e) => e.type === "live-qa");
    expect(wanted.length).toBeGreaterThan(0);
    expect(live.events.map((e) => e.uid)).toEqual(wanted.map(({ session }) => uidOf(session.id)));

    const both = await fetchCalendar("/calendar.ics?type=webinar&language=fr");
    const wantedBoth = feedSessions((e, s) => e.type === "webinar" && (s.languageCode === "fr" || e.supportedLanguages.includes("fr")));
    expect(wantedBoth.length).toBeGreaterThan(0);
    expect(both.events.map((e) => e.uid)).toEqual(wantedBoth.map(({ session }) => uidOf(session.id)));
  });

  it("answers a bad filter with 400, never 500", async () => {
    for (const query of ["type=foo", "topic=no-such-topic", "language=xx", "topic=Bad_Topic"]) {
      const response = await get(`/calendar.ics?${query}`);
      expect(response.status, query).toBe(400);
    }
  });
});

describe("privacy", () => {
  it("never puts a join link in a public calendar file or on the event page", async () => {
    const eventJoinLinks = (await prisma.event.findMany({ where: { joinUrl: { not: null } }, select: { joinUrl: true } })).map((e) => e.joinUrl!);
    const sessionJoinLinks = (await prisma.session.findMany({ where: { joinUrl: { not: null } }, select: { joinUrl: true } })).map((s) => s.joinUrl!);
    expect(eventJoinLinks.length).toBeGreaterThan(10);
    expect(sessionJoinLinks.length).toBeGreaterThan(0);
    const secrets = [...new Set([...eventJoinLinks, ...sessionJoinLinks])];
    const needles = [...secrets, "meet.example.org", "zoom.example.com", "pwd="];

    const bodies: [string, string][] = [];
    for (const feed of ["/calendar.ics", "/calendar.ics?language=en", "/calendar.ics?type=webinar"]) {
      bodies.push([feed, (await fetchCalendar(feed)).body]);
    }
    for (const e of oracle.filter((x) => x.status !== "draft")) {
      for (const session of e.sessions) {
        const file = await fetchCalendar(sessionPath(e.slug, session.id));
        bodies.push([sessionPath(e.slug, session.id), file.body]);
        // Unfolded and unescaped by the parser, too.
        for (const field of ["description", "location", "url", "summary"] as const) {
          bodies.push([`${e.slug} ${field}`, file.events[0]![field]]);
        }
      }
      // The page's "add to Google / Outlook" links and its hydration data.
      bodies.push([`/events/${e.slug}`, await (await get(`/events/${e.slug}`)).text()]);
    }
    for (const [where, body] of bodies) {
      for (const needle of needles) {
        expect(body.includes(needle) || decodeURIComponent(body.replace(/%(?![0-9a-f]{2})/gi, "%25")).includes(needle), `${needle} in ${where}`).toBe(false);
      }
    }
    // A public file points people to the event page instead.
    const alt = event("alternative-care-in-emergencies");
    const { events } = await fetchCalendar(sessionPath(alt.slug, alt.sessions[0]!.id));
    expect(events[0]!.location).toBe(`${BASE_URL}/events/${alt.slug}`);
  });
});
