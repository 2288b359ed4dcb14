// Organiser pages (and /search) in Chromium with JavaScript on. First, pages that rendered on the
// server but broke once the browser ran them: their components read values from *.server modules,
// which the browser build replaces with empty stubs ("reading 'map'" on /admin/outbox, "Recordings
// NaN–NaN" on /search); each is checked after hydration, the moment those failures appeared.
// Then the organiser's actions that must ask before they email people.
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { launchBrowser } from "./browser.ts";
import { createOpenEvent, createOrganiserAccount, createRegistration, signInContext } from "./fixtures.ts";
import { startServer, type RunningServer } from "./server.ts";

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let db: PrismaClient;
let event: Awaited<ReturnType<typeof createOpenEvent>>;
const email = `admin-${randomUUID()}@example.org`;
const password = "a long hydration password";

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const { createPrismaClient } = await import("../../app/utils/db.server.ts");
  db = createPrismaClient(`file:${server.databaseFile}`);
  await createOrganiserAccount(db, email, password);
  event = await createOpenEvent(db, "hydration");
  await createRegistration(db, event.sessions[0]!.id);
  context = await browser.newContext({ baseURL: server.url, locale: "en-GB", timezoneId: "Europe/London" });
  await signInContext(context, server.url, email, password);
}, 120_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await db?.$disconnect();
  await server?.stop();
});

/** Opens a page, waits until the browser has run it, and collects what went wrong on the way. */
async function openHydrated(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(url);
  // Remix's client entry sets __remixRouteModules; once the route's module is in it and the
  // network is quiet, React has hydrated (or thrown into the error boundary).
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => Object.keys((window as unknown as { __remixRouteModules?: object }).__remixRouteModules ?? {}).length > 1);
  return { page, errors };
}

async function expectNoErrorBoundary(page: Page, errors: string[]) {
  await expect(page.getByText("Something went wrong").count()).resolves.toBe(0);
  expect(errors).toEqual([]);
}

it("shows the message form to a session's registrants once the page has hydrated", async () => {
  const { page, errors } = await openHydrated(`/admin/events/${event.id}/sessions/${event.sessions[0]!.id}/message`);
  await expectNoErrorBoundary(page, errors);
  await expect(page.getByRole("radio").count()).resolves.toBe(4);
  await expect(page.getByLabel(/^Everyone registered/).isChecked()).resolves.toBe(true);
  await page.close();
}, 60_000);

it("shows the outbox with its status counts and filters once the page has hydrated", async () => {
  const { page, errors } = await openHydrated("/admin/outbox");
  await expectNoErrorBoundary(page, errors);
  await page.getByRole("heading", { level: 1, name: "Email outbox" }).waitFor();
  await expect(page.getByLabel("Kind").locator("option").count()).resolves.toBeGreaterThan(5);
  await page.close();
}, 60_000);

it("shows the organiser accounts with their roles once the page has hydrated", async () => {
  const { page, errors } = await openHydrated("/admin/users");
  await expectNoErrorBoundary(page, errors);
  await page.getByRole("cell", { name: email, exact: true }).waitFor();
  await expect(page.getByLabel("Role", { exact: true }).locator("option").allTextContents()).resolves.toHaveLength(2);
  await page.close();
}, 60_000);

it("counts the recordings found by a search with numbers, not NaN, once the page has hydrated", async () => {
  const cue = await db.transcriptCue.findFirstOrThrow({
    where: { transcript: { languageCode: "en", recording: { status: "published", event: { status: "published" } } } },
    select: { text: true },
  });
  const word = cue.text.split(/\s+/).map((w) => w.replace(/[^\p{L}]/gu, "")).find((w) => w.length >= 5)!;
  const { page, errors } = await openHydrated(`/search?q=${encodeURIComponent(word)}`);
  await expectNoErrorBoundary(page, errors);
  const count = page.locator("#search-recordings ~ .result-count, section[aria-labelledby=search-recordings] .result-count").first();
  await expect(count.textContent()).resolves.toMatch(/^Recordings 1–\d+, best match first$/);
  await page.close();
}, 60_000);

it("asks before cancelling an event, says how many people will be emailed, and cancels only when confirmed", async () => {
  const target = await createOpenEvent(db, "cancel-js");
  await Promise.all([createRegistration(db, target.sessions[0]!.id, "Amina Hassan"), createRegistration(db, target.sessions[1]!.id, "Tomás Pérez")]);
  const { page, errors } = await openHydrated(`/admin/events/${target.id}`);
  await page.getByLabel("Note to registrants").fill("The trainer is ill.");
  await page.getByRole("button", { name: "Cancel event" }).click();
  const question = page.getByRole("alert").filter({ hasText: "Cancel this event?" });
  await question.getByText("2 registered people will be emailed that it is cancelled.").waitFor();
  expect((await db.event.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("published");
  expect(await db.outboxMessage.count({ where: { kind: "session-cancelled" } })).toBe(0);
  await expect(page.getByLabel("Note to registrants").inputValue()).resolves.toBe("The trainer is ill.");

  // Changing one's mind leaves everything as it was.
  await page.getByRole("link", { name: "No, keep the event" }).click();
  await page.getByRole("button", { name: "Cancel event" }).waitFor();
  expect((await db.event.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("published");

  await page.getByLabel("Note to registrants").fill("The trainer is ill.");
  await page.getByRole("button", { name: "Cancel event" }).click();
  await page.getByRole("button", { name: "Yes, cancel the event" }).click();
  await page.getByRole("status").getByText("The event is cancelled; registrants are being told.").waitFor();
  expect(await db.event.findUniqueOrThrow({ where: { id: target.id }, select: { status: true, cancellationNote: true } })).toEqual({ status: "cancelled", cancellationNote: "The trainer is ill." });
  expect(await db.outboxMessage.count({ where: { kind: "session-cancelled" } })).toBe(2);
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

it("shows the audit log by name once the page has hydrated", async () => {
  const { page, errors } = await openHydrated("/admin/audit");
  await expectNoErrorBoundary(page, errors);
  // The event cancelled above, named by its title and its organiser by address.
  const row = page.getByRole("row").filter({ hasText: "Cancelled · event: Case management in displacement settings" }).first();
  await expect(row.textContent()).resolves.toContain(email);
  await page.close();
}, 60_000);
