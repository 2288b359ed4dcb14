// The scheduling assistant under a realistic audience: an event with 10 reference cities whose
// audience is 10,000 registrations spread over 60 time zones (its other session plus past
// sessions of 20 events on the same topic, 5% cancelled). Each request goes through the built
// Remix request handler in-process (build/index.js; loaders, React rendering, the real SQLite
// file), signed in as the event's organiser.
//
// The yardstick is the same page without audience weighting (?rank=cities: no audience query, the
// reference cities count equally), asked for alternately with the weighted page so that drift on
// a shared machine hits both. The aim is weighted/unweighted ≤ 1.5×, which only holds because the
// zones are counted in the database (GROUP BY) rather than by loading registrations.
//
// Run alone with `npm run build && tsx bench/scheduling.ts`, or as part of `npm run bench`.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { migrateDatabase } from "../app/utils/migrate.server.ts";
import { mulberry32 } from "./random.ts";

export const SCHEDULING = { referenceCities: 10, registrations: 10_000, zones: 60, pastEvents: 20, warmup: 20, pairs: 150, targetRatio: 1.5 };

const REFERENCE_CITIES = [
  "America/New_York", "Europe/London", "Europe/Zurich", "Africa/Nairobi", "Asia/Amman",
  "Asia/Dhaka", "Asia/Bangkok", "Africa/Dakar", "America/Bogota", "Asia/Manila",
];

export type SchedulingBenchResult = {
  registrations: number;
  zones: number;
  weighted: { medianMs: number; p95Ms: number; htmlKB: number };
  unweighted: { medianMs: number; p95Ms: number; htmlKB: number };
  ratio: { median: number; p95: number };
  targetRatio: number;
  seconds: number;
};

const sqlDate = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const DAY = 86_400_000;

/** 60 zones: the reference cities' and then every n-th zone the runtime knows, for spread. */
function audienceZones(): string[] {
  const all = Intl.supportedValuesOf("timeZone").filter((z) => /^(Africa|America|Asia|Europe|Australia|Pacific)\//.test(z));
  const zones = new Set(REFERENCE_CITIES);
  const step = Math.max(1, Math.floor(all.length / SCHEDULING.zones));
  for (let i = 0; zones.size < SCHEDULING.zones && i < all.length; i += step) zones.add(all[i]!);
  return [...zones].slice(0, SCHEDULING.zones);
}

export function buildSchedulingDatabase(dbPath: string, now: number) {
  migrateDatabase(dbPath, { log: () => {} });
  const db = new Database(dbPath, { timeout: 5000 });
  try {
    const rand = mulberry32(4242);
    const stamp = sqlDate(now);
    const zones = audienceZones();
    // Zipf-like: the first zones hold most people, as real audiences do.
    const weights = zones.map((_, i) => 1 / (i + 1));
    const total = weights.reduce((a, b) => a + b, 0);
    const pickZone = () => {
      let r = rand() * total;
      for (let i = 0; i < zones.length; i++) if ((r -= weights[i]!) <= 0) return zones[i]!;
      return zones[zones.length - 1]!;
    };
    let ids = 0;
    const id = (prefix: string) => `${prefix}${(++ids).toString(36).padStart(8, "0")}`;
    const sessionIds: string[] = [];
    db.transaction(() => {
      db.prepare(`INSERT INTO Language (code, name, nativeName, dir) VALUES ('en', 'English', 'English', 'ltr')`).run();
      db.prepare(`INSERT INTO Organiser (id, email, name, passwordHash, role, timeZone, createdAt, updatedAt)
        VALUES ('bench-organiser', 'bench@example.org', 'Bench', 'x', 'organiser', 'Europe/London', ?, ?)`).run(stamp, stamp);
      db.prepare(`INSERT INTO Topic (id, slug, kind, number, title) VALUES ('bench-topic', 'bench-topic', 'standard', 15, 'Case management')`).run();
      const insertEvent = db.prepare(`INSERT INTO Event (id, slug, type, status, title, primaryLanguageCode, timeZone, referenceCities,
        createdById, createdAt, updatedAt) VALUES (?, ?, 'webinar', 'published', ?, 'en', 'Europe/London', ?, 'bench-organiser', ?, ?)`);
      const insertTopic = db.prepare(`INSERT INTO EventTopic (eventId, topicId) VALUES (?, 'bench-topic')`);
      const insertSession = db.prepare(`INSERT INTO Session (id, eventId, startsAt, endsAt, timeZone, languageCode, status, sequence, createdAt, updatedAt)
        VALUES (?, ?, ?, ?, 'Europe/London', 'en', 'scheduled', 0, ?, ?)`);
      insertEvent.run("bench-event", "bench-event", "Case management across time zones", JSON.stringify(REFERENCE_CITIES), stamp, stamp);
      insertTopic.run("bench-event");
      for (const offset of [10, 24]) {
        const sid = id("s");
        insertSession.run(sid, "bench-event", sqlDate(now + offset * DAY), sqlDate(now + offset * DAY + 90 * 60_000), stamp, stamp);
        if (offset === 10) sessionIds.push(sid);
      }
      for (let e = 0; e < SCHEDULING.pastEvents; e++) {
        const eid = `bench-past-${e}`;
        insertEvent.run(eid, eid, `Past event ${e}`, null, stamp, stamp);
        insertTopic.run(eid);
        for (let s = 0; s < 2; s++) {
          const start = now - (30 + e * 14 + s * 7) * DAY;
          const sid = id("s");
          insertSession.run(sid, eid, sqlDate(start), sqlDate(start + 90 * 60_000), stamp, stamp);
          sessionIds.push(sid);
        }
      }
      const insertRegistration = db.prepare(`INSERT INTO Registration (id, sessionId, name, email, emailNormalized, timeZone, locale, status,
        manageTokenHash, createdAt, updatedAt) VALUES (?, ?, 'Participant', ?, ?, ?, 'en', ?, ?, ?, ?)`);
      for (let i = 0; i < SCHEDULING.registrations; i++) {
        const email = `person${i}@example.org`;
        insertRegistration.run(id("r"), sessionIds[i % sessionIds.length]!, email, email, pickZone(), rand() < 0.05 ? "cancelled" : "confirmed", `hash-${i}`, stamp, stamp);
      }
    })();
    db.pragma("optimize");
    return { zones: zones.length };
  } finally {
    db.close();
  }
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runSchedulingBench(log: (message: string) => void = (m) => console.log(`[bench] ${m}`)): Promise<SchedulingBenchResult> {
  const started = performance.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), "learning-events-scheduling-"));
  try {
    const now = Date.now();
    const dbPath = path.join(dir, "scheduling.db");
    const { zones } = buildSchedulingDatabase(dbPath, now);
    log(`scheduling: ${SCHEDULING.registrations} registrations over ${zones} zones, ${SCHEDULING.referenceCities} reference cities`);

    // The build reads its configuration and opens its database when first imported, so it must
    // not have been imported (or a Prisma client made) earlier in this process.
    if ((globalThis as { __prisma?: unknown }).__prisma) throw new Error("A Prisma client already exists in this process; run the scheduling bench before anything else opens the app's database");
    const secret = process.env.SESSION_SECRET ?? randomBytes(32).toString("base64url");
    Object.assign(process.env, { DATABASE_URL: `file:${dbPath}`, SESSION_SECRET: secret, NODE_ENV: "production", LOG_REQUESTS: "false", SEED_ON_EMPTY: "false", WORKER: "false" });
    const { createCookieSessionStorage, createRequestHandler } = await import("@remix-run/node");
    const build = await import(pathToFileURL(path.resolve("build/index.js")).href);
    const handle = createRequestHandler(build, "production");
    const storage = createCookieSessionStorage({ cookie: { name: "auth-session", httpOnly: true, path: "/", sameSite: "lax", secrets: [secret] } });
    const session = await storage.getSession();
    session.set("organiserId", "bench-organiser");
    const cookie = (await storage.commitSession(session)).split(";")[0]!;

    const date = new Date(now + 17 * DAY).toISOString().slice(0, 10);
    const base = `http://localhost/admin/events/bench-event/schedule?date=${date}&duration=90&zone=Europe%2FLondon`;
    const urls = { weighted: `${base}&rank=audience`, unweighted: `${base}&rank=cities` };
    const fetchPage = async (url: string) => {
      const t0 = performance.now();
      const response = await handle(new Request(url, { headers: { Cookie: cookie, "Accept-Language": "en" } }));
      const body = await response.text();
      const ms = performance.now() - t0;
      if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}\n${body.slice(0, 400)}`);
      return { ms, body };
    };

    // The weighted page must really be weighted by the whole audience.
    const check = await fetchPage(urls.weighted);
    const people = /Ranked for the expected audience: ([\d,]+) people from (\d+) time zones/.exec(check.body);
    if (!people || Number(people[2]) !== zones) throw new Error(`The weighted page does not show the ${zones}-zone audience: ${people?.[0] ?? "no basis line"}`);
    const plain = await fetchPage(urls.unweighted);
    if (!plain.body.includes("Every reference city counts equally")) throw new Error("The unweighted page is weighted");

    for (let i = 0; i < SCHEDULING.warmup; i++) {
      await fetchPage(urls.weighted);
      await fetchPage(urls.unweighted);
    }
    const times = { weighted: [] as number[], unweighted: [] as number[] };
    for (let i = 0; i < SCHEDULING.pairs; i++) {
      // Alternate which goes first so neither always meets a cold cache or a busy neighbour.
      const order = i % 2 ? (["weighted", "unweighted"] as const) : (["unweighted", "weighted"] as const);
      for (const kind of order) times[kind].push((await fetchPage(urls[kind])).ms);
    }
    const stats = (list: number[]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return { medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95) };
    };
    const weighted = { ...stats(times.weighted), htmlKB: Buffer.byteLength(check.body) / 1024 };
    const unweighted = { ...stats(times.unweighted), htmlKB: Buffer.byteLength(plain.body) / 1024 };
    return {
      registrations: SCHEDULING.registrations,
      zones,
      weighted,
      unweighted,
      ratio: { median: weighted.medianMs / unweighted.medianMs, p95: weighted.p95Ms / unweighted.p95Ms },
      targetRatio: SCHEDULING.targetRatio,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printSchedulingResult(r: SchedulingBenchResult) {
  const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "n/a");
  const rows = [
    ["metric", "weighted", "unweighted", "ratio", "target", "status"],
    ["assistant median ms", f(r.weighted.medianMs), f(r.unweighted.medianMs), `${f(r.ratio.median, 2)}×`, `≤ ${r.targetRatio}×`, r.ratio.median <= r.targetRatio ? "met" : "NOT MET"],
    ["assistant p95 ms", f(r.weighted.p95Ms), f(r.unweighted.p95Ms), `${f(r.ratio.p95, 2)}×`, "", ""],
    ["assistant HTML KB", f(r.weighted.htmlKB), f(r.unweighted.htmlKB), `${f(r.weighted.htmlKB / r.unweighted.htmlKB, 2)}×`, "", ""],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => [...row[i]!].length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join(" │ ");
  console.log(`\nScheduling assistant: ${r.registrations.toLocaleString("en")} registrations over ${r.zones} zones, ${SCHEDULING.referenceCities} reference cities; ` +
    `${SCHEDULING.pairs} requests each through the Remix handler (unweighted = ?rank=cities)`);
  console.log(line(rows[0]!));
  console.log(widths.map((w) => "─".repeat(w)).join("─┼─"));
  for (const row of rows.slice(1)) console.log(line(row));
}

// `tsx bench/scheduling.ts` runs this section alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runSchedulingBench().then(
    (result) => {
      printSchedulingResult(result);
      console.log(`[bench] scheduling section done in ${result.seconds.toFixed(1)} s`);
      process.exit(0);
    },
    (error) => {
      console.error("[bench] scheduling failed:", error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
