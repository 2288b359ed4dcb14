/**
 * A mail worker in its own OS process, for tests that prove two processes never send the same
 * row. Configured by environment (DATABASE_URL, SMTP_URL, WORKER_ID, NOW as a fixed ISO clock);
 * prints "ready", waits for "go" on stdin, drains the outbox, prints its totals as JSON, exits.
 */
import { createMailer } from "../../app/mail/mailer.server.ts";
import { startMailWorker } from "../../app/mail/mail-worker.server.ts";
import { prisma } from "../../app/utils/db.server.ts";

const now = new Date(process.env.NOW ?? Date.now());
const mailer = createMailer({ smtpUrl: process.env.SMTP_URL });
const worker = startMailWorker({
  intervalMs: 0,
  batchSize: Number(process.env.BATCH_SIZE ?? 20),
  workerId: process.env.WORKER_ID ?? `child-${process.pid}`,
  now: () => now,
  mailer,
  reminders: false,
  log: (m) => process.stderr.write(`${m}\n`),
});
// Warm up the connection so the race starts when the parent says so, not after our start-up.
await prisma.outboxMessage.count();
process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
// A flowing stdin would keep this process alive after the work is done.
process.stdin.destroy();

const totals = { sent: 0, failed: 0, ticks: 0 };
let idle = 0;
while (idle < 2) {
  const result = await worker.runOnce();
  totals.sent += result.sent;
  totals.failed += result.failed;
  totals.ticks += 1;
  idle = result.claimed === 0 ? idle + 1 : 0;
}
await worker.stop();
mailer.close();
await prisma.$disconnect();
process.stdout.write(`${JSON.stringify(totals)}\n`, () => process.exit(0));
