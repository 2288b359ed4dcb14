// WCAG 2.2 AA, checked by axe-core in Chromium against the built server: every public page a
// participant or learner meets and the organiser forms, in English and in Arabic (right to
// left), on a desktop and (for the event and replay pages) 360 CSS px wide, as on a phone.
// Any violation of impact "serious" or "critical" fails, with the rule, help and elements.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, test, type ExpectStatic } from "vitest";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { createPrismaClient } from "../../app/utils/db.server.ts";
import { launchBrowser } from "./browser.ts";
import { createOpenEvent, createOrganiserAccount, createRegistration, makeRecordingPlayable, signInContext } from "./fixtures.ts";
import { startServer, type RunningServer } from "./server.ts";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/** What a narrow screen can break: reflowed targets too small or too close, text over new backgrounds. */
const PHONE_RULES = ["target-size", "color-contrast", "scrollable-region-focusable", "meta-viewport"];
const LANGUAGES = ["en", "ar"] as const;
type Lng = (typeof LANGUAGES)[number];

const UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "a11y-e2e-"));
const organiser = { email: `a11y-${randomUUID()}@example.org`, password: "a long organiser password" };
let server: RunningServer;
let browser: Browser;
let db: PrismaClient;
/** One set of browser contexts per language, so the languages can run side by side. */
let visitors: Record<Lng, BrowserContext>;
let serverOnly: Record<Lng, BrowserContext>;
let organisers: Record<Lng, BrowserContext>;
/** Contexts in which the app's scripts never load. */
const noScript = new Set<BrowserContext>();
let event: { id: string; slug: string; sessions: { id: string }[] };
let manageToken = "";
let recording: { id: string; eventId: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ env: { UPLOAD_DIR } }), launchBrowser()]);
  db = createPrismaClient(`file:${server.databaseFile}`);
  event = await createOpenEvent(db, "a11y");
  manageToken = (await createRegistration(db, event.sessions[0]!.id)).token;
  await createRegistration(db, event.sessions[0]!.id, "Ravi Kumar");
  recording = await makeRecordingPlayable(db, UPLOAD_DIR, { multilingual: true });
  await createOrganiserAccount(db, organiser.email, organiser.password);
  const desktop = { viewport: { width: 1280, height: 900 }, timezoneId: "Africa/Nairobi", locale: "en-US" };
  const perLanguage = async (make: () => Promise<BrowserContext>) => {
    const [en, ar] = await Promise.all([make(), make()]);
    return { en, ar };
  };
  visitors = await perLanguage(() => browser.newContext(desktop));
  // As without JavaScript: the app's scripts never load, so nothing hydrates and forms post
  // natively. (A context with JavaScript off would also stop axe itself from running.)
  serverOnly = await perLanguage(async () => {
    const context = await browser.newContext(desktop);
    await context.route(/\/build\/.*\.js(\?.*)?$/, (route) => route.abort());
    noScript.add(context);
    return context;
  });
  organisers = await perLanguage(async () => {
    const context = await browser.newContext(desktop);
    await signInContext(context, server.url, organiser.email, organiser.password);
    return context;
  });
}, 120_000);

afterAll(async () => {
  for (const set of [visitors, serverOnly, organisers]) await Promise.all(Object.values(set ?? {}).map((c) => c.close().catch(() => {})));
  await browser?.close();
  await db?.$disconnect();
  await server?.stop();
  rmSync(UPLOAD_DIR, { recursive: true, force: true });
});

/** "/events?x=1" in language `lng`: ?lng= both picks the language and remembers it in a cookie. */
function urlIn(pathname: string, lng: Lng) {
  const url = new URL(pathname, server.url);
  url.searchParams.set("lng", lng);
  return url.href;
}

/** Once React has hydrated the document, its nodes carry React's private fiber keys. */
async function waitForHydration(page: Page) {
  await page.waitForFunction(() => Object.keys(document.body).some((key) => key.startsWith("__reactFiber")));
}

type Expect = ExpectStatic;
type Scope = { include?: string; rules?: string[] };

/**
 * Runs axe on the page as it is now; a serious or critical violation fails the test (softly, so
 * one run reports every page), listing rule, impact, help and the elements concerned.
 */
async function expectNoSeriousViolations(expect: Expect, page: Page, what: string, scope: Scope = {}) {
  // Legacy mode runs axe in the page itself; the default mode opens an extra blank page per run to
  // merge frame results, which doubles the time and buys nothing on pages without frames. Only
  // violations are listed element by element, which saves time on long pages.
  let builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] });
  builder = scope.rules ? builder.withRules(scope.rules) : builder.withTags(WCAG_TAGS);
  if (scope.include) builder = builder.include(scope.include);
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    - ${n.target.join(" ")}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, "\n      ")}` : ""}`)
        .join("\n");
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : "";
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join("\n");
  expect.soft(serious.length, `axe found serious or critical WCAG violations on ${what} (${page.url()}):\n${report}`).toBe(0);
  // The run really looked at the page (an empty or error page would pass trivially).
  expect.soft(results.passes.length, `axe checked rules on ${what}`).toBeGreaterThan(scope.rules ? 0 : 10);
}

/** Reflow and target size at 360 CSS px, as on a small phone: no sideways scrolling, big enough targets. */
async function expectPhoneLayout(expect: Expect, page: Page, what: string) {
  await page.setViewportSize({ width: 360, height: 740 });
  expect.soft(await page.evaluate(() => document.documentElement.scrollWidth), `no sideways scrolling at 360 px on ${what}`).toBeLessThanOrEqual(360);
  await expectNoSeriousViolations(expect, page, `${what} at 360 px`, { rules: PHONE_RULES });
}

/** Opens `pathname` in `lng`, lets `prepare` bring it to the state to check, and checks it. */
async function check(expect: Expect, context: BrowserContext, pathname: string, lng: Lng, what: string, prepare?: (page: Page) => Promise<void>) {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  try {
    const response = await page.goto(urlIn(pathname, lng));
    expect(response?.status(), `${pathname} answers`).toBeLessThan(400);
    expect(await page.getAttribute("html", "lang")).toBe(lng);
    expect(await page.getAttribute("html", "dir")).toBe(lng === "ar" ? "rtl" : "ltr");
    if (!noScript.has(context)) await waitForHydration(page);
    await prepare?.(page);
    await expectNoSeriousViolations(expect, page, `${what} [${lng}]`);
  } finally {
    await page.close();
  }
}

// The two languages, and public and organiser pages, run side by side: each test drives its own
// pages, so the browser and the server work while the other waits.
describe.concurrent("WCAG 2.2 AA", () => {
  test.for(LANGUAGES)("public pages in %s", { timeout: 150_000 }, async (lng, { expect }) => {
    const visitor = visitors[lng];
    await check(expect, visitor, "/events", lng, "the catalogue", async (page) => {
      expect(await page.locator(".event-card").count()).toBeGreaterThan(0);
    });

    await check(expect, visitor, `/events/${event.slug}`, lng, "the registration form after validation in the browser", async (page) => {
      await page.locator("form#registration").waitFor();
      expect(await page.locator(".session").count()).toBe(2);
      await expectNoSeriousViolations(expect, page, `the event page [${lng}]`);
      await expectPhoneLayout(expect, page, `the event page [${lng}]`);
      await page.setViewportSize({ width: 1280, height: 900 });
      // Validation arrives when the reader starts the form: leave the name empty, and once it is
      // flagged the browser checks the rest too.
      await page.locator("form#registration input[name=name]").focus();
      await page.keyboard.press("Tab");
      await page.locator("form#registration input[name=name][aria-invalid=true]").waitFor();
      await page.locator("form#registration button[type=submit]").click();
      await page.locator(".error-summary").waitFor();
      // Validated in the browser: no page load happened.
      expect(new URL(page.url()).pathname).toBe(`/events/${event.slug}`);
      expect(await page.locator("form#registration [aria-invalid=true]").count()).toBeGreaterThan(2);
    });

    await check(expect, serverOnly[lng], `/events/${event.slug}`, lng, "the registration form after a failed submission without JavaScript", async (page) => {
      expect(await page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith("__reactFiber"))), "React never ran").toBe(false);
      await page.locator("form#registration input[name=email]").fill("not-an-email");
      await Promise.all([page.waitForURL(/\/register/), page.locator("form#registration button[type=submit]").click()]);
      await page.locator(".error-summary").waitFor();
      expect(await page.locator("form#registration [aria-invalid=true]").count()).toBeGreaterThan(2);
    });

    await check(expect, visitor, `/manage/${manageToken}`, lng, "the manage page", async (page) => {
      expect(await page.locator(".manage-summary").count()).toBe(1);
    });

    await check(expect, visitor, `/recordings/${recording.id}`, lng, "the replay page", async (page) => {
      await page.locator("#replay-autoscroll").waitFor();
      expect(await page.locator(".transcript-cue").count()).toBeGreaterThan(10);
      expect(await page.locator(".replay-chapters li").count()).toBeGreaterThan(2);
      expect(await page.locator("audio").count()).toBe(1);
      await expectPhoneLayout(expect, page, `the replay page [${lng}]`);
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    await check(expect, visitor, "/settings", lng, "the settings page (time zone, light version)", async (page) => {
      expect(await page.locator("input[type=radio][name=light]").count()).toBe(2);
    });

    await check(expect, visitor, "/admin/login", lng, "the sign-in page", async (page) => {
      expect(await page.locator("input[type=password]").count()).toBe(1);
    });
  });

  test.for(LANGUAGES)("organiser pages in %s", { timeout: 150_000 }, async (lng, { expect }) => {
    const organiser = organisers[lng];
    await check(expect, organiser, "/admin/events/new", lng, "the new-event form with its errors", async (page) => {
      expect(await page.locator("form.admin-form").count()).toBeGreaterThan(0);
      await expectNoSeriousViolations(expect, page, `the new-event form [${lng}]`);
      await page.locator("form.admin-form button[type=submit][value=save]").click();
      // The summary of errors takes focus, so it is read out and Tab goes on to its links.
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
      expect(await page.locator(".error-summary a").count()).toBeGreaterThan(0);
    });
    await check(expect, organiser, `/admin/events/${event.id}`, lng, "the event edit page", async (page) => {
      expect(await page.locator("form.admin-form").count()).toBeGreaterThan(0);
    });
    await check(expect, organiser, `/admin/events/${event.id}/sessions/new`, lng, "the new-session form and scheduling assistant", async (page) => {
      expect(await page.locator("form.admin-form").count()).toBeGreaterThan(0);
    });
    await check(expect, organiser, `/admin/events/${recording.eventId}/recordings`, lng, "an event's recordings", async (page) => {
      expect(await page.locator("main form").count()).toBeGreaterThan(0);
    });
    await check(expect, organiser, `/admin/events/${event.id}/sessions/${event.sessions[0]!.id}/registrations`, lng, "a session's registrations", async (page) => {
      expect(await page.getByText("Ravi Kumar").count()).toBeGreaterThan(0);
    });
  });
});
