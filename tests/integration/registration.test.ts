// Registration through the built Remix app (build/index.js) with real Requests: what a person
// without JavaScript gets back for good and bad input, and what ends up in the database.
import { createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { BASE_URL, loadBuild } from "../helpers/remix.ts";
import { documentPart, errorPage, textOf } from "../helpers/html.ts";

const HOUR = 3_600_000;
let handle: (request: Request) => Promise<Response>;
let addressCounter = 0;

type Fixture = { slug: string; eventId: string; sessionIds: string[]; questionId: string };

async function createEvent(options: { capacity?: number; startsInHours?: number[]; isRecorded?: boolean } = {}): Promise<Fixture> {
  const slug = `reg-int-${Math.random().toString(36).slice(2, 10)}`;
  const now = Date.now();
  const event = await prisma.event.create({
    data: {
      slug,
      type: "webinar",
      status: "published",
      title: "Case management in emergencies",
      summary: "Keeping children safe when services break down.",
      primaryLanguageCode: "en",
      timeZone: "Europe/Zurich",
      capacity: options.capacity ?? 50,
      isRecorded: options.isRecorded ?? false,
      joinUrl: "https://meet.example.org/j/secret-room",
      sessions: {
        create: (options.startsInHours ?? [48, 72]).map((h) => ({
          startsAt: new Date(now + h * HOUR),
          endsAt: new Date(now + (h + 1) * HOUR),
          timeZone: "Europe/Zurich",
          languageCode: "en",
        })),
      },
      questions: {
        create: [
          { kind: "single", label: "Your role", options: JSON.stringify(["Caseworker", "Manager"]), required: true, sortOrder: 0 },
          { kind: "multiple", label: "Topics of interest", options: JSON.stringify(["MHPSS", "Case management"]), sortOrder: 1 },
        ],
      },
    },
    select: { id: true, sessions: { orderBy: { startsAt: "asc" }, select: { id: true } }, questions: { orderBy: { sortOrder: "asc" }, select: { id: true } } },
  });
  return { slug, eventId: event.id, sessionIds: event.sessions.map((s) => s.id), questionId: event.questions[0]!.id };
}

function validForm(f: Fixture, overrides: Record<string, string | null> = {}): URLSearchParams {
  const values: Record<string, string | null> = {
    sessionId: f.sessionIds[0]!,
    name: "Amina Hassan",
    email: `amina.${Math.random().toString(36).slice(2, 8)}@example.org`,
    organisation: "Child Protection AoR",
    country: "Kenya",
    timeZone: "Africa/Nairobi",
    locale: "en",
    accessibilityNeeds: "",
    [`question_${f.questionId}`]: "Caseworker",
    consentPrivacy: "on",
    website: "",
    ...overrides,
  };
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== null) body.append(key, value);
  return body;
}

/** Each call comes from its own address unless told otherwise, so the per-address limit stays out of the way. */
function post(path: string, body: URLSearchParams, address = `10.0.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`) {
  return handle(
    new Request(new URL(path, BASE_URL), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": address },
      body,
    }),
  );
}

function get(path: string) {
  return handle(new Request(new URL(path, BASE_URL)));
}

/** Registrations in the fixture's sessions and emails for them (outbox rows carry the registration id). */
async function counts(f: Fixture) {
  const ids = (await prisma.registration.findMany({ where: { sessionId: { in: f.sessionIds } }, select: { id: true } })).map((r) => r.id);
  return { registrations: ids.length, emails: await prisma.outboxMessage.count({ where: { registrationId: { in: ids } } }) };
}

/** Everything in the database, for "nothing stored" where a registration id would not exist. */
async function totals() {
  return { registrations: await prisma.registration.count(), emails: await prisma.outboxMessage.count() };
}

async function pageText(response: Response) {
  return textOf(documentPart(await response.text()));
}

beforeAll(async () => {
  await prisma.language.upsert({ where: { code: "en" }, update: {}, create: { code: "en", name: "English", nativeName: "English" } });
  const build = await loadBuild();
  handle = createRequestHandler(build, "production");
});

describe("the event page", () => {
  it("shows the form with visible labels, stays cacheable and holds nobody's data", async () => {
    const f = await createEvent({ isRecorded: true });
    const response = await get(`/events/${f.slug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Page-Cache-TTL")).toBe("60");
    const html = documentPart(await response.text());
    const labels = [...html.matchAll(/<label for="[^"]+">([\s\S]*?)<\/label>/g)].map((m) => textOf(m[1]!));
    for (const label of ["Name", "Email", "Organisation", "Country", "Time zone", "Preferred language", "Accessibility or interpretation needs"]) {
      expect(labels.some((text) => text.startsWith(`${label} (`)), label).toBe(true);
    }
    expect(html).toContain("Your role");
    expect(html).toContain("this session is recorded");
    expect(html).toContain('name="website"');
    expect(html).not.toContain("secret-room");
    expect(html).toContain(`action="/events/${f.slug}/register"`);
    expect(html).toContain(`href="/events/${f.slug}/register?session=${f.sessionIds[1]}"`);
  });

  it("has a register page of its own that pre-selects the session a link names", async () => {
    const f = await createEvent();
    const response = await get(`/events/${f.slug}/register?session=${f.sessionIds[1]}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const html = documentPart(await response.text());
    const radios = [...html.matchAll(/<input type="radio"[^>]*name="sessionId"[^>]*>/g)].map((m) => m[0]);
    expect(radios).toHaveLength(2);
    expect(radios.filter((tag) => tag.includes('checked=""'))).toEqual([expect.stringContaining(`value="${f.sessionIds[1]}"`)]);
    expect((await get("/events/no-such-event/register")).status).toBe(404);
  });
});

describe("registering without JavaScript", () => {
  it("redirects to the personal page, which says an email is on its way and is never cached", async () => {
    const f = await createEvent();
    const form = validForm(f, { email: "Grace.Achieng@Example.org" });
    form.append(`question_${(await prisma.registrationQuestion.findFirstOrThrow({ where: { eventId: f.eventId, kind: "multiple" } })).id}`, "MHPSS");
    const response = await post(`/events/${f.slug}/register`, form);
    expect(response.status).toBe(303);
    const location = response.headers.get("Location")!;
    expect(location).toMatch(/^\/manage\/[A-Za-z0-9_-]{43}\?registered=1$/);
    const row = await prisma.registration.findFirstOrThrow({ where: { sessionId: f.sessionIds[0] } });
    expect(row).toMatchObject({ emailNormalized: "grace.achieng@example.org", status: "confirmed", timeZone: "Africa/Nairobi", country: "Kenya" });
    expect(Object.values(JSON.parse(row.answers))).toEqual(["Caseworker", ["MHPSS"]]);
    expect(await prisma.outboxMessage.count({ where: { registrationId: row.id, kind: "registration-confirmed" } })).toBe(1);

    const page = await get(location);
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("private, no-store");
    expect(page.headers.get("Referrer-Policy")).toBe("same-origin");
    const text = await pageText(page);
    expect(text).toContain("You are registered. A confirmation email with a calendar invitation is on its way.");
    expect(text).toContain("Confirmed");
    expect(text).toContain("Nairobi");

    // The private calendar file carries the join link; the public one never does.
    const token = location.split("/")[2]!.split("?")[0]!;
    const ics = await get(`/manage/${token}/invite.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("Cache-Control")).toBe("private, no-store");
    const icsText = await ics.text();
    expect(icsText).toContain("secret-room");
    expect(icsText.replace(/\r\n[ \t]/g, "")).toContain(`/manage/${token}`);
    const publicIcs = await (await get(`/events/${f.slug}/sessions/${f.sessionIds[0]}.ics`)).text();
    expect(publicIcs).not.toContain("secret-room");
  });

  it("tells a second registration with the same email in another case that it is already registered, and resends on request", async () => {
    const f = await createEvent();
    expect((await post(`/events/${f.slug}/register`, validForm(f, { email: "dup@example.org" }))).status).toBe(303);
    const before = await counts(f);
    const again = await post(`/events/${f.slug}/register`, validForm(f, { email: "  DUP@Example.ORG " }));
    expect(again.status).toBe(409);
    const text = await pageText(again);
    expect(text).toContain("You are already registered");
    expect(text).toContain("Send my confirmation again");
    expect(await counts(f)).toEqual(before);

    const resend = await post(`/events/${f.slug}/register`, new URLSearchParams({ intent: "resend", sessionId: f.sessionIds[0]!, email: "dup@example.org" }));
    expect(resend.status).toBe(200);
    expect(await pageText(resend)).toContain("the confirmation is on its way");
    expect(await prisma.outboxMessage.count({ where: { kind: "registration-resent", toAddress: "dup@example.org" } })).toBe(1);
  });

  const badInputs: [string, (f: Fixture) => Record<string, string | null>, number, string][] = [
    ["an invalid email", () => ({ email: "not-an-email" }), 400, "Enter an email address in the form name@example.org."],
    ["a 5,000-character name", () => ({ name: "N".repeat(5000) }), 400, "Your name is too long: use at most 200 characters."],
    ["a 5,000-character organisation", () => ({ organisation: "O".repeat(5000) }), 400, "The organisation is too long"],
    ["a 5,000-character email", () => ({ email: `${"e".repeat(4990)}@example.org` }), 400, "The email address is too long"],
    ["an unknown session id", () => ({ sessionId: "no-such-session" }), 400, "This session is not open for registration"],
    ["a missing required question", (f) => ({ [`question_${f.questionId}`]: null }), 400, "Your role: Answer this question."],
    ["an answer that is not a choice", (f) => ({ [`question_${f.questionId}`]: "Astronaut" }), 400, "Choose one of the answers listed."],
    ["a missing privacy consent", () => ({ consentPrivacy: null }), 400, "You need to agree to the privacy notice to register."],
    ["an unknown time zone", () => ({ timeZone: "Mars/Olympus_Mons" }), 400, "Choose a time zone from the list."],
    ["a session that has already started", (f) => ({ sessionId: f.sessionIds[0]! }), 409, "This session has already started, so registration is closed."],
  ];
  for (const [what, overrides, status, message] of badInputs) {
    it(`answers ${what} with ${status} and a clear message, storing nothing`, async () => {
      const f = what.includes("started") ? await createEvent({ startsInHours: [-0.25, 48] }) : await createEvent();
      const before = await totals();
      const response = await post(`/events/${f.slug}/register`, validForm(f, overrides(f)));
      expect(response.status).toBe(status);
      const html = documentPart(await response.text());
      expect(textOf(html)).toContain(message);
      expect(html).toMatch(/role="alert"/);
      if (status === 400) expect(html).toContain('aria-invalid="true"');
      // The form comes back with what was typed.
      if (!what.includes("name")) expect(html).toContain('value="Amina Hassan"');
      expect(await totals()).toEqual(before);
    });
  }

  it("requires the recording acknowledgement when the event is recorded", async () => {
    const f = await createEvent({ isRecorded: true });
    const response = await post(`/events/${f.slug}/register`, validForm(f));
    expect(response.status).toBe(400);
    expect(await pageText(response)).toContain("Please confirm that you know this session is recorded.");
    expect(await counts(f)).toEqual({ registrations: 0, emails: 0 });
  });

  it("pretends success to a bot that fills the honeypot, and stores nothing", async () => {
    const f = await createEvent();
    const before = await totals();
    const response = await post(`/events/${f.slug}/register`, validForm(f, { website: "http://spam.example" }));
    expect(response.status).toBe(200);
    expect(await pageText(response)).toContain("Your registration has been received.");
    expect(await totals()).toEqual(before);
  });

  it("answers too many attempts from one address with a 429 page and Retry-After", async () => {
    const f = await createEvent();
    const address = "192.0.2.77";
    for (let i = 0; i < 10; i++) {
      expect((await post(`/events/${f.slug}/register`, validForm(f), address)).status).toBe(303);
    }
    const before = await counts(f);
    const response = await post(`/events/${f.slug}/register`, validForm(f), address);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await pageText(response)).toMatch(/Too many attempts\. Try again in 10 minutes\./);
    expect(await counts(f)).toEqual(before);
  });

  it("answers five registrations of one email within the hour with 429 on the sixth", async () => {
    const email = `busy.${Date.now()}@example.org`;
    for (let i = 0; i < 5; i++) {
      const f = await createEvent();
      expect((await post(`/events/${f.slug}/register`, validForm(f, { email }))).status).toBe(303);
    }
    const f = await createEvent();
    const response = await post(`/events/${f.slug}/register`, validForm(f, { email }));
    expect(response.status).toBe(429);
    expect(await counts(f)).toEqual({ registrations: 0, emails: 0 });
  });
});

describe("the manage page", () => {
  it("answers a tampered or unknown token with a 404 that says the link is not valid", async () => {
    const f = await createEvent();
    const location = (await post(`/events/${f.slug}/register`, validForm(f))).headers.get("Location")!;
    const token = location.split("/")[2]!.split("?")[0]!;
    const tampered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    for (const path of [`/manage/${tampered}`, "/manage/short", `/manage/${"x".repeat(5000)}`, `/manage/${tampered}/invite.ics`]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("Cache-Control"), path).toContain("no-store");
      if (!path.endsWith(".ics")) expect(errorPage(await response.text())).toMatchObject({ title: "This link is not valid" });
    }
    const post404 = await post(`/manage/${tampered}`, new URLSearchParams({ intent: "cancel" }));
    expect(post404.status).toBe(404);
    expect(await prisma.registration.count({ where: { sessionId: f.sessionIds[0], status: "cancelled" } })).toBe(0);
  });

  it("switches session, updates details and cancels after a confirmation step", async () => {
    const f = await createEvent();
    const location = (await post(`/events/${f.slug}/register`, validForm(f, { email: "walk@example.org" }))).headers.get("Location")!;
    const here = location.split("?")[0]!;

    const switched = await post(here, new URLSearchParams({ intent: "switch", sessionId: f.sessionIds[1]! }));
    expect(switched.status).toBe(303);
    expect(switched.headers.get("Location")).toBe(`${here}?done=switched`);
    expect((await prisma.registration.findFirstOrThrow({ where: { emailNormalized: "walk@example.org" } })).sessionId).toBe(f.sessionIds[1]);

    const badUpdate = await post(here, new URLSearchParams({ intent: "update", name: "x".repeat(5000), timeZone: "Asia/Bangkok", locale: "fr" }));
    expect(badUpdate.status).toBe(400);
    expect(await pageText(badUpdate)).toContain("Your name is too long");
    const updated = await post(here, new URLSearchParams({ intent: "update", name: "Amina H.", timeZone: "Asia/Bangkok", locale: "fr" }));
    expect(updated.status).toBe(303);
    expect(await prisma.registration.findFirstOrThrow({ where: { emailNormalized: "walk@example.org" } })).toMatchObject({
      name: "Amina H.",
      timeZone: "Asia/Bangkok",
      locale: "fr",
    });

    const ask = await get(`${here}?cancel=1`);
    expect(await pageText(ask)).toContain("Yes, cancel my registration");
    const cancelled = await post(here, new URLSearchParams({ intent: "cancel" }));
    expect(cancelled.status).toBe(303);
    const after = await pageText(await get(`${here}?done=cancelled`));
    expect(after).toContain("Your registration is cancelled.");
    expect(after).not.toContain("Download the calendar file");
  });
});
