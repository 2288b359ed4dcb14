// The replay page of a two-hour recording: 1,500 transcript cues, 12 chapters, a captions track.
// What a learner on a slow connection pays for it, against a yardstick measured in the same run:
// the same 1,500 cues as a bare HTML list (no framework, no script), served by node:http.
//
// - bytes: the page's first visit in Chromium (HTML, CSS, JS, compressed, DevTools' transfer
//   sizes) with and without JavaScript, against the bare list and the transcript's own WebVTT
//   download, both compressed as the app compresses pages (brotli, quality 4);
// - server time: median and p95 of the page rendered with the page cache defeated (?x=<n>),
//   against the app's WebVTT download of the same cues (same rows, no React);
// - browser time: navigation start → load event with JavaScript off, and → hydrated (the
//   transcript's "follow" switch appears) with it on, against the bare list's load event.
import { createServer, type Server } from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { chromium } from "playwright-core";
import { PrismaClient } from "../app/generated/prisma/client.ts";
import { migrateDatabase } from "../app/utils/migrate.server.ts";
import { seedDemoCatalogue } from "../prisma/seed/catalogue.ts";
import { measurePageWeight } from "./page-weight.ts";
import type { ServerControl } from "./registration.ts";
import { fmt, printTable, ratio, type Row } from "./table.ts";
import { mulberry32 } from "./random.ts";

export const REPLAY = { cues: 1500, hours: 2, chapters: 12, serverRounds: 40, browserRounds: 5 };

export type ReplayBenchResult = {
  cues: number;
  bytes: {
    pageWithJs: { html: number; css: number; js: number; total: number };
    pageWithoutJs: { html: number; css: number; total: number };
    /** The bare list and the WebVTT file, compressed as the app compresses pages. */
    bareList: number;
    vtt: number;
  };
  serverMs: { page: { median: number; p95: number }; vtt: { median: number; p95: number } };
  browserMs: { pageLoadNoJs: number; pageHydrated: number; bareLoad: number };
  seconds: number;
};

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

const WORDS = `the and to of a in that is we for it with on this are children be as at have they can or from
  child protection case management community families caregivers support staff response humanitarian
  standard services safe risk education school teachers learning wellbeing mental health psychosocial
  referral assessment partners coordination camp displacement refugees violence reunification tracing
  alternative care monitoring data training supervision volunteers girls boys adolescents parents`.split(/\s+/).filter(Boolean);

type Cue = { startMs: number; endMs: number; speaker: string | null; text: string };

/** 1,500 cues over two hours, sentences of 8–24 words, three speakers taking turns. */
function syntheticCues(): Cue[] {
  const random = mulberry32(20261205);
  const span = (REPLAY.hours * 3600_000) / REPLAY.cues;
  const speakers = ["Amara Okafor", "Lena Fischer", "Tomás Álvarez"];
  let speaker = 0;
  return Array.from({ length: REPLAY.cues }, (_, i) => {
    if (random() < 0.08) speaker = (speaker + 1) % speakers.length;
    const n = 8 + Math.floor(random() * 17);
    const words = Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]!);
    const text = `${words[0]![0]!.toUpperCase()}${words.join(" ").slice(1)}.`;
    return { startMs: Math.round(i * span), endMs: Math.round((i + 1) * span - 200), speaker: speakers[speaker]!, text };
  });
}

async function buildReplayDatabase(dbPath: string, cues: Cue[]): Promise<string> {
  migrateDatabase(dbPath, { log: () => {} });
  const prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${dbPath}`, timeout: 5000 }) });
  try {
    await seedDemoCatalogue(prisma);
  } finally {
    await prisma.$disconnect();
  }
  const db = new Database(dbPath);
  try {
    const event = db.prepare(`SELECT "id" FROM "Event" WHERE "status" = 'published' LIMIT 1`).get() as { id: string };
    const now = new Date().toISOString().replace("Z", "+00:00");
    const chapters = Array.from({ length: REPLAY.chapters }, (_, i) => ({ title: `Part ${i + 1}: ${WORDS.slice(40 + i, 44 + i).join(" ")}`, startSeconds: i * 600 }));
    db.transaction(() => {
      // An audio file elsewhere: preload="none" means the page fetches none of it.
      db.prepare(`INSERT INTO "Recording" ("id", "eventId", "kind", "title", "mediaUrl", "mimeType", "languageCode", "durationSeconds", "chapters", "status", "publishedAt", "updatedAt")
        VALUES ('bench-replay', ?, 'audio', 'Two hours on case management', 'https://media.invalid/two-hours.mp3', 'audio/mpeg', 'en', ?, ?, 'published', ?, ?)`)
        .run(event.id, REPLAY.hours * 3600, JSON.stringify(chapters), now, now);
      db.prepare(`INSERT INTO "Transcript" ("id", "recordingId", "languageCode") VALUES ('bench-replay-en', 'bench-replay', 'en')`).run();
      const insert = db.prepare(`INSERT INTO "TranscriptCue" ("id", "transcriptId", "position", "startMs", "endMs", "speaker", "text") VALUES (?, 'bench-replay-en', ?, ?, ?, ?, ?)`);
      cues.forEach((cue, i) => insert.run(`bench-cue-${i}`, i, cue.startMs, cue.endMs, cue.speaker, cue.text));
    })();
  } finally {
    db.close();
  }
  return "bench-replay";
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The yardstick: the cues as a plain HTML list, what any server could send with no framework. */
function bareListHtml(cues: Cue[]): string {
  const clock = (ms: number) => {
    const s = Math.floor(ms / 1000);
    return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
  };
  const items = cues.map((c, i) => `<li id="cue-${i + 1}"><a href="?t=${Math.floor(c.startMs / 1000)}">${clock(c.startMs)}</a> <strong>${escapeHtml(c.speaker ?? "")}:</strong> ${escapeHtml(c.text)}</li>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Transcript</title></head><body><h1>Transcript</h1><ol>${items.join("\n")}</ol></body></html>`;
}

/** Brotli at quality 4: what the app's server uses for every page it sends. */
const brotli = (text: string) => zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } });

function startBareServer(html: string, port: number): Promise<Server> {
  const body = brotli(html);
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Encoding": "br", "Content-Length": body.length });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeGets(url: (i: number) => string, rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const response = await fetch(url(i), { headers: { "accept-encoding": "gzip", cookie: "tz=Europe/London" } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${url(i)}: ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

/** Median over fresh browser contexts of the time from navigation start to `ready`. */
async function browserTimes(urls: { page: string; bare: string }): Promise<ReplayBenchResult["browserMs"]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS, timeout: 30_000 });
  try {
    const samples = { pageLoadNoJs: [] as number[], pageHydrated: [] as number[], bareLoad: [] as number[] };
    const loadTime = () => {
      const [nav] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
      return nav ? nav.loadEventEnd - nav.startTime : Number.NaN;
    };
    for (let round = 0; round < REPLAY.browserRounds; round++) {
      for (const kind of ["bareLoad", "pageLoadNoJs", "pageHydrated"] as const) {
        const context = await browser.newContext({ javaScriptEnabled: kind === "pageHydrated", timezoneId: "Europe/London", locale: "en-GB" });
        try {
          const page = await context.newPage();
          await page.goto(kind === "bareLoad" ? urls.bare : urls.page, { waitUntil: "load", timeout: 60_000 });
          if (kind === "pageHydrated") {
            await page.locator("#replay-autoscroll").waitFor({ timeout: 60_000 });
            samples[kind].push(await page.evaluate(() => performance.now()));
          } else {
            samples[kind].push(await page.evaluate(loadTime));
          }
        } finally {
          await context.close();
        }
      }
    }
    return {
      pageLoadNoJs: percentile(samples.pageLoadNoJs, 50),
      pageHydrated: percentile(samples.pageHydrated, 50),
      bareLoad: percentile(samples.bareLoad, 50),
    };
  } finally {
    await browser.close();
  }
}

export async function benchReplay(control: ServerControl & { dir: string }): Promise<ReplayBenchResult> {
  const { log, dir } = control;
  const started = performance.now();
  log(`replay page: a ${REPLAY.hours}-hour recording with ${REPLAY.cues} transcript cues`);
  const cues = syntheticCues();
  const dbPath = path.join(dir, "replay.db");
  const recordingId = await buildReplayDatabase(dbPath, cues);
  const [appPort, barePort] = [await control.freePort(), await control.freePort()];
  const appOrigin = `http://127.0.0.1:${appPort}`;
  const app = await control.startServer("app (replay)", "server/index.js", {
    DATABASE_URL: `file:${dbPath}`, PORT: String(appPort), HOST: "127.0.0.1", LOG_REQUESTS: "false", SEED_ON_EMPTY: "false", WORKER: "false",
  }, appOrigin);
  const bareHtml = bareListHtml(cues);
  const bare = await startBareServer(bareHtml, barePort);
  try {
    const pageUrl = `${appOrigin}/recordings/${recordingId}`;
    const vttUrl = `${appOrigin}/recordings/${recordingId}/transcript/en.vtt`;
    const vtt = await (await fetch(vttUrl)).text();
    const cueCount = vtt.split("\n").filter((line) => line.includes(" --> ")).length;
    if (cueCount !== REPLAY.cues) throw new Error(`The WebVTT download has ${cueCount} cues, not ${REPLAY.cues}`);
    const html = await (await fetch(pageUrl)).text();
    const listed = (html.match(/class="transcript-cue"/g) ?? []).length;
    if (listed !== REPLAY.cues) throw new Error(`The replay page lists ${listed} cues, not ${REPLAY.cues}`);

    log("  server: page (cache defeated) and WebVTT download, alternating");
    const pageTimes: number[] = [];
    const vttTimes: number[] = [];
    await timeGets((i) => `${pageUrl}?x=warm${i}`, 5);
    await timeGets(() => vttUrl, 5);
    for (let i = 0; i < REPLAY.serverRounds; i += 5) {
      pageTimes.push(...(await timeGets((n) => `${pageUrl}?x=${i + n}`, 5)));
      vttTimes.push(...(await timeGets(() => vttUrl, 5)));
    }

    log("  Chromium: first visit bytes, then load and hydration times");
    const [withJs, withoutJs] = await measurePageWeight(pageUrl, [{ javaScriptEnabled: true }, { javaScriptEnabled: false }]);
    const browserMs = await browserTimes({ page: pageUrl, bare: `http://127.0.0.1:${barePort}/` });
    return {
      cues: REPLAY.cues,
      bytes: {
        pageWithJs: { html: withJs!.bytes.html, css: withJs!.bytes.css, js: withJs!.bytes.js, total: withJs!.bytes.total },
        pageWithoutJs: { html: withoutJs!.bytes.html, css: withoutJs!.bytes.css, total: withoutJs!.bytes.total },
        bareList: brotli(bareHtml).length,
        vtt: brotli(vtt).length,
      },
      serverMs: {
        page: { median: percentile(pageTimes, 50), p95: percentile(pageTimes, 95) },
        vtt: { median: percentile(vttTimes, 50), p95: percentile(vttTimes, 95) },
      },
      browserMs,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await new Promise((resolve) => bare.close(resolve));
    await control.stopServer(app);
  }
}

export function printReplayResult(r: ReplayBenchResult) {
  const kb = (bytes: number) => fmt(bytes / 1024, 1);
  const rows: Row[] = [
    { metric: "HTML, brotli KB (page vs bare list)", app: kb(r.bytes.pageWithoutJs.html), baseline: kb(r.bytes.bareList), ratio: `${fmt(ratio(r.bytes.pageWithoutJs.html, r.bytes.bareList), 2)}×`, target: "", status: "" },
    { metric: "HTML, brotli KB (page vs WebVTT file)", app: kb(r.bytes.pageWithoutJs.html), baseline: kb(r.bytes.vtt), ratio: `${fmt(ratio(r.bytes.pageWithoutJs.html, r.bytes.vtt), 2)}×`, target: "", status: "" },
    { metric: "first visit, JS off: total KB", app: kb(r.bytes.pageWithoutJs.total), baseline: kb(r.bytes.bareList), ratio: `${fmt(ratio(r.bytes.pageWithoutJs.total, r.bytes.bareList), 2)}×`, target: "", status: "" },
    { metric: "first visit, JS on: HTML / CSS / JS KB", app: `${kb(r.bytes.pageWithJs.html)} / ${kb(r.bytes.pageWithJs.css)} / ${kb(r.bytes.pageWithJs.js)}`, baseline: "", ratio: "", target: "", status: "" },
    { metric: "first visit, JS on: total KB", app: kb(r.bytes.pageWithJs.total), baseline: kb(r.bytes.bareList), ratio: `${fmt(ratio(r.bytes.pageWithJs.total, r.bytes.bareList), 2)}×`, target: "", status: "" },
    { metric: "server median ms (page vs WebVTT)", app: fmt(r.serverMs.page.median, 1), baseline: fmt(r.serverMs.vtt.median, 1), ratio: `${fmt(ratio(r.serverMs.page.median, r.serverMs.vtt.median), 2)}×`, target: "", status: "" },
    { metric: "server p95 ms (page vs WebVTT)", app: fmt(r.serverMs.page.p95, 1), baseline: fmt(r.serverMs.vtt.p95, 1), ratio: `${fmt(ratio(r.serverMs.page.p95, r.serverMs.vtt.p95), 2)}×`, target: "", status: "" },
    { metric: "browser: load, JS off (vs bare list)", app: fmt(r.browserMs.pageLoadNoJs), baseline: fmt(r.browserMs.bareLoad), ratio: `${fmt(ratio(r.browserMs.pageLoadNoJs, r.browserMs.bareLoad), 2)}×`, target: "", status: "" },
    { metric: "browser: hydrated, JS on (vs bare list)", app: fmt(r.browserMs.pageHydrated), baseline: fmt(r.browserMs.bareLoad), ratio: `${fmt(ratio(r.browserMs.pageHydrated, r.browserMs.bareLoad), 2)}×`, target: "", status: "" },
  ];
  printTable(`Replay page: ${r.cues} cues (${REPLAY.hours} hours), against the same cues as a bare HTML list`, rows);
}
