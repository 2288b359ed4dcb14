// THE ACCESS MATRIX: anonymous visitors, organiser A (owns event X), organiser B (owns nothing of
// X) and an admin, against every admin page and action that exists when the test runs.
//
// Route files are enumerated from app/routes at test time, so a page added by anyone is covered
// without editing this file — unless its URL has a parameter this file cannot fill, or it is
// admin-only, public or a redirect: then the test fails and says which table to extend.
//
// Everything goes through the built request handler (build/index.js) with real Requests; sign-in
// is a minted auth-session cookie, so no password hashing slows the matrix down.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequestHandler } from "@remix-run/node";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createRegistration, createSession } from "../mail/fixtures.ts";
import { BASE_URL, loadBuild, type BuildModule } from "../helpers/remix.ts";
import { authSessionStorage } from "~/organisers/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";

// The built app reads its environment once, on first use: the demo mailbox must be on (no
// SMTP_URL) and point at a folder holding one message, so the mail pages have something to show.
const MAIL_DIR = mkdtempSync(path.join(tmpdir(), "admin-matrix-mail-"));
process.env.MAIL_DIR = MAIL_DIR;
delete process.env.SMTP_URL;
const MAIL_FILE = "1764511200000-matrix.localhost.eml";

const ROUTES_DIR = path.resolve("app/routes");

/** How each URL parameter is filled in, from the fixture. Add a row for a new parameter. */
const PARAMS: Record<string, (f: Fixture) => string> = {
  eventId: (f) => f.eventX,
  sessionId: (f) => f.sessionX,
  recordingId: (f) => f.recordingX,
  name: () => MAIL_FILE,
};

/** Pages only an admin may open: organisers get 403. */
const ADMIN_ONLY = new Set([
  "routes/admin.audit",
  "routes/admin.users",
  "routes/admin.settings",
  "routes/admin.settings_.privacy",
  "routes/admin.mail",
  "routes/admin.mail_.$name",
  "routes/admin.mail_.$name_.raw",
  "routes/admin.mail_.$name_.invite[.ics]",
]);

/** Routes outside the matrix, each with the reason. */
const NOT_IN_MATRIX: Record<string, string> = {
  "routes/admin_.login": "the sign-in page is public by design",
};

/** GET answers a redirect for everyone (the route is an action endpoint). */
const GET_REDIRECTS = new Set(["routes/admin.logout"]);

type Fixture = {
  eventX: string;
  sessionX: string;
  registrationX: string;
  pendingX: string;
  waitlistedX: string;
  outboxX: string;
  recordingX: string;
};
type Role = "anonymous" | "A" | "B" | "admin";

let build: BuildModule;
let handle: (request: Request) => Promise<Response>;
let fixture: Fixture;
const cookies: Partial<Record<Role, string>> = {};
const csrf: Partial<Record<Role, string>> = {};

async function signedIn(role: Role, organiserId: string) {
  const session = await authSessionStorage.getSession();
  const token = randomBytes(32).toString("base64url");
  session.set("organiserId", organiserId);
  session.set("csrf", token);
  const setCookie = await authSessionStorage.commitSession(session);
  cookies[role] = setCookie.split(";")[0]!;
  csrf[role] = token;
}

async function writeMailFixture() {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const info = await transport.sendMail({
    from: "Learning Events <no-reply@localhost>",
    to: "amina@example.org",
    subject: "You’re registered: Matrix event",
    text: "Hello",
    html: "<p>Hello</p>",
    icalEvent: { method: "REQUEST", content: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", filename: "invite.ics" },
  });
  writeFileSync(path.join(MAIL_DIR, MAIL_FILE), info.message as Buffer);
}

beforeAll(async () => {
  await writeMailFixture();
  build = await loadBuild();
  handle = createRequestHandler(build, "production");
  const [a, b, admin] = await Promise.all(
    (["organiser", "organiser", "admin"] as const).map((role, i) =>
      prisma.organiser.create({ data: { email: `matrix-${i}-${randomBytes(4).toString("hex")}@example.org`, passwordHash: "not-a-hash", role } }),
    ),
  );
  const eventX = await createEvent(prisma, { title: "Matrix event X" });
  await prisma.event.update({ where: { id: eventX.id }, data: { createdById: a!.id, capacity: 1, approvalRequired: false } });
  const sessionX = await createSession(prisma, eventX.id, { startsAt: new Date(Date.now() + 7 * 86_400_000) });
  const registration = await createRegistration(prisma, sessionX.id, { status: "confirmed", email: "amina@example.org" });
  const pending = await createRegistration(prisma, sessionX.id, { status: "pending" });
  const waitlisted = await createRegistration(prisma, sessionX.id, { status: "waitlisted" });
  const outbox = await prisma.outboxMessage.create({
    data: { kind: "registration-confirmed", toAddress: "amina@example.org", payload: "{}", dedupeKey: `matrix:${registration.id}`, status: "failed", registrationId: registration.id, attempts: 8 },
  });
  // B has an event of their own, so B's pages are not empty.
  const eventY = await createEvent(prisma, { title: "Matrix event Y" });
  await prisma.event.update({ where: { id: eventY.id }, data: { createdById: b!.id } });
  const recordingX = await prisma.recording.create({ data: { eventId: eventX.id, sessionId: sessionX.id, kind: "embed", title: "Matrix recording", embedProvider: "youtube", embedId: "dQw4w9WgXcQ", languageCode: "en" } });
  fixture = { eventX: eventX.id, sessionX: sessionX.id, registrationX: registration.id, pendingX: pending.id, waitlistedX: waitlisted.id, outboxX: outbox.id, recordingX: recordingX.id };
  await signedIn("A", a!.id);
  await signedIn("B", b!.id);
  await signedIn("admin", admin!.id);
});

afterAll(() => rmSync(MAIL_DIR, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------

type AdminRoute = { file: string; id: string; url: string; eventScoped: boolean; adminOnly: boolean; hasAction: boolean };

/** Every admin route file, as a concrete URL. Fails with a clear message for what it cannot map. */
function adminRoutes(): AdminRoute[] {
  const files = readdirSync(ROUTES_DIR).filter((name) => name.startsWith("admin"));
  const routes: AdminRoute[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const isDir = statSync(path.join(ROUTES_DIR, file)).isDirectory();
    const id = `routes/${isDir ? file : file.replace(/\.(tsx|ts|jsx|js)$/, "")}`;
    if (id in NOT_IN_MATRIX) continue;
    const route = build.routes[id];
    if (!route) {
      problems.push(`${file}: not in build/index.js — run \`npm run build\` (npm test does) and try again`);
      continue;
    }
    const pattern = fullPath(id);
    const missing = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]!).filter((p) => !(p in PARAMS));
    if (missing.length) {
      problems.push(`${file}: no value for URL parameter(s) ${missing.map((m) => `:${m}`).join(", ")} — add them to PARAMS in tests/integration/admin-access.test.ts`);
      continue;
    }
    if (pattern.includes("*")) {
      problems.push(`${file}: splat routes need a concrete URL — add one to tests/integration/admin-access.test.ts`);
      continue;
    }
    const url = pattern.replace(/:(\w+)/g, (_m, p: string) => encodeURIComponent(PARAMS[p]!(fixture)));
    routes.push({ file, id, url, eventScoped: pattern.includes(":eventId"), adminOnly: ADMIN_ONLY.has(id), hasAction: typeof route.module.action === "function" });
  }
  expect(problems, "admin routes the access matrix cannot cover").toEqual([]);
  return routes;
}

function fullPath(id: string): string {
  const segments: string[] = [];
  let current: (typeof build.routes)[string] | undefined = build.routes[id];
  while (current) {
    if (current.path) segments.unshift(current.path);
    current = current.parentId ? build.routes[current.parentId] : undefined;
  }
  return `/${segments.join("/")}`.replace(/\/+/g, "/");
}

function request(role: Role, url: string, init: { method?: string; body?: URLSearchParams } = {}) {
  const headers = new Headers();
  if (cookies[role]) headers.set("Cookie", cookies[role]!);
  if (init.body) headers.set("Content-Type", "application/x-www-form-urlencoded");
  return handle(new Request(new URL(url, BASE_URL), { method: init.method ?? "GET", headers, body: init.body }));
}

/** Form bodies that would change something if the route let the wrong person through. */
function bodiesFor(route: AdminRoute, token: string | undefined): URLSearchParams[] {
  const f = fixture;
  const common = { csrf: token ?? "forged", eventId: f.eventX, sessionId: f.sessionX, registrationId: f.registrationX, id: f.outboxX };
  const make = (fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...common, ...fields })) for (const v of [value].flat()) body.append(key, v);
    return body;
  };
  if (route.id.endsWith(".registrations")) {
    return [
      make({ intent: "cancel" }),
      make({ intent: "approve", registrationId: f.pendingX }),
      make({ intent: "decline", registrationId: f.pendingX }),
      make({ intent: "promote", registrationId: f.waitlistedX }),
    ];
  }
  if (route.id.endsWith(".message")) return [make({ audience: "all", subject: "Hijacked", body: "Not from the organisers", messageId: `matrix-${randomBytes(6).toString("hex")}` })];
  if (route.id.endsWith(".attendance")) return [make({ intent: "manual", present: f.registrationX, [`minutes-${f.registrationX}`]: "60" })];
  if (route.id === "routes/admin.outbox") return [make({ intent: "retry" })];
  // Other people's forms: the intents they are likely to have, with plausible fields.
  return ["save", "publish", "unpublish", "cancel", "delete", "remove-session", "cancel-session", "share", "create", "update"].map((intent) =>
    make({ intent, title: "Hijacked", name: "Hijacked", email: "hijack@example.org", note: "Hijacked", role: "admin", siteName: "Hijacked" }),
  );
}

/** Every row that an admin action could change, so "nothing changed" is checked, not assumed. */
async function snapshot() {
  const [events, sessions, registrations, attendance, outbox, organisers, shares, speakers, settings, audit, questions, recordings, transcripts] = await Promise.all([
    prisma.event.findMany({ orderBy: { id: "asc" } }),
    prisma.session.findMany({ orderBy: { id: "asc" } }),
    prisma.registration.findMany({ orderBy: { id: "asc" } }),
    prisma.attendance.findMany({ orderBy: { id: "asc" } }),
    prisma.outboxMessage.findMany({ orderBy: { id: "asc" } }),
    prisma.organiser.findMany({ orderBy: { id: "asc" } }),
    prisma.eventShare.findMany({ orderBy: [{ eventId: "asc" }, { organiserId: "asc" }] }),
    prisma.speaker.findMany({ orderBy: { id: "asc" } }),
    prisma.siteSetting.findMany({ orderBy: { key: "asc" } }),
    prisma.auditLog.count(),
    prisma.registrationQuestion.findMany({ orderBy: { id: "asc" } }),
    prisma.recording.findMany({ orderBy: { id: "asc" } }),
    prisma.transcript.findMany({ orderBy: { id: "asc" }, include: { _count: { select: { cues: true } } } }),
  ]);
  return JSON.stringify({ events, sessions, registrations, attendance, outbox, organisers, shares, speakers, settings, audit, questions, recordings, transcripts });
}

function isLoginRedirect(response: Response) {
  return [302, 303].includes(response.status) && (response.headers.get("Location") ?? "").startsWith("/admin/login");
}

function describeResponse(role: Role, method: string, route: AdminRoute, response: Response) {
  return `${role} ${method} ${route.url} (${route.file}) → ${response.status} ${response.headers.get("Location") ?? ""}`;
}

describe("the admin access matrix", () => {
  it("finds the admin routes, including this issue's pages", () => {
    const ids = adminRoutes().map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "routes/admin",
        "routes/admin.outbox",
        "routes/admin.mail",
        "routes/admin.events.$eventId_.sessions.$sessionId_.registrations",
        "routes/admin.events.$eventId_.sessions.$sessionId_.registrations[.csv]",
        "routes/admin.events.$eventId_.sessions.$sessionId_.message",
        "routes/admin.events.$eventId_.sessions.$sessionId_.attendance",
      ]),
    );
  });

  it("GET: anonymous → sign-in; B → 403/404 on A's event and admin pages; A and admin → 200", async () => {
    const failures: string[] = [];
    for (const route of adminRoutes()) {
      for (const role of ["anonymous", "A", "B", "admin"] as const) {
        const response = await request(role, route.url);
        await response.arrayBuffer();
        let ok: boolean;
        if (GET_REDIRECTS.has(route.id)) ok = [302, 303].includes(response.status);
        else if (role === "anonymous") ok = isLoginRedirect(response) || [401, 403].includes(response.status);
        else if (role === "admin") ok = response.status === 200;
        else if (route.adminOnly) ok = response.status === 403;
        else if (role === "B" && route.eventScoped) ok = [403, 404].includes(response.status);
        else ok = response.status === 200;
        if (!ok) failures.push(describeResponse(role, "GET", route, response));
      }
    }
    expect(failures).toEqual([]);
  });

  it("POST: anonymous, B on A's event, organisers on admin pages, and anyone without the CSRF token change nothing", { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    for (const route of adminRoutes().filter((r) => r.hasAction)) {
      const attempts: { role: Role; token: string | undefined; expect: (r: Response) => boolean }[] = [
        { role: "anonymous", token: undefined, expect: (r) => isLoginRedirect(r) || [401, 403].includes(r.status) },
        // A valid token for the wrong person: the session check must still refuse.
        ...(route.eventScoped || route.adminOnly ? [{ role: "B" as Role, token: csrf.B, expect: (r: Response) => [403, 404].includes(r.status) }] : []),
        ...(route.adminOnly ? [{ role: "A" as Role, token: csrf.A, expect: (r: Response) => r.status === 403 }] : []),
        // The right person without the token (a cross-site form post).
        { role: "A", token: undefined, expect: (r) => r.status === 403 },
        { role: "admin", token: "forged-token-of-the-right-length-000000000", expect: (r) => r.status === 403 },
      ];
      for (const attempt of attempts) {
        for (const body of bodiesFor(route, attempt.token)) {
          const before = await snapshot();
          const response = await request(attempt.role, route.url, { method: "POST", body });
          await response.arrayBuffer();
          const after = await snapshot();
          if (!attempt.expect(response)) failures.push(`${describeResponse(attempt.role, "POST", route, response)} [intent=${body.get("intent")}]`);
          if (before !== after) failures.push(`${attempt.role} POST ${route.url} [intent=${body.get("intent")}] changed the database`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("lets A and the admin act on X's registrations (the matrix's positive control)", async () => {
    const url = `/admin/events/${fixture.eventX}/sessions/${fixture.sessionX}/registrations`;
    const body = new URLSearchParams({ csrf: csrf.A!, intent: "approve", registrationId: fixture.pendingX });
    const response = await request("A", url, { method: "POST", body });
    expect([302, 303]).toContain(response.status);
    // Capacity 1 is taken, so approval puts the person on the waitlist — and tells them.
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: fixture.pendingX } })).status).toBe("waitlisted");
    expect(await prisma.outboxMessage.count({ where: { registrationId: fixture.pendingX, kind: "registration-waitlisted" } })).toBe(1);
    const retry = await request("admin", "/admin/outbox", { method: "POST", body: new URLSearchParams({ csrf: csrf.admin!, intent: "retry", id: fixture.outboxX }) });
    expect([302, 303]).toContain(retry.status);
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: fixture.outboxX } })).status).toBe("pending");
  });
});
