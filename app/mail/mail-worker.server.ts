/**
 * The mail worker: on each tick it enqueues due reminders, leases a batch of due outbox rows,
 * renders and sends them (as many at once as the SMTP pool has connections) and records each
 * outcome. It runs inside the web process (`npm start`) and also alone (`npm run worker`); any
 * number of workers may run against one database because rows are leased, never just read.
 *
 * Delivery is at-least-once by construction (a process can die between the SMTP server's "250 OK"
 * and our UPDATE), so the Message-ID is derived from the row: a receiving system that sees the
 * message twice can tell it is the same one.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { renderEmail } from "../../emails/index.ts";
import type { PrismaClient } from "~/generated/prisma/client.ts";
import {
  claimOutboxBatch,
  deferOutboxMessages,
  isMailServerUnavailable,
  markOutboxFailed,
  markOutboxSent,
  markOutboxSkipped,
  releaseOutboxLeases,
  type ClaimedMessage,
} from "~/mail/outbox.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { getSiteSettings } from "~/organisers/settings.server.ts";
import { closeMailer, getMailer, type Mailer } from "./mailer.server.ts";
import { enqueueDueReminders, reminderObstacle } from "./reminders.server.ts";

export type MailWorkerOptions = {
  /** Pause between ticks when there is nothing more to do; 0 = no timer, only runOnce(). */
  intervalMs?: number;
  batchSize?: number;
  /** A controllable clock for tests. */
  now?: () => Date;
  log?: (message: string) => void;
  workerId?: string;
  /** How long a claimed row stays ours; must exceed the time to send one batch slice. */
  leaseMs?: number;
  /** Messages in flight at once; defaults to twice the mailer's pool size. */
  concurrency?: number;
  mailer?: Mailer;
  /** Enqueue due reminders on each tick (default true). */
  reminders?: boolean;
  db?: PrismaClient;
};

export type MailWorker = {
  workerId: string;
  /** One tick now (after the current one, if any). Never rejects. */
  runOnce(): Promise<TickResult>;
  /** Stops the timer, waits for the current tick and gives back unprocessed leases. */
  stop(): Promise<void>;
};

export type TickResult = { sent: number; failed: number; skipped: number; claimed: number };

const DEFAULT_LEASE_MS = 120_000;
const REMINDER_SCAN_MS = 60_000;

export function startMailWorker(options: MailWorkerOptions = {}): MailWorker {
  const intervalMs = options.intervalMs ?? 5_000;
  const batchSize = options.batchSize ?? 50;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => console.log(`[mail] ${message}`));
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const db = options.db ?? prisma;
  const useReminders = options.reminders ?? true;
  let mailer = options.mailer;
  const ownsMailer = !options.mailer;
  const mailerOf = () => (mailer ??= getMailer());

  let stopped = false;
  let lastServerError: unknown;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let lastReminderScan = Number.NEGATIVE_INFINITY;

  type Outcome = "sent" | "failed" | "skipped" | "lost" | "server-down";

  async function deliver(message: ClaimedMessage, claimedAt: Date): Promise<Outcome> {
    // Never start a send our lease may not outlast: another worker could take the row over and
    // send it too. Such rows are simply left for the next claim.
    const leaseLeft = claimedAt.getTime() + leaseMs - now().getTime();
    if (leaseLeft < Math.min(leaseMs / 2, 45_000)) return "lost";
    try {
      if (message.kind === "session-reminder") {
        const obstacle = await reminderObstacle(message.registrationId, now(), db);
        if (obstacle) {
          await markOutboxSkipped(message.id, workerId, obstacle, db);
          return "skipped";
        }
      }
      // The sender organisers chose in site settings, else MAIL_FROM; replies go to the contact
      // address when there is one (the sender is often a no-reply address).
      const settings = await getSiteSettings(db);
      const from = settings.senderAddress || undefined;
      const replyTo = settings.contactAddress || undefined;
      const email = renderEmail(message, { now: now(), from, contactAddress: replyTo, siteName: settings.siteName });
      await mailerOf().send({
        from,
        ...(replyTo ? { replyTo } : {}),
        to: { name: message.toName, address: message.toAddress },
        ...email,
        messageId: `<outbox.${message.id}@${new URL(getEnv().BASE_URL).hostname}>`,
        headers: { "X-Outbox-Id": message.id },
      });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      try {
        const outcome = await markOutboxFailed(message.id, workerId, error, now(), db);
        if (isMailServerUnavailable(error)) {
          lastServerError = error;
          return "server-down";
        }
        log(`${message.kind} to ${message.toAddress} failed (${outcome?.status ?? "lease lost"}): ${text}`);
      } catch (markError) {
        log(`could not record failure of ${message.id}: ${String(markError)}`);
      }
      return "failed";
    }
    if (!(await markOutboxSent(message.id, workerId, now(), db))) {
      log(`${message.id} was sent but its lease had passed to another worker`);
    }
    return "sent";
  }

  /**
   * Rows for one registration go out one after another in the order they were written (a
   * confirmation before the cancellation that followed it); different registrations in parallel.
   */
  async function sendAll(messages: ClaimedMessage[], claimedAt: Date): Promise<TickResult> {
    const result: TickResult = { sent: 0, failed: 0, skipped: 0, claimed: messages.length };
    let serverDown = false;
    const untried: string[] = [];
    const queues = new Map<string, ClaimedMessage[]>();
    for (const message of messages) {
      const key = message.registrationId ?? message.id;
      const queue = queues.get(key) ?? [];
      queue.push(message);
      queues.set(key, queue);
    }
    const pending = [...queues.values()];
    // Twice the pool, so a connection always has the next message waiting while another
    // lane does its database work.
    const concurrency = Math.max(1, options.concurrency ?? mailerOf().maxConnections * 2);
    async function lane() {
      for (let queue = pending.shift(); queue; queue = pending.shift()) {
        for (const message of queue) {
          // Once the server is known to be down, the rest of the batch is not even tried.
          if (serverDown) {
            untried.push(message.id);
            continue;
          }
          const outcome = await deliver(message, claimedAt);
          if (outcome === "server-down") {
            serverDown = true;
            result.failed += 1;
          } else if (outcome !== "lost") result[outcome] += 1;
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, lane));
    if (serverDown) {
      const text = lastServerError instanceof Error ? lastServerError.message : String(lastServerError);
      result.failed += await deferOutboxMessages(untried, workerId, lastServerError, now(), db);
      log(`mail server unavailable, ${result.failed} email(s) will be retried: ${text}`);
    }
    return result;
  }

  async function tick(): Promise<TickResult> {
    const empty: TickResult = { sent: 0, failed: 0, skipped: 0, claimed: 0 };
    try {
      // Scanning for due reminders costs a query over every upcoming registration, so it runs
      // at most once a minute of the worker's clock, not on every back-to-back tick of a big send.
      const scanDue = now().getTime() - lastReminderScan >= REMINDER_SCAN_MS;
      if (useReminders && scanDue) {
        lastReminderScan = now().getTime();
        try {
          const { enqueued } = await enqueueDueReminders(now(), db);
          if (enqueued) log(`enqueued ${enqueued} reminder(s)`);
        } catch (error) {
          // Reminders failing must not hold up the emails already waiting.
          log(`reminder scan failed: ${String(error)}`);
        }
      }
      const claimedAt = now();
      const messages = await claimOutboxBatch({ workerId, now: claimedAt, limit: batchSize, leaseMs, db });
      if (messages.length === 0) return empty;
      return await sendAll(messages, claimedAt);
    } catch (error) {
      log(`tick failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return empty;
    }
  }

  function runOnce(): Promise<TickResult> {
    const next = chain.then(tick);
    chain = next.catch(() => undefined);
    return next;
  }

  function schedule(delay: number) {
    if (stopped || intervalMs <= 0) return;
    timer = setTimeout(async () => {
      timer = undefined;
      const result = await runOnce();
      // A full batch means more is probably waiting: carry on without pausing.
      schedule(result.claimed >= batchSize ? 0 : intervalMs);
    }, delay);
  }
  schedule(0);

  return {
    workerId,
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await chain;
      try {
        await releaseOutboxLeases(workerId, db);
      } catch {
        // The database may already be closed; the leases expire by themselves.
      }
      // A mailer passed in belongs to the caller; the shared one is closed with the worker.
      if (ownsMailer && mailer) closeMailer();
      mailer = undefined;
    },
  };
}
