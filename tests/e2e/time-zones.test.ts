// Time zones as a participant meets them, in Chromium with JavaScript on and off: the catalogue
// says which zone each time is in, and the time-zone chooser offers places in the reader's
// language (English and Arabic, right to left), grouped and searchable, with the event page
// carrying only a short list. Screenshots of the chooser go to tests/.tmp/screenshots.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { createPrismaClient } from "../../app/utils/db.server.ts";
import { launchBrowser } from "./browser.ts";
import { createOpenEvent } from "./fixtures.ts";
import { startServer, type RunningServer } from "./server.ts";

const SCREENSHOTS = path.resolve("tests/.tmp/screenshots");
const BROWSER_ZONE = "Asia/Dhaka";

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
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}
const pageErrors = (page: Page) => (page as Page & { errors: string[] }).errors;

/** The long English name of a zone today, as the server names it. */
const zoneName = (zone: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "long" }).formatToParts(new Date()).find((p) => p.type === "timeZoneName")!.value;

async function optgroupLabels(page: Page, selector = "select#timeZone") {
  return page.locator(`${selector} optgroup`).evaluateAll((groups) => groups.map((g) => (g as HTMLOptGroupElement).label));
}

describe("the catalogue says which zone its times are in", () => {
  it("without JavaScript: each card names its own zone, and the page offers to choose one", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/events`);
    const note = (await page.locator(".zone-note").textContent()) ?? "";
    expect(note).toContain("each time is shown in its event’s own time zone");
    expect(await page.locator(".lead").textContent()).not.toContain("your own time zone");
    const cards = page.locator("ol.event-list .card-when");
    const count = await cards.count();
    expect(count).toBeGreaterThan(1);
    // Every card with a time says which zone it is in, in words.
    const zones = await page.locator("ol.event-list .card-when .card-zone").allTextContents();
    expect(zones).toHaveLength(count);
    for (const zone of zones) expect(zone).toMatch(/^\(.+\)$/);
    expect(new Set(zones).size, "the demo catalogue has events in several zones").toBeGreaterThan(1);

    // Choosing one zone puts every card in it, named once above the list.
    await page.getByRole("link", { name: "Choose your time zone" }).click();
    await page.waitForURL((url) => url.pathname === "/settings");
    expect(await page.getByLabel("Search by city or country").count(), "no dead search box without JavaScript").toBe(0);
    await page.getByLabel("Time zone").selectOption("Africa/Nairobi");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await page.waitForURL((url) => url.pathname === "/events");
    expect(await page.locator(".zone-note").textContent()).toContain(`Times are shown in your time zone: ${zoneName("Africa/Nairobi")}.`);
    expect(await page.locator(".card-zone").count()).toBe(0);
    const titles = await page.locator("ol.event-list .card-when abbr").evaluateAll((els) => els.map((e) => e.getAttribute("title")));
    expect(new Set(titles)).toEqual(new Set([zoneName("Africa/Nairobi")]));
  }, 60_000);

  it("with JavaScript: the browser's zone is detected and every card is in it", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/events`);
    await page.getByText(`Times are shown in your time zone: ${zoneName(BROWSER_ZONE)}.`).waitFor();
    expect(await page.locator(".card-zone").count()).toBe(0);
    expect(await page.locator(".lead").textContent()).toContain("your own time zone");
    expect(pageErrors(page)).toEqual([]);
  }, 60_000);
});

describe("the time-zone chooser", () => {
  it("offers cities grouped by region, the detected zone first, searchable with JavaScript", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/events`);
    await page.getByText(`Times are shown in your time zone`).waitFor();
    await page.goto(`${server.url}/settings`);
    const groups = await optgroupLabels(page);
    expect(groups[0]).toBe("Your time zone");
    expect(groups).toEqual(expect.arrayContaining(["Cities", "Africa", "Americas", "Asia", "Europe", "Pacific"]));
    expect(await page.getByLabel("Time zone").inputValue()).toBe(BROWSER_ZONE);
    // Places people know, not raw ids.
    const labels = await page.locator("select#timeZone option").allTextContents();
    expect(labels).toEqual(expect.arrayContaining([expect.stringMatching(/^Geneva · UTC\+[12]$/), expect.stringMatching(/^Cox's Bazar · UTC\+6$/), expect.stringMatching(/^Nairobi · UTC\+3$/)]));
    expect(labels.some((l) => l.includes("_"))).toBe(false);

    const search = page.getByLabel("Search by city or country");
    await search.fill("geneve");
    await expect.poll(() => page.getByLabel("Time zone").inputValue()).toBe("Europe/Zurich");
    await search.fill("Switzerland");
    await expect.poll(() => page.getByLabel("Time zone").inputValue()).toBe("Europe/Zurich");
    await search.fill("coxs");
    await expect.poll(() => page.getByLabel("Time zone").inputValue()).toBe("Asia/Dhaka");
    await search.fill("nair");
    await expect.poll(() => page.getByLabel("Time zone").inputValue()).toBe("Africa/Nairobi");
    expect(await page.locator("select#timeZone option").count()).toBeLessThan(5);
    await page.screenshot({ path: path.join(SCREENSHOTS, "zone-chooser-en-1280.png") });
    await page.getByRole("button", { name: "Save time zone" }).click();
    await page.waitForURL((url) => url.pathname === "/events");
    expect((await page.context().cookies()).find((c) => c.name === "tz")?.value).toBe(encodeURIComponent("Africa/Nairobi"));
    expect(pageErrors(page)).toEqual([]);
  }, 60_000);

  it("speaks Arabic, right to left, and searches Arabic names; it fits a narrow screen", async () => {
    for (const width of [1280, 375]) {
      const page = await newPage({ locale: "ar", viewport: { width, height: 800 } });
      await page.goto(`${server.url}/settings?lng=ar`);
      expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
      const groups = await optgroupLabels(page);
      expect(groups).toEqual(expect.arrayContaining(["المدن", "أفريقيا", "أوروبا"]));
      const search = page.getByLabel("ابحث باسم مدينة أو بلد");
      await search.fill("جنيف");
      await expect.poll(() => page.locator("select#timeZone").inputValue()).toBe("Europe/Zurich");
      await search.fill("");
      await search.fill("بنغلاديش");
      await expect.poll(() => page.locator("select#timeZone").inputValue()).toBe("Asia/Dhaka");
      // Nothing sticks out sideways on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, `zone-chooser-ar-${width}.png`) });
      expect(pageErrors(page)).toEqual([]);
    }
    const narrow = await newPage({ viewport: { width: 375, height: 800 } });
    await narrow.goto(`${server.url}/settings`);
    await narrow.getByLabel("Search by city or country").fill("Bang");
    await narrow.screenshot({ path: path.join(SCREENSHOTS, "zone-chooser-en-375.png") });
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }, 90_000);

  it("the event page carries a short list, and the full one is a click away with JavaScript", async () => {
    const event = await createOpenEvent(db, "zones");
    const response = await fetch(`${server.url}/events/${event.slug}`, { headers: { Cookie: `tz=${encodeURIComponent(BROWSER_ZONE)}` } });
    const html = await response.text();
    // Neither the HTML nor the hydration data holds the whole list.
    expect(html).not.toContain("Kiritimati");
    expect(html).not.toContain("Pacific/");
    const options = /<select[^>]*name="timeZone"[\s\S]*?<\/select>/.exec(html)?.[0].match(/<option/g) ?? [];
    expect(options.length).toBeGreaterThan(1);
    expect(options.length).toBeLessThan(15);

    const page = await newPage();
    await page.goto(`${server.url}/events/${event.slug}`);
    const form = page.locator("form#registration");
    await expect.poll(() => form.getByLabel("Time zone").inputValue()).toBe(BROWSER_ZONE);
    await form.getByRole("link", { name: "Another time zone? Show them all" }).click();
    const search = form.getByLabel("Search by city or country");
    await search.waitFor();
    await search.fill("Kiritimati");
    await expect.poll(() => form.getByLabel("Time zone").inputValue()).toBe("Pacific/Kiritimati");
    expect(pageErrors(page)).toEqual([]);
  }, 60_000);

  it("without JavaScript the event page's short list links to the full chooser, and back", async () => {
    const event = await createOpenEvent(db, "zones-nojs");
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/events/${event.slug}`);
    const form = page.locator("form#registration");
    expect(await optgroupLabels(page, "form#registration select[name=timeZone]")).toEqual(["For this event"]);
    await form.getByRole("link", { name: "Another time zone? Show them all" }).click();
    await page.waitForURL((url) => url.pathname === "/settings");
    await page.getByLabel("Time zone").selectOption("Pacific/Fiji");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await page.waitForURL((url) => url.pathname === `/events/${event.slug}/register`);
    expect(await page.locator("form#registration select[name=timeZone]").inputValue()).toBe("Pacific/Fiji");
    expect(await optgroupLabels(page, "form#registration select[name=timeZone]")).toEqual(["Your time zone", "For this event"]);
  }, 60_000);
});
