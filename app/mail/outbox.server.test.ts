import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createRegistration, createSession } from "../../tests/mail/fixtures.ts";
import { calendarOf, parse, startSmtpSink, type SmtpSink } from "../../tests/mail/smtp-sink.ts";
import { prisma } from "~/utils/db.server.ts";
import { createMailer, type Mailer } from "~/mail/mailer.server.ts";
import { startMailWorker } from "~/mail/mail-worker.server.ts";
import { manageUrlFor } from "~/registration/manage-token.server.ts";
import {
  backoffMs,
  enqueueRegistrationEmail,
  enqueueRegistrationEmails,
  listOutbox,
  outboxCounts,
  retryOutboxMessage,
  type EnqueueInput,
} from "./outbox.server.ts";

let sink: SmtpSink;
let mailer: Mailer;
const clock = { now: new Date("2030-03-01T09:00:00Z") };

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = createMailer({ smtpUrl: sink.url });
});
afterAll(async () => {
  mailer.close();
  await sink.close();
});

function enqueue(input: EnqueueInput) {
  return prisma.$transaction((tx) => enqueueRegistrationEmail(tx, input, clock.now));
}

/** Runs one worker tick and returns the messages that reached the sink during it. */
async function deliver() {
  const before = sink.messages.length;
  const worker = startMailWorker({ intervalMs: 0, mailer, now: () => clock.now, reminders: false, log: () => {} });
  const result = await worker.runOnce();
  await worker.stop();
  return { result, messages: sink.messages.slice(before) };
}

describe("outbox to inbox", () => {
  it("delivers a confirmation with the time in the registrant's zone, the links and an Outlook-ready invitation", async () => {
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id, { startsAt: new Date("2030-03-12T13:00:00Z") });
    const registration = await createRegistration(prisma, session.id, {
      name: "Amina Yusuf",
      email: "Amina.Yusuf@example.org",
      timeZone: "Africa/Nairobi",
    });

    expect(await enqueue({ kind: "registration-confirmed", registrationId: registration.id, dedupeKey: `confirmed:${registration.id}` })).toMatchObject({ created: true });
    const { result, messages } = await deliver();
    expect(result).toMatchObject({ sent: 1, failed: 0 });
    expect(messages).toHaveLength(1);
    expect(messages[0].to).toEqual(["Amina.Yusuf@example.org"]);

    const mail = await parse(messages[0]);
    expect(mail.subject).toBe("You’re registered: Case management in emergencies");
    expect(mail.html).toBeTruthy();
    expect(mail.text).toBeTruthy();
    const text = mail.text!;
    // 13:00 UTC is 16:00 in Nairobi, named as such.
    expect(text).toMatch(/Tuesday.*(12 March|March 12),? 2030.*16:00\s*–\s*17:30 \(East Africa Time\)/);
    // The week between the US and EU clock changes: New York is 4 hours behind London, not 5.
    expect(text).toContain("09:00 New York · 13:00 London · 14:00 Geneva · 16:00 Nairobi · 20:00 Bangkok");
    expect(text).toContain(manageUrlFor(registration.id));
    expect(text).toContain("https://meet.example.org/j/session-secret-123");
    expect(text).toContain(`http://localhost:3000/events/${event.slug}`);
    // The text part is written text, not HTML with the tags stripped.
    expect(text).not.toMatch(/<[a-z]/i);
    expect(text).toMatch(/^Dear Amina Yusuf,$/m);
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
    expect(mail.html).toContain(manageUrlFor(registration.id));
    expect(mail.html).toContain("East Africa Time");

    const invite = await calendarOf(messages[0]);
    expect(invite).not.toBeNull();
    expect(invite!.mimeMethod).toBe("REQUEST");
    expect(invite!.method).toBe("REQUEST");
    expect(invite!.event.uid).toBe(`session-${session.id}@localhost`);
    expect(invite!.event.sequence).toBe(0);
    expect(invite!.vevent.getFirstPropertyValue("organizer")).toBe("mailto:no-reply@localhost");
    expect(String(invite!.vevent.getFirstPropertyValue("attendee")).toLowerCase()).toBe("mailto:amina.yusuf@example.org");
    const dtstart = invite!.vevent.getFirstProperty("dtstart")!;
    expect(dtstart.toICALString()).toBe("DTSTART:20300312T130000Z");
    expect(invite!.event.description).toContain(manageUrlFor(registration.id));
    expect(invite!.event.description).toContain("https://meet.example.org/j/session-secret-123");

    const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `confirmed:${registration.id}` } });
    expect(row).toMatchObject({ status: "sent", attempts: 1, leaseUntil: null });
    expect(row.sentAt).toEqual(clock.now);
    // A bearer link is never stored: it is derived when the email is sent.
    expect(row.payload).not.toContain("/manage/");
  });

  it("moves the calendar entry after a reschedule and removes it when the session is cancelled", async () => {
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id, { startsAt: new Date("2030-04-02T08:00:00Z") });
    const registration = await createRegistration(prisma, session.id, { timeZone: "Asia/Bangkok" });
    await enqueue({ kind: "registration-confirmed", registrationId: registration.id, dedupeKey: `c:${registration.id}` });
    const first = (await deliver()).messages;
    const original = await calendarOf(first[0]);

    await prisma.session.update({
      where: { id: session.id },
      data: { startsAt: new Date("2030-04-02T10:00:00Z"), endsAt: new Date("2030-04-02T11:30:00Z"), sequence: { increment: 1 } },
    });
    await enqueue({
      kind: "session-updated",
      registrationId: registration.id,
      dedupeKey: `updated:${registration.id}:1`,
      extra: { previousStartsAt: "2030-04-02T08:00:00.000Z", previousEndsAt: "2030-04-02T09:30:00.000Z" },
    });
    const [updateMail] = (await deliver()).messages;
    const updated = await calendarOf(updateMail);
    expect(updated!.mimeMethod).toBe("REQUEST");
    expect(updated!.event.uid).toBe(original!.event.uid);
    expect(updated!.event.sequence).toBeGreaterThan(original!.event.sequence);
    expect(updated!.vevent.getFirstProperty("dtstart")!.toICALString()).toBe("DTSTART:20300402T100000Z");
    const updateText = (await parse(updateMail)).text!;
    expect((await parse(updateMail)).subject).toBe("Updated: Case management in emergencies");
    expect(updateText).toMatch(/Your time: .*17:00\s*–\s*18:30 \(Indochina Time\)/); // Bangkok, UTC+7
    expect(updateText).toMatch(/Previously: .*15:00\s*–\s*16:30/);

    await prisma.session.update({ where: { id: session.id }, data: { status: "cancelled", sequence: { increment: 1 } } });
    await enqueue({ kind: "session-cancelled", registrationId: registration.id, dedupeKey: `session-cancelled:${registration.id}`, extra: { reason: "The speaker is unwell." } });
    const [cancelMail] = (await deliver()).messages;
    const cancelled = await calendarOf(cancelMail);
    expect(cancelled!.mimeMethod).toBe("CANCEL");
    expect(cancelled!.method).toBe("CANCEL");
    expect(cancelled!.event.uid).toBe(original!.event.uid);
    expect(cancelled!.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    const cancelText = (await parse(cancelMail)).text!;
    expect(cancelText).toContain("The speaker is unwell.");
    // No join link for a session that will not happen.
    expect(cancelText).not.toContain("meet.example.org");
  });

  it("cancels the calendar entry of the session left behind after a switch", async () => {
    const event = await createEvent(prisma);
    const asia = await createSession(prisma, event.id, { startsAt: new Date("2030-05-06T03:00:00Z"), title: "Asia" });
    const americas = await createSession(prisma, event.id, { startsAt: new Date("2030-05-06T15:00:00Z"), title: "Americas" });
    const registration = await createRegistration(prisma, asia.id);
    await prisma.registration.update({ where: { id: registration.id }, data: { sessionId: americas.id } });
    await enqueue({
      kind: "registration-cancelled",
      registrationId: registration.id,
      dedupeKey: `cancelled:${registration.id}:${asia.id}`,
      extra: { previousSessionId: asia.id, reason: "switched" },
    });
    await enqueue({
      kind: "registration-confirmed",
      registrationId: registration.id,
      dedupeKey: `confirmed:${registration.id}:${americas.id}`,
      extra: { previousSessionId: asia.id, reason: "switched" },
    });
    const { messages } = await deliver();
    expect(messages).toHaveLength(2);
    const invites = await Promise.all(messages.map(calendarOf));
    const cancel = invites.find((i) => i!.method === "CANCEL")!;
    const request = invites.find((i) => i!.method === "REQUEST")!;
    expect(cancel.event.uid).toBe(`session-${asia.id}@localhost`);
    expect(request.event.uid).toBe(`session-${americas.id}@localhost`);
    // Written in that order, sent in that order.
    expect(messages[0].raw.toString()).toContain("method=CANCEL");
  });

  it("writes one row per dedupe key", async () => {
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id);
    const registration = await createRegistration(prisma, session.id);
    const input = { kind: "registration-confirmed" as const, registrationId: registration.id, dedupeKey: `dup:${registration.id}` };
    expect(await enqueue(input)).toMatchObject({ created: true });
    expect(await enqueue(input)).toEqual({ created: false });
    const bulk = await prisma.$transaction((tx) => enqueueRegistrationEmails(tx, [input, input, { ...input, dedupeKey: `dup2:${registration.id}` }], clock.now));
    expect(bulk.created).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { dedupeKey: { in: [`dup:${registration.id}`, `dup2:${registration.id}`] } } })).toBe(2);
  });

  it("rolls the email back with the change that caused it", async () => {
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id);
    const registration = await createRegistration(prisma, session.id);
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.registration.update({ where: { id: registration.id }, data: { status: "cancelled" } });
        await enqueueRegistrationEmail(tx, { kind: "registration-cancelled", registrationId: registration.id, dedupeKey: `rb:${registration.id}` });
        throw new Error("something later in the transaction failed");
      }),
    ).rejects.toThrow("later");
    expect(await prisma.outboxMessage.count({ where: { dedupeKey: `rb:${registration.id}` } })).toBe(0);
    await expect(enqueue({ kind: "registration-confirmed", registrationId: "no-such-registration", dedupeKey: "x" })).rejects.toThrow(/no registration/);
  });

  it("backs off exponentially, gives up on a rejected message after 8 attempts and can be retried by an organiser", async () => {
    expect([1, 2, 3, 7, 8, 20].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 1_920_000, 3_600_000, 3_600_000]);
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id);
    const registration = await createRegistration(prisma, session.id);
    const start = clock.now;
    const worker = startMailWorker({ intervalMs: 0, mailer, now: () => clock.now, reminders: false, log: () => {} });

    // A server that is down for ten hours: the email waits, it never gives up.
    await enqueue({ kind: "registration-confirmed", registrationId: registration.id, dedupeKey: `waits:${registration.id}` });
    sink.setDown(true);
    try {
      for (let i = 0; i < 10; i++) {
        await worker.runOnce();
        clock.now = new Date(clock.now.getTime() + 3_600_000);
      }
    } finally {
      sink.setDown(false);
    }
    const waiting = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `waits:${registration.id}` } });
    expect(waiting).toMatchObject({ status: "pending", attempts: 10 });
    expect(waiting.lastError).toMatch(/421/);
    await worker.runOnce();
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: "sent" });

    // A message the server refuses: eight tries, then "failed" for an organiser to look at.
    await enqueue({ kind: "registration-confirmed", registrationId: registration.id, dedupeKey: `gives-up:${registration.id}` });
    sink.setRejecting(550);
    try {
      for (let i = 0; i < 9; i++) {
        await worker.runOnce();
        clock.now = new Date(clock.now.getTime() + 3_600_000);
      }
    } finally {
      sink.setRejecting(null);
    }
    await worker.stop();
    const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `gives-up:${registration.id}` } });
    expect(row).toMatchObject({ status: "failed", attempts: 8 });
    expect(row.lastError).toMatch(/550/);
    expect((await outboxCounts()).failed).toBeGreaterThanOrEqual(1);
    expect((await listOutbox({ status: "failed" })).items.map((i) => i.id)).toContain(row.id);

    expect(await retryOutboxMessage(row.id, clock.now)).toBe(true);
    const { messages } = await deliver();
    expect(messages.map((m) => m.outboxId)).toEqual([row.id]);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent" });
    clock.now = start;
  });
});
