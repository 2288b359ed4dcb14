// The registration burst: 2,000 people register for one session of 500 seats (waitlist on) at
// once, from 100 concurrent clients POSTing the real form to the real route of the real server
// (`node server/index.js`, WORKER=false so no email is sent meanwhile, RATE_LIMITS=off since
// every request comes from 127.0.0.1). The yardstick is bench/registration-baseline.js: the
// same POSTs answered by one better-sqlite3 INSERT into the same table, so app/baseline is the
// cost of the framework plus the invariants (seat lock, count, duplicate check, outbox row).
// Afterwards the database must hold exactly 500 confirmed, 1,500 waitlisted and one email row
// for each of the 2,000; anything else fails the benchmark.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { migrateDatabase } from "../app/utils/migrate.server.ts";
import { fmt, met, printTable, ratio, type Row } from "./table.ts";

export const BURST = { registrations: 2000, connections: 100, seats: 500, warmup: 200, p99TargetMs: 150 };

export type ServerControl = {
  log: (message: string) => void;
  freePort: () => Promise<number>;
  startServer: (name: string, script: string, env: Record<string, string>, origin: string) => Promise<ChildProcess>;
  stopServer: (child: ChildProcess) => Promise<void>;
};

type BurstResult = {
  registrationsPerSecond: number;
  seconds: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Emails whose POST was answered with a redirect to the manage page. */
  succeeded: string[];
  /** A few bodies of answers that were not redirects, to say what went wrong. */
  failures: string[];
};

// The form's own field names (app/registration/registration-form.tsx, registration-schema.ts).
const ZONES = ["Africa/Nairobi", "Asia/Amman", "Asia/Bangkok", "Asia/Dhaka", "Europe/Zurich", "America/New_York", "Europe/London"];
function formBody(sessionId: string, email: string, n: number): string {
  return new URLSearchParams({
    sessionId,
    name: `Participant ${n}`,
    email,
    organisation: "Child Protection AoR",
    country: "Kenya",
    timeZone: ZONES[n % ZONES.length]!,
    locale: "en",
    accessibilityNeeds: "",
    consentPrivacy: "on",
    website: "", // the honeypot: people leave it empty
  }).toString();
}

// autocannon's options beyond the slice bench/autocannon.d.ts declares.
type Context = { email?: string };
type PostOptions = {
  url: string;
  connections: number;
  amount: number;
  timeout: number;
  headers: Record<string, string>;
  requests: {
    method: string;
    path: string;
    setupRequest: (request: Record<string, unknown>, context: Context) => Record<string, unknown>;
    onResponse: (status: number, body: string, context: Context, headers: Record<string, string>) => void;
  }[];
};
const post = autocannon as unknown as (options: PostOptions) => ReturnType<typeof autocannon>;

/** `count` registrations with unique emails, `connections` at a time; a redirect to /manage/ is a success. */
async function burst(origin: string, slug: string, sessionId: string, count: number, connections: number, tag: string): Promise<BurstResult> {
  const run = `${tag}-${randomBytes(3).toString("hex")}`;
  const statuses: Record<string, number> = {};
  const succeeded: string[] = [];
  const failures: string[] = [];
  let n = 0;
  const started = performance.now();
  const result = await post({
    url: origin,
    connections,
    amount: count,
    // Long enough that every request is answered: a client that gives up would hide the tail.
    timeout: 60,
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
    requests: [
      {
        method: "POST",
        path: `/events/${slug}/register`,
        // Called once per request sent (and once more per connection at the end, unsent).
        setupRequest: (request, context) => {
          n += 1;
          context.email = `p${n}.${run}@example.org`;
          return { ...request, body: formBody(sessionId, context.email, n) };
        },
        onResponse: (status, body, context, headers) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          const location = headers.location ?? headers.Location ?? "";
          if ((status === 302 || status === 303) && location.startsWith("/manage/")) succeeded.push(context.email!);
          else if (failures.length < 3) failures.push(`${status} ${String(body).replace(/\s+/g, " ").slice(0, 300)}`);
        },
      },
    ],
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    registrationsPerSecond: succeeded.length / seconds,
    seconds,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    succeeded,
    failures,
  };
}

const sqlDate = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const DAY_MS = 86_400_000;

/** A fresh migrated database with the burst's event (one session, 500 seats, waitlist) and a warm-up event. */
function buildBurstDatabase(dir: string) {
  const dbPath = path.join(dir, "registration.db");
  migrateDatabase(dbPath, { log: () => {} });
  const db = new Database(dbPath, { timeout: 5000 });
  const now = Date.now();
  const stamp = sqlDate(now);
  const ids = { burstSession: "bench-burst-session", warmupSession: "bench-warmup-session" };
  try {
    db.transaction(() => {
      db.prepare(`INSERT INTO Language (code, name, nativeName) VALUES ('en', 'English', 'English')`).run();
      const event = db.prepare(`INSERT INTO Event (id, slug, type, status, title, summary, primaryLanguageCode, timeZone, capacity,
        waitlistEnabled, approvalRequired, isRecorded, joinUrl, publishedAt, createdAt, updatedAt)
        VALUES (?, ?, 'webinar', 'published', ?, 'Keeping children safe when services break down.', 'en', 'Europe/Zurich', ?, 1, 0, 0,
        'https://meet.example.org/j/bench', ?, ?, ?)`);
      const session = db.prepare(`INSERT INTO Session (id, eventId, startsAt, endsAt, timeZone, languageCode, capacity, status,
        sequence, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'Europe/Zurich', 'en', ?, 'scheduled', 0, ?, ?)`);
      const starts = now + 7 * DAY_MS;
      event.run("bench-burst-event", "bench-burst", "Case management in emergencies: the burst", null, stamp, stamp, stamp);
      session.run(ids.burstSession, "bench-burst-event", sqlDate(starts), sqlDate(starts + 90 * 60_000), BURST.seats, stamp, stamp);
      // Unlimited seats: warming up fills nothing the measured burst depends on.
      event.run("bench-warmup-event", "bench-warmup", "Warm-up event", null, stamp, stamp, stamp);
      session.run(ids.warmupSession, "bench-warmup-event", sqlDate(starts), sqlDate(starts + 90 * 60_000), null, stamp, stamp);
    })();
  } finally {
    db.close(); // checkpoints the WAL: the copy below is the whole database
  }
  const baselinePath = path.join(dir, "registration-baseline.db");
  copyFileSync(dbPath, baselinePath);
  return { dbPath, baselinePath, ids };
}

type Verification = {
  rows: number;
  confirmed: number;
  waitlisted: number;
  otherStatuses: number;
  outboxRows: number;
  /** Registrations without exactly one email row, or whose email does not match their status. */
  emailMismatches: number;
  /** Successful POSTs whose registration is not in the database (lost), and rows nobody was told about. */
  lost: number;
  unexpected: number;
};

function verifyBurst(dbPath: string, sessionId: string, succeeded: string[]): Verification {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const one = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
    const byStatus = Object.fromEntries(
      (db.prepare(`SELECT status, COUNT(*) AS n FROM Registration WHERE sessionId = ? GROUP BY status`).all(sessionId) as { status: string; n: number }[])
        .map((r) => [r.status, r.n]),
    );
    const stored = new Set((db.prepare(`SELECT emailNormalized AS e FROM Registration WHERE sessionId = ?`).all(sessionId) as { e: string }[]).map((r) => r.e));
    const told = new Set(succeeded.map((e) => e.toLowerCase()));
    const rows = one(`SELECT COUNT(*) AS n FROM Registration WHERE sessionId = ?`, sessionId);
    return {
      rows,
      confirmed: byStatus.confirmed ?? 0,
      waitlisted: byStatus.waitlisted ?? 0,
      otherStatuses: rows - (byStatus.confirmed ?? 0) - (byStatus.waitlisted ?? 0),
      outboxRows: one(`SELECT COUNT(*) AS n FROM OutboxMessage o JOIN Registration r ON r.id = o.registrationId WHERE r.sessionId = ?`, sessionId),
      emailMismatches: one(
        `SELECT COUNT(*) AS n FROM Registration r WHERE r.sessionId = ? AND 1 != (SELECT COUNT(*) FROM OutboxMessage o
          WHERE o.registrationId = r.id AND o.kind = 'registration-' || r.status)`,
        sessionId,
      ),
      lost: [...told].filter((e) => !stored.has(e)).length,
      unexpected: [...stored].filter((e) => !told.has(e)).length,
    };
  } finally {
    db.close();
  }
}

export async function benchRegistrationBurst(control: ServerControl & { dir: string }) {
  const { log, dir } = control;
  log(`registration burst: ${BURST.registrations} registrations, ${BURST.connections} clients, one session of ${BURST.seats} seats`);
  const { dbPath, baselinePath, ids } = buildBurstDatabase(dir);
  const [appPort, basePort] = [await control.freePort(), await control.freePort()];
  const appOrigin = `http://127.0.0.1:${appPort}`;
  const baseOrigin = `http://127.0.0.1:${basePort}`;
  const app = await control.startServer("app", "server/index.js", {
    DATABASE_URL: `file:${dbPath}`, PORT: String(appPort), HOST: "127.0.0.1", LOG_REQUESTS: "false", SEED_ON_EMPTY: "false",
    WORKER: "false", RATE_LIMITS: "off",
  }, appOrigin);
  const baseline = await control.startServer("registration baseline", "bench/registration-baseline.js", { DATABASE_PATH: baselinePath, PORT: String(basePort) }, baseOrigin);

  let results: { warmup: { app: BurstResult; baseline: BurstResult }; baselineBefore: BurstResult; app: BurstResult; baselineAfter: BurstResult };
  try {
    // Both sides answer the form the same way before anything is measured.
    const warmup = {
      app: await burst(appOrigin, "bench-warmup", ids.warmupSession, BURST.warmup, BURST.connections, "warm"),
      baseline: await burst(baseOrigin, "bench-warmup", ids.warmupSession, BURST.warmup, BURST.connections, "warm"),
    };
    for (const [name, r] of Object.entries(warmup)) {
      if (r.succeeded.length !== BURST.warmup) throw new Error(`registration warm-up (${name}): ${JSON.stringify(r.statuses)} ${r.failures.join(" | ")}`);
    }
    log("  baseline (one INSERT per POST)");
    const baselineBefore = await burst(baseOrigin, "bench-burst", ids.burstSession, BURST.registrations, BURST.connections, "base1");
    log("  app (node server/index.js)");
    const appResult = await burst(appOrigin, "bench-burst", ids.burstSession, BURST.registrations, BURST.connections, "app");
    log("  baseline again");
    const baselineAfter = await burst(baseOrigin, "bench-burst", ids.burstSession, BURST.registrations, BURST.connections, "base2");
    results = { warmup, baselineBefore, app: appResult, baselineAfter };
  } finally {
    await control.stopServer(app);
    await control.stopServer(baseline);
  }

  const check = verifyBurst(dbPath, ids.burstSession, results.app.succeeded);
  const a = results.app;
  const baseRps = (results.baselineBefore.registrationsPerSecond + results.baselineAfter.registrationsPerSecond) / 2;
  const baseP50 = (results.baselineBefore.latencyP50Ms + results.baselineAfter.latencyP50Ms) / 2;
  const baseP99 = (results.baselineBefore.latencyP99Ms + results.baselineAfter.latencyP99Ms) / 2;
  const notRedirect = BURST.registrations - a.succeeded.length;
  const statusText = Object.entries(a.statuses).map(([s, n]) => `${n}×${s}`).join(", ");
  const invariants = {
    confirmedExactlySeats: check.confirmed === BURST.seats,
    waitlistedRest: check.waitlisted === BURST.registrations - BURST.seats,
    noErrorAnswers: Object.keys(a.statuses).every((status) => Number(status) < 400) && a.errors === 0,
    // A registration stored for a client that gave up waiting is not lost, but must be one of the timeouts.
    allStored: check.rows === BURST.registrations && check.lost === 0 && check.unexpected === a.timeouts && check.otherStatuses === 0,
    oneEmailEach: check.outboxRows === BURST.registrations && check.emailMismatches === 0,
  };
  const rows: Row[] = [
    { metric: "registrations/s (2,000 POSTs, 100 clients)", app: fmt(a.registrationsPerSecond), baseline: fmt(baseRps), ratio: `${fmt(ratio(a.registrationsPerSecond, baseRps), 2)}×`, target: "", status: "" },
    { metric: "latency p50 ms", app: fmt(a.latencyP50Ms), baseline: fmt(baseP50), ratio: `${fmt(ratio(a.latencyP50Ms, baseP50), 1)}×`, target: "", status: "" },
    { metric: "latency p99 ms", app: fmt(a.latencyP99Ms), baseline: fmt(baseP99), ratio: `${fmt(ratio(a.latencyP99Ms, baseP99), 1)}×`, target: `< ${BURST.p99TargetMs} ms`, status: met(a.latencyP99Ms < BURST.p99TargetMs) },
    { metric: "baseline drift (after/before)", app: "", baseline: `${fmt(results.baselineBefore.registrationsPerSecond)} → ${fmt(results.baselineAfter.registrationsPerSecond)}`, ratio: `${fmt(ratio(results.baselineAfter.registrationsPerSecond, results.baselineBefore.registrationsPerSecond), 2)}×`, target: "noise", status: "" },
    { metric: "answers (status × count)", app: statusText, baseline: "", ratio: "", target: "no 4xx/5xx", status: met(invariants.noErrorAnswers) },
    { metric: "answered with a redirect to /manage/ (timeouts)", app: `${a.succeeded.length} (${a.timeouts})`, baseline: "", ratio: "", target: `= ${BURST.registrations} (0)`, status: met(notRedirect === 0 && a.timeouts === 0) },
    { metric: "confirmed", app: String(check.confirmed), baseline: "", ratio: "", target: `= ${BURST.seats}`, status: met(invariants.confirmedExactlySeats) },
    { metric: "waitlisted", app: String(check.waitlisted), baseline: "", ratio: "", target: `= ${BURST.registrations - BURST.seats}`, status: met(invariants.waitlistedRest) },
    { metric: "registration rows (lost / stored, answer timed out)", app: `${check.rows} (${check.lost} / ${check.unexpected})`, baseline: "", ratio: "", target: `= ${BURST.registrations} (0 / ${a.timeouts})`, status: met(invariants.allStored) },
    { metric: "outbox rows (wrong or missing)", app: `${check.outboxRows} (${check.emailMismatches})`, baseline: "", ratio: "", target: `= ${BURST.registrations} (0)`, status: met(invariants.oneEmailEach) },
  ];
  printTable(`Registration burst (${BURST.registrations} registrations, ${BURST.connections} concurrent clients, ${BURST.seats} seats, waitlist on):`, rows);
  if (a.failures.length) console.log(`  first answers that were not redirects: ${a.failures.join(" | ")}`);

  const strip = ({ succeeded, ...rest }: BurstResult) => ({ ...rest, succeeded: succeeded.length });
  const json = {
    settings: BURST,
    app: strip(results.app),
    baselineBefore: strip(results.baselineBefore),
    baselineAfter: strip(results.baselineAfter),
    warmup: { app: strip(results.warmup.app), baseline: strip(results.warmup.baseline) },
    verification: check,
    invariants,
    table: rows,
  };
  // Slow answers are reported above; only a broken invariant fails the benchmark.
  const broken = Object.entries(invariants).filter(([, ok]) => !ok).map(([name]) => name);
  if (broken.length) throw new Error(`registration burst broke its invariants: ${broken.join(", ")}`);
  return json;
}
