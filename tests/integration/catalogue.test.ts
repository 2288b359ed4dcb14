// The public catalogue (/events) and event pages (/events/<slug>), through the built Remix
// request handler against a real SQLite database seeded with the demo catalogue.
//
// The demo catalogue is dated relative to the instant it is seeded from, and the app decides
// "upcoming" and "past" from the clock. Both use one fixed instant here: Date is faked for this
// file (timers are not), so the expected times below are the same whatever day the tests run.
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "../../app/utils/db.server.ts";
import { KNOWN_CITIES } from "../../app/time/time.ts";
import { seedDemoCatalogue } from "../../prisma/seed/catalogue.ts";
import { expectedCatalogue, loadOracle, sortKey, type OracleEvent, type OracleFilters } from "../helpers/catalogue-oracle.ts";
import { cardSlugs, cards, documentPart, errorPage, htmlAttributes, sessionBlocks, textOf, zoneNote } from "../helpers/html.ts";
import { createFetcher, type BuildModule, type Fetcher } from "../helpers/remix.ts";

// Three weeks before the US spring change (2026-03-08), so some events have sessions on both
// sides of it.
const NOW = new Date("2026-02-17T10:00:00Z");
const PAGE_SIZE = 12;
const SITE_DEFAULT_CITIES = ["America/New_York", "Europe/London", "Europe/Zurich", "Africa/Nairobi", "Asia/Bangkok"];

let get: Fetcher;
let build: BuildModule;
let oracle: OracleEvent[];

async function page(pathname: string, cookie?: string) {
  const response = await get(pathname, { cookie });
  return { response, status: response.status, html: await response.text() };
}

/** Every page of a catalogue query, the cards in reading order. */
async function allSlugs(search: string): Promise<string[]> {
  const first = await page(`/events${search}`);
  expect(first.status, search).toBe(200);
  const slugs = cardSlugs(first.html);
  const pages = Number(/Page \d+ of (\d+)/.exec(textOf(first.html))?.[1] ?? 1);
  for (let n = 2; n <= pages; n++) {
    const next = await page(`/events${search}${search ? "&" : "?"}page=${n}`);
    expect(next.status, `${search} page ${n}`).toBe(200);
    slugs.push(...cardSlugs(next.html));
  }
  return slugs;
}

function expected(filters: OracleFilters): string[] {
  return expectedCatalogue(oracle, filters, NOW).map((e) => e.slug);
}

function bySlug(slug: string): OracleEvent {
  const event = oracle.find((e) => e.slug === slug);
  if (!event) throw new Error(`The demo catalogue has no event "${slug}" any more`);
  return event;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  await seedDemoCatalogue(prisma, { now: NOW });
  await createFixtures();
  oracle = await loadOracle(prisma);
  ({ build, get } = await createFetcher());
});

afterAll(() => {
  vi.useRealTimers();
});

/** Cases the demo catalogue does not have. */
async function createFixtures() {
  const day = 86_400_000;
  // Held in English, but one session is given in Polish: only the session says so.
  await prisma.event.create({
    data: {
      slug: "fixture-polish-session-only",
      type: "workshop",
      status: "published",
      title: "Fixture: a workshop with one Polish session",
      summary: "Only its session is in Polish.",
      description: "Plain text.",
      primaryLanguageCode: "en",
      timeZone: "Europe/Warsaw",
      sessions: {
        create: [
          { startsAt: new Date(NOW.getTime() + 40 * day), endsAt: new Date(NOW.getTime() + 40 * day + 3_600_000), timeZone: "Europe/Warsaw", languageCode: "pl" },
        ],
      },
    },
  });
  // A draft whose only session is over: it must not reach the past list either.
  await prisma.event.create({
    data: {
      slug: "fixture-past-draft",
      type: "webinar",
      status: "draft",
      title: "Fixture: unpublished retrospective on coordination",
      summary: "Never published.",
      primaryLanguageCode: "en",
      timeZone: "Europe/Zurich",
      topics: { create: [{ topic: { connect: { slug: "pillar-1" } } }] },
      sessions: {
        create: [
          { startsAt: new Date(NOW.getTime() - 40 * day), endsAt: new Date(NOW.getTime() - 40 * day + 3_600_000), timeZone: "Europe/Zurich", languageCode: "en" },
        ],
      },
    },
  });
}

describe("the test set-up", () => {
  it("drives the build against this file's database", async () => {
    expect(build.entry.module.getEnv().DATABASE_URL).toBe(process.env.DATABASE_URL);
    // The fixture was written through the test's own client; the build's client sees it.
    const { status, html } = await page("/events/fixture-polish-session-only");
    expect(status).toBe(200);
    expect(html).toContain("Fixture: a workshop with one Polish session");
  });

  it("has enough demo data for every case below", () => {
    expect(expected({}).length).toBeGreaterThan(PAGE_SIZE);
    expect(expected({ when: "past" }).length).toBeGreaterThan(3);
    expect(oracle.some((e) => e.status === "draft")).toBe(true);
  });
});

describe("/events", () => {
  it("lists upcoming events, soonest first, across pages", async () => {
    const slugs = await allSlugs("");
    expect(slugs).toEqual(expected({}));
    const keys = slugs.map((slug) => sortKey(bySlug(slug), "upcoming", NOW));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    const { html } = await page("/events");
    expect(textOf(html)).toContain(`${slugs.length} events`);
    expect(textOf(html)).toContain("Upcoming events");
  });

  it("lists past events with ?when=past, latest first", async () => {
    const slugs = await allSlugs("?when=past");
    expect(slugs).toEqual(expected({ when: "past" }));
    const keys = slugs.map((slug) => sortKey(bySlug(slug), "past", NOW));
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
    // An event still running or ahead is never "past", and vice versa.
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(expected({})).not.toContain(slug);
  });

  it("shows a cancelled event with its badge", async () => {
    const cancelled = oracle.find((e) => e.status === "cancelled" && expected({}).includes(e.slug));
    expect(cancelled).toBeDefined();
    const search = `?q=${encodeURIComponent(cancelled!.title)}`;
    const { html } = await page(`/events${search}`);
    expect(cards(html).get(cancelled!.slug)).toContain("Cancelled");
  });

  it("filters by type", async () => {
    for (const type of ["webinar", "live-qa", "workshop"]) {
      const slugs = await allSlugs(`?type=${type}`);
      expect(slugs, type).toEqual(expected({ type }));
      expect(slugs.length, type).toBeGreaterThan(0);
    }
    const { html } = await page("/events?type=live-qa");
    for (const text of cards(html).values()) expect(text).toContain("Live Q&A");
  });

  it("filters by a pillar, including the events tagged only with its standards", async () => {
    const slugs = await allSlugs("?topic=pillar-3");
    expect(slugs).toEqual(expected({ topic: "pillar-3" }));
    const onlyStandards = slugs.filter((slug) => !bySlug(slug).topics.some((t) => t.slug === "pillar-3"));
    expect(onlyStandards.length, "an event tagged with a pillar-3 standard but not the pillar").toBeGreaterThan(0);
    expect(slugs).toContain("community-level-approaches-workshop");
  });

  it("filters by a standard, leaving out the rest of its pillar", async () => {
    const slugs = await allSlugs("?topic=standard-18-case-management");
    expect(slugs).toEqual(expected({ topic: "standard-18-case-management" }));
    expect(slugs.length).toBeGreaterThan(0);
    const pillar = expected({ topic: "pillar-3" });
    expect(pillar.some((slug) => !slugs.includes(slug)), "some pillar-3 events are not about standard 18").toBe(true);
  });

  it("filters by language: primary, supported, or the language of one session", async () => {
    // Polish: one event held in Polish, one fixture whose only Polish is a session.
    const polish = await allSlugs("?language=pl");
    expect(polish).toEqual(expected({ language: "pl" }));
    expect(polish).toContain("zarzadzanie-informacja");
    expect(polish).toContain("fixture-polish-session-only");
    // Spanish: events held in English "with support for Spanish speakers" count.
    const spanish = await allSlugs("?language=es");
    expect(spanish).toEqual(expected({ language: "es" }));
    expect(spanish).toContain("alternative-care-in-emergencies");
    expect(spanish).toContain("justice-for-children");
    // Arabic: an event whose page is only *translated* into Arabic is not held in Arabic.
    const arabic = await allSlugs("?language=ar");
    expect(arabic).toEqual(expected({ language: "ar" }));
    expect(arabic).toContain("mhpss-live-qa-arabic");
    expect(arabic).not.toContain("children-associated-with-armed-forces");
  });

  it("searches titles, whatever the case", async () => {
    expect(await allSlugs("?q=stories+SAFELY")).toEqual(["safe-storytelling-media"]);
    expect(await allSlugs("?q=Telling%20children")).toEqual(["safe-storytelling-media"]);
  });

  it("searches speaker names", async () => {
    const slugs = await allSlugs("?q=Mensah");
    expect(slugs).toEqual(expected({ q: "Mensah" }));
    // The only thing these events say about "Mensah" is who speaks.
    expect(slugs.sort()).toEqual(["economic-recovery-live-qa", "nutrition-et-protection-de-l-enfance"]);
  });

  // Prisma's `contains` is an unescaped LIKE on SQLite: "%" or "_" once matched every event.
  it("matches % and _ in the search text literally", async () => {
    expect(await allSlugs("?when=past&q=%25")).toEqual(expected({ when: "past", q: "%" }));
    expect(await allSlugs("?when=past&q=_")).toEqual(expected({ when: "past", q: "_" }));
  });

  it("combines filters", async () => {
    const combined: OracleFilters = { type: "webinar", language: "fr", topic: "pillar-4" };
    const slugs = await allSlugs("?type=webinar&language=fr&topic=pillar-4");
    expect(slugs).toEqual(expected(combined));
    expect(slugs.length).toBeGreaterThan(0);
    for (const single of [{ type: "webinar" }, { language: "fr" }, { topic: "pillar-4" }]) {
      expect(expected(single).length, JSON.stringify(single)).toBeGreaterThan(slugs.length);
    }
    // Text and a filter together, in the past list.
    const past = await allSlugs("?when=past&q=children&language=en");
    expect(past).toEqual(expected({ when: "past", q: "children", language: "en" }));
    expect(past.length).toBeGreaterThan(0);
  });

  it("says so when nothing matches", async () => {
    const { status, html } = await page("/events?q=zzzzqqq");
    expect(status).toBe(200);
    expect(cardSlugs(html)).toEqual([]);
    expect(textOf(html)).toContain("No upcoming events match these filters.");
  });

  it("treats an empty field of the filter form as no filter", async () => {
    const { status, html } = await page("/events?q=&type=&topic=&language=");
    expect(status).toBe(200);
    expect(cardSlugs(html)).toEqual(expected({}).slice(0, PAGE_SIZE));
  });
});

describe("pagination", () => {
  it("has a second page that continues the first", async () => {
    const one = await page("/events");
    const two = await page("/events?page=2");
    expect(two.status).toBe(200);
    const first = cardSlugs(one.html);
    const second = cardSlugs(two.html);
    expect(first).toHaveLength(PAGE_SIZE);
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((slug) => first.includes(slug))).toEqual([]);
    expect([...first, ...second]).toEqual(expected({}).slice(0, first.length + second.length));
    expect(textOf(two.html)).toContain("Page 2 of 2");
    expect(one.html).toMatch(/<a[^>]*href="\/events\?page=2"[^>]*rel="next"|<a[^>]*rel="next"[^>]*href="\/events\?page=2"/);
  });

  it("keeps the filters in the page links", async () => {
    const { html } = await page("/events?type=webinar&language=en");
    if (expected({ type: "webinar", language: "en" }).length > PAGE_SIZE) {
      expect(documentPart(html)).toMatch(/href="\/events\?[^"]*type=webinar[^"]*page=2"/);
    }
  });

  it("answers a page beyond the last with a 404 that says how many pages there are", async () => {
    const pages = Math.ceil(expected({}).length / PAGE_SIZE);
    const { status, html } = await page(`/events?page=${pages + 1}`);
    expect(status).toBe(404);
    expect(errorPage(html)?.message).toBe(`There is no page ${pages + 1}: these results have ${pages} page(s).`);
    const past = await page("/events?when=past&page=2");
    expect(past.status).toBe(404);
    expect(errorPage(past.html)?.message).toContain("these results have 1 page(s)");
  });
});

describe("bad query parameters", () => {
  const cases: [string, RegExp][] = [
    ["type=foo", /“foo” is not an event type/],
    ["page=abc", /“abc” is not a page number/],
    ["page=0", /“0” is not a page number/],
    ["page=-1", /“-1” is not a page number/],
    ["page=1.5", /“1\.5” is not a page number/],
    ["page=99999999999", /“99999999999” is not a page number/],
    ["topic=no-such-topic", /no topic called “no-such-topic”/],
    ["topic=Bad_Topic", /“Bad_Topic” is not a valid topic/],
    ["language=xx", /language code “xx”/],
    ["language=EN", /“EN” is not a language code/],
    ["when=later", /“later” is not a valid choice/],
    [`q=${"a".repeat(201)}`, /search text is too long/],
  ];

  it.each(cases)("?%s → 400 naming the problem", async (query, message) => {
    const { status, html } = await page(`/events?${query}`);
    expect(status).toBe(400);
    const error = errorPage(html);
    expect(error?.title).toBe("We could not use this address");
    expect(error?.message).toMatch(message);
    // The reader can get back to the list.
    expect(documentPart(html)).toContain('href="/events"');
  });

  it("never answers odd input with a 500", async () => {
    const odd = ["topic=%00", "q=%25", "q=%3Cscript%3E", "type=webinar&type=foo", "lng=xx", "page=%20", "when=PAST", "language=e%CC%81n"];
    for (const query of odd) {
      const { status } = await page(`/events?${query}`);
      expect([200, 400], query).toContain(status);
    }
  });
});

describe("/events/<slug>", () => {
  it("answers an unknown slug with a 404 that names it", async () => {
    const { status, html } = await page("/events/no-such-event");
    expect(status).toBe(404);
    expect(errorPage(html)).toEqual({
      title: "Page not found",
      message: "We could not find an event at “no-such-event”. It may have been renamed or unpublished.",
    });
  });

  it("never shows a draft event, in a list or on its own page", async () => {
    const drafts = oracle.filter((e) => e.status === "draft");
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    const everywhere = [
      ...(await allSlugs("")),
      ...(await allSlugs("?when=past")),
      ...(await allSlugs("?topic=pillar-1")),
      ...(await allSlugs("?when=past&topic=pillar-1")),
      ...(await allSlugs("?topic=pillar-3")),
    ];
    for (const draft of drafts) {
      expect(everywhere, draft.slug).not.toContain(draft.slug);
      const search = await page(`/events?q=${encodeURIComponent(draft.title)}`);
      expect(cardSlugs(search.html), draft.slug).toEqual([]);
      const pastSearch = await page(`/events?when=past&q=${encodeURIComponent(draft.title)}`);
      expect(cardSlugs(pastSearch.html), draft.slug).toEqual([]);
      const own = await page(`/events/${draft.slug}`);
      expect(own.status, draft.slug).toBe(404);
      expect(own.html).not.toContain(draft.title);
    }
  });

  it("shows a cancelled event with its notice", async () => {
    const { status, html } = await page("/events/health-and-child-protection");
    expect(status).toBe(200);
    expect(textOf(html)).toContain("This event has been cancelled.");
    expect(textOf(html)).toContain("two panellists were redeployed");
  });
});

// ─────────────────────────────── times on the event page ───────────────────────────────

const CITY_LABEL = new Map<string, string>();
for (const city of KNOWN_CITIES) if (!CITY_LABEL.has(city.zone)) CITY_LABEL.set(city.zone, city.city);

function dayNumber(dt: DateTime): number {
  return Date.UTC(dt.year, dt.month - 1, dt.day) / 86_400_000;
}

/** "21:00 New York · 02:00 London (+1 day) · …", worked out with luxon for one instant. */
function expectedReferenceLine(instant: Date, zones: string[], viewerZone: string): string {
  const viewerDay = dayNumber(DateTime.fromJSDate(instant, { zone: viewerZone }));
  return zones
    .map((zone) => {
      const local = DateTime.fromJSDate(instant, { zone });
      const offset = dayNumber(local) - viewerDay;
      const marker = offset === 1 ? " (+1 day)" : offset === -1 ? " (−1 day)" : "";
      return `${local.toFormat("HH:mm")} ${CITY_LABEL.get(zone) ?? zone}${marker}`;
    })
    .join(" · ");
}

function referenceZones(event: OracleEvent): string[] {
  return event.referenceCities ? (JSON.parse(event.referenceCities) as string[]) : SITE_DEFAULT_CITIES;
}

describe("session times on the event page", () => {
  it("gives the reference cities of each session on that session's own date", async () => {
    // Three sessions at 10:00 UTC, before and after New York moves its clocks on 8 March.
    const { html } = await page("/events/community-level-approaches-workshop");
    const sessions = sessionBlocks(html);
    expect(sessions).toHaveLength(3);
    expect(sessions[0]!.referenceLine).toBe("05:00 New York · 10:00 London · 11:00 Geneva · 13:00 Nairobi · 17:00 Bangkok");
    // Screen readers hear what the times are before hearing them.
    expect(sessions[0]!.referenceLabel).toBe("The same time in other cities:");
    expect(sessions[1]!.referenceLine).toBe("05:00 New York · 10:00 London · 11:00 Geneva · 13:00 Nairobi · 17:00 Bangkok");
    expect(sessions[2]!.referenceLine).toBe("06:00 New York · 10:00 London · 11:00 Geneva · 13:00 Nairobi · 17:00 Bangkok");
    for (const session of sessions) {
      expect(session.time).toBe("13:00–15:00");
      expect(session.zone).toBe("East Africa Time");
    }
  });

  it('marks a city whose date differs with "+1 day" or "−1 day"', async () => {
    // The Asia-Pacific session starts at 02:00 UTC on 2 March: the evening before in New York.
    const own = sessionBlocks((await page("/events/alternative-care-in-emergencies")).html);
    expect(own[0]).toMatchObject({
      heading: "Asia-Pacific session",
      date: "Monday, March 2, 2026",
      time: "03:00–04:30",
      zone: "Central European Standard Time",
      referenceLine: "21:00 New York (−1 day) · 02:00 London · 03:00 Geneva · 05:00 Amman · 08:00 Dhaka · 09:00 Bangkok",
    });

    const newYork = sessionBlocks((await page("/events/alternative-care-in-emergencies", "tz=America%2FNew_York")).html);
    expect(newYork[0]).toMatchObject({
      date: "Sunday, March 1, 2026",
      time: "21:00–22:30",
      zone: "Eastern Standard Time",
      referenceLine:
        "21:00 New York · 02:00 London (+1 day) · 03:00 Geneva (+1 day) · 05:00 Amman (+1 day) · 08:00 Dhaka (+1 day) · 09:00 Bangkok (+1 day)",
    });
    // The Americas session is the same day everywhere.
    expect(newYork[1]).toMatchObject({
      heading: "Americas session",
      time: "10:00–11:30",
      referenceLine: "10:00 New York · 15:00 London · 16:00 Geneva · 18:00 Amman · 21:00 Dhaka · 22:00 Bangkok",
    });
  });

  it("gets every session of every public event right, in the event's zone and in a viewer's", async () => {
    const events = oracle.filter((e) => e.status !== "draft" && e.sessions.length > 0);
    for (const viewer of [null, "Pacific/Auckland"]) {
      for (const event of events) {
        const { status, html } = await page(`/events/${event.slug}`, viewer ? `tz=${encodeURIComponent(viewer)}` : undefined);
        expect(status, event.slug).toBe(200);
        const zone = viewer ?? event.timeZone;
        const blocks = sessionBlocks(html);
        const sessions = [...event.sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
        expect(blocks.map((b) => b.startsAtIso), event.slug).toEqual(sessions.map((s) => s.startsAt.toISOString()));
        sessions.forEach((session, i) => {
          const start = DateTime.fromJSDate(session.startsAt, { zone });
          const end = DateTime.fromJSDate(session.endsAt, { zone });
          expect(blocks[i]!.time, `${event.slug} in ${zone}`).toBe(`${start.toFormat("HH:mm")}–${end.toFormat("HH:mm")}`);
          expect(blocks[i]!.referenceLine, `${event.slug} in ${zone}`).toBe(
            expectedReferenceLine(session.startsAt, referenceZones(event), zone),
          );
        });
      }
    }
  });

  it("names the event's own zone when the viewer's is unknown", async () => {
    const { html } = await page("/events/alternative-care-in-emergencies");
    expect(zoneNote(html)).toBe("Times are shown in the event’s time zone: Central European Standard Time. Change time zone");
    expect(documentPart(html)).toContain('href="/settings?returnTo=%2Fevents%2Falternative-care-in-emergencies"');
  });

  it("switches every time to the zone in the tz cookie", async () => {
    const { html } = await page("/events/alternative-care-in-emergencies", "tz=Asia%2FBangkok");
    expect(zoneNote(html)).toBe("Times are shown in your time zone: Indochina Time. Change time zone");
    const sessions = sessionBlocks(html);
    expect(sessions.map((s) => s.time)).toEqual(["09:00–10:30", "22:00–23:30"]);
    expect(sessions.map((s) => s.zone)).toEqual(["Indochina Time", "Indochina Time"]);
  });

  it("ignores a tz cookie that is not a time zone", async () => {
    const { status, html } = await page("/events/alternative-care-in-emergencies", "tz=Mars%2FOlympus_Mons");
    expect(status).toBe(200);
    expect(zoneNote(html)).toContain("the event’s time zone: Central European Standard Time");
  });

  it("shows catalogue cards in the viewer's zone", async () => {
    const { html } = await page("/events?q=Asia-Pacific", "tz=America%2FNew_York");
    expect(cards(html).get("alternative-care-in-emergencies")).toContain("Sunday, March 1, 2026, 21:00–22:30 EST");
  });
});

describe("interface language", () => {
  it("?lng=ar serves the page right to left and remembers the choice", async () => {
    const { response, html } = await page("/events?lng=ar");
    expect(response.status).toBe(200);
    expect(htmlAttributes(html)).toMatchObject({ lang: "ar", dir: "rtl" });
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^lng=/);
    expect(setCookie).toMatch(/Path=\//i);
    const cookie = setCookie.split(";")[0]!;
    const next = await page("/events/alternative-care-in-emergencies", cookie);
    expect(htmlAttributes(next.html)).toMatchObject({ lang: "ar", dir: "rtl" });
    const english = await page("/events?lng=en", cookie);
    expect(htmlAttributes(english.html)).toMatchObject({ lang: "en", dir: "ltr" });
  });

  it("follows Accept-Language and ignores an unsupported ?lng", async () => {
    const french = await get("/events", { headers: { "Accept-Language": "fr-CH, fr;q=0.9, en;q=0.5" } });
    expect(htmlAttributes(await french.text())).toMatchObject({ lang: "fr", dir: "ltr" });
    const unknown = await page("/events?lng=xx");
    expect(unknown.status).toBe(200);
    expect(htmlAttributes(unknown.html).lang).toBe("en");
    expect(unknown.response.headers.get("set-cookie")).toBeNull();
  });
});

describe("the event description", () => {
  it("is rendered from Markdown", async () => {
    const { html } = await page("/events/safe-storytelling-media");
    const prose = /<div class="prose"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
    expect(prose).toContain("<strong>Standard 3</strong>");
    expect(prose).toMatch(/<li>Informed consent and assent, and when to say no<\/li>/);
    expect(prose).toMatch(/<h\d>A note for web editors<\/h\d>/);
    expect(prose).toMatch(/<a href="https:\/\/alliancecpha\.org\/en\/CPMS_home" rel="noopener noreferrer nofollow">CPMS handbook<\/a>/);
    // What the author typed as code is shown as text.
    expect(textOf(prose)).toContain('<script>alert("hello")</script>');
  });

  it("never turns the <script> or onerror in the seeded text into markup", async () => {
    const { html } = await page("/events/safe-storytelling-media");
    expect(html).not.toMatch(/<script>alert/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/<[a-z][^<>]*\sonerror\s*=/i);
    // In the hydration data the description travels as text, its "<" escaped.
    const data = html.slice(html.indexOf("</html>"));
    expect(data).not.toMatch(/<(script|img)\b[^>]*(alert|onerror)/i);
  });
});
