// A first visit on a slow connection, in Chromium against the built server: the event page brings
// the reader's own language and nothing else (no English beside French or Arabic, no organiser
// strings), and the registration form's validation arrives only when the reader starts the form,
// checking the fields they already left.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import ar from "../../app/locales/ar.ts";
import fr from "../../app/locales/fr.ts";
import { launchBrowser } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DAY = 86_400_000;
let server: RunningServer;
let browser: Browser;
let db: PrismaClient;
let slug: string;

/** The URL path of the chunk built from a source file, from esbuild's metafile. */
function chunkOf(source: string): string {
  const { outputs } = JSON.parse(readFileSync(path.join(ROOT, "build/metafile.js.json"), "utf8")) as {
    outputs: Record<string, { entryPoint?: string }>;
  };
  const file = Object.keys(outputs).find((f) => f.endsWith(".js") && outputs[f]!.entryPoint === source);
  if (!file) throw new Error(`No chunk for ${source}`);
  return `/${path.relative(path.join(ROOT, "public"), path.join(ROOT, file))}`;
}

const LOCALES = ["en", "fr", "es", "ar", "pl"] as const;
const chunks = () => ({
  publicStrings: Object.fromEntries(LOCALES.map((l) => [l, chunkOf(`app/locales/${l}.ts`)])),
  adminStrings: LOCALES.map((l) => chunkOf(`app/locales/admin/${l}.ts`)),
  validation: chunkOf("app/registration/registration-validation.ts"),
});

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const { createPrismaClient } = await import("../../app/utils/db.server.ts");
  db = createPrismaClient(`file:${server.databaseFile}`);
  const now = Date.now();
  const event = await db.event.create({
    data: {
      slug: `low-bandwidth-${now}`,
      type: "webinar",
      status: "published",
      title: "Low-bandwidth first visit",
      summary: "A webinar with one session.",
      primaryLanguageCode: "en",
      timeZone: "Africa/Nairobi",
      capacity: 30,
      sessions: { create: [{ startsAt: new Date(now + 5 * DAY), endsAt: new Date(now + 5 * DAY + 3_600_000), timeZone: "Africa/Nairobi", languageCode: "en" }] },
    },
  });
  slug = event.slug;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
  await server?.stop();
});

/** Opens a page in a fresh context and records the path of every request it makes. */
async function visit(locale: string, url: string) {
  const context = await browser.newContext({ locale, timezoneId: "Africa/Nairobi" });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const requested: string[] = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  return { context, page, requested, go: () => page.goto(`${server.url}${url}`, { waitUntil: "networkidle" }) };
}

/** Follows a link as a hydrated page does: React renders the next page, no document request. */
async function navigateInApp(page: Page, link: string, heading: string) {
  const documents: string[] = [];
  page.on("request", (request) => request.resourceType() === "document" && documents.push(request.url()));
  await page.getByRole("link", { name: link }).first().click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  expect(documents, "navigated without reloading the page").toEqual([]);
}

describe("the event page on a first visit", () => {
  it("downloads validation only once the reader starts the form, and checks the field they left while it came", async () => {
    const { context, page, requested, go } = await visit("en-GB", `/events/${slug}`);
    const { publicStrings, adminStrings, validation } = chunks();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**${validation}`, async (route: Route) => {
      await held;
      await route.continue();
    });
    await go();
    expect(requested).toContain(publicStrings.en);
    expect(requested.filter((p) => Object.values(publicStrings).includes(p) && p !== publicStrings.en)).toEqual([]);
    expect(requested.filter((p) => adminStrings.includes(p))).toEqual([]);
    expect(requested, "no validation before the form is touched").not.toContain(validation);

    const form = page.locator("form#registration");
    await form.getByLabel("Email").fill("not-an-email");
    await form.getByLabel("Name").click();
    await expect.poll(() => requested.includes(validation)).toBe(true);
    const message = form.getByText("Enter an email address in the form name@example.org.");
    expect(await message.count(), "nothing to report while validation is on its way").toBe(0);
    release();
    await message.waitFor();
    expect(await form.getByLabel("Email").getAttribute("aria-invalid")).toBe("true");
    await context.close();
  }, 60_000);

  it.each([
    ["fr-FR", "fr", fr.catalogue.title, "ltr"],
    ["ar-JO", "ar", ar.catalogue.title, "rtl"],
  ] as const)("for a %s reader brings only that language's strings and still runs", async (browserLocale, locale, catalogueTitle, dir) => {
    const { context, page, requested, go } = await visit(browserLocale, `/events/${slug}`);
    const { publicStrings, adminStrings } = chunks();
    await go();
    expect(await page.locator("html").getAttribute("lang")).toBe(locale);
    expect(requested).toContain(publicStrings[locale]);
    expect(requested, "no English fallback").not.toContain(publicStrings.en);
    expect(requested.filter((p) => adminStrings.includes(p))).toEqual([]);
    // Rendered in the browser from the strings it downloaded, not from the server's HTML.
    await navigateInApp(page, (locale === "fr" ? fr : ar).event.backToCatalogue, catalogueTitle);
    expect(await page.locator("html").getAttribute("dir")).toBe(dir);
    await context.close();
  }, 60_000);
});
