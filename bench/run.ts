// `npm run bench`: the catalogue and event pages under load, against a bare
// node:http + better-sqlite3 baseline serving the same rows, on a synthetic
// catalogue of ~1,027 events. The machine is shared, so every figure is reported
// as a ratio to a baseline measured in the same run. Writes tests/.tmp/bench-latest.json.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { loadPath, rssMB, type LoadResult, type LoadSettings } from "./load.ts";
import { BUDGET, budgetPages, budgetSummary, heaviestReplay, measureBudget, printBudgetTable } from "./budget.ts";
import { buildBenchDatabase } from "./seed-db.ts";
import { benchRegistrationBurst } from "./registration.ts";
import { benchFanout } from "./fanout.ts";
import { printSchedulingResult, runSchedulingBench } from "./scheduling.ts";
import { benchSearch, printSearchResult } from "./search.ts";
import { benchReplay, printReplayResult } from "./replay.ts";
import { freePort } from "./servers.ts";

// Every server and in-process build below runs with NODE_ENV=production, which needs a secret.
process.env.SESSION_SECRET ??= randomBytes(32).toString("base64url");

const SETTINGS: LoadSettings = {
  connections: 10,
  warmupSeconds: 2,
  seconds: 8,
  // Like a browser in London that has been here before (the tz cookie is set).
  headers: { "accept-encoding": "gzip", cookie: "tz=Europe/London", accept: "text/html" },
};
const TARGETS = { throughputRatio: 0.5, htmlCssKB: BUDGET.htmlCssKB, totalWithJsKB: BUDGET.totalWithJsKB, rssMB: 200 };
const RESULTS_FILE = path.resolve("tests/.tmp/bench-latest.json");
const WATCHDOG_MS = 10 * 60_000;

const children = new Set<ChildProcess>();
let tmpDir: string | undefined;

function log(message: string) {
  console.log(`[bench] ${message}`);
}

function cleanUpNow() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  children.clear();
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  tmpDir = undefined;
}
process.on("exit", cleanUpNow);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n[bench] ${signal}: stopping servers`);
    cleanUpNow();
    process.exit(130);
  });
}
const watchdog = setTimeout(() => {
  console.error(`[bench] gave up after ${WATCHDOG_MS / 60_000} minutes`);
  cleanUpNow();
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

async function startServer(name: string, script: string, env: Record<string, string>, origin: string) {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not answer /healthz within 60 s:\n${output}`);
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
  children.delete(child);
}

async function get(url: string, headers: Record<string, string> = SETTINGS.headers) {
  const response = await fetch(url, { headers });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}\n${body.slice(0, 500)}`);
  return { response, body };
}

/** Slugs of the catalogue's cards in order: both servers must list the same events. */
function cardSlugs(html: string) {
  return [...html.matchAll(/class="card-title"[^>]*><a[^>]*href="\/events\/([^"?]+)"/g)].map((m) => m[1]);
}

/** Where the event page's HTML bytes go (uncompressed, and each part gzipped on its own). */
function htmlAnatomy(html: string) {
  const sum = (parts: string[]) => parts.reduce((n, p) => n + Buffer.byteLength(p), 0);
  const gz = (parts: string[]) => gzipSync(parts.join("")).length;
  const scripts = html.match(/<script\b[\s\S]*?<\/script>/g) ?? [];
  const dataScripts = scripts.filter((s) => s.includes("streamController.enqueue"));
  const manifest = scripts.filter((s) => s.includes("__remixManifest") || s.includes("__remixRouteModules"));
  const preloads = html.match(/<link rel="modulepreload"[^>]*>/g) ?? [];
  const calendarHrefs = html.match(/href="https:\/\/(?:calendar\.google\.com|outlook\.live\.com)[^"]*"/g) ?? [];
  const prose = html.match(/<div class="prose"[\s\S]*?<\/div>/g) ?? [];
  const parts = {
    "loader data (turbo-stream scripts)": dataScripts,
    "route manifest script": manifest,
    "other inline scripts": scripts.filter((s) => !dataScripts.includes(s) && !manifest.includes(s)),
    "modulepreload links": preloads,
    "Google/Outlook calendar hrefs": calendarHrefs,
    "description (prose)": prose,
  };
  const total = Buffer.byteLength(html);
  return {
    totalBytes: total,
    gzipBytes: gzipSync(html).length,
    parts: Object.fromEntries(Object.entries(parts).map(([name, list]) => [name, { bytes: sum(list), gzipBytes: list.length ? gz(list) : 0, share: sum(list) / total }])),
  };
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
const mean = (a: number, b: number) => (a + b) / 2;
const kb = (bytes: number) => bytes / 1024;

type Row = { metric: string; app: string; baseline: string; ratio: string; target: string; status: string };

function fmt(value: number, digits = 0) {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

async function main() {
  const started = performance.now();
  tmpDir = mkdtempSync(path.join(os.tmpdir(), "learning-events-bench-"));
  log(`building the benchmark database in ${tmpDir}`);
  const bench = await buildBenchDatabase(tmpDir, { log: (m) => log(`  ${m}`) });
  log(`  ${bench.counts.events} events (${bench.counts.published} published, ${bench.counts.upcoming} upcoming), ${bench.counts.sessions} sessions; event page: /events/${bench.eventSlug}`);

  const [appPort, basePort] = [await freePort(), await freePort()];
  const appOrigin = `http://127.0.0.1:${appPort}`;
  const baseOrigin = `http://127.0.0.1:${basePort}`;
  log("starting the app and the baseline");
  const app = await startServer("app", "server/index.js", {
    DATABASE_URL: `file:${bench.dbPath}`, PORT: String(appPort), HOST: "127.0.0.1", LOG_REQUESTS: "false", SEED_ON_EMPTY: "false",
  }, appOrigin);
  const baseline = await startServer("baseline", "bench/baseline-server.js", { DATABASE_PATH: bench.dbPath, PORT: String(basePort) }, baseOrigin);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const restRss = { app: rssMB(app.pid!), baseline: rssMB(baseline.pid!) };
  log(`RSS at rest: app ${fmt(restRss.app, 1)} MB, baseline ${fmt(restRss.baseline, 1)} MB`);

  // Both servers must answer, compress, list the same events; the app's cache must hit.
  const eventPath = `/events/${bench.eventSlug}`;
  const appList = await get(`${appOrigin}/events`);
  const baseList = await get(`${baseOrigin}/events`);
  const [a, b] = [cardSlugs(appList.body), cardSlugs(baseList.body)];
  // Events that start at the same minute may come in either order: compare the sets.
  if (a.length !== 12 || [...a].sort().join() !== [...b].sort().join()) throw new Error(`The servers list different events:\n app      ${a.join(" ")}\n baseline ${b.join(" ")}`);
  for (const [name, origin] of [["app", appOrigin], ["baseline", baseOrigin]]) {
    const { response } = await get(`${origin}${eventPath}`);
    if (response.headers.get("content-encoding") !== "gzip") throw new Error(`${name} does not gzip ${eventPath}`);
  }
  const again = await get(`${appOrigin}${eventPath}`);
  if (again.response.headers.get("x-cache") !== "hit") throw new Error(`The app's page cache did not answer a repeat of ${eventPath}`);
  const unique = await get(`${appOrigin}${eventPath}?x=check`);
  if (unique.response.headers.get("x-cache") !== "miss") throw new Error("?x=<n> does not defeat the page cache");

  // Gzip (zlib's default level, as both servers use) of the decoded HTML bodies.
  const rawEvent = await get(`${appOrigin}${eventPath}`);
  const anatomy = htmlAnatomy(rawEvent.body);
  const baseEvent = await get(`${baseOrigin}${eventPath}`);
  const htmlSizes = {
    app: { events: gzipSync(appList.body).length, event: anatomy.gzipBytes, eventRaw: anatomy.totalBytes },
    baseline: { events: gzipSync(baseList.body).length, event: gzipSync(baseEvent.body).length, eventRaw: Buffer.byteLength(baseEvent.body) },
  };

  // The low-bandwidth budget: first visits in Chromium, JavaScript on, then off (bench/budget.ts).
  const pages = budgetPages({ eventSlug: bench.eventSlug, recordingId: heaviestReplay(bench.dbPath) });
  log(`first visits in Chromium: ${pages.map((p) => `${p.path} (${p.locale})`).join(", ")}`);
  const budget = await measureBudget(appOrigin, pages);
  // The event page for an English reader also feeds the main table, as before.
  const { withJs, withoutJs } = budget[0]!;

  const load: Record<string, { baselineBefore: LoadResult; cached: LoadResult; uncached: LoadResult; baselineAfter: LoadResult }> = {};
  let peakRss = { app: 0, baseline: 0 };
  for (const [label, target] of [["/events", "/events"], ["event page", eventPath]] as const) {
    const step = (what: string) => log(`load ${label}: ${what} (${SETTINGS.warmupSeconds}+${SETTINGS.seconds} s, ${SETTINGS.connections} connections)`);
    step("baseline");
    const baselineBefore = await loadPath(baseOrigin, target, baseline.pid!, SETTINGS);
    step("app, page cache on");
    const cached = await loadPath(appOrigin, target, app.pid!, SETTINGS);
    step("app, page cache defeated (?x=<n>)");
    const uncached = await loadPath(appOrigin, target, app.pid!, SETTINGS, true);
    step("baseline again");
    const baselineAfter = await loadPath(baseOrigin, target, baseline.pid!, SETTINGS);
    for (const r of [baselineBefore, cached, uncached, baselineAfter]) {
      if (r.non2xx || r.errors) throw new Error(`${label}: ${r.non2xx} non-2xx responses, ${r.errors} errors`);
    }
    load[label] = { baselineBefore, cached, uncached, baselineAfter };
    peakRss = {
      app: Math.max(peakRss.app, cached.peakRssMB, uncached.peakRssMB),
      baseline: Math.max(peakRss.baseline, baselineBefore.peakRssMB, baselineAfter.peakRssMB),
    };
  }
  await stopServer(app);
  await stopServer(baseline);

  // ---- the table ----
  const rows: Row[] = [];
  const met = (ok: boolean) => (ok ? "met" : "NOT MET");
  for (const [label, r] of Object.entries(load)) {
    const baseRps = mean(r.baselineBefore.requestsPerSecond, r.baselineAfter.requestsPerSecond);
    const baseP99 = mean(r.baselineBefore.latencyP99Ms, r.baselineAfter.latencyP99Ms);
    const drift = ratio(r.baselineAfter.requestsPerSecond, r.baselineBefore.requestsPerSecond);
    for (const [mode, result] of [["cached", r.cached], ["uncached", r.uncached]] as const) {
      const q = ratio(result.requestsPerSecond, baseRps);
      rows.push({
        metric: `${label} req/s (${mode})`, app: fmt(result.requestsPerSecond), baseline: fmt(baseRps), ratio: `${fmt(q, 2)}×`,
        target: `≥ ${TARGETS.throughputRatio}×`, status: met(q >= TARGETS.throughputRatio),
      });
    }
    for (const [mode, result] of [["cached", r.cached], ["uncached", r.uncached]] as const) {
      rows.push({ metric: `${label} p99 ms (${mode})`, app: fmt(result.latencyP99Ms), baseline: fmt(baseP99), ratio: `${fmt(ratio(result.latencyP99Ms, baseP99), 2)}×`, target: "", status: "" });
    }
    rows.push({ metric: `${label} baseline drift (after/before)`, app: "", baseline: `${fmt(r.baselineBefore.requestsPerSecond)} → ${fmt(r.baselineAfter.requestsPerSecond)}`, ratio: `${fmt(drift, 2)}×`, target: "noise", status: "" });
  }
  rows.push({ metric: "RSS at rest, MB", app: fmt(restRss.app, 1), baseline: fmt(restRss.baseline, 1), ratio: `${fmt(ratio(restRss.app, restRss.baseline), 2)}×`, target: "", status: "" });
  rows.push({ metric: "RSS peak under load, MB", app: fmt(peakRss.app, 1), baseline: fmt(peakRss.baseline, 1), ratio: `${fmt(ratio(peakRss.app, peakRss.baseline), 2)}×`, target: `< ${TARGETS.rssMB} MB`, status: met(peakRss.app < TARGETS.rssMB) });
  rows.push({ metric: "HTML /events, gzip KB", app: fmt(kb(htmlSizes.app.events), 1), baseline: fmt(kb(htmlSizes.baseline.events), 1), ratio: `${fmt(ratio(htmlSizes.app.events, htmlSizes.baseline.events), 2)}×`, target: "", status: "" });
  rows.push({ metric: "HTML event page, gzip KB", app: fmt(kb(htmlSizes.app.event), 1), baseline: fmt(kb(htmlSizes.baseline.event), 1), ratio: `${fmt(ratio(htmlSizes.app.event, htmlSizes.baseline.event), 2)}×`, target: "", status: "" });
  rows.push({ metric: "HTML event page, uncompressed KB", app: fmt(kb(htmlSizes.app.eventRaw), 1), baseline: fmt(kb(htmlSizes.baseline.eventRaw), 1), ratio: `${fmt(ratio(htmlSizes.app.eventRaw, htmlSizes.baseline.eventRaw), 2)}×`, target: "", status: "" });
  for (const [name, w] of [["JS on", withJs], ["JS off", withoutJs]] as const) {
    const b = w.bytes;
    rows.push({ metric: `first visit (${name}): HTML / CSS / JS / other KB`, app: `${fmt(kb(b.html), 1)} / ${fmt(kb(b.css), 1)} / ${fmt(kb(b.js), 1)} / ${fmt(kb(b.other), 1)}`, baseline: "", ratio: "", target: "", status: "" });
    rows.push({ metric: `first visit (${name}): HTML+CSS KB`, app: fmt(kb(b.html + b.css), 1), baseline: "", ratio: "", target: `≤ ${TARGETS.htmlCssKB} KB`, status: met(kb(b.html + b.css) <= TARGETS.htmlCssKB) });
    rows.push({ metric: `first visit (${name}): total KB, ${w.requests} requests`, app: fmt(kb(b.total), 1), baseline: "", ratio: "", target: name === "JS on" ? `≤ ${TARGETS.totalWithJsKB} KB` : "", status: name === "JS on" ? met(kb(b.total) <= TARGETS.totalWithJsKB) : "" });
  }
  const thirdParty = withJs.thirdPartyRequests.length + withoutJs.thirdPartyRequests.length;
  rows.push({ metric: "third-party requests", app: String(thirdParty), baseline: "", ratio: "", target: "0", status: met(thirdParty === 0) });

  const headers: Row = { metric: "metric", app: "app", baseline: "baseline", ratio: "app/baseline", target: "target", status: "status" };
  const widths = Object.fromEntries(Object.keys(headers).map((k) => [k, Math.max(...[headers, ...rows].map((r) => [...r[k as keyof Row]].length))])) as Record<keyof Row, number>;
  const line = (r: Row) => (Object.keys(headers) as (keyof Row)[]).map((k) => r[k].padEnd(widths[k])).join(" │ ");
  console.log(`\n${line(headers)}\n${(Object.keys(headers) as (keyof Row)[]).map((k) => "─".repeat(widths[k])).join("─┼─")}`);
  for (const r of rows) console.log(line(r));

  printBudgetTable(budget);

  console.log(`\nEvent page HTML, ${fmt(kb(anatomy.totalBytes), 1)} KB uncompressed / ${fmt(kb(anatomy.gzipBytes), 1)} KB gzip; where it goes:`);
  for (const [name, part] of Object.entries(anatomy.parts)) {
    console.log(`  ${name.padEnd(36)} ${fmt(kb(part.bytes), 1).padStart(6)} KB  ${fmt(part.share * 100).padStart(3)}%   (gzip alone ${fmt(kb(part.gzipBytes), 1)} KB)`);
  }
  console.log("Largest responses of the first visit with JavaScript:");
  for (const r of [...withJs.responses].sort((x, y) => y.bytes - x.bytes).slice(0, 6)) {
    console.log(`  ${fmt(kb(r.bytes), 1).padStart(6)} KB  ${r.type.padEnd(10)} ${r.encoding || "identity"}  ${r.url.replace(appOrigin, "")}`);
  }

  const registrationBurst = await benchRegistrationBurst({ dir: tmpDir, log, freePort, startServer, stopServer });
  const replay = await benchReplay({ dir: tmpDir, log, freePort, startServer, stopServer });
  printReplayResult(replay);
  const fanout = await benchFanout({ dir: tmpDir, log });
  // In-process through build/index.js, so it runs last: it points this process at its own database.
  const scheduling = await runSchedulingBench(log);
  printSchedulingResult(scheduling);
  // In a child process of its own: it points the Prisma client at its own 1,000-hour library.
  const search = await benchSearch({ log });
  printSearchResult(search);

  const seconds = (performance.now() - started) / 1000;
  const results = {
    date: new Date().toISOString(),
    command: "npm run bench",
    machine: { cpus: os.cpus().length, node: process.version, note: "shared machine: compare ratios, not absolute numbers" },
    settings: SETTINGS,
    database: bench.counts,
    eventPath,
    load,
    rss: { rest: restRss, peak: peakRss },
    html: htmlSizes,
    htmlAnatomy: anatomy,
    firstVisit: { withJs, withoutJs },
    budget: { limits: BUDGET, pages: budgetSummary(budget) },
    targets: TARGETS,
    table: rows,
    registrationBurst,
    fanout,
    scheduling,
    search,
    replay,
    seconds,
  };
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  log(`done in ${fmt(seconds)} s; results in ${path.relative(process.cwd(), RESULTS_FILE)}`);
}

main().then(
  () => {
    cleanUpNow();
    process.exit(0);
  },
  (error) => {
    console.error("[bench] failed:", error instanceof Error ? error.message : error);
    cleanUpNow();
    process.exit(1);
  },
);
