// The organiser's event pages through the built Remix request handler, as a browser without
// JavaScript uses them: organiser A creates, edits and publishes an event; organiser B can neither
// read nor change it; a missing CSRF token and bad input change nothing; every change is audited.
import { randomUUID } from "node:crypto";
import { createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { hashPassword } from "~/organisers/organisers.server.ts";
import { BASE_URL, loadBuild } from "../helpers/remix.ts";

type Handle = (request: Request) => Promise<Response>;
let handle: Handle;
const PASSWORD = "correct horse battery staple";

type Agent = { cookie: string; csrf: string; id: string };
let alice: Agent;
let bob: Agent;

async function signIn(email: string): Promise<Agent> {
  const organiser = await prisma.organiser.create({
    data: { email, passwordHash: await hashPassword(PASSWORD), role: "organiser", timeZone: "America/New_York" },
  });
  const response = await handle(
    new Request(new URL("/admin/login", BASE_URL), {
      method: "POST",
      body: new URLSearchParams({ email, password: PASSWORD, returnTo: "/admin" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
  );
  expect(response.status).toBe(302);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
  const page = await get("/admin/events/new", cookie);
  expect(page.status).toBe(200);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!csrf) throw new Error("no CSRF token on the new-event page");
  return { cookie, csrf, id: organiser.id };
}

function get(path: string, cookie?: string) {
  return handle(new Request(new URL(path, BASE_URL), { headers: cookie ? { Cookie: cookie } : {} }));
}

function post(path: string, agent: Agent | null, fields: [string, string][], options: { csrf?: boolean } = {}) {
  const body = new URLSearchParams(fields);
  if (agent && options.csrf !== false) body.set("csrf", agent.csrf);
  return handle(
    new Request(new URL(path, BASE_URL), {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...(agent ? { Cookie: agent.cookie } : {}) },
    }),
  );
}

function eventFields(overrides: Record<string, string> = {}): [string, string][] {
  const base: Record<string, string> = {
    intent: "save",
    type: "webinar",
    title: "Child protection in emergencies: a first look",
    slug: "",
    summary: "An introduction for new practitioners.",
    description: "## Agenda\n\n- Welcome\n- Standards <script>alert(1)</script>",
    timeZone: "America/New_York",
    primaryLanguageCode: "en",
    "support.fr": "interpretation",
    "support.es": "",
    capacity: "40",
    waitlistEnabled: "on",
    opensAt: "2030-03-01T09:00",
    closesAt: "2030-03-20T17:00",
    reminders: "1d, 1h",
    joinUrl: "https://meet.example.org/j/123",
    "questions[0].label": "Which organisation do you work for?",
    "questions[0].kind": "text",
    "translations.fr.title": "La protection de l’enfance dans les situations d’urgence",
    ...overrides,
  };
  return [...Object.entries(base), ["referenceCities", "new-york"], ["referenceCities", "nairobi"], ["referenceCities", "bangkok"]];
}

beforeAll(async () => {
  handle = createRequestHandler(await loadBuild(), "production");
  for (const code of ["en", "fr"]) {
    await prisma.language.upsert({ where: { code }, create: { code, name: code, nativeName: code }, update: {} });
  }
  alice = await signIn(`alice-${randomUUID()}@example.org`);
  bob = await signIn(`bob-${randomUUID()}@example.org`);
});

describe("organiser event pages", () => {
  let eventId = "";

  it("creates an event with a slug from its title, its relations and an audit entry", async () => {
    const response = await post("/admin/events/new", alice, eventFields());
    expect(response.status).toBe(302);
    eventId = /\/admin\/events\/([^?]+)/.exec(response.headers.get("location") ?? "")?.[1] ?? "";
    const event = await prisma.event.findUniqueOrThrow({
      where: { id: eventId },
      include: { supportedLanguages: true, questions: true, translations: true },
    });
    expect(event).toMatchObject({ slug: "child-protection-in-emergencies-a-first-look", status: "draft", createdById: alice.id, capacity: 40, reminderOffsets: "[1440,60]" });
    // 09:00 in New York on 1 March 2030 (EST, UTC-5).
    expect(event.registrationOpensAt?.toISOString()).toBe("2030-03-01T14:00:00.000Z");
    expect(JSON.parse(event.referenceCities ?? "[]")).toEqual([
      { zone: "America/New_York", city: "New York" },
      { zone: "Africa/Nairobi", city: "Nairobi" },
      { zone: "Asia/Bangkok", city: "Bangkok" },
    ]);
    expect(event.supportedLanguages).toEqual([expect.objectContaining({ languageCode: "fr", kind: "interpretation" })]);
    expect(event.questions.map((q) => q.label)).toEqual(["Which organisation do you work for?"]);
    expect(event.translations.map((t) => t.locale)).toEqual(["fr"]);
    expect(await prisma.auditLog.count({ where: { entityId: eventId, action: "created", actorId: alice.id } })).toBe(1);
  });

  it("previews the description as sanitised HTML without storing anything", async () => {
    const before = await prisma.event.count();
    const response = await post("/admin/events/new", alice, eventFields({ intent: "preview", slug: "preview-only" }));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<h3>Agenda</h3>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(await prisma.event.count()).toBe(before);
  });

  it("answers bad input with 400, the values and a message per field, and stores nothing", async () => {
    const before = await prisma.event.count();
    const response = await post(
      "/admin/events/new",
      alice,
      eventFields({ title: "Kept title", slug: "Bad Slug!", joinUrl: "http://insecure.example.org", capacity: "-3", reminders: "soon", opensAt: "2030-03-10T09:00", closesAt: "2030-03-01T09:00" }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('value="Kept title"');
    expect(html).toContain("Use lower-case letters, digits and single hyphens only.");
    expect(html).toContain("Enter a full link starting with https://.");
    expect(html).toContain("Enter a whole number of seats");
    expect(html).toContain("Write reminders like");
    expect(html).toContain("Registration must close after it opens.");
    expect(await prisma.event.count()).toBe(before);
  });

  it("says clearly when a slug is taken", async () => {
    const before = await prisma.event.count();
    const response = await post("/admin/events/new", alice, eventFields({ slug: "child-protection-in-emergencies-a-first-look" }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Another event already uses this address.");
    expect(await prisma.event.count()).toBe(before);
  });

  it("refuses a skipped local time for registration opening", async () => {
    const response = await post("/admin/events/new", alice, eventFields({ slug: "gap-test", opensAt: "2030-03-10T02:30" }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("clocks jump from 01:59 to 03:00");
  });

  it("edits and publishes the event, each audited", async () => {
    const edited = await post(`/admin/events/${eventId}`, alice, eventFields({ title: "Renamed webinar", slug: "renamed-webinar" }));
    expect(edited.status).toBe(302);
    const published = await post(`/admin/events/${eventId}`, alice, [["intent", "publish"]]);
    expect(published.status).toBe(302);
    const event = await prisma.event.findUniqueOrThrow({ where: { id: eventId } });
    expect(event).toMatchObject({ title: "Renamed webinar", slug: "renamed-webinar", status: "published" });
    expect(event.publishedAt).not.toBeNull();
    const actions = await prisma.auditLog.findMany({ where: { entityId: eventId }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["created", "updated", "published"]);
    expect((await get(`/admin/events/${eventId}`, alice.cookie)).status).toBe(200);
  });

  it("records which fields an edit changed, old → new, and nothing for a save that changed nothing", async () => {
    // No new question: a question posted without its id is a new one on every save.
    const fields = eventFields({ title: "Renamed webinar", slug: "renamed-webinar", capacity: "25", "questions[0].label": "" });
    expect((await post(`/admin/events/${eventId}`, alice, fields)).status).toBe(302);
    const latest = () => prisma.auditLog.findFirstOrThrow({ where: { entityId: eventId, action: "updated" }, orderBy: { createdAt: "desc" } });
    const first = await latest();
    expect(JSON.parse(first.details)).toMatchObject({ changed: [{ field: "capacity", from: 40, to: 25 }] });
    expect((await post(`/admin/events/${eventId}`, alice, fields)).status).toBe(302);
    expect((await latest()).id).toBe(first.id);
    const renamed = fields.map(([k, v]): [string, string] => [k, k === "title" ? "Renamed again" : v]);
    expect((await post(`/admin/events/${eventId}`, alice, renamed)).status).toBe(302);
    expect(JSON.parse((await latest()).details)).toMatchObject({ title: "Renamed again", changed: [{ field: "title", from: "Renamed webinar", to: "Renamed again" }] });
  });

  it("keeps organiser B out of A's event: 403 on every page and action, nothing changed", async () => {
    const snapshot = await prisma.event.findUniqueOrThrow({ where: { id: eventId } });
    const audits = await prisma.auditLog.count();
    for (const path of [`/admin/events/${eventId}`, `/admin/events/${eventId}/sessions/new`]) {
      expect((await get(path, bob.cookie)).status).toBe(403);
    }
    for (const fields of [eventFields({ title: "Hijacked" }), [["intent", "unpublish"]], [["intent", "cancel"], ["note", "x"]], [["intent", "delete"]]] as [string, string][][]) {
      expect((await post(`/admin/events/${eventId}`, bob, fields)).status).toBe(403);
    }
    const session = await post(`/admin/events/${eventId}/sessions/new`, bob, [
      ["date", "2030-03-25"],
      ["time", "09:00"],
      ["duration", "60"],
      ["timeZone", "America/New_York"],
      ["languageCode", "en"],
    ]);
    expect(session.status).toBe(403);
    // B does not see it on the dashboard either.
    expect(await (await get("/admin", bob.cookie)).text()).not.toContain("Renamed webinar");
    expect(await prisma.event.findUniqueOrThrow({ where: { id: eventId } })).toEqual(snapshot);
    expect(await prisma.session.count({ where: { eventId } })).toBe(0);
    expect(await prisma.auditLog.count()).toBe(audits);
  });

  it("sends anonymous visitors to the login page", async () => {
    const response = await post(`/admin/events/${eventId}`, null, [["intent", "unpublish"]]);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/admin\/login\?returnTo=/);
    expect((await prisma.event.findUniqueOrThrow({ where: { id: eventId } })).status).toBe("published");
  });

  it("refuses a POST without the CSRF token with 403 and changes nothing", async () => {
    const audits = await prisma.auditLog.count();
    expect((await post(`/admin/events/${eventId}`, alice, [["intent", "unpublish"]], { csrf: false })).status).toBe(403);
    expect((await post("/admin/events/new", alice, eventFields({ slug: "no-csrf" }), { csrf: false })).status).toBe(403);
    expect((await prisma.event.findUniqueOrThrow({ where: { id: eventId } })).status).toBe("published");
    expect(await prisma.event.count({ where: { slug: "no-csrf" } })).toBe(0);
    expect(await prisma.auditLog.count()).toBe(audits);
  });

  it("adds a session in the organiser's zone and refuses a skipped time with the times around it", async () => {
    const gap = await post(`/admin/events/${eventId}/sessions/new`, alice, [
      ["date", "2030-03-10"],
      ["time", "02:30"],
      ["duration", "60"],
      ["timeZone", "America/New_York"],
      ["languageCode", "en"],
    ]);
    expect(gap.status).toBe(400);
    expect(await gap.text()).toContain("02:30 does not exist on 10 March 2030 in New York: clocks jump from 01:59 to 03:00. Choose 01:30 or 03:30.");
    expect(await prisma.session.count({ where: { eventId } })).toBe(0);

    const ok = await post(`/admin/events/${eventId}/sessions/new`, alice, [
      ["date", "2030-03-25"],
      ["time", "09:00"],
      ["duration", "90"],
      ["timeZone", "America/New_York"],
      ["languageCode", "en"],
    ]);
    expect(ok.status).toBe(302);
    const session = await prisma.session.findFirstOrThrow({ where: { eventId } });
    expect(session.startsAt.toISOString()).toBe("2030-03-25T13:00:00.000Z");
    expect(session.endsAt.toISOString()).toBe("2030-03-25T14:30:00.000Z");
    expect(session.timeZone).toBe("America/New_York");
    expect(await prisma.auditLog.count({ where: { entityId: session.id, action: "created" } })).toBe(1);
  });

  it("asks before moving a session people registered for, then tells them", async () => {
    const session = await prisma.session.findFirstOrThrow({ where: { eventId } });
    const registration = await prisma.registration.create({
      data: { sessionId: session.id, name: "R", email: "r@example.org", emailNormalized: "r@example.org", timeZone: "Asia/Bangkok", locale: "en", status: "confirmed", manageTokenHash: randomUUID() },
    });
    expect((await get(`/admin/events/${eventId}/sessions/${session.id}`, alice.cookie)).status).toBe(200);
    const fields: [string, string][] = [
      ["date", "2030-03-25"],
      ["time", "10:00"],
      ["duration", "90"],
      ["timeZone", "America/New_York"],
      ["languageCode", "en"],
    ];
    const asked = await post(`/admin/events/${eventId}/sessions/${session.id}`, alice, [...fields, ["intent", "save"]]);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain("1 person is registered; they will receive an updated calendar invite.");
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).sequence).toBe(0);
    const confirmed = await post(`/admin/events/${eventId}/sessions/${session.id}`, alice, [...fields, ["intent", "confirm"]]);
    expect(confirmed.status).toBe(302);
    const after = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect([after.startsAt.toISOString(), after.sequence]).toEqual(["2030-03-25T14:00:00.000Z", 1]);
    expect(await prisma.outboxMessage.count({ where: { kind: "session-updated", registrationId: registration.id } })).toBe(1);
  });

  it("serves the account and speaker pages to organisers and keeps admin pages from them", async () => {
    for (const path of ["/admin/account", "/admin/speakers", "/admin"]) expect((await get(path, alice.cookie)).status).toBe(200);
    for (const path of ["/admin/users", "/admin/settings"]) expect((await get(path, alice.cookie)).status).toBe(403);
    expect((await post("/admin/settings", alice, [["siteName", "Taken over"], ["referenceCities", "london"], ["defaultLocale", "en"]])).status).toBe(403);
    const created = await post("/admin/speakers", alice, [["name", "Amira Haddad"], ["affiliation", "Alliance"], ["photoUrl", "https://example.org/a.jpg"]]);
    expect(created.status).toBe(302);
    expect(await prisma.speaker.count({ where: { slug: "amira-haddad" } })).toBe(1);
    const bad = await post("/admin/speakers", alice, [["name", ""], ["photoUrl", "javascript:alert(1)"]]);
    expect(bad.status).toBe(400);
  });
});

describe("cancelling an event", () => {
  it("asks first, saying how many people will be emailed, and cancels nothing until confirmed", async () => {
    const event = await prisma.event.create({
      data: {
        slug: `to-cancel-${randomUUID().slice(0, 8)}`,
        type: "webinar",
        title: "An event to cancel",
        status: "published",
        timeZone: "Europe/London",
        primaryLanguageCode: "en",
        createdById: alice.id,
        sessions: {
          create: [0, 1, 2].map((i) => ({
            startsAt: new Date(Date.UTC(2030, 5, 1 + i, 9)),
            endsAt: new Date(Date.UTC(2030, 5, 1 + i, 10)),
            timeZone: "Europe/London",
            languageCode: "en",
            status: i === 2 ? "cancelled" : "scheduled",
          })),
        },
      },
      select: { id: true, sessions: { orderBy: { startsAt: "asc" }, select: { id: true } } },
    });
    const [first, second, alreadyCancelled] = event.sessions.map((s) => s.id);
    const register = (sessionId: string, status: string) => {
      const email = `${randomUUID()}@example.org`;
      return prisma.registration.create({
        data: { sessionId, name: "R", email, emailNormalized: email, timeZone: "Asia/Bangkok", locale: "en", status, manageTokenHash: randomUUID() },
      });
    };
    // Three people would be told: the confirmed and waitlisted in live sessions. Those who cancelled,
    // and those of a session cancelled earlier (already told), are not counted.
    const registrations = await Promise.all([register(first!, "confirmed"), register(first!, "waitlisted"), register(second!, "confirmed"), register(second!, "cancelled"), register(alreadyCancelled!, "confirmed")]);
    const before = { event: await prisma.event.findUniqueOrThrow({ where: { id: event.id } }), outbox: await prisma.outboxMessage.count(), audit: await prisma.auditLog.count() };

    const asked = await post(`/admin/events/${event.id}`, alice, [["intent", "cancel"], ["note", "The trainer is ill."]]);
    expect(asked.status).toBe(200);
    const html = await asked.text();
    expect(html).toContain("Cancel this event?");
    expect(html).toContain("3 registered people will be emailed that it is cancelled.");
    expect(html).toContain('value="confirm-cancel"');
    // The note travels on to the confirmation.
    expect(html).toMatch(/<textarea[^>]*name="note"[^>]*>The trainer is ill\.<\/textarea>/);
    expect(await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).toEqual(before.event);
    expect(await prisma.session.count({ where: { eventId: event.id, status: "cancelled" } })).toBe(1);
    expect(await prisma.outboxMessage.count()).toBe(before.outbox);
    expect(await prisma.auditLog.count()).toBe(before.audit);

    const confirmed = await post(`/admin/events/${event.id}`, alice, [["intent", "confirm-cancel"], ["note", "The trainer is ill."]]);
    expect(confirmed.status).toBe(302);
    expect(await prisma.event.findUniqueOrThrow({ where: { id: event.id }, select: { status: true, cancellationNote: true } })).toEqual({ status: "cancelled", cancellationNote: "The trainer is ill." });
    const told = await prisma.outboxMessage.findMany({ where: { kind: "session-cancelled", registrationId: { in: registrations.map((r) => r.id) } }, select: { registrationId: true } });
    expect(told.map((m) => m.registrationId).sort()).toEqual(registrations.slice(0, 3).map((r) => r.id).sort());

    // Once cancelled, asking again is refused rather than offering a second round of emails.
    expect((await post(`/admin/events/${event.id}`, alice, [["intent", "cancel"]])).status).toBe(409);
  });

  it("says nobody will be emailed when nobody is registered", async () => {
    const event = await prisma.event.create({
      data: { slug: `empty-${randomUUID().slice(0, 8)}`, type: "webinar", title: "Nobody came", status: "published", timeZone: "Europe/London", primaryLanguageCode: "en", createdById: alice.id },
      select: { id: true },
    });
    const asked = await post(`/admin/events/${event.id}`, alice, [["intent", "cancel"], ["note", ""]]);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain("Nobody is registered, so nobody will be emailed.");
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("published");
  });
});
