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

it("finds a phrase with the search page and lands on its moment in the recording", async () => {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const phrase = cue.text.split(/\s+/).slice(0, 4).join(" ").replace(/[^\p{L}\p{N}\s'’-]/gu, "");
  await page.goto(`${server.url}/search`);
  await page.getByLabel("Search transcripts and events").fill(`"${phrase}"`);
  await page.getByRole("button", { name: "Search" }).click();
  const seconds = Math.floor(cue.startMs / 1000);
  const hit = page.locator(`a.search-hit[href^="/recordings/${recordingId}?t=${seconds}#cue-"]`).first();
  await expect.poll(() => hit.count()).toBeGreaterThan(0);
  await expect.poll(() => hit.locator("mark").allTextContents()).not.toEqual([]);
  await hit.click();
  await page.waitForURL(new RegExp(`/recordings/${recordingId}\\?t=${seconds}#cue-\\d+$`));
  await page.waitForFunction((s) => {
    const audio = document.querySelector("audio");
    return !!audio && audio.readyState >= 1 && Math.abs(audio.currentTime - s) <= 1;
  }, seconds);
  await expect.poll(() => page.locator(".transcript-cue.is-current .cue-text").textContent()).toBe(cue.text);
  await page.close();
}, 60_000);

it("loads a YouTube player only when asked, and moves it to the cue a learner clicks", async () => {
  // YouTube cannot be reached from here: a stand-in answers for youtube-nocookie.com with the
  // part of YouTube's player protocol the page uses (postMessage commands and infoDelivery).
  const embedded = await db.recording.create({
    data: {
      eventId: (await db.recording.findUniqueOrThrow({ where: { id: recordingId }, select: { eventId: true } })).eventId,
      kind: "embed",
      title: "Stand-in YouTube talk",
      mediaUrl: "https://youtu.be/dQw4w9WgXcQ",
      embedProvider: "youtube",
      embedId: "dQw4w9WgXcQ",
      languageCode: "en",
      status: "published",
      publishedAt: new Date(),
      transcripts: {
        create: [
          {
            languageCode: "en",
            cues: {
              create: [
                { position: 0, startMs: 0, endMs: 30_000, text: "Opening words of the embedded talk." },
                { position: 1, startMs: 30_000, endMs: 60_000, text: "Case management in the first weeks." },
                { position: 2, startMs: 60_000, endMs: 90_000, text: "Questions from the audience." },
              ],
            },
          },
        ],
      },
    },
    select: { id: true },
  });
  const standIn = `<!doctype html><script>
    let time = Number(new URLSearchParams(location.search).get("start") || 0);
    window.commands = [];
    const tell = () => parent.postMessage(JSON.stringify({ event: "infoDelivery", info: { currentTime: time, playerState: 1 } }), "*");
    addEventListener("message", (e) => {
      const m = JSON.parse(e.data);
      window.commands.push(m);
      if (m.func === "seekTo") time = m.args[0];
      if (m.event === "listening") time = 35; // as if the learner had played 35 seconds
      tell();
    });
  </script>`;
  const providerRequests: string[] = [];
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.route("https://www.youtube-nocookie.com/**", (route) => {
    providerRequests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/html", body: standIn });
  });
  await page.goto(`${server.url}/recordings/${embedded.id}`);
  await page.getByRole("link", { name: "Load the YouTube player" }).waitFor();
  expect(await page.locator("iframe").count()).toBe(0);
  expect(providerRequests).toEqual([]);

  await page.getByRole("link", { name: "Load the YouTube player" }).click();
  const frame = page.frameLocator('iframe[title="Stand-in YouTube talk (YouTube player)"]');
  await frame.locator("script").first().waitFor({ state: "attached" });
  expect(providerRequests).toHaveLength(1);
  expect(new URL(providerRequests[0]!).searchParams.get("enablejsapi")).toBe("1");
  // Hydrated: the transcript can follow the player.
  await page.getByLabel("Follow the recording in the transcript").waitFor();

  // The player's own report of its time is what moves the highlight.
  await expect.poll(() => page.locator(".transcript-cue.is-current .cue-text").textContent(), { timeout: 15_000 }).toBe("Case management in the first weeks.");

  await page.getByText("Questions from the audience.", { exact: true }).click();
  const playerFrame = page.frames().find((f) => f.url().startsWith("https://www.youtube-nocookie.com/"))!;
  await expect.poll(() => playerFrame.evaluate(() => (window as unknown as { commands: { func?: string; args?: unknown[] }[] }).commands.find((c) => c.func === "seekTo")?.args), { timeout: 15_000 }).toEqual([60, true]);
  await expect.poll(() => page.locator(".transcript-cue.is-current .cue-text").textContent(), { timeout: 15_000 }).toBe("Questions from the audience.");
  expect(await page.locator(".transcript-cue.is-current").count()).toBe(1);
  await page.close();

  // Before the player is loaded, a cue click loads it at that cue.
  const second = await context.newPage();
  second.setDefaultTimeout(30_000);
  await second.route("https://www.youtube-nocookie.com/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: standIn }));
  await second.goto(`${server.url}/recordings/${embedded.id}`);
  await second.getByRole("link", { name: "Load the YouTube player" }).waitFor();
  // Hydrated: React has claimed the transcript.
  await second.waitForFunction(() => {
    const list = document.querySelector(".transcript-cues");
    return !!list && Object.keys(list).some((key) => key.startsWith("__reactFiber"));
  });
  await second.getByText("Questions from the audience.", { exact: true }).click();
  const src = await second.locator("iframe").getAttribute("src", { timeout: 15_000 });
  expect(new URL(src!).searchParams.get("start")).toBe("60");
  // The stand-in then reports 35 s: the highlight moves there, and only one cue is current.
  await expect.poll(() => second.locator(".transcript-cue.is-current .cue-text").allTextContents(), { timeout: 15_000 }).toEqual(["Case management in the first weeks."]);
  await second.close();
}, 60_000);

it("does not fetch a long transcript again when a first visit detects the time zone", async () => {
  // A fresh visitor: no tz cookie yet, so the page learns the zone and revalidates.
  const fresh = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Dhaka" });
  try {
    const page = await fresh.newPage();
    const dataRequests: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.endsWith(".data")) dataRequests.push(request.url());
    });
    await page.goto(`${server.url}/recordings/${recordingId}`);
    await expect.poll(async () => (await fresh.cookies()).find((c) => c.name === "tz")?.value, { timeout: 15_000 }).toBe("Asia%2FDhaka");
    await expect.poll(() => dataRequests.length, { timeout: 15_000 }).toBeGreaterThan(0);
    await page.waitForLoadState("networkidle");
    // Only the root's data (the viewer's zone) is asked for, never the transcript's route again.
    for (const url of dataRequests) expect(new URL(url).searchParams.get("_routes"), url).toBe("root");
  } finally {
    await fresh.close();
  }
}, 60_000);
