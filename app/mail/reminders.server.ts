/**
 * Reminder scheduling. Rather than storing one future row per reminder (which would have to be
 * moved on every reschedule and deleted on every cancellation), the worker asks on each tick
 * "which reminders are due now?" against the current state of sessions and registrations, and
 * enqueues them with a dedupe key that makes each reminder happen once per registration, ever.
 */
import type { PrismaClient } from "~/generated/prisma/client.ts";
import { enqueueRegistrationEmails, type EnqueueInput } from "~/mail/outbox.server.ts";
import { prisma } from "~/utils/db.server.ts";

const DEFAULT_REMINDER_OFFSETS = [1440, 60];
/** Offsets beyond this are ignored, so the scan for upcoming sessions stays small. */
const MAX_OFFSET_MINUTES = 60 * 24 * 30;
const MINUTE = 60_000;

/** An event's reminderOffsets JSON as distinct whole minutes, largest first. */
export function parseReminderOffsets(json: string | null | undefined): number[] {
  let value: unknown;
  try {
    value = JSON.parse(json ?? "null");
  } catch {
    return [...DEFAULT_REMINDER_OFFSETS];
  }
  if (!Array.isArray(value)) return [...DEFAULT_REMINDER_OFFSETS];
  const minutes = value
    .map((v) => (typeof v === "number" ? Math.round(v) : typeof v === "string" ? Math.round(Number(v)) : NaN))
    .filter((v) => Number.isFinite(v) && v > 0 && v <= MAX_OFFSET_MINUTES);
  return [...new Set(minutes)].sort((a, b) => b - a);
}

function reminderDedupeKey(registrationId: string, offsetMinutes: number): string {
  return `reminder:${registrationId}:${offsetMinutes}`;
}

/**
 * Enqueues every reminder due at `now`. For an event with offsets [1440, 60] a registration gets
 * the 24-hour reminder while its session starts in (60 min, 24 h] from now and the 1-hour one
 * while it starts in (0, 60 min]: an offset whose window has passed is skipped in favour of the
 * most specific due one, so nobody is told "starts in 24 hours" half an hour before the start.
 *
 * Only confirmed registrations of scheduled sessions of published events. One query per distinct
 * window, whatever the number of registrations.
 */
export async function enqueueDueReminders(now: Date, db: PrismaClient = prisma): Promise<{ enqueued: number }> {
  const horizon = new Date(now.getTime() + MAX_OFFSET_MINUTES * MINUTE);
  const events = await db.event.findMany({
    where: {
      status: "published",
      sessions: { some: { status: "scheduled", startsAt: { gt: now, lte: horizon } } },
    },
    select: { id: true, reminderOffsets: true },
  });
  if (events.length === 0) return { enqueued: 0 };

  // Events that share a window are queried together: "(offset, next]" → event ids.
  const windows = new Map<string, { offset: number; next: number; eventIds: string[] }>();
  for (const event of events) {
    const offsets = parseReminderOffsets(event.reminderOffsets);
    offsets.forEach((offset, i) => {
      const next = offsets[i + 1] ?? 0;
      const key = `${offset}:${next}`;
      const window = windows.get(key) ?? { offset, next, eventIds: [] };
      window.eventIds.push(event.id);
      windows.set(key, window);
    });
  }

  let enqueued = 0;
  for (const { offset, next, eventIds } of windows.values()) {
    const due = await db.registration.findMany({
      where: {
        status: "confirmed",
        session: {
          status: "scheduled",
          eventId: { in: eventIds },
          event: { status: "published" },
          startsAt: { gt: new Date(now.getTime() + next * MINUTE), lte: new Date(now.getTime() + offset * MINUTE) },
        },
      },
      select: { id: true, session: { select: { startsAt: true } } },
    });
    if (due.length === 0) continue;
    const inputs: EnqueueInput[] = due.map((r) => ({
      kind: "session-reminder",
      registrationId: r.id,
      dedupeKey: reminderDedupeKey(r.id, offset),
      extra: {
        offsetMinutes: offset,
        minutesToStart: Math.round((r.session.startsAt.getTime() - now.getTime()) / MINUTE),
      },
    }));
    const { created } = await db.$transaction((tx) => enqueueRegistrationEmails(tx, inputs, now));
    enqueued += created;
  }
  return { enqueued };
}

/**
 * Checked just before a reminder is sent: the snapshot was taken when it was enqueued, and the
 * registration or session may have been cancelled since. Returns why it must not go, or null.
 */
export async function reminderObstacle(
  registrationId: string | null,
  now: Date,
  db: PrismaClient = prisma,
): Promise<string | null> {
  if (!registrationId) return "no registration";
  const registration = await db.registration.findUnique({
    where: { id: registrationId },
    select: { status: true, session: { select: { status: true, startsAt: true, event: { select: { status: true } } } } },
  });
  if (!registration) return "registration deleted";
  if (registration.status !== "confirmed") return `registration ${registration.status}`;
  if (registration.session.status !== "scheduled") return `session ${registration.session.status}`;
  if (registration.session.event.status !== "published") return `event ${registration.session.event.status}`;
  if (registration.session.startsAt.getTime() <= now.getTime()) return "session already started";
  return null;
}
