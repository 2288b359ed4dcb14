// The reminder fan-out: 5,000 confirmed registrations for a session that starts in 23 hours,
// every one owed its 24-hour reminder. The app's path is enqueueDueReminders(now) (one outbox row
// each) and the mail worker as `npm start` runs it (startMailWorker with its defaults: batches of
// 50, reminders re-scanned every tick, a pooled SMTP transport of 5 connections), run tick after
// tick until nothing is left. The yardstick is nodemailer alone sending the same 5,000 rendered
// messages over a pool of the same size to the same sink. Both send to bench/smtp-sink.js, a
// child process that keeps only Message-IDs. The baseline runs before and after the app.
//
// All of it runs in a child process of its own (this file, BENCH_FANOUT_DIR set): the app's
// modules use the process-wide Prisma client from DATABASE_URL (the worker reads site settings
// through it), the templates must load React's production build as `npm start` does, and the
// benchmarks that follow in run.ts need a process no Prisma client has touched.
import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { migrateDatabase } from "../app/utils/migrate.server.ts";
import { fmt, met, printTable, ratio, type Row } from "./table.ts";

export const FANOUT = { emails: 5000, poolSize: 5, startsInHours: 23, ratioTarget: 0.8 };

const HOUR_MS = 3_600_000;
const sqlDate = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
// Where registrants are: a handful of zones, as for a real session (the renderer memoises per zone).
const ZONES = ["Africa/Nairobi", "Asia/Amman", "Asia/Bangkok", "Asia/Dhaka", "Europe/Zurich", "America/New_York", "Europe/London"];

type SinkStats = { received: number; distinct: number; duplicates: number; bytes: number };

async function startSink() {
  const child = fork(path.resolve("bench/smtp-sink.js"), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  const ask = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: { type: string } & T) => {
        if (message.type !== type) return;
        child.off("message", onMessage);
        resolve(message);
      };
      child.on("message", onMessage);
      child.once("exit", (code) => reject(new Error(`SMTP sink exited with ${code}`)));
      if (type !== "ready") child.send({ type });
    });
  const { port } = await ask<{ port: number }>("ready");
  return {
    url: `smtp://127.0.0.1:${port}`,
    stats: () => ask<SinkStats>("stats"),
    reset: () => ask<object>("reset"),
    close(this: void) {
      process.off("exit", kill);
      const exited = new Promise((resolve) => (child as ChildProcess).once("exit", resolve));
      child.kill("SIGTERM");
      return exited;
    },
  };
}

/** A fresh migrated database: one published event, one session in 23 h, 5,000 confirmed registrations. */
function buildFanoutDatabase(dir: string, now: number) {
  const dbPath = path.join(dir, "fanout.db");
  migrateDatabase(dbPath, { log: () => {} });
  const db = new Database(dbPath, { timeout: 5000 });
  const stamp = sqlDate(now);
  try {
    db.transaction(() => {
      db.prepare(`INSERT INTO Language (code, name, nativeName) VALUES ('en', 'English', 'English')`).run();
      db.prepare(`INSERT INTO Event (id, slug, type, status, title, summary, primaryLanguageCode, timeZone, waitlistEnabled,
        reminderOffsets, joinUrl, publishedAt, createdAt, updatedAt) VALUES ('bench-fanout-event', 'bench-fanout', 'webinar',
        'published', 'Psychosocial support in protracted crises: a practical webinar', 'Keeping children safe when services break down.',
        'en', 'Europe/Zurich', 1, '[1440,60]', 'https://meet.example.org/j/bench-fanout', ?, ?, ?)`).run(stamp, stamp, stamp);
      const starts = now + FANOUT.startsInHours * HOUR_MS;
      db.prepare(`INSERT INTO Session (id, eventId, startsAt, endsAt, timeZone, languageCode, status, sequence, createdAt, updatedAt)
        VALUES ('bench-fanout-session', 'bench-fanout-event', ?, ?, 'Europe/Zurich', 'en', 'scheduled', 0, ?, ?)`)
        .run(sqlDate(starts), sqlDate(starts + 90 * 60_000), stamp, stamp);
      const insert = db.prepare(`INSERT INTO Registration (id, sessionId, name, email, emailNormalized, timeZone, locale, status,
        manageTokenHash, consentPrivacyAt, createdAt, updatedAt) VALUES (?, 'bench-fanout-session', ?, ?, ?, ?, 'en', 'confirmed', ?, ?, ?, ?)`);
      for (let i = 1; i <= FANOUT.emails; i++) {
        const id = `bench-fanout-reg-${String(i).padStart(5, "0")}`;
        const email = `participant${i}@example.org`;
        insert.run(id, `Participant ${i}`, email, email, ZONES[i % ZONES.length], createHash("sha256").update(id).digest("hex"), stamp, stamp, stamp);
      }
    })();
  } finally {
    db.close();
  }
  return dbPath;
}

/** The baseline: nodemailer alone, every message handed to the pool at once, as a script would. */
async function sendDirect(url: string, messages: SendMailOptions[]) {
  // The same pool settings as app/mail/mailer.server.ts.
  const transport = nodemailer.createTransport({
    url, pool: true, maxConnections: FANOUT.poolSize, maxMessages: 500, maxRequeues: 1,
    connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
  });
  const started = performance.now();
  await Promise.all(messages.map((message) => transport.sendMail(message)));
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return { seconds, emailsPerSecond: messages.length / seconds };
}

type FanoutResult = Awaited<ReturnType<typeof runFanout>>;

/** Runs the fan-out in a child process (see the top of this file) and returns its results. */
export async function benchFanout({ dir, log }: { dir: string; log: (message: string) => void }): Promise<FanoutResult> {
  log(`fan-out: ${FANOUT.emails} reminder emails to a local SMTP sink, pool of ${FANOUT.poolSize} connections`);
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_FANOUT_DIR: dir, DATABASE_URL: `file:${path.join(dir, "fanout.db")}`, NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  try {
    return await new Promise<FanoutResult>((resolve, reject) => {
      child.on("message", (message: { type: "result"; json: FanoutResult } | { type: "error"; message: string }) => {
        if (message.type === "result") resolve(message.json);
        else reject(new Error(message.message));
      });
      child.once("exit", (code) => reject(new Error(`the fan-out process exited with ${code}`)));
    });
  } finally {
    process.off("exit", kill);
    kill();
  }
}

async function runFanout(dir: string, log: (message: string) => void) {
  const now = Date.now();
  buildFanoutDatabase(dir, now);
  const sink = await startSink();
  // The app's own client, on DATABASE_URL (the fan-out database): loaded after the database exists.
  const { prisma: db } = await import("../app/utils/db.server.ts");
  const { enqueueDueReminders } = await import("../app/mail/reminders.server.ts");
  const { startMailWorker } = await import("../app/mail/mail-worker.server.ts");
  const { createMailer } = await import("../app/mail/mailer.server.ts");
  const { renderEmail } = await import("../emails/index.ts");
  const { getEnv } = await import("../app/utils/env.server.ts");
  const env = getEnv();

  try {
    // 1. The outbox rows (timed: part of the app's cost).
    let started = performance.now();
    const { enqueued } = await enqueueDueReminders(new Date(), db);
    const enqueueSeconds = (performance.now() - started) / 1000;
    if (enqueued !== FANOUT.emails) throw new Error(`fan-out: enqueueDueReminders wrote ${enqueued} rows, not ${FANOUT.emails}`);

    // 2. The baseline's messages: the same rows rendered as the worker renders them (timed apart).
    const rows = await db.outboxMessage.findMany({
      where: { status: "pending" },
      select: { id: true, kind: true, toAddress: true, toName: true, locale: true, payload: true, registrationId: true },
    });
    const host = new URL(env.BASE_URL).hostname;
    started = performance.now();
    const messages: SendMailOptions[] = rows.map((row) => {
      const email = renderEmail(row, { now: new Date() });
      return {
        from: env.MAIL_FROM,
        to: { name: row.toName, address: row.toAddress },
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: `<outbox.${row.id}@${host}>`,
        headers: { "X-Outbox-Id": row.id },
        ...(email.icalEvent ? { icalEvent: { ...email.icalEvent, filename: "invite.ics" } } : {}),
      };
    });
    const renderSeconds = (performance.now() - started) / 1000;

    const phase = async <T extends { seconds: number }>(name: string, run: () => Promise<T>) => {
      log(`  ${name}`);
      await sink.reset();
      const result = await run();
      return { ...result, sink: await sink.stats() };
    };

    const baselineBefore = await phase("baseline: nodemailer, pooled, pre-rendered", () => sendDirect(sink.url, messages));

    // 3. The app: the worker as `npm start` runs it, one tick after another until nothing is claimed.
    const workerLog: string[] = [];
    const app = await phase("app: outbox worker (lease, reminder check, render, send, mark sent)", async () => {
      const mailer = createMailer({ smtpUrl: sink.url, maxConnections: FANOUT.poolSize });
      const worker = startMailWorker({ intervalMs: 0, mailer, db, log: (message) => workerLog.push(message) });
      const ticks: number[] = [];
      const t0 = performance.now();
      try {
        for (;;) {
          const t = performance.now();
          const tick = await worker.runOnce();
          ticks.push(performance.now() - t);
          if (tick.failed) {
            const errors = await db.outboxMessage.groupBy({ by: ["lastError"], where: { lastError: { not: null } }, _count: { _all: true } });
            throw new Error(`fan-out: the worker failed ${tick.failed} email(s) in tick ${ticks.length}: ${workerLog.slice(-3).join(" | ")}; ` +
              errors.map((e) => `${e._count._all}× ${e.lastError}`).join(" | "));
          }
          if (tick.claimed === 0) break;
        }
      } finally {
        await worker.stop();
        mailer.close();
      }
      const workerSeconds = (performance.now() - t0) / 1000;
      // What every tick spends re-asking "which reminders are due?" (all 5,000 are already queued).
      const scans: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await enqueueDueReminders(new Date(), db);
        scans.push(performance.now() - t);
      }
      const scanMs = scans.sort((x, y) => x - y)[1]!;
      return { seconds: enqueueSeconds + workerSeconds, workerSeconds, ticks: ticks.length, slowestTickMs: Math.max(...ticks), reminderScanMs: scanMs };
    });

    const baselineAfter = await phase("baseline again", () => sendDirect(sink.url, messages));

    const outbox = Object.fromEntries(
      (await db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } })).map((g) => [g.status, g._count._all]),
    ) as Record<string, number>;

    // ---- the table ----
    const rate = (r: { seconds: number }) => FANOUT.emails / r.seconds;
    const baseRate = (rate(baselineBefore) + rate(baselineAfter)) / 2;
    const appRate = rate(app);
    const workerRate = FANOUT.emails / app.workerSeconds;
    const q = ratio(appRate, baseRate);
    const sinkOk = (s: SinkStats) => s.received === FANOUT.emails && s.distinct === FANOUT.emails;
    const invariants = {
      sinkGotEachOnce: sinkOk(app.sink) && sinkOk(baselineBefore.sink) && sinkOk(baselineAfter.sink),
      outboxAllSent: (outbox.sent ?? 0) === FANOUT.emails && Object.keys(outbox).length === 1,
    };
    const scanShare = (app.ticks * app.reminderScanMs) / 1000 / app.seconds;
    const table: Row[] = [
      { metric: "emails/s, enqueue + worker until all sent", app: fmt(appRate), baseline: fmt(baseRate), ratio: `${fmt(q, 2)}×`, target: `≥ ${FANOUT.ratioTarget}×`, status: met(q >= FANOUT.ratioTarget) },
      { metric: "emails/s, worker alone", app: fmt(workerRate), baseline: fmt(baseRate), ratio: `${fmt(ratio(workerRate, baseRate), 2)}×`, target: "", status: "" },
      { metric: "seconds: enqueue / worker (ticks)", app: `${fmt(enqueueSeconds, 2)} / ${fmt(app.workerSeconds, 1)} (${app.ticks})`, baseline: `${fmt(baselineBefore.seconds, 1)} / ${fmt(baselineAfter.seconds, 1)}`, ratio: "", target: "", status: "" },
      { metric: "reminder re-scan per tick, ms (share of app time)", app: `${fmt(app.reminderScanMs)} (${fmt(scanShare * 100)} %)`, baseline: "", ratio: "", target: "", status: "" },
      { metric: "rendering alone, emails/s", app: fmt(FANOUT.emails / renderSeconds), baseline: "", ratio: "", target: "", status: "" },
      { metric: "baseline drift (after/before)", app: "", baseline: `${fmt(rate(baselineBefore))} → ${fmt(rate(baselineAfter))}`, ratio: `${fmt(ratio(rate(baselineAfter), rate(baselineBefore)), 2)}×`, target: "noise", status: "" },
      { metric: "sink: received / distinct Message-IDs", app: `${app.sink.received} / ${app.sink.distinct}`, baseline: `${baselineBefore.sink.received} / ${baselineBefore.sink.distinct}`, ratio: "", target: `= ${FANOUT.emails} / ${FANOUT.emails}`, status: met(invariants.sinkGotEachOnce) },
      { metric: "outbox rows by status", app: Object.entries(outbox).map(([s, n]) => `${n} ${s}`).join(", "), baseline: "", ratio: "", target: `${FANOUT.emails} sent`, status: met(invariants.outboxAllSent) },
    ];
    printTable(`Reminder fan-out (${FANOUT.emails} emails, SMTP pool of ${FANOUT.poolSize}, local sink in its own process):`, table);
    const json = {
      settings: FANOUT,
      app: { ...app, enqueueSeconds, emailsPerSecond: appRate, workerEmailsPerSecond: workerRate },
      baselineBefore: { ...baselineBefore },
      baselineAfter: { ...baselineAfter },
      renderSeconds,
      averageMessageBytes: app.sink.bytes / Math.max(1, app.sink.received),
      outbox,
      invariants,
      table,
    };
    const broken = Object.entries(invariants).filter(([, ok]) => !ok).map(([name]) => name);
    if (broken.length) throw new Error(`fan-out broke its invariants: ${broken.join(", ")}`);
    return json;
  } finally {
    await db.$disconnect();
    await sink.close();
  }
}

if (process.env.BENCH_FANOUT_DIR && process.send) {
  const send = (message: object, code: number) => process.send!(message, () => process.exit(code));
  runFanout(process.env.BENCH_FANOUT_DIR, (message) => console.log(`[bench] ${message}`)).then(
    (json) => send({ type: "result", json }, 0),
    (error: unknown) => send({ type: "error", message: error instanceof Error ? error.message : String(error) }, 1),
  );
}
