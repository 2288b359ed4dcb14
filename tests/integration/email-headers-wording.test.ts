// Emails as they arrive at a real SMTP server, read back with mailparser: the headers every
// email carries (Auto-Submitted, RFC 3834; Reply-To, the contact address from the site
// settings) and the words that were wrong for the situation, in every language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailMessages } from "../../emails/locales/index.ts";
import { enqueueRegistrationEmail, EMAIL_KINDS, type EmailKind } from "../../app/mail/outbox.server.ts";
import { cancelRegistration, registerForSession } from "../../app/registration/registrations.server.ts";
import { clearSiteSettingsCache } from "../../app/organisers/settings.server.ts";
import { prisma } from "../../app/utils/db.server.ts";
import { startMailWorker } from "../../app/mail/mail-worker.server.ts";
import { createMailer, type Mailer } from "../../app/mail/mailer.server.ts";
import { createEvent, createRegistration, createSession } from "../mail/fixtures.ts";
import { calendarOf, parse, startSmtpSink, type SinkMessage, type SmtpSink } from "../mail/smtp-sink.ts";

const LOCALES = ["en", "fr", "es", "ar", "pl"] as const;
const CONTACT = "learning-team@example.org";
const NOW = new Date("2029-12-31T00:00:00Z");
let sink: SmtpSink;
let mailer: Mailer;
let serial = 0;

async function setContactAddress(address: string) {
  await prisma.siteSetting.upsert({
    where: { key: "contactAddress" },
    create: { key: "contactAddress", value: JSON.stringify(address) },
    update: { value: JSON.stringify(address) },
  });
  clearSiteSettingsCache();
}

/** Sends every pending row; returns the messages that arrived, by recipient address. */
async function sendPending(): Promise<Map<string, SinkMessage[]>> {
  const before = sink.messages.length;
  const worker = startMailWorker({ intervalMs: 0, batchSize: 100, now: () => NOW, mailer, reminders: false, log: () => {} });
  for (let claimed = -1; claimed !== 0; ) claimed = (await worker.runOnce()).claimed;
  await worker.stop();
  const byRecipient = new Map<string, SinkMessage[]>();
  for (const message of sink.messages.slice(before)) {
    for (const to of message.to) byRecipient.set(to, [...(byRecipient.get(to) ?? []), message]);
  }
  return byRecipient;
}

async function enqueue(kind: EmailKind, registrationId: string, extra: Record<string, unknown> = {}) {
  await prisma.$transaction((tx) =>
    enqueueRegistrationEmail(tx, { kind, registrationId, dedupeKey: `words:${kind}:${registrationId}:${serial++}`, extra }, new Date("2029-06-01T00:00:00Z")),
  );
}

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = createMailer({ smtpUrl: sink.url });
});
afterAll(async () => {
  mailer?.close();
  await sink?.close();
  await setContactAddress("");
});

describe("headers", () => {
  it("every kind of email says Auto-Submitted: auto-generated, and replies go to the contact address", async () => {
    await setContactAddress(CONTACT);
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id);
    const registration = await createRegistration(prisma, session.id, { email: "headers@example.net" });
    for (const kind of EMAIL_KINDS) await enqueue(kind, registration.id, kind === "organiser-message" ? { subject: "Hello", body: "Words." } : {});
    const messages = (await sendPending()).get("headers@example.net") ?? [];
    expect(messages).toHaveLength(EMAIL_KINDS.length);
    for (const message of messages) {
      const mail = await parse(message);
      expect(mail.headers.get("auto-submitted"), mail.subject).toBe("auto-generated");
      expect(mail.replyTo?.value.map((a) => a.address), mail.subject).toEqual([CONTACT]);
    }
  });

  it("without a contact address there is no Reply-To (replies would reach the sender), and Auto-Submitted stays", async () => {
    await setContactAddress("");
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id);
    const registration = await createRegistration(prisma, session.id, { email: "no-reply-to@example.net" });
    await enqueue("registration-confirmed", registration.id);
    const [message] = (await sendPending()).get("no-reply-to@example.net") ?? [];
    const mail = await parse(message);
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.replyTo).toBeUndefined();
  });
});

describe("wording, in every language", () => {
  it("a waitlisted person's 'session changed' email promises no link, and a confirmed person's still shows it", async () => {
    await setContactAddress("");
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id);
    const people = [];
    for (const locale of LOCALES) {
      for (const status of ["waitlisted", "confirmed"] as const) {
        const r = await createRegistration(prisma, session.id, { locale, status, email: `updated-${status}-${locale}@example.net` });
        await enqueue("session-updated", r.id, { previousStartsAt: "2030-03-11T13:00:00.000Z", previousEndsAt: "2030-03-11T14:30:00.000Z" });
        people.push({ locale, status, email: r.email });
      }
    }
    const sent = await sendPending();
    for (const { locale, status, email } of people) {
      const m = emailMessages(locale).kinds["session-updated"];
      const [message] = sent.get(email) ?? [];
      const mail = await parse(message);
      const text = mail.text ?? "";
      if (status === "waitlisted") {
        expect(text, locale).not.toContain(m.intro);
        expect(text, locale).toContain(m.introNoLink);
        expect(text, locale).not.toContain("meet.example.org");
        expect(await calendarOf(message), locale).toBeNull();
      } else {
        expect(text, locale).toContain(m.intro);
        expect(text, locale).toContain("https://meet.example.org/j/session-secret-123");
      }
    }
    // The English sentence that promised the link, spelled out so a catalogue change cannot hide it.
    const [waitlistedEnglish] = sent.get("updated-waitlisted-en@example.net") ?? [];
    expect((await parse(waitlistedEnglish)).text).not.toMatch(/time and link/);
  });

  it("a cancellation no longer offers to 'manage or cancel' the registration, in the email or in its calendar file", async () => {
    await setContactAddress("");
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id);
    const people = [];
    for (const locale of LOCALES) {
      const email = `cancelled-${locale}@example.net`;
      const registered = await registerForSession(
        { sessionId: session.id, name: "Amina Yusuf", email, timeZone: "Asia/Amman", locale, consentPrivacy: true, consentRecording: true },
        new Date("2029-06-01T00:00:00Z"),
      );
      if (registered.outcome !== "registered") throw new Error(registered.outcome);
      await cancelRegistration(registered.registrationId, { by: "participant" }, new Date("2029-06-02T00:00:00Z"));
      people.push({ locale, email });
    }
    const sent = await sendPending();
    for (const { locale, email } of people) {
      const m = emailMessages(locale);
      const messages = sent.get(email) ?? [];
      expect(messages, locale).toHaveLength(2);
      const cancellation = messages[1];
      const mail = await parse(cancellation);
      const text = mail.text ?? "";
      const html = String(mail.html);
      expect(text, locale).toContain(m.kinds["registration-cancelled"].intro);
      for (const part of [text, html]) {
        expect(part, locale).not.toContain(m.common.manageHint);
        expect(part, locale).toContain(m.common.manageClosed);
      }
      const calendar = await calendarOf(cancellation);
      const description = String(calendar?.vevent.getFirstPropertyValue("description"));
      expect(description, locale).not.toContain(m.calendar.manage);
      expect(description, locale).toContain(`${m.calendar.manageCancelled}${m.calendar.colon} `);
      expect(description, locale).not.toMatch(/Manage or cancel/);
    }
  });

  it("a waitlisted person who cancels is not told that a calendar entry is removed, nor sent a CANCEL", async () => {
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id);
    for (const locale of LOCALES) {
      const r = await createRegistration(prisma, session.id, { locale, status: "waitlisted", email: `waitlisted-cancel-${locale}@example.net` });
      await cancelRegistration(r.id, { by: "participant" }, new Date("2029-06-02T00:00:00Z"));
    }
    const sent = await sendPending();
    for (const locale of LOCALES) {
      const [message] = sent.get(`waitlisted-cancel-${locale}@example.net`) ?? [];
      expect((await parse(message)).text, locale).not.toContain(emailMessages(locale).common.calendarCancelAttached);
      expect(await calendarOf(message), locale).toBeNull();
    }
  });

  it("the same class: a waitlisted person's 'session cancelled' mail removes no calendar entry, and a declined person is not offered to cancel", async () => {
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id);
    for (const locale of LOCALES) {
      const waiting = await createRegistration(prisma, session.id, { locale, status: "waitlisted", email: `session-cancelled-${locale}@example.net` });
      await enqueue("session-cancelled", waiting.id, { sessionId: session.id, by: "organiser" });
      const declined = await createRegistration(prisma, session.id, { locale, status: "declined", email: `declined-${locale}@example.net` });
      await enqueue("registration-declined", declined.id);
    }
    const sent = await sendPending();
    for (const locale of LOCALES) {
      const m = emailMessages(locale);
      const [cancelled] = sent.get(`session-cancelled-${locale}@example.net`) ?? [];
      expect((await parse(cancelled)).text, locale).not.toContain(m.common.calendarCancelAttached);
      expect(await calendarOf(cancelled), locale).toBeNull();
      const [declined] = sent.get(`declined-${locale}@example.net`) ?? [];
      const text = (await parse(declined)).text ?? "";
      expect(text, locale).not.toContain(m.common.manageHint);
      expect(text, locale).toContain(m.common.manageClosed);
    }
  });

  it("Arabic: Amman's zone is not in brackets inside brackets", async () => {
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id);
    const r = await createRegistration(prisma, session.id, { locale: "ar", timeZone: "Asia/Amman", email: "amman-ar@example.net" });
    await enqueue("registration-confirmed", r.id);
    const [message] = (await sendPending()).get("amman-ar@example.net") ?? [];
    const mail = await parse(message);
    const description = String((await calendarOf(message))?.vevent.getFirstPropertyValue("description"));
    for (const part of [mail.text ?? "", String(mail.html), description]) {
      expect(part).toContain("عمّان");
      expect(part).not.toMatch(/\([^()]*\([^()]*\)\)/);
      expect(part).not.toContain("(عمّان (");
    }
    expect(mail.text).toMatch(/\(عمّان، [^()]+\)/);
  });
});
