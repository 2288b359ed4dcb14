// Every calendar file the app produces, read by two independent parsers (ical.js and Python's
// icalendar) and checked against the RFC 5545 / RFC 5546 rules that apply to it:
// - emailed invitations and cancellations, produced by the real flows (register, cancel,
//   register again, switch session, organiser cancels), sent by the mail worker to a real SMTP
//   server: METHOD, ORGANIZER, ATTENDEE, RSVP, UID stable, SEQUENCE strictly increasing for
//   everything one person receives about one session;
// - the public files (one session's .ics, the feed, a filtered feed with no session) and the
//   registrant's own download, through the built app.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelSession } from "../../app/sessions/session-operations.server.ts";
import { cancelRegistration, registerForSession, switchSession } from "../../app/registration/registrations.server.ts";
import { clearSiteSettingsCache } from "../../app/organisers/settings.server.ts";
import { prisma } from "../../app/utils/db.server.ts";
import { startMailWorker } from "../../app/mail/mail-worker.server.ts";
import { createMailer, type Mailer } from "../../app/mail/mailer.server.ts";
import { manageTokenFor } from "../../app/registration/manage-token.server.ts";
import { itipProblems, pythonIcalendarAvailable, readWithBothParsers, type ReadCalendar } from "../helpers/calendars.ts";
import { BASE_URL, createFetcher, type Fetcher } from "../helpers/remix.ts";
import { createEvent, createSession } from "../mail/fixtures.ts";
import { calendarOf, startSmtpSink, type SmtpSink } from "../mail/smtp-sink.ts";

const CONTACT = "learning-team@example.org";
const HOST = new URL(BASE_URL).hostname;
const WORKER_NOW = new Date("2029-12-31T00:00:00Z");
let sink: SmtpSink;
let mailer: Mailer;
let clock = new Date("2029-06-01T08:00:00Z").getTime();
/** A distinct, increasing instant for each change, so outbox rows have a clear order. */
const tick = () => new Date((clock += 60_000));

async function setContactAddress(address: string) {
  await prisma.siteSetting.upsert({
    where: { key: "contactAddress" },
    create: { key: "contactAddress", value: JSON.stringify(address) },
    update: { value: JSON.stringify(address) },
  });
  clearSiteSettingsCache();
}

type Received = { kind: string; method: string | null; mimeMethod: string | null; calendar: ReadCalendar | null; ics: string | null };

/** Sends everything pending and returns what each outbox row became, in the order the rows were written. */
async function sendPending(): Promise<Map<string, Received>> {
  const before = sink.messages.length;
  const worker = startMailWorker({ intervalMs: 0, batchSize: 100, now: () => WORKER_NOW, mailer, reminders: false, log: () => {} });
  for (let claimed = -1; claimed !== 0; ) claimed = (await worker.runOnce()).claimed;
  await worker.stop();
  const fresh = sink.messages.slice(before);
  const parts = await Promise.all(fresh.map((m) => calendarOf(m)));
  const files = parts.flatMap((p) => (p ? [p.ics] : []));
  const read = files.length ? readWithBothParsers(files) : [];
  const rows = await prisma.outboxMessage.findMany({ where: { id: { in: fresh.map((m) => m.outboxId ?? "") } }, select: { id: true, kind: true } });
  const kinds = new Map(rows.map((r) => [r.id, r.kind]));
  const result = new Map<string, Received>();
  let next = 0;
  fresh.forEach((message, i) => {
    const part = parts[i];
    result.set(message.outboxId ?? "", {
      kind: kinds.get(message.outboxId ?? "") ?? "?",
      method: part?.method ?? null,
      mimeMethod: part?.mimeMethod ?? null,
      calendar: part ? read[next++] : null,
      ics: part?.ics ?? null,
    });
  });
  return result;
}

/** What one person received with calendar data, oldest first. */
async function calendarMailsTo(email: string, sent: Map<string, Received>) {
  const rows = await prisma.outboxMessage.findMany({
    where: { toAddress: email, status: "sent" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((r) => sent.get(r.id)).filter((r): r is Received => Boolean(r?.calendar));
}

function register(sessionId: string, email: string, locale = "en") {
  return registerForSession(
    { sessionId, name: "Amina Yusuf", email, timeZone: "Africa/Nairobi", locale, consentPrivacy: true, consentRecording: true },
    tick(),
  );
}

beforeAll(async () => {
  if (!pythonIcalendarAvailable()) {
    throw new Error("Python's icalendar is missing: apt-get install python3-icalendar (.ci/run does)");
  }
  sink = await startSmtpSink();
  mailer = createMailer({ smtpUrl: sink.url });
});
afterAll(async () => {
  mailer?.close();
  await sink?.close();
});

describe("emailed invitations and cancellations (iTIP)", () => {
  it("a person who registers, cancels, registers again, switches session twice and whose session is then cancelled gets a SEQUENCE that grows every time", async () => {
    await setContactAddress("");
    const event = await createEvent(prisma);
    const first = await createSession(prisma, event.id, { startsAt: new Date("2030-03-12T13:00:00Z") });
    const second = await createSession(prisma, event.id, { startsAt: new Date("2030-03-19T13:00:00Z"), title: "Americas session" });
    const email = "amina.sequence@example.net";

    const registered = await register(first.id, email);
    if (registered.outcome !== "registered") throw new Error(registered.outcome);
    const id = registered.registrationId;
    expect((await cancelRegistration(id, { by: "participant" }, tick())).outcome).toBe("cancelled");
    expect((await register(first.id, email)).outcome).toBe("registered");
    expect((await switchSession(id, second.id, tick())).outcome).toBe("switched");
    expect((await switchSession(id, first.id, tick())).outcome).toBe("switched");
    const organiser = await prisma.organiser.create({ data: { email: "org-itip@example.org", passwordHash: "x", role: "admin" } });
    expect((await cancelSession({ id: organiser.id, role: "admin" }, event.id, first.id, "", tick())).ok).toBe(true);

    const mails = await calendarMailsTo(email, await sendPending());
    const uidFirst = `session-${first.id}@${HOST}`;
    const uidSecond = `session-${second.id}@${HOST}`;
    expect(mails.map((m) => [m.kind, m.method, m.calendar!.events[0].uid])).toEqual([
      ["registration-confirmed", "REQUEST", uidFirst],
      ["registration-cancelled", "CANCEL", uidFirst],
      ["registration-confirmed", "REQUEST", uidFirst],
      ["registration-cancelled", "CANCEL", uidFirst], // switched away
      ["registration-confirmed", "REQUEST", uidSecond],
      ["registration-cancelled", "CANCEL", uidSecond], // switched back
      ["registration-confirmed", "REQUEST", uidFirst],
      ["session-cancelled", "CANCEL", uidFirst],
    ]);
    for (const m of mails) {
      // The MIME method parameter (what Outlook reads) matches METHOD inside the file.
      expect(m.mimeMethod).toBe(m.method);
      expect(itipProblems(m.calendar!, { method: m.method as "REQUEST" | "CANCEL", organizerReachable: false })).toEqual([]);
      const [attendee] = m.calendar!.events[0].attendees;
      expect(attendee.value.toLowerCase()).toBe(`mailto:${email}`);
    }
    // RFC 5546 §2.1.4: each message about one UID must outrank the one before it, or calendars
    // keep the old state (Outlook and Tuta ignore a CANCEL with the invite's SEQUENCE).
    for (const uid of [uidFirst, uidSecond]) {
      const sequences = mails.flatMap((m) => m.calendar!.events.filter((e) => e.uid === uid).map((e) => e.sequence!));
      for (let i = 1; i < sequences.length; i++) expect(sequences[i], `${uid}: ${sequences.join(", ")}`).toBeGreaterThan(sequences[i - 1]);
    }
  });

  it("a fresh registration for a session this person left (their old registration moved away) still outranks the cancellation they hold", async () => {
    await setContactAddress("");
    const event = await createEvent(prisma);
    const first = await createSession(prisma, event.id, { startsAt: new Date("2030-04-12T13:00:00Z") });
    const second = await createSession(prisma, event.id, { startsAt: new Date("2030-04-19T13:00:00Z"), title: "Americas session" });
    const email = "nadia.moved@example.net";
    const registered = await register(first.id, email);
    if (registered.outcome !== "registered") throw new Error(registered.outcome);
    expect((await switchSession(registered.registrationId, second.id, tick())).outcome).toBe("switched");
    const again = await register(first.id, email);
    expect(again.outcome).toBe("registered");
    if (again.outcome === "registered") expect(again.registrationId).not.toBe(registered.registrationId);

    const mails = await calendarMailsTo(email, await sendPending());
    const aboutFirst = mails.filter((m) => m.calendar!.events[0].uid === `session-${first.id}@${HOST}`);
    expect(aboutFirst.map((m) => m.method)).toEqual(["REQUEST", "CANCEL", "REQUEST"]);
    const sequences = aboutFirst.map((m) => m.calendar!.events[0].sequence!);
    expect(sequences[1]).toBeGreaterThan(sequences[0]);
    expect(sequences[2]).toBeGreaterThan(sequences[1]);
  });

  it("with a contact address the invitation's ORGANIZER is that address and asks for RSVP; without one it asks for none", async () => {
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id, { startsAt: new Date("2030-05-12T13:00:00Z") });

    await setContactAddress("");
    await register(session.id, "no-contact@example.net");
    const [withoutContact] = await calendarMailsTo("no-contact@example.net", await sendPending());
    const quiet = withoutContact.calendar!.events[0];
    expect(quiet.attendees.map((a) => a.params.RSVP)).toEqual(["FALSE"]);
    expect(quiet.organizer[0].value).not.toBe(`mailto:${CONTACT}`);
    expect(itipProblems(withoutContact.calendar!, { method: "REQUEST", organizerReachable: false })).toEqual([]);

    await setContactAddress(CONTACT);
    await register(session.id, "with-contact@example.net");
    const [withContact] = await calendarMailsTo("with-contact@example.net", await sendPending());
    const asking = withContact.calendar!.events[0];
    expect(asking.organizer[0].value).toBe(`mailto:${CONTACT}`);
    expect(asking.attendees.map((a) => a.params.RSVP)).toEqual(["TRUE"]);
    expect(itipProblems(withContact.calendar!, { method: "REQUEST", organizerReachable: true })).toEqual([]);
    await setContactAddress("");
  });
});

describe("public and downloaded calendar files", () => {
  let get: Fetcher;
  let slug: string;
  let sessionId: string;
  let registrationId: string;

  beforeAll(async () => {
    ({ get } = await createFetcher());
    await setContactAddress("");
    const event = await createEvent(prisma);
    slug = event.slug;
    const session = await createSession(prisma, event.id, { startsAt: new Date("2030-06-12T13:00:00Z") });
    sessionId = session.id;
    const registered = await register(session.id, "download@example.net");
    if (registered.outcome !== "registered") throw new Error(registered.outcome);
    registrationId = registered.registrationId;
  });

  async function files(paths: string[]) {
    const bodies = await Promise.all(
      paths.map(async (p) => {
        const response = await get(p);
        expect(response.status, p).toBe(200);
        expect(response.headers.get("content-type"), p).toMatch(/^text\/calendar/);
        return response.text();
      }),
    );
    return readWithBothParsers(bodies);
  }

  it("one session's file and the feed are PUBLISH with an ORGANIZER and no ATTENDEE; the UID is the invitation's", async () => {
    const [single, feed] = await files([`/events/${slug}/sessions/${sessionId}.ics`, "/calendar.ics"]);
    expect(itipProblems(single, { method: "PUBLISH" })).toEqual([]);
    expect(itipProblems(feed, { method: "PUBLISH" })).toEqual([]);
    expect(single.events[0].organizer).toHaveLength(1);
    const uid = `session-${sessionId}@${HOST}`;
    expect(single.events[0].uid).toBe(uid);
    expect(feed.events.map((e) => e.uid)).toContain(uid);
  });

  it("a Polish session's public file labels its lines in Polish, like its time line", async () => {
    await prisma.language.upsert({ where: { code: "pl" }, update: {}, create: { code: "pl", name: "Polish", nativeName: "Polski", dir: "ltr" } });
    const event = await createEvent(prisma, { title: "Zarządzanie przypadkami" });
    const session = await createSession(prisma, event.id, { startsAt: new Date("2030-06-20T13:00:00Z") });
    await prisma.session.update({ where: { id: session.id }, data: { languageCode: "pl" } });
    const [single, feed] = await files([`/events/${event.slug}/sessions/${session.id}.ics`, "/calendar.ics?language=pl"]);
    for (const description of [single.events[0].description!, feed.events.find((e) => e.uid === `session-${session.id}@${HOST}`)!.description!]) {
      expect(description).toContain(`Strona wydarzenia: ${BASE_URL}/events/${event.slug}`);
      expect(description).not.toContain("Event page");
      expect(description).toMatch(/czerwca 2030/);
    }
  });

  it("a feed filtered down to no session is still a valid calendar (RFC 5545 needs one component)", async () => {
    // No session of any event is a workshop.
    const [empty] = await files(["/calendar.ics?type=workshop"]);
    expect(empty.events).toEqual([]);
    expect(empty.components.length).toBeGreaterThan(0);
    // Not an iTIP PUBLISH (which needs a VEVENT): a plain calendar.
    expect(itipProblems(empty, { method: null })).toEqual([]);
  });

  it("the registrant's own download carries the SEQUENCE of their latest invitation", async () => {
    const sent = await sendPending();
    const [invite] = await calendarMailsTo("download@example.net", sent);
    const [own] = await files([`/manage/${manageTokenFor(registrationId)}/invite.ics`]);
    expect(itipProblems(own, { method: "PUBLISH" })).toEqual([]);
    expect(own.events[0].uid).toBe(invite.calendar!.events[0].uid);
    expect(own.events[0].sequence).toBe(invite.calendar!.events[0].sequence);

    // After cancelling, the download is the cancelled entry, outranking the invitation.
    await cancelRegistration(registrationId, { by: "participant" }, tick());
    const [cancelled] = await files([`/manage/${manageTokenFor(registrationId)}/invite.ics`]);
    expect(cancelled.events[0].status).toBe("CANCELLED");
    expect(cancelled.events[0].sequence!).toBeGreaterThan(invite.calendar!.events[0].sequence!);
  });
});
