import { describe, expect, it } from "vitest";
import { createEvent, createRegistration, createSession } from "../../tests/mail/fixtures.ts";
import { prisma } from "~/utils/db.server.ts";
import { canSeeOutboxMessage, listOutbox, outboxCounts } from "~/mail/outbox.server.ts";
import { promoteWaitlistedRegistration } from "./registrations.server.ts";
import { audienceCounts, listSessionRegistrations, messageRegistrants } from "./session-registrations.server.ts";

async function organiser(role: "admin" | "organiser") {
  return prisma.organiser.create({ data: { email: `${role}-${Math.random().toString(36).slice(2)}@example.org`, passwordHash: "x", role } });
}

describe("messageRegistrants", () => {
  it("writes one email per person in the audience, once per message id", async () => {
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id);
    const confirmed = await createRegistration(prisma, session.id, { status: "confirmed" });
    const waitlisted = await createRegistration(prisma, session.id, { status: "waitlisted" });
    await createRegistration(prisma, session.id, { status: "cancelled" });
    expect(await audienceCounts(session.id)).toEqual({ all: 2, confirmed: 1, waitlisted: 1, pending: 0 });

    const input = { sessionId: session.id, audience: "all" as const, subject: "Slides", body: "Here they are.", messageId: "11111111-aaaa", actorId: null };
    expect(await messageRegistrants(input)).toEqual({ recipients: 2, created: 2 });
    // The same form submitted again sends nothing.
    expect(await messageRegistrants(input)).toEqual({ recipients: 2, created: 0 });
    const rows = await prisma.outboxMessage.findMany({ where: { kind: "organiser-message", registrationId: { in: [confirmed.id, waitlisted.id] } } });
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual([`message:11111111-aaaa:${confirmed.id}`, `message:11111111-aaaa:${waitlisted.id}`].sort());
    expect(JSON.parse(rows[0]!.payload).extra).toMatchObject({ subject: "Slides", body: "Here they are." });

    expect(await messageRegistrants({ ...input, audience: "confirmed", messageId: "22222222-bbbb" })).toEqual({ recipients: 1, created: 1 });
    expect(await prisma.auditLog.count({ where: { entityId: session.id, action: "messaged" } })).toBe(2);
  });
});

describe("the registration list", () => {
  it("searches name, email (any case) and organisation, filters by status and counts by status", async () => {
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id);
    await createRegistration(prisma, session.id, { name: "Amina Yusuf", email: "Amina@Example.org" });
    await createRegistration(prisma, session.id, { name: "Minh Tran", email: "minh@unicef.example", status: "waitlisted" });
    const byEmail = await listSessionRegistrations(session.id, { q: "AMINA@example" });
    expect(byEmail.registrations.map((r) => r.name)).toEqual(["Amina Yusuf"]);
    const waitlisted = await listSessionRegistrations(session.id, { status: "waitlisted" });
    expect(waitlisted.registrations.map((r) => r.name)).toEqual(["Minh Tran"]);
    expect(waitlisted.counts).toMatchObject({ confirmed: 1, waitlisted: 1, pending: 0 });
  });
});

describe("promoteWaitlistedRegistration", () => {
  it("promotes the chosen person only into a free seat, and emails them", async () => {
    const event = await createEvent(prisma);
    await prisma.event.update({ where: { id: event.id }, data: { capacity: 1 } });
    const session = await createSession(prisma, event.id, { startsAt: new Date(Date.now() + 86_400_000) });
    const seated = await createRegistration(prisma, session.id, { status: "confirmed" });
    await createRegistration(prisma, session.id, { status: "waitlisted" });
    const chosen = await createRegistration(prisma, session.id, { status: "waitlisted" });
    expect(await promoteWaitlistedRegistration(chosen.id)).toEqual({ outcome: "full" });
    await prisma.registration.update({ where: { id: seated.id }, data: { status: "cancelled" } });
    expect(await promoteWaitlistedRegistration(chosen.id)).toEqual({ outcome: "promoted" });
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: chosen.id } })).status).toBe("confirmed");
    expect(await prisma.outboxMessage.count({ where: { registrationId: chosen.id, kind: "waitlist-promoted" } })).toBe(1);
    expect(await promoteWaitlistedRegistration(chosen.id)).toEqual({ outcome: "not-waitlisted" });
  });
});

describe("the outbox seen by an organiser", () => {
  it("holds only email about the events they manage; an admin sees all", async () => {
    const a = await organiser("organiser");
    const b = await organiser("organiser");
    const admin = await organiser("admin");
    const eventA = await createEvent(prisma);
    await prisma.event.update({ where: { id: eventA.id }, data: { createdById: a.id } });
    const eventShared = await createEvent(prisma);
    await prisma.eventShare.create({ data: { eventId: eventShared.id, organiserId: a.id } });
    const eventB = await createEvent(prisma);
    await prisma.event.update({ where: { id: eventB.id }, data: { createdById: b.id } });
    const ids: Record<string, string> = {};
    for (const [name, event] of [["a", eventA], ["shared", eventShared], ["b", eventB]] as const) {
      const session = await createSession(prisma, event.id);
      const registration = await createRegistration(prisma, session.id);
      await messageRegistrants({ sessionId: session.id, audience: "all", subject: "S", body: "B", messageId: `msg-${name}-${Math.random().toString(36).slice(2)}`, actorId: null });
      ids[name] = (await prisma.outboxMessage.findFirstOrThrow({ where: { registrationId: registration.id } })).id;
    }
    await prisma.outboxMessage.update({ where: { id: ids.shared! }, data: { status: "failed" } });

    const seenByA = await listOutbox({ actor: a });
    expect(seenByA.items.map((i) => i.id).sort()).toEqual([ids.a!, ids.shared!].sort());
    expect(seenByA.total).toBe(2);
    expect((await listOutbox({ actor: a, status: "failed" })).items.map((i) => i.id)).toEqual([ids.shared]);
    expect((await listOutbox({ actor: a, kind: "registration-confirmed" })).total).toBe(0);
    expect(await outboxCounts(a)).toEqual({ pending: 1, sent: 0, failed: 1, skipped: 0 });
    expect(await canSeeOutboxMessage(a, ids.b!)).toBe(false);
    expect(await canSeeOutboxMessage(b, ids.b!)).toBe(true);

    const all = await listOutbox({ actor: admin });
    expect(all.items.map((i) => i.id)).toEqual(expect.arrayContaining(Object.values(ids)));
    // Without an actor (the worker, scripts) nothing changes from before.
    expect((await listOutbox()).total).toBe(all.total);
    expect(await canSeeOutboxMessage(admin, ids.b!)).toBe(true);
  });
});
