// A learner replays a recording in Chromium: clicking a transcript cue moves the player to that
// cue, and a link to a moment (?t=120) opens the player there. The demo ships no media, so this
// file writes a quiet WAV tone into the server's upload directory and points one seeded
// recording at it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { createPrismaClient } from "../../app/utils/db.server.ts";
import { hashManageToken, manageTokenFor } from "../../app/utils/manage-token.server.ts";
import { launchBrowser } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";

const UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "replay-e2e-"));
let server: RunningServer;
let browser: Browser;
let db: PrismaClient;
let context: BrowserContext;
let recordingId = "";
let cue: { startMs: number; text: string };

/** 8 kHz mono 8-bit PCM: a soft 440 Hz tone, about 8 KB a second. */
function wavTone(seconds: number): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + samples, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28); // bytes per second
  header.writeUInt16LE(1, 32); // block align
  header.writeUInt16LE(8, 34); // bits per sample
  header.write("data", 36, "ascii");
  header.writeUInt32LE(samples, 40);
  const data = Buffer.alloc(samples);
  for (let i = 0; i < samples; i++) data[i] = 128 + Math.round(6 * Math.sin((2 * Math.PI * 440 * i) / rate));
  return Buffer.concat([header, data]);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ env: { UPLOAD_DIR } }), launchBrowser()]);
  db = createPrismaClient(`file:${server.databaseFile}`);
  const recording = await db.recording.findFirstOrThrow({
    where: { status: "published", chapters: { not: "[]" }, transcripts: { some: { languageCode: "en" } } },
    orderBy: { publishedAt: "desc" },
    select: { id: true, durationSeconds: true },
  });
  recordingId = recording.id;
  const cues = await db.transcriptCue.findMany({
    where: { transcript: { recordingId, languageCode: "en" } },
    orderBy: { position: "asc" },
    select: { startMs: true, endMs: true, text: true },
  });
  const lastEnd = Math.ceil((cues.at(-1)?.endMs ?? 0) / 1000);
  writeFileSync(path.join(UPLOAD_DIR, "tone.wav"), wavTone(Math.max(300, lastEnd + 5)));
  await db.recording.update({ where: { id: recordingId }, data: { kind: "audio", mimeType: "audio/wav", filePath: "tone.wav" } });
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
  const registrationId = `reg-e2e-replay-${Date.now()}`;
  await db.registration.create({
    data: {
      id: registrationId,
      sessionId: session.id,
      name: "Learner",
      email: `${registrationId}@example.org`,
      emailNormalized: `${registrationId}@example.org`,
      timeZone: "Asia/Dhaka",
      locale: "en",
      status: "confirmed",
      // Both this process and the server derive tokens from the same default SESSION_SECRET.
      manageTokenHash: hashManageToken(manageTokenFor(registrationId)),
    },
  });
  const page = await openPage(`?r=${manageTokenFor(registrationId)}`);
  await page.getByText(cue.text, { exact: true }).click();
  await page.waitForFunction((s) => (document.querySelector("audio")?.currentTime ?? 0) > s + 1, cue.startMs / 1000);
  // Pausing reports progress at once, without waiting for the next 15 seconds.
  await page.evaluate(() => document.querySelector("audio")?.pause());
  await expect
    .poll(async () => (await db.replayView.findFirst({ where: { registrationId, recordingId }, select: { secondsWatched: true } }))?.secondsWatched ?? 0, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(Math.floor(cue.startMs / 1000));
  await page.close();
}, 60_000);
