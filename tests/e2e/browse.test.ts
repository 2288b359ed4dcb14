// A participant's walk through the built app in Chromium: find events by topic, open one, see
// it in their own time zone, choose another zone, download the calendar file; the same without
// JavaScript; and the Arabic interface. Elements are found by role and label, as a person would.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { createPrismaClient } from "../../app/utils/db.server.ts";
import { launchBrowser } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";

const SCREENSHOTS = path.resolve("tests/.tmp/screenshots");
const TOPIC = "pillar-3";
const BROWSER_ZONE = "Asia/Bangkok";

let server: RunningServer;
let browser: Browser;
let db: PrismaClient;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  db = createPrismaClient(`file:${server.databaseFile}`);
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await db?.$disconnect();
  await server?.stop();
});

async function newPage(options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", timezoneId: BROWSER_ZONE, viewport: { width: 1280, height: 900 }, ...options });
  contexts.push(context);
  const page = await context.newPage();
  // Generous: npm test runs other files, and another Chromium, on the same two cores.
  page.setDefaultTimeout(30_000);
  return page;
}

/** Upcoming public events on a topic (a pillar brings its standards), soonest first, from the database. */
async function upcomingOnTopic(topic: string) {
  const now = new Date();
  const events = await db.event.findMany({
    where: {
      status: { in: ["published", "cancelled"] },
      topics: { some: { topic: { OR: [{ slug: topic }, { parent: { slug: topic } }] } } },
    },
    select: { slug: true, title: true, status: true, timeZone: true, sessions: { orderBy: { startsAt: "asc" } } },
  });
  return events
    .map((e) => ({ ...e, next: e.sessions.find((s) => s.endsAt >= now) }))
    .filter((e) => e.next)
    .sort((a, b) => a.next!.startsAt.getTime() - b.next!.startsAt.getTime());
}

const timeRange = (start: Date, end: Date, zone: string) =>
  `${DateTime.fromJSDate(start, { zone }).toFormat("HH:mm")}–${DateTime.fromJSDate(end, { zone }).toFormat("HH:mm")}`;

/** The long English name of a zone today, as Intl gives it ("Eastern Standard Time"). */
const zoneName = (zone: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "long" }).formatToParts(new Date()).find((p) => p.type === "timeZoneName")!.value;

async function cardTitles(page: Page): Promise<string[]> {
  return (await page.locator("ol.event-list").getByRole("heading", { level: 2 }).allTextContents()).map((t) => t.trim());
}

async function chooseTopicAndSubmit(page: Page) {
  await page.goto(`${server.url}/events`);
  await page.getByRole("heading", { level: 1, name: "Upcoming events" }).waitFor();
  await page.getByLabel("Topic").selectOption(TOPIC);
  await page.getByRole("button", { name: "Show events" }).click();
  await page.waitForURL((url) => url.searchParams.get("topic") === TOPIC);
  // The list is the filtered one once the count matches.
  const expected = await upcomingOnTopic(TOPIC);
  await page.getByRole("status").filter({ hasText: new RegExp(`^\\s*${expected.length} events?\\s*$`) }).waitFor();
  return expected;
}

describe("a participant with JavaScript", () => {
  it("finds events on a topic, opens one, sees it in their zone, changes zone and downloads the calendar file", async () => {
    const page = await newPage({ acceptDownloads: true });

    // 1. Filter the catalogue by topic.
    const expected = await chooseTopicAndSubmit(page);
    expect(expected.length).toBeGreaterThan(0);
    expect(await cardTitles(page)).toEqual(expected.slice(0, 12).map((e) => e.title));
    expect(await page.getByLabel("Topic").inputValue()).toBe(TOPIC);

    // 2. Open the first event that is going ahead.
    const chosen = expected.find((e) => e.status === "published")!;
    await page.getByRole("link", { name: chosen.title, exact: true }).click();
    await page.waitForURL(`${server.url}/events/${chosen.slug}`);
    await page.getByRole("heading", { level: 1, name: chosen.title }).waitFor();

    // 3. The browser's zone was detected; every time is in Bangkok time.
    await page.getByText(`Times are shown in your time zone: ${zoneName(BROWSER_ZONE)}.`).waitFor();
    const first = chosen.sessions[0]!;
    expect((await page.locator(".session-time").first().textContent())?.trim()).toBe(timeRange(first.startsAt, first.endsAt, BROWSER_ZONE));

    // 4. Choose New York by hand.
    await page.getByRole("link", { name: "Change time zone" }).click();
    await page.waitForURL((url) => url.pathname === "/settings");
    expect(await page.getByLabel("Time zone").inputValue()).toBe(BROWSER_ZONE);
    await page.getByLabel("Time zone").selectOption("America/New_York");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await page.waitForURL(`${server.url}/events/${chosen.slug}`);
    await page.getByText(`Times are shown in your time zone: ${zoneName("America/New_York")}.`).waitFor();
    const times = (await page.locator(".session-time").allTextContents()).map((t) => t.trim());
    expect(times).toEqual(chosen.sessions.map((s) => timeRange(s.startsAt, s.endsAt, "America/New_York")));

    // 5. Download the first upcoming session's calendar file.
    const upcoming = chosen.sessions.find((s) => s.endsAt >= new Date() && s.status !== "cancelled")!;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download calendar file (.ics)" }).first().click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${chosen.slug}.ics`);
    const ics = readFileSync((await download.path())!, "utf8");
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!;
    expect(vevent.getFirstPropertyValue("uid")).toBe(`session-${upcoming.id}@127.0.0.1`);
    const start = vevent.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(start.zone?.tzid).toBe("UTC");
    expect(start.toJSDate().getTime()).toBe(upcoming.startsAt.getTime());
    expect((vevent.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate().getTime()).toBe(upcoming.endsAt.getTime());
  }, 90_000);

  it("switches the page from the event's zone to the detected one once it has loaded", async () => {
    const page = await newPage();
    const [event] = await upcomingOnTopic(TOPIC);
    const response = await page.goto(`${server.url}/events/${event!.slug}`);
    // The server did not know the zone yet...
    expect(await response!.text()).toContain("Times are shown in the event’s time zone");
    // ...the browser told it.
    await page.getByText(`Times are shown in your time zone: ${zoneName(BROWSER_ZONE)}.`).waitFor();
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "tz")?.value).toBe(encodeURIComponent(BROWSER_ZONE));
  }, 60_000);

  it("switches the interface to Arabic, right to left", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/events`);
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "العربية" }).click();
    await page.waitForURL((url) => url.searchParams.get("lng") === "ar");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("html").getAttribute("lang")).toBe("ar");
    // Remembered on the next page without ?lng.
    await page.goto(`${server.url}/events?when=past`);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
  }, 60_000);
});

describe("a participant without JavaScript", () => {
  it("filters with the plain form and sees the event in its own zone", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    const expected = await chooseTopicAndSubmit(page);
    expect(await cardTitles(page)).toEqual(expected.slice(0, 12).map((e) => e.title));

    const chosen = expected.find((e) => e.status === "published")!;
    await page.getByRole("link", { name: chosen.title, exact: true }).click();
    await page.waitForURL(`${server.url}/events/${chosen.slug}`);
    const note = (await page.locator(".zone-note").textContent()) ?? "";
    expect(note).toContain("Times are shown in the event’s time zone:");
    expect(note).not.toContain("your time zone");
    const times = (await page.locator(".session-time").allTextContents()).map((t) => t.trim());
    expect(times).toEqual(chosen.sessions.map((s) => timeRange(s.startsAt, s.endsAt, chosen.timeZone)));
    expect((await page.context().cookies()).find((c) => c.name === "tz")).toBeUndefined();
  }, 60_000);
});

describe("screenshots for review (not asserted)", () => {
  it("catalogue and event page, desktop and narrow, English and Arabic", async () => {
    const [event] = await upcomingOnTopic(TOPIC);
    for (const lng of ["en", "ar"]) {
      for (const width of [1280, 375]) {
        const page = await newPage({ viewport: { width, height: 900 } });
        await page.goto(`${server.url}/events?lng=${lng}`);
        await page.screenshot({ path: path.join(SCREENSHOTS, `catalogue-${lng}-${width}.png`), fullPage: true });
        await page.goto(`${server.url}/events/${event!.slug}`);
        await page.getByText(/Times are shown|الأوقات|توقيت/).first().waitFor().catch(() => {});
        await page.screenshot({ path: path.join(SCREENSHOTS, `event-${lng}-${width}.png`), fullPage: true });
        await page.context().close();
      }
    }
  }, 90_000);
});
