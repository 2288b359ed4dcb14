// An organiser in Chromium against the built server: signs in, creates an event, adds one session
// in New York time and one in Bangkok time (looking at the scheduling assistant on the way),
// publishes it and finds it in the public catalogue with both sessions' times.
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { launchBrowser } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let db: PrismaClient;
const email = `organiser-${randomUUID()}@example.org`;
const password = "a long organiser password";

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const [{ createPrismaClient }, { hashPassword }] = await Promise.all([
    import("../../app/utils/db.server.ts"),
    import("../../app/organisers/organisers.server.ts"),
  ]);
  db = createPrismaClient(`file:${server.databaseFile}`);
  await db.organiser.create({ data: { email, passwordHash: await hashPassword(password), role: "organiser", timeZone: "Europe/London" } });
  context = await browser.newContext({ baseURL: server.url, timezoneId: "Europe/London", locale: "en-GB" });
}, 120_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await db?.$disconnect();
  await server?.stop();
});

/** A date about a month ahead, "YYYY-MM-DD". */
function dateAhead(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function addSession(page: Page, s: { title: string; date: string; time: string; zone: string }) {
  await page.getByRole("link", { name: "Add a session" }).click();
  await page.getByRole("heading", { level: 1, name: /New session of/ }).waitFor();
  const form = page.locator("form.admin-form");
  await form.getByLabel("Session title").fill(s.title);
  await form.getByLabel("Session date").fill(s.date);
  await form.getByLabel("Start time").fill(s.time);
  await form.getByLabel("Session length (minutes)").fill("60");
  await form.getByLabel("Time zone the date and time are in").selectOption(s.zone);
  await form.getByRole("button", { name: "Add session" }).click();
  await page.getByRole("status").getByText("Session added.").waitFor();
}

it("creates, schedules and publishes an event that then appears in the catalogue", async () => {
  const page = await context.newPage();
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Your events" }).waitFor();

  await page.getByRole("link", { name: "New event" }).first().click();
  await page.getByRole("heading", { level: 1, name: "New event" }).waitFor();
  const title = `Case management across time zones ${randomUUID().slice(0, 6)}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Summary", { exact: true }).fill("Two sessions: one for the Americas, one for Asia.");
  await page.getByLabel("Description (Markdown)").fill("**Bring** a case you are working on.");
  await page.getByRole("button", { name: "Preview" }).click();
  await page.locator(".preview strong", { hasText: "Bring" }).waitFor();
  for (const city of ["New York", "Nairobi", "Bangkok"]) await page.getByLabel(city, { exact: true }).check();
  await page.getByRole("button", { name: "Create event" }).click();
  await page.getByRole("heading", { level: 1, name: `Edit “${title}”` }).waitFor();

  const date = dateAhead(30);
  await addSession(page, { title: "Americas session", date, time: "09:00", zone: "America/New_York" });
  await page.getByRole("link", { name: "Add a session" }).click();
  // The scheduling assistant sits beside the session form.
  await page.getByRole("heading", { name: "Scheduling assistant" }).waitFor();
  await page.goBack();
  await addSession(page, { title: "Asia session", date, time: "19:00", zone: "Asia/Bangkok" });
  await page.getByRole("link", { name: "Americas session" }).waitFor();
  await page.getByRole("link", { name: "Asia session" }).waitFor();

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByRole("status").getByText("The event is published.").waitFor();

  await page.goto("/events");
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  const lines = await page.locator(".reference-line").allInnerTexts();
  expect(lines.some((line) => /09:00\s+New York/.test(line))).toBe(true);
  expect(lines.some((line) => /19:00\s+Bangkok/.test(line))).toBe(true);

  const sessions = await db.session.findMany({ where: { event: { title } }, orderBy: { startsAt: "asc" } });
  // 19:00 in Bangkok is 12:00 UTC, before 09:00 in New York (13:00 or 14:00 UTC) on the same date.
  expect(sessions.map((s) => s.timeZone)).toEqual(["Asia/Bangkok", "America/New_York"]);
}, 120_000);
