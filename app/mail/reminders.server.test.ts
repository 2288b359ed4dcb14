import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createRegistration, createSession } from "../../tests/mail/fixtures.ts";
import { parse, startSmtpSink, type SmtpSink } from "../../tests/mail/smtp-sink.ts";
import { prisma } from "~/utils/db.server.ts";
import { createMailer, type Mailer } from "./mailer.server.ts";
import { startMailWorker } from "./mail-worker.server.ts";
import { enqueueDueReminders, parseReminderOffsets } from "./reminders.server.ts";

const HOUR = 3_600_000;
let sink: SmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = createMailer({ smtpUrl: sink.url });
});
afterAll(async () => {
  mailer.close();
  await sink.close();
});

async function remindersFor(registrationId: string) {
  const rows = await prisma.outboxMessage.findMany({ where: { registrationId, kind: "session-reminder" }, select: { dedupeKey: true } });
  return rows.map((r) => r.dedupeKey).sort();
}

/** Runs the worker (reminder scan included) at `now` and returns what reached the sink. */
async function tickAt(now: Date) {
  const before = sink.messages.length;
  const worker = startMailWorker({ intervalMs: 0, mailer, now: () => now, log: () => {} });
  const result = await worker.runOnce();
  await worker.stop();
  return { result, messages: sink.messages.slice(before) };
}

describe("reminders", () => {
  it("sends the 24-hour reminder once at T−24h and the 1-hour one at T−1h, never for cancellations", async () => {
    const start = new Date("2031-01-15T14:00:00Z");
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id, { startsAt: start });
    const person = await createRegistration(prisma, session.id, { name: "Sokha Chan", timeZone: "Asia/Bangkok" });
    const cancelledPerson = await createRegistration(prisma, session.id, { status: "cancelled" });
    const waitlisted = await createRegistration(prisma, session.id, { status: "waitlisted" });
    const cancelledSession = await createSession(prisma, event.id, { startsAt: start, status: "cancelled" });
    const inCancelledSession = await createRegistration(prisma, cancelledSession.id);

    let tick = await tickAt(new Date(start.getTime() - 25 * HOUR));
    expect(tick.messages).toHaveLength(0);
    expect(await remindersFor(person.id)).toEqual([]);

    tick = await tickAt(new Date(start.getTime() - 24 * HOUR));
    expect(tick.messages).toHaveLength(1);
    expect(tick.messages[0].to).toEqual([person.email]);
    const mail = await parse(tick.messages[0]);
    expect(mail.subject).toBe("Reminder: Case management in emergencies starts in 24 hours");
    expect(mail.text).toContain("starts in 24 hours");
    expect(mail.text).toContain("https://meet.example.org/j/session-secret-123");
    expect(mail.text).toMatch(/21:00\s*–\s*22:30 \(Indochina Time\)/);
    expect(await remindersFor(person.id)).toEqual([`reminder:${person.id}:1440`]);

    // Still inside the 24-hour window, an hour later: nothing new.
    tick = await tickAt(new Date(start.getTime() - 23 * HOUR));
    expect(tick.messages).toHaveLength(0);

    tick = await tickAt(new Date(start.getTime() - 1 * HOUR));
    expect(tick.messages).toHaveLength(1);
    expect((await parse(tick.messages[0])).subject).toBe("Reminder: Case management in emergencies starts in 1 hour");
    expect(await remindersFor(person.id)).toEqual([`reminder:${person.id}:1440`, `reminder:${person.id}:60`]);

    tick = await tickAt(new Date(start.getTime() - 10 * 60_000));
    expect(tick.messages).toHaveLength(0);
    // After the start, nothing at all.
    tick = await tickAt(new Date(start.getTime() + 60_000));
    expect(tick.messages).toHaveLength(0);

    for (const other of [cancelledPerson, waitlisted, inCancelledSession]) expect(await remindersFor(other.id)).toEqual([]);
  });

  it("sends only the most specific due reminder when the larger window has passed", async () => {
    const start = new Date("2031-02-10T09:00:00Z");
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id, { startsAt: start });
    const late = await createRegistration(prisma, session.id);
    const { enqueued } = await enqueueDueReminders(new Date(start.getTime() - 30 * 60_000));
    expect(enqueued).toBe(1);
    expect(await remindersFor(late.id)).toEqual([`reminder:${late.id}:60`]);
    const { messages } = await tickAt(new Date(start.getTime() - 30 * 60_000));
    // Said truthfully: it is 30 minutes, not "1 hour", away.
    expect((await parse(messages[0])).subject).toMatch(/starts in 30 minutes$/);
  });

  it("uses the event's own offsets and ignores drafts and cancelled events", async () => {
    const start = new Date("2031-03-03T12:00:00Z");
    const custom = await createEvent(prisma, { reminderOffsets: "[2880, 15]" });
    const customSession = await createSession(prisma, custom.id, { startsAt: start });
    const a = await createRegistration(prisma, customSession.id);
    const draft = await createEvent(prisma, { status: "draft" });
    const b = await createRegistration(prisma, (await createSession(prisma, draft.id, { startsAt: start })).id);
    const cancelled = await createEvent(prisma, { status: "cancelled" });
    const c = await createRegistration(prisma, (await createSession(prisma, cancelled.id, { startsAt: start })).id);

    await enqueueDueReminders(new Date(start.getTime() - 24 * HOUR));
    expect(await remindersFor(a.id)).toEqual([`reminder:${a.id}:2880`]);
    await enqueueDueReminders(new Date(start.getTime() - 1 * HOUR));
    expect(await remindersFor(a.id)).toEqual([`reminder:${a.id}:2880`]);
    await enqueueDueReminders(new Date(start.getTime() - 10 * 60_000));
    expect(await remindersFor(a.id)).toEqual([`reminder:${a.id}:15`, `reminder:${a.id}:2880`]);
    expect(await remindersFor(b.id)).toEqual([]);
    expect(await remindersFor(c.id)).toEqual([]);
  });

  it("does not send a queued reminder whose registration was cancelled in the meantime", async () => {
    const start = new Date("2031-04-01T16:00:00Z");
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id, { startsAt: start });
    const person = await createRegistration(prisma, session.id);
    const now = new Date(start.getTime() - 24 * HOUR);
    await enqueueDueReminders(now);
    await prisma.registration.update({ where: { id: person.id }, data: { status: "cancelled" } });
    const { messages } = await tickAt(now);
    expect(messages.filter((m) => m.to.includes(person.email))).toHaveLength(0);
    const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `reminder:${person.id}:1440` } });
    expect(row).toMatchObject({ status: "skipped", lastError: "registration cancelled" });
  });

  it("reads reminder offsets defensively", () => {
    expect(parseReminderOffsets("[60, 1440, 60]")).toEqual([1440, 60]);
    expect(parseReminderOffsets("not json")).toEqual([1440, 60]);
    expect(parseReminderOffsets("[]")).toEqual([]);
    expect(parseReminderOffsets('[-5, 0, "30", null]')).toEqual([30]);
  });
});
