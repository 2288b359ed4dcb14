// Sessions as organisers enter them: wall-clock times in a zone, checked against real DST
// transitions, and the changes that must reach registrants (reschedule, cancel, more seats).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

// The outbox writer, with a switch that makes it fail: a failed email must roll back the change.
const failEmails = { on: false };
vi.mock("~/mail/outbox.server.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("~/mail/outbox.server.ts")>();
  return {
    ...original,
    enqueueRegistrationEmails: (async (...args: Parameters<typeof original.enqueueRegistrationEmails>) => {
      if (failEmails.on) throw new Error("mail table unavailable");
      return original.enqueueRegistrationEmails(...args);
    }) as typeof original.enqueueRegistrationEmails,
  };
});

const { prisma } = await import("~/utils/db.server.ts");
const { cancelSession, createSession, removeSession, updateSession } = await import("./session-operations.server.ts");
const { cancelEvent } = await import("~/events/admin-events.server.ts");
const { EVENT_TYPES } = await import("~/events/events.server.ts");
const { EVENT_TYPES: FORM_EVENT_TYPES } = await import("~/events/admin-event-schema.ts");
const { resolveSessionStart } = await import("~/sessions/admin-session-schema.ts");
const { translateError } = await import("~/utils/form-errors.ts");
// The schema's messages live in the organiser namespace; both English files, as the server reads them.
const en = { ...(await import("~/locales/en.ts")).default, ...(await import("~/locales/admin/en.ts")).default };

let actor: { id: string; role: string };

beforeAll(async () => {
  await prisma.language.upsert({ where: { code: "en" }, create: { code: "en", name: "English", nativeName: "English" }, update: {} });
  const organiser = await prisma.organiser.create({ data: { email: `sessions-${randomUUID()}@example.org`, passwordHash: "x", role: "organiser" } });
  actor = { id: organiser.id, role: organiser.role };
});

/** English text of a schema message, as the form shows it. */
function english(message: string) {
  const lookup = (key: string, params: Record<string, unknown> = {}) => {
    const template = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en);
    return String(template).replace(/{{(\w+)}}/g, (_, name: string) => String(params[name]));
  };
  return translateError(lookup, message);
}

describe("entering a local time", () => {
  const gaps = [
    { zone: "America/New_York", date: "2027-03-14", time: "02:30", text: "02:30 does not exist on 14 March 2027 in New York: clocks jump from 01:59 to 03:00. Choose 01:30 or 03:30." },
    { zone: "Europe/London", date: "2027-03-28", time: "01:15", text: "01:15 does not exist on 28 March 2027 in London: clocks jump from 00:59 to 02:00. Choose 00:15 or 02:15." },
    { zone: "Europe/Zurich", date: "2027-03-28", time: "02:00", text: "02:00 does not exist on 28 March 2027 in Geneva: clocks jump from 01:59 to 03:00. Choose 01:00 or 03:00." },
    { zone: "Australia/Sydney", date: "2027-10-03", time: "02:45", text: "02:45 does not exist on 3 October 2027 in Sydney: clocks jump from 01:59 to 03:00. Choose 01:45 or 03:45." },
  ];
  for (const gap of gaps) {
    it(`refuses ${gap.time} on ${gap.date} in ${gap.zone} and offers the times around it`, () => {
      const result = resolveSessionStart({ date: gap.date, time: gap.time, timeZone: gap.zone });
      expect(result.kind).toBe("gap");
      if (result.kind !== "gap") return;
      expect(english(result.message)).toBe(gap.text);
    });
  }

  const repeats = [
    { zone: "America/New_York", date: "2027-11-07", time: "01:30", earlier: "2027-11-07T05:30:00.000Z", later: "2027-11-07T06:30:00.000Z", offsets: ["UTC-4", "UTC-5"] },
    { zone: "Europe/London", date: "2027-10-31", time: "01:30", earlier: "2027-10-31T00:30:00.000Z", later: "2027-10-31T01:30:00.000Z", offsets: ["UTC+1", "UTC"] },
    { zone: "Europe/Zurich", date: "2027-10-31", time: "02:30", earlier: "2027-10-31T00:30:00.000Z", later: "2027-10-31T01:30:00.000Z", offsets: ["UTC+2", "UTC+1"] },
    { zone: "Australia/Sydney", date: "2027-04-04", time: "02:30", earlier: "2027-04-03T15:30:00.000Z", later: "2027-04-03T16:30:00.000Z", offsets: ["UTC+11", "UTC+10"] },
  ];
  for (const r of repeats) {
    it(`asks which ${r.time} on ${r.date} in ${r.zone} is meant, then stores that instant`, async () => {
      const asked = resolveSessionStart({ date: r.date, time: r.time, timeZone: r.zone });
      expect(asked.kind).toBe("ambiguous");
      if (asked.kind !== "ambiguous") return;
      expect([asked.earlier.offset, asked.later.offset]).toEqual(r.offsets);
      for (const occurrence of ["earlier", "later"] as const) {
        const chosen = resolveSessionStart({ date: r.date, time: r.time, timeZone: r.zone, occurrence });
        expect(chosen.kind).toBe("ok");
        if (chosen.kind !== "ok") return;
        expect(chosen.startsAt.toISOString()).toBe(r[occurrence]);
        const stored = await storeSession(chosen.startsAt, r.zone);
        expect(stored.startsAt.toISOString()).toBe(r[occurrence]);
        expect(stored.timeZone).toBe(r.zone);
      }
    });
  }

  const fixed = [
    { zone: "Africa/Nairobi", date: "2027-03-28", time: "02:30", utc: "2027-03-27T23:30:00.000Z" },
    { zone: "Africa/Nairobi", date: "2027-10-31", time: "01:30", utc: "2027-10-30T22:30:00.000Z" },
    { zone: "Asia/Bangkok", date: "2027-03-14", time: "02:30", utc: "2027-03-13T19:30:00.000Z" },
    { zone: "Asia/Bangkok", date: "2027-11-07", time: "01:30", utc: "2027-11-06T18:30:00.000Z" },
    { zone: "Asia/Kolkata", date: "2027-03-14", time: "09:00", utc: "2027-03-14T03:30:00.000Z" },
    { zone: "Asia/Kathmandu", date: "2027-10-31", time: "09:00", utc: "2027-10-31T03:15:00.000Z" },
  ];
  for (const f of fixed) {
    it(`${f.time} on ${f.date} in ${f.zone} is never skipped or repeated and stores ${f.utc}`, async () => {
      const result = resolveSessionStart({ date: f.date, time: f.time, timeZone: f.zone });
      expect(result).toEqual({ kind: "ok", startsAt: new Date(f.utc) });
      if (result.kind !== "ok") return;
      const stored = await storeSession(result.startsAt, f.zone);
      expect(stored.startsAt.toISOString()).toBe(f.utc);
    });
  }

  it("keeps the form's event types in step with the catalogue's", () => {
    expect([...FORM_EVENT_TYPES]).toEqual([...EVENT_TYPES]);
  });
});

async function createEvent(options: { capacity?: number | null; waitlist?: boolean } = {}) {
  return prisma.event.create({
    data: {
      slug: `admin-sessions-${randomUUID()}`,
      type: "webinar",
      status: "published",
      title: "Rescheduling test",
      primaryLanguageCode: "en",
      timeZone: "Europe/Zurich",
      capacity: options.capacity ?? null,
      waitlistEnabled: options.waitlist ?? true,
      createdById: actor.id,
    },
    select: { id: true },
  });
}

async function storeSession(startsAt: Date, timeZone: string) {
  const event = await createEvent();
  const created = await createSession(actor, event.id, {
    title: null,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    timeZone,
    languageCode: "en",
    capacity: null,
    joinUrl: null,
  });
  if (!created.ok) throw new Error(created.reason);
  return prisma.session.findUniqueOrThrow({ where: { id: created.id } });
}

const FUTURE = new Date("2030-05-01T12:00:00Z");

async function eventWithRegistrants(statuses: string[], options: { capacity?: number | null } = {}) {
  const event = await createEvent(options);
  const session = await prisma.session.create({
    data: { eventId: event.id, startsAt: FUTURE, endsAt: new Date(FUTURE.getTime() + 3_600_000), timeZone: "Europe/Zurich", languageCode: "en" },
  });
  const registrations = [];
  for (const [i, status] of statuses.entries()) {
    registrations.push(
      await prisma.registration.create({
        data: {
          sessionId: session.id,
          name: `Person ${i}`,
          email: `p${i}-${randomUUID()}@example.org`,
          emailNormalized: `p${i}-${randomUUID()}@example.org`,
          timeZone: "Africa/Nairobi",
          locale: "en",
          status,
          manageTokenHash: randomUUID(),
          createdAt: new Date(Date.UTC(2030, 0, 1, 0, i)),
        },
      }),
    );
  }
  return { event, session, registrations };
}

function sessionData(session: { startsAt: Date; endsAt: Date }, changes: Partial<Parameters<typeof updateSession>[3]> = {}) {
  return { title: null, startsAt: session.startsAt, endsAt: session.endsAt, timeZone: "Europe/Zurich", languageCode: "en", capacity: null, joinUrl: null, ...changes };
}

describe("rescheduling", () => {
  it("asks first, then bumps SEQUENCE and mails every registrant once, in one transaction", async () => {
    const { event, session, registrations } = await eventWithRegistrants(["confirmed", "waitlisted", "cancelled"]);
    const later = new Date(FUTURE.getTime() + 2 * 3_600_000);
    const change = sessionData(session, { startsAt: later, endsAt: new Date(later.getTime() + 3_600_000) });

    const asked = await updateSession(actor, event.id, session.id, change, { confirmed: false });
    expect(asked).toEqual({ outcome: "needs-confirmation", registrants: 2 });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).startsAt).toEqual(FUTURE);

    const saved = await updateSession(actor, event.id, session.id, change, { confirmed: true });
    expect(saved).toMatchObject({ outcome: "saved", rescheduled: true, notified: 2 });
    const after = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.startsAt).toEqual(later);
    expect(after.sequence).toBe(1);
    const rows = await prisma.outboxMessage.findMany({ where: { kind: "session-updated", registrationId: { in: registrations.map((r) => r.id) } } });
    expect(rows.map((r) => r.registrationId).sort()).toEqual([registrations[0]!.id, registrations[1]!.id].sort());
    const payload = JSON.parse(rows[0]!.payload) as { session: { sequence: number; startsAt: string }; extra: { previousStartsAt: string } };
    expect(payload.session.sequence).toBe(1);
    expect(payload.session.startsAt).toBe(later.toISOString());
    expect(payload.extra.previousStartsAt).toBe(FUTURE.toISOString());
    expect(await prisma.auditLog.count({ where: { entityId: session.id, action: "rescheduled" } })).toBe(1);
  });

  it("changes nothing when the emails cannot be written", async () => {
    const { event, session, registrations } = await eventWithRegistrants(["confirmed"]);
    const later = new Date(FUTURE.getTime() + 3_600_000);
    failEmails.on = true;
    try {
      await expect(
        updateSession(actor, event.id, session.id, sessionData(session, { startsAt: later, endsAt: new Date(later.getTime() + 3_600_000) }), { confirmed: true }),
      ).rejects.toThrow("mail table unavailable");
    } finally {
      failEmails.on = false;
    }
    const after = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.startsAt).toEqual(FUTURE);
    expect(after.sequence).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { registrationId: registrations[0]!.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { entityId: session.id } })).toBe(0);
  });

  it("a new join link is a change registrants hear about; a new title is not", async () => {
    const { event, session } = await eventWithRegistrants(["confirmed"]);
    const titled = await updateSession(actor, event.id, session.id, sessionData(session, { title: "Asia-Pacific" }), { confirmed: false });
    expect(titled).toMatchObject({ outcome: "saved", rescheduled: false, notified: 0 });
    // …yet calendars holding it take the new title only from a higher SEQUENCE.
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).sequence).toBe(1);
    const linked = await updateSession(actor, event.id, session.id, sessionData(session, { joinUrl: "https://meet.example.org/new" }), { confirmed: false });
    expect(linked).toEqual({ outcome: "needs-confirmation", registrants: 1 });
  });

  it("a new join link alone is mailed to confirmed people only: the waitlisted and pending never had it", async () => {
    const { event, session, registrations } = await eventWithRegistrants(["confirmed", "waitlisted", "pending"]);
    const change = sessionData(session, { joinUrl: "https://meet.example.org/new" });
    expect(await updateSession(actor, event.id, session.id, change, { confirmed: false })).toEqual({ outcome: "needs-confirmation", registrants: 1 });
    expect(await updateSession(actor, event.id, session.id, change, { confirmed: true })).toMatchObject({ outcome: "saved", notified: 1 });
    const rows = await prisma.outboxMessage.findMany({ where: { kind: "session-updated", registrationId: { in: registrations.map((r) => r.id) } } });
    expect(rows.map((r) => r.registrationId)).toEqual([registrations[0]!.id]);
  });
});

describe("seats and cancellations", () => {
  it("more seats take people off the waitlist, first come first served", async () => {
    const { event, session, registrations } = await eventWithRegistrants(["confirmed", "waitlisted", "waitlisted", "waitlisted"], { capacity: 1 });
    const result = await updateSession(actor, event.id, session.id, sessionData(session, { capacity: 3 }), { confirmed: false });
    expect(result).toMatchObject({ outcome: "saved", promoted: 2 });
    const statuses = await prisma.registration.findMany({ where: { sessionId: session.id }, orderBy: { createdAt: "asc" }, select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(["confirmed", "confirmed", "confirmed", "waitlisted"]);
    expect(await prisma.outboxMessage.count({ where: { kind: "waitlist-promoted", registrationId: { in: [registrations[1]!.id, registrations[2]!.id] } } })).toBe(2);
  });

  it("cancelling an event cancels its sessions and tells every registrant", async () => {
    const first = await eventWithRegistrants(["confirmed", "pending"]);
    const second = await prisma.session.create({
      data: { eventId: first.event.id, startsAt: FUTURE, endsAt: new Date(FUTURE.getTime() + 3_600_000), timeZone: "Asia/Bangkok", languageCode: "en" },
    });
    const other = await prisma.registration.create({
      data: { sessionId: second.id, name: "B", email: "b@example.org", emailNormalized: `b-${randomUUID()}@example.org`, timeZone: "Asia/Bangkok", locale: "en", status: "confirmed", manageTokenHash: randomUUID() },
    });
    const result = await cancelEvent(actor, first.event.id, "The trainer is unwell.");
    expect(result).toMatchObject({ ok: true, notified: 3 });
    const sessions = await prisma.session.findMany({ where: { eventId: first.event.id } });
    expect(sessions.map((s) => [s.status, s.sequence])).toEqual([
      ["cancelled", 1],
      ["cancelled", 1],
    ]);
    const rows = await prisma.outboxMessage.findMany({
      where: { kind: "session-cancelled", registrationId: { in: [...first.registrations.map((r) => r.id), other.id] } },
    });
    expect(rows).toHaveLength(3);
    expect(JSON.parse(rows[0]!.payload).event.cancellationNote).toBe("The trainer is unwell.");
    expect(await prisma.auditLog.count({ where: { entityId: first.event.id, action: "cancelled" } })).toBe(1);
  });

  it("a session with registrations cannot be removed, only cancelled", async () => {
    const { event, session, registrations } = await eventWithRegistrants(["confirmed"]);
    expect(await removeSession(actor, event.id, session.id)).toEqual({ ok: false, reason: "has-registrations" });
    expect(await cancelSession(actor, event.id, session.id)).toEqual({ ok: true, notified: 1 });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).sequence).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { kind: "session-cancelled", registrationId: registrations[0]!.id } })).toBe(1);
    const empty = await eventWithRegistrants([]);
    expect(await removeSession(actor, empty.event.id, empty.session.id)).toEqual({ ok: true });
  });
});
