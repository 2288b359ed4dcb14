// The audit log as an administrator reads it (/admin/audit, without JavaScript): names instead of
// ids, organisers' decisions on registrations recorded, and entries that stay readable after what
// they describe is deleted.
import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { createEvent, createRegistration, createSession } from "../mail/fixtures.ts";
import { BASE_URL, loadBuild } from "../helpers/remix.ts";
import { documentPart, textOf } from "../helpers/html.ts";
import { authSessionStorage } from "~/organisers/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";

let handle: (request: Request) => Promise<Response>;
let organiser = { id: "", email: "", cookie: "", csrf: "" };
let adminCookie = "";

async function mint(organiserId: string) {
  const session = await authSessionStorage.getSession();
  const csrf = randomBytes(32).toString("base64url");
  session.set("organiserId", organiserId);
  session.set("csrf", csrf);
  return { cookie: (await authSessionStorage.commitSession(session)).split(";")[0]!, csrf };
}

beforeAll(async () => {
  handle = createRequestHandler(await loadBuild(), "production");
  const email = `layla-${randomBytes(3).toString("hex")}@example.org`;
  const a = await prisma.organiser.create({ data: { email, name: "Layla Haddad", passwordHash: "x" } });
  const admin = await prisma.organiser.create({ data: { email: `audit-admin-${randomBytes(3).toString("hex")}@example.org`, passwordHash: "x", role: "admin" } });
  organiser = { id: a.id, email, ...(await mint(a.id)) };
  ({ cookie: adminCookie } = await mint(admin.id));
});

function post(url: string, fields: Record<string, string>) {
  const body = new URLSearchParams({ csrf: organiser.csrf, ...fields });
  return handle(new Request(new URL(url, BASE_URL), { method: "POST", headers: { Cookie: organiser.cookie, "Content-Type": "application/x-www-form-urlencoded" }, body }));
}

async function auditPage() {
  const response = await handle(new Request(new URL("/admin/audit", BASE_URL), { headers: { Cookie: adminCookie } }));
  expect(response.status).toBe(200);
  return textOf(documentPart(await response.text()));
}

describe("audit log", () => {
  it("records approvals, declines and other status changes by organisers, and shows them by name", async () => {
    const event = await createEvent(prisma, { title: "Psychosocial support in camps" });
    await prisma.event.update({ where: { id: event.id }, data: { createdById: organiser.id, capacity: 10, approvalRequired: true } });
    const session = await createSession(prisma, event.id, { title: "Nairobi morning", startsAt: new Date(Date.now() + 3 * 86_400_000) });
    const base = `/admin/events/${event.id}/sessions/${session.id}/registrations`;
    const amina = await createRegistration(prisma, session.id, { name: "Amina Yusuf", email: "amina.audit@example.org", status: "pending" });
    const omar = await createRegistration(prisma, session.id, { name: "Omar Farouk", email: "omar.audit@example.org", status: "pending" });
    const minh = await createRegistration(prisma, session.id, { name: "Minh Tran", email: "minh.audit@example.org" });

    expect((await post(base, { intent: "approve", registrationId: amina.id })).status).toBe(302);
    expect((await post(base, { intent: "decline", registrationId: omar.id })).status).toBe(302);
    expect((await post(base, { intent: "cancel", registrationId: minh.id })).status).toBe(302);

    const rows = await prisma.auditLog.findMany({ where: { entityType: "registration", entityId: { in: [amina.id, omar.id, minh.id] } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.action, r.entityId, r.actorId])).toEqual([
      ["approved", amina.id, organiser.id],
      ["declined", omar.id, organiser.id],
      ["cancelled", minh.id, organiser.id],
    ]);
    expect(JSON.parse(rows[0]!.details)).toMatchObject({ name: "Amina Yusuf", email: "amina.audit@example.org", eventTitle: "Psychosocial support in camps", session: "Nairobi morning", from: "pending", to: "confirmed" });

    const text = await auditPage();
    expect(text).toContain("Approved · registration: Amina Yusuf <amina.audit@example.org>");
    expect(text).toContain("Psychosocial support in camps · Nairobi morning");
    expect(text).toContain("from Awaiting approval to Confirmed");
    expect(text).toContain("Declined · registration: Omar Farouk <omar.audit@example.org>");
    expect(text).toContain("from Awaiting approval to Declined");
    expect(text).toContain("Cancelled · registration: Minh Tran <minh.audit@example.org>");
    expect(text).toContain("Layla Haddad");
    expect(text).not.toContain(amina.id);
  });

  it("keeps an entry readable once what it describes is deleted, from the labels it kept", async () => {
    const event = await createEvent(prisma, { title: "Family tracing basics" });
    await prisma.event.update({ where: { id: event.id }, data: { createdById: organiser.id, approvalRequired: true } });
    const session = await createSession(prisma, event.id, { title: "Bangkok evening", startsAt: new Date(Date.now() + 5 * 86_400_000) });
    const gone = await createRegistration(prisma, session.id, { name: "Nadia Rahman", email: "nadia.audit@example.org", status: "pending" });
    expect((await post(`/admin/events/${event.id}/sessions/${session.id}/registrations`, { intent: "decline", registrationId: gone.id })).status).toBe(302);
    await prisma.registration.delete({ where: { id: gone.id } });
    await prisma.session.delete({ where: { id: session.id } });
    await prisma.event.update({ where: { id: event.id }, data: { title: "Renamed since" } });

    const text = await auditPage();
    expect(text).toContain("Declined · registration: Nadia Rahman <nadia.audit@example.org> (deleted since)");
    // The event still exists: it reads under its current title; the session by the label kept.
    expect(text).toContain("Renamed since · Bangkok evening");
    expect(text).not.toContain(gone.id);
  });

  it("lists what changed when an entry says so, and names the event and its sessions", async () => {
    const event = await createEvent(prisma, { title: "Mental health first aid" });
    await prisma.auditLog.create({
      data: {
        actorId: organiser.id,
        action: "updated",
        entityType: "event",
        entityId: event.id,
        details: JSON.stringify({ title: "Mental health first aid", changed: [{ field: "waitlistEnabled", from: true, to: false }, { field: "capacity", from: 30, to: 40 }, { field: "summary", from: "", to: "New" }] }),
      },
    });
    const session = await createSession(prisma, event.id, { title: null, startsAt: new Date("2030-06-01T07:00:00Z") });
    await prisma.auditLog.create({ data: { actorId: organiser.id, action: "created", entityType: "session", entityId: session.id, details: "{}" } });

    const text = await auditPage();
    expect(text).toContain("Updated · event: Mental health first aid");
    expect(text).toContain("waitlistEnabled: from true to false");
    expect(text).toContain("capacity: from 30 to 40");
    expect(text).toContain("summary: from — to New");
    // An untitled session is named by when it starts, in the zone it was set in.
    expect(text).toContain("Created · session: 2030-06-01 09:00 (Europe/Zurich)");
    expect(text).toContain("Mental health first aid");
    expect(text).not.toContain(session.id);
  });
});
