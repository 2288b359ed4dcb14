// A learner replays a recording in Chromium: clicking a transcript cue moves the player to that
// cue, and a link to a moment (?t=120) opens the player there. The demo ships no media, so a
// quiet WAV tone is written into the server's upload directory (tests/e2e/fixtures.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { createPrismaClient } from "../../app/utils/db.server.ts";
import { launchBrowser } from "./browser.ts";
import { createRegistration, makeRecordingPlayable } from "./fixtures.ts";
import { startServer, type RunningServer } from "./server.ts";

const UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "replay-e2e-"));
let server: RunningServer;
let browser: Browser;
let db: PrismaClient;
let context: BrowserContext;
let recordingId = "";
let cue: { startMs: number; text: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ env: { UPLOAD_DIR } }), launchBrowser()]);
  db = createPrismaClient(`file:${server.databaseFile}`);
  const recording = await makeRecordingPlayable(db, UPLOAD_DIR);
  recordingId = recording.id;
  const cues = recording.cues;
  // A cue well into the recording, with words found only once on the page.
  cue = cues.find((c, i) => c.startMs > 60_000 && c.text.length > 20 && cues.findIndex((o) => o.text === c.text) === i) ?? cues[Math.floor(cues.length / 2)]!;
  context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
}, 120_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await db?.$disconnect();
  await server?.stop();
  rmSync(UPLOAD_DIR, { recursive: true, force: true });
});

async function openPage(search = ""): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${server.url}/recordings/${recordingId}${search}`);
  // The page is interactive once React has hydrated the auto-scroll switch.
  await page.getByLabel("Follow the recording in the transcript").waitFor();
  return page;
}

const currentTime = (page: Page) => page.evaluate(() => document.querySelector("audio")?.currentTime ?? -1);

it("moves the player to a transcript cue when the learner clicks it", async () => {
  const page = await openPage();
  expect(await page.evaluate(() => document.querySelector("audio")?.preload)).toBe("none");
  await page.getByText(cue.text, { exact: true }).click();
  const start = cue.startMs / 1000;
  await page.waitForFunction((s) => Math.abs((document.querySelector("audio")?.currentTime ?? -99) - s) <= 1, start);
  expect(Math.abs((await currentTime(page)) - start)).toBeLessThanOrEqual(1);
  await expect.poll(() => page.locator(".transcript-cue.is-current .cue-text").textContent()).toBe(cue.text);
  await page.close();
}, 60_000);

it("opens a link to a moment (?t=120) at that moment", async () => {
  const page = await openPage("?t=120");
  await page.waitForFunction(() => {
    const audio = document.querySelector("audio");
    return !!audio && audio.readyState >= 1 && Math.abs(audio.currentTime - 120) <= 1;
  });
  expect(Math.abs((await currentTime(page)) - 120)).toBeLessThanOrEqual(1);
  await page.close();
}, 60_000);

it("keeps a learning record when the replay was opened from a manage link", async () => {
  const session = await db.session.findFirstOrThrow({ select: { id: true } });
  const { id: registrationId, token } = await createRegistration(db, session.id, "Learner");
  const page = await openPage(`?r=${token}`);
  await page.getByText(cue.text, { exact: true }).click();
  await page.waitForFunction((s) => (document.querySelector("audio")?.currentTime ?? 0) > s + 1, cue.startMs / 1000);
  // Pausing reports progress at once, without waiting for the next 15 seconds.
  await page.evaluate(() => document.querySelector("audio")?.pause());
  await expect
    .poll(async () => (await db.replayView.findFirst({ where: { registrationId, recordingId }, select: { secondsWatched: true } }))?.secondsWatched ?? 0, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(Math.floor(cue.startMs / 1000));
  await page.close();
}, 60_000);
