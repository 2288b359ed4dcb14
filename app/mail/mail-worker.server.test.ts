import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createSession } from "../../tests/mail/fixtures.ts";
import { startSmtpSink, type SmtpSink } from "../../tests/mail/smtp-sink.ts";
import { claimOutboxBatch, enqueueRegistrationEmails } from "~/mail/outbox.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { hashManageToken, manageTokenFor } from "~/registration/manage-token.server.ts";
import { createMailer, type Mailer } from "./mailer.server.ts";
import { startMailWorker, type TickResult } from "./mail-worker.server.ts";

const CHILD = fileURLToPath(new URL("../../tests/mail/worker-process.ts", import.meta.url));
let sink: SmtpSink;
const mailers: Mailer[] = [];

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  for (const mailer of mailers) mailer.close();
  await sink.close();
});

function mailer() {
  const m = createMailer({ smtpUrl: sink.url });
  mailers.push(m);
  return m;
}

async function registrations(count: number) {
  const event = await createEvent(prisma);
  const session = await createSession(prisma, event.id);
  const rows = Array.from({ length: count }, (_, i) => {
    const id = `bulk_${randomBytes(6).toString("hex")}_${i}`;
    return {
      id,
      sessionId: session.id,
      name: `Participant ${i}`,
      email: `p${i}-${id}@example.org`,
      emailNormalized: `p${i}-${id}@example.org`,
      timeZone: "Asia/Dhaka",
      locale: "en",
      status: "confirmed",
      manageTokenHash: hashManageToken(manageTokenFor(id)),
    };
  });
  await prisma.registration.createMany({ data: rows });
  return rows.map((r) => r.id);
}

/** A worker in another process on the same database file; resolves once it is ready. */
function startChild(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", () => out.includes("ready\n") && resolve());
    child.once("exit", (code) => reject(new Error(`worker process exited early (${code}): ${err}`)));
  });
  const done = new Promise<{ sent: number; failed: number }>((resolve, reject) => {
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`worker process failed (${code}): ${err}`));
      resolve(JSON.parse(out.trim().split("\n").pop()!));
    });
  });
  return { ready, done, go: () => child.stdin.write("go\n") };
}

describe("mail worker", () => {
  it("loses nothing while the mail server is down and sends each email exactly once afterwards, with three workers in two processes", async () => {
    const now = new Date("2030-06-01T08:00:00Z");
    const ids = await registrations(500);
    await prisma.$transaction((tx) =>
      enqueueRegistrationEmails(
        tx,
        ids.map((id) => ({ kind: "registration-confirmed" as const, registrationId: id, dedupeKey: `down:${id}` })),
        now,
      ),
    );
    const keys = ids.map((id) => `down:${id}`);

    // Down: every attempt fails, every row stays pending with its error and a later retry time.
    sink.setDown(true);
    const downWorker = startMailWorker({ intervalMs: 0, batchSize: 100, now: () => now, mailer: mailer(), reminders: false, log: () => {} });
    let failed = 0;
    for (let claimed = -1; claimed !== 0; ) {
      const result: TickResult = await downWorker.runOnce();
      failed += result.failed;
      claimed = result.claimed;
    }
    await downWorker.stop();
    expect(failed).toBe(500);
    expect(sink.messages).toHaveLength(0);
    const rows = await prisma.outboxMessage.findMany({ where: { dedupeKey: { in: keys } } });
    expect(rows).toHaveLength(500);
    for (const row of rows) {
      expect(row.status).toBe("pending");
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/421|not available/i);
      expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + 30_000);
      expect(row.leaseUntil).toBeNull();
    }

    // Back up, 31 s later: two in-process workers and one in another process race for the rows.
    sink.setDown(false);
    const later = new Date(now.getTime() + 31_000);
    const child = startChild({
      SMTP_URL: sink.url,
      NOW: later.toISOString(),
      WORKER_ID: "worker-process",
      BATCH_SIZE: "20",
    });
    await child.ready;
    const workers = ["worker-a", "worker-b"].map((workerId) =>
      startMailWorker({ workerId, intervalMs: 0, batchSize: 20, now: () => later, mailer: mailer(), reminders: false, log: () => {} }),
    );
    child.go();
    const drain = async (worker: (typeof workers)[number]) => {
      let sent = 0;
      for (let idle = 0; idle < 2; ) {
        const result = await worker.runOnce();
        sent += result.sent;
        idle = result.claimed === 0 ? idle + 1 : 0;
      }
      return sent;
    };
    const [a, b, fromChild] = await Promise.all([drain(workers[0]), drain(workers[1]), child.done]);
    await Promise.all(workers.map((w) => w.stop()));

    expect(a + b + fromChild.sent).toBe(500);
    // The other process really took part in the race.
    expect(fromChild.sent).toBeGreaterThan(0);
    expect(a + b).toBeGreaterThan(0);
    await sink.waitFor(500);
    const delivered = sink.messages.map((m) => m.messageId);
    expect(new Set(delivered).size).toBe(500);
    expect(sink.messages).toHaveLength(500);
    const sent = await prisma.outboxMessage.findMany({ where: { dedupeKey: { in: keys } }, select: { status: true, attempts: true, id: true } });
    expect(sent.every((r) => r.status === "sent" && r.attempts === 2)).toBe(true);
    expect(new Set(sink.messages.map((m) => m.outboxId))).toEqual(new Set(sent.map((r) => r.id)));
  }, 120_000);

  it("never lets two claims take the same row", async () => {
    // Earlier than every other test's rows, so only this test's rows are due.
    const now = new Date("2029-01-01T08:00:00Z");
    const ids = await registrations(60);
    await prisma.$transaction((tx) =>
      enqueueRegistrationEmails(tx, ids.map((id) => ({ kind: "registration-waitlisted" as const, registrationId: id, dedupeKey: `claim:${id}` })), now),
    );
    const claims = await Promise.all(
      Array.from({ length: 6 }, (_, i) => claimOutboxBatch({ workerId: `w${i}`, now, limit: 25, leaseMs: 60_000 })),
    );
    const all = claims.flat().map((m) => m.id);
    expect(all.length).toBe(60);
    expect(new Set(all).size).toBe(60);
    // Leased rows are not due again until the lease runs out.
    expect(await claimOutboxBatch({ workerId: "late", now, limit: 100, leaseMs: 60_000 })).toHaveLength(0);
    const afterLease = await claimOutboxBatch({ workerId: "late", now: new Date(now.getTime() + 61_000), limit: 100, leaseMs: 60_000 });
    expect(afterLease).toHaveLength(60);
  });

  it("keeps running when a tick fails, and stop() waits for the tick in progress", async () => {
    const messages: string[] = [];
    const broken = startMailWorker({
      intervalMs: 5,
      now: () => {
        throw new Error("clock exploded");
      },
      mailer: mailer(),
      log: (m) => messages.push(m),
    });
    await new Promise((r) => setTimeout(r, 60));
    await broken.stop();
    expect(messages.some((m) => m.includes("clock exploded"))).toBe(true);
    expect(messages.length).toBeGreaterThan(1);
  });
});
