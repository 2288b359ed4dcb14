import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { findRegistrationIdByToken, manageTokenFor } from "~/registration/manage-token.server.ts";
import {
  approveRegistration,
  cancelRegistration,
  declineRegistration,
  fillFreedSeats,
  registerForSession,
  resendConfirmation,
  switchSession,
  type RegistrationInput,
} from "./registrations.server.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date("2030-03-01T12:00:00Z");
let counter = 0;

type EventOptions = {
  capacity?: number | null;
  waitlistEnabled?: boolean;
  approvalRequired?: boolean;
  registrationOpensAt?: Date | null;
  registrationClosesAt?: Date | null;
  allowLateRegistration?: boolean;
  isRecorded?: boolean;
  status?: string;
};

/** An event with sessions starting at the given offsets from NOW (hours), one hour long. */
async function createEvent(options: EventOptions = {}, sessionStarts: number[] = [24], sessionCapacity?: (number | null)[]) {
  const n = ++counter;
  const event = await prisma.event.create({
    data: {
      slug: `reg-test-${n}-${Math.random().toString(36).slice(2, 8)}`,
      type: "webinar",
      status: options.status ?? "published",
      title: `Registration test ${n}`,
      primaryLanguageCode: "en",
      timeZone: "Europe/Zurich",
      capacity: options.capacity === undefined ? 20 : options.capacity,
      waitlistEnabled: options.waitlistEnabled ?? true,
      approvalRequired: options.approvalRequired ?? false,
      registrationOpensAt: options.registrationOpensAt ?? null,
      registrationClosesAt: options.registrationClosesAt ?? null,
      allowLateRegistration: options.allowLateRegistration ?? false,
      isRecorded: options.isRecorded ?? false,
      sessions: {
        create: sessionStarts.map((hours, i) => ({
          startsAt: new Date(NOW.getTime() + hours * HOUR),
          endsAt: new Date(NOW.getTime() + (hours + 1) * HOUR),
          timeZone: "Europe/Zurich",
          languageCode: "en",
          capacity: sessionCapacity?.[i] ?? null,
        })),
      },
    },
    select: { id: true, sessions: { orderBy: { startsAt: "asc" }, select: { id: true } } },
  });
  return { eventId: event.id, sessionIds: event.sessions.map((s) => s.id) };
}

function person(sessionId: string, email: string, extra: Partial<RegistrationInput> = {}): RegistrationInput {
  return {
    sessionId,
    name: `Person ${email}`,
    email,
    timeZone: "Africa/Nairobi",
    locale: "en",
    consentPrivacy: true,
    consentRecording: true,
    ...extra,
  };
}

async function statuses(sessionId: string) {
  const rows = await prisma.registration.groupBy({ by: ["status"], where: { sessionId }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}

async function outboxFor(registrationId: string) {
  return prisma.outboxMessage.findMany({ where: { registrationId }, orderBy: { createdAt: "asc" }, select: { kind: true, dedupeKey: true } });
}

beforeAll(async () => {
  await prisma.language.upsert({
    where: { code: "en" },
    create: { code: "en", name: "English", nativeName: "English" },
    update: {},
  });
});

describe("registerForSession", () => {
  it("confirms while there are seats, then waitlists, and writes the matching email", async () => {
    const { sessionIds: [sessionId] } = await createEvent({ capacity: 2 });
    const results = [];
    for (const email of ["a@example.org", "b@example.org", "c@example.org"]) {
      results.push(await registerForSession(person(sessionId!, email), NOW));
    }
    expect(results.map((r) => (r.outcome === "registered" ? r.status : r.outcome))).toEqual(["confirmed", "confirmed", "waitlisted"]);
    const third = results[2]!;
    if (third.outcome !== "registered") throw new Error("expected registered");
    expect(await outboxFor(third.registrationId)).toEqual([
      { kind: "registration-waitlisted", dedupeKey: `waitlisted:${third.registrationId}:${sessionId}` },
    ]);
    const first = results[0]!;
    if (first.outcome !== "registered") throw new Error("expected registered");
    expect(await outboxFor(first.registrationId)).toEqual([
      { kind: "registration-confirmed", dedupeKey: `confirmed:${first.registrationId}:${sessionId}` },
    ]);
  });

  it("uses the session's own capacity before the event's, and null means unlimited", async () => {
    const { sessionIds } = await createEvent({ capacity: 1 }, [24, 48], [2, null]);
    const a = await Promise.all(["x@e.org", "y@e.org"].map((e) => registerForSession(person(sessionIds[0]!, e), NOW)));
    expect(a.every((r) => r.outcome === "registered" && r.status === "confirmed")).toBe(true);
    const { sessionIds: [unlimited] } = await createEvent({ capacity: null });
    for (let i = 0; i < 5; i++) await registerForSession(person(unlimited!, `u${i}@e.org`), NOW);
    expect(await statuses(unlimited!)).toEqual({ confirmed: 5 });
  });

  it("refuses a full session without a waitlist, storing nothing", async () => {
    const { sessionIds: [sessionId] } = await createEvent({ capacity: 1, waitlistEnabled: false });
    await registerForSession(person(sessionId!, "first@e.org"), NOW);
    expect(await registerForSession(person(sessionId!, "second@e.org"), NOW)).toEqual({ outcome: "full" });
    expect(await prisma.registration.count({ where: { sessionId } })).toBe(1);
  });

  it("puts everyone in pending when the event needs approval; approval respects capacity", async () => {
    const { sessionIds: [sessionId] } = await createEvent({ capacity: 1, approvalRequired: true });
    const a = await registerForSession(person(sessionId!, "p1@e.org"), NOW);
    const b = await registerForSession(person(sessionId!, "p2@e.org"), NOW);
    const c = await registerForSession(person(sessionId!, "p3@e.org"), NOW);
    if (a.outcome !== "registered" || b.outcome !== "registered" || c.outcome !== "registered") throw new Error("expected registered");
    expect([a.status, b.status, c.status]).toEqual(["pending", "pending", "pending"]);
    expect(await outboxFor(a.registrationId)).toEqual([{ kind: "registration-pending", dedupeKey: `pending:${a.registrationId}` }]);
    expect(await approveRegistration(a.registrationId, NOW)).toEqual({ outcome: "approved", status: "confirmed" });
    expect(await approveRegistration(b.registrationId, NOW)).toEqual({ outcome: "approved", status: "waitlisted" });
    expect(await approveRegistration(b.registrationId, NOW)).toEqual({ outcome: "not-pending" });
    expect(await declineRegistration(c.registrationId, NOW)).toEqual({ outcome: "declined" });
    expect((await outboxFor(a.registrationId)).map((m) => m.dedupeKey)).toContain(`approved:${a.registrationId}`);
    expect((await outboxFor(c.registrationId)).map((m) => m.dedupeKey)).toContain(`declined:${c.registrationId}`);
    expect(await statuses(sessionId!)).toEqual({ confirmed: 1, waitlisted: 1, declined: 1 });
  });

  it("treats the same email in any letter case as already registered and creates nothing", async () => {
    const { sessionIds: [sessionId] } = await createEvent();
    const first = await registerForSession(person(sessionId!, "Amina.Hassan@Example.org"), NOW);
    if (first.outcome !== "registered") throw new Error("expected registered");
    const again = await registerForSession(person(sessionId!, "  amina.hassan@EXAMPLE.ORG "), NOW);
    expect(again).toEqual({ outcome: "already-registered", registrationId: first.registrationId });
    expect(await prisma.registration.count({ where: { sessionId } })).toBe(1);
    expect(await outboxFor(first.registrationId)).toHaveLength(1);
    const row = await prisma.registration.findUniqueOrThrow({ where: { id: first.registrationId } });
    expect(row.email).toBe("Amina.Hassan@Example.org");
    expect(row.emailNormalized).toBe("amina.hassan@example.org");
  });

  it("stores only the hash of a manage token that resolves back to the registration", async () => {
    const { sessionIds: [sessionId] } = await createEvent();
    const result = await registerForSession(person(sessionId!, "token@e.org"), NOW);
    if (result.outcome !== "registered") throw new Error("expected registered");
    const token = manageTokenFor(result.registrationId);
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const row = await prisma.registration.findUniqueOrThrow({ where: { id: result.registrationId } });
    expect(row.manageTokenHash).not.toContain(token);
    expect(await findRegistrationIdByToken(token)).toBe(result.registrationId);
    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(await findRegistrationIdByToken(tampered)).toBeNull();
    expect(await findRegistrationIdByToken("short")).toBeNull();
  });

  it("enforces the registration windows, each with its own outcome", async () => {
    const cases: [EventOptions, number, string][] = [
      [{ registrationOpensAt: new Date(NOW.getTime() + DAY) }, 48, "not-open-yet"],
      [{ registrationClosesAt: new Date(NOW.getTime() - HOUR) }, 48, "closed"],
      [{}, -0.5, "started"],
      [{ allowLateRegistration: true }, -0.5, "registered"],
      [{ allowLateRegistration: true }, -2, "ended"],
      [{}, -48, "ended"],
      [{ status: "cancelled" }, 24, "event-cancelled"],
      [{ status: "draft" }, 24, "not-found"],
    ];
    for (const [options, startsIn, expected] of cases) {
      const { sessionIds: [sessionId] } = await createEvent(options, [startsIn]);
      const result = await registerForSession(person(sessionId!, "window@e.org"), NOW);
      expect(result.outcome, JSON.stringify(options)).toBe(expected);
      expect(await prisma.registration.count({ where: { sessionId } })).toBe(expected === "registered" ? 1 : 0);
    }
    const { sessionIds: [cancelledSession] } = await createEvent();
    await prisma.session.update({ where: { id: cancelledSession }, data: { status: "cancelled" } });
    expect((await registerForSession(person(cancelledSession!, "w@e.org"), NOW)).outcome).toBe("session-cancelled");
    expect((await registerForSession(person("no-such-session", "w@e.org"), NOW)).outcome).toBe("not-found");
  });

  it("requires the consents and the event's required questions", async () => {
    const { eventId, sessionIds: [sessionId] } = await createEvent({ isRecorded: true });
    const question = await prisma.registrationQuestion.create({
      data: { eventId, kind: "single", label: "Role", options: JSON.stringify(["Caseworker", "Manager"]), required: true },
    });
    expect(await registerForSession(person(sessionId!, "q@e.org", { consentPrivacy: false }), NOW)).toEqual({
      outcome: "consent-required",
      consent: "privacy",
    });
    expect(await registerForSession(person(sessionId!, "q@e.org", { consentRecording: false, answers: { [question.id]: "Manager" } }), NOW)).toEqual({
      outcome: "consent-required",
      consent: "recording",
    });
    expect(await registerForSession(person(sessionId!, "q@e.org", { answers: { [question.id]: "Astronaut" } }), NOW)).toEqual({
      outcome: "invalid-answers",
      questionIds: [question.id],
    });
    const ok = await registerForSession(person(sessionId!, "q@e.org", { answers: { [question.id]: "Manager", unknown: "x" } }), NOW);
    expect(ok.outcome).toBe("registered");
    const row = await prisma.registration.findFirstOrThrow({ where: { sessionId }, select: { answers: true, consentRecordingAt: true } });
    expect(JSON.parse(row.answers)).toEqual({ [question.id]: "Manager" });
    expect(row.consentRecordingAt).toEqual(NOW);
  });

  it("leaves neither registration nor email when the transaction fails", async () => {
    const { sessionIds: [sessionId] } = await createEvent();
    // The outbox insert fails after the registration row was written: both must vanish.
    await prisma.$executeRawUnsafe(`CREATE TRIGGER fail_outbox BEFORE INSERT ON "OutboxMessage" BEGIN SELECT RAISE(ABORT, 'outbox down'); END`);
    try {
      // (The adapter reports the trigger's SQLITE_CONSTRAINT_TRIGGER under a generic message.)
      await expect(registerForSession(person(sessionId!, "rollback@e.org"), NOW)).rejects.toThrow();
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER fail_outbox`);
    }
    expect(await prisma.registration.count({ where: { sessionId } })).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { toAddress: "rollback@e.org" } })).toBe(0);
  });
});

describe("cancelRegistration and the waitlist", () => {
  it("promotes the first waitlisted person when a confirmed one cancels, in one transaction", async () => {
    const { sessionIds: [sessionId] } = await createEvent({ capacity: 1 });
    const ids: string[] = [];
    for (const [i, email] of ["c1@e.org", "w1@e.org", "w2@e.org"].entries()) {
      const r = await registerForSession(person(sessionId!, email), new Date(NOW.getTime() + i * 1000));
      if (r.outcome !== "registered") throw new Error("expected registered");
      ids.push(r.registrationId);
    }
    const result = await cancelRegistration(ids[0]!, { by: "participant" }, NOW);
    expect(result).toEqual({ outcome: "cancelled", promoted: [ids[1]] });
    expect(await statuses(sessionId!)).toEqual({ cancelled: 1, confirmed: 1, waitlisted: 1 });
    expect((await outboxFor(ids[0]!)).map((m) => m.kind)).toEqual(["registration-confirmed", "registration-cancelled"]);
    expect((await outboxFor(ids[1]!)).map((m) => m.dedupeKey).sort()).toEqual([
      `promoted:${ids[1]}:${sessionId}`,
      `waitlisted:${ids[1]}:${sessionId}`,
    ]);
    expect(await cancelRegistration(ids[0]!, { by: "participant" }, NOW)).toEqual({ outcome: "already-cancelled" });
    // A waitlisted person cancelling frees no seat and promotes nobody.
    expect(await cancelRegistration(ids[2]!, { by: "organiser" }, NOW)).toEqual({ outcome: "cancelled", promoted: [] });
  });

  it("fills new seats from the waitlist when capacity grows", async () => {
    const { sessionIds: [sessionId] } = await createEvent({ capacity: 1 });
    for (const email of ["g1@e.org", "g2@e.org", "g3@e.org"]) await registerForSession(person(sessionId!, email), NOW);
    await prisma.session.update({ where: { id: sessionId }, data: { capacity: 3 } });
    expect(await fillFreedSeats(sessionId!, NOW)).toHaveLength(2);
    expect(await statuses(sessionId!)).toEqual({ confirmed: 3 });
  });

  it("lets a person register again after cancelling, with fresh emails", async () => {
    const { sessionIds: [sessionId] } = await createEvent();
    const first = await registerForSession(person(sessionId!, "again@e.org"), NOW);
    if (first.outcome !== "registered") throw new Error("expected registered");
    await cancelRegistration(first.registrationId, { by: "participant" }, NOW);
    const second = await registerForSession(person(sessionId!, "AGAIN@e.org"), NOW);
    expect(second).toEqual({ outcome: "registered", registrationId: first.registrationId, status: "confirmed" });
    expect((await outboxFor(first.registrationId)).map((m) => m.kind)).toEqual([
      "registration-confirmed",
      "registration-cancelled",
      "registration-confirmed",
    ]);
  });
});

describe("switchSession", () => {
  it("moves the registration, frees the old seat for the waitlist and emails both changes", async () => {
    const { sessionIds: [a, b] } = await createEvent({ capacity: 1 }, [24, 48]);
    const mover = await registerForSession(person(a!, "mover@e.org"), NOW);
    const waiting = await registerForSession(person(a!, "waiting@e.org"), NOW);
    if (mover.outcome !== "registered" || waiting.outcome !== "registered") throw new Error("expected registered");
    const result = await switchSession(mover.registrationId, b!, NOW);
    expect(result).toEqual({ outcome: "switched", status: "confirmed", promoted: [waiting.registrationId] });
    const row = await prisma.registration.findUniqueOrThrow({ where: { id: mover.registrationId } });
    expect(row.sessionId).toBe(b);
    expect((await outboxFor(mover.registrationId)).map((m) => m.dedupeKey)).toEqual([
      `confirmed:${mover.registrationId}:${a}`,
      `cancelled:${mover.registrationId}:${a}`,
      `confirmed:${mover.registrationId}:${b}`,
    ]);
    // The manage link survives the move.
    expect(await findRegistrationIdByToken(manageTokenFor(mover.registrationId))).toBe(mover.registrationId);
    // Back to a (now full: the promoted person holds the seat) → waitlisted, with its own emails.
    const back = await switchSession(mover.registrationId, a!, NOW);
    expect(back).toMatchObject({ outcome: "switched", status: "waitlisted" });
  });

  it("refuses other events, closed targets, the same session and a clash", async () => {
    const { sessionIds: [past, a, b] } = await createEvent({ capacity: 5 }, [24, 48, -48]);
    const other = await createEvent();
    const r = await registerForSession(person(a!, "s@e.org"), NOW);
    if (r.outcome !== "registered") throw new Error("expected registered");
    expect((await switchSession(r.registrationId, other.sessionIds[0]!, NOW)).outcome).toBe("other-event");
    expect((await switchSession(r.registrationId, a!, NOW)).outcome).toBe("same-session");
    expect((await switchSession(r.registrationId, past!, NOW)).outcome).toBe("ended");
    expect((await switchSession(r.registrationId, "nope", NOW)).outcome).toBe("not-found");
    await registerForSession(person(b!, "S@e.org"), NOW);
    expect((await switchSession(r.registrationId, b!, NOW)).outcome).toBe("already-registered");
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: r.registrationId } })).sessionId).toBe(a);
  });
});

describe("resendConfirmation", () => {
  it("sends at most three per hour per registration", async () => {
    const { sessionIds: [sessionId] } = await createEvent();
    const r = await registerForSession(person(sessionId!, "resend@e.org"), NOW);
    if (r.outcome !== "registered") throw new Error("expected registered");
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
    expect(await resendConfirmation(r.registrationId, at(0))).toEqual({ outcome: "sent" });
    expect(await resendConfirmation(r.registrationId, at(1))).toEqual({ outcome: "sent" });
    expect(await resendConfirmation(r.registrationId, at(2))).toEqual({ outcome: "sent" });
    expect(await resendConfirmation(r.registrationId, at(3))).toEqual({ outcome: "rate-limited", retryAfterSeconds: 57 * 60 });
    expect(await resendConfirmation(r.registrationId, at(61))).toEqual({ outcome: "sent" });
    expect((await outboxFor(r.registrationId)).filter((m) => m.kind === "registration-resent")).toHaveLength(4);
    await cancelRegistration(r.registrationId, { by: "participant" }, at(62));
    expect(await resendConfirmation(r.registrationId, at(200))).toEqual({ outcome: "not-active" });
  });
});

describe("concurrency: 200 registrations for 20 seats", () => {
  it("in one process: exactly 20 confirmed, 180 waitlisted, nothing lost", async () => {
    const { sessionIds: [sessionId] } = await createEvent({ capacity: 20 });
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => registerForSession(person(sessionId!, `burst${i}@e.org`), NOW)),
    );
    const elapsed = Date.now() - started;
    expect(results.filter((r) => r.outcome === "registered")).toHaveLength(200);
    expect(await statuses(sessionId!)).toEqual({ confirmed: 20, waitlisted: 180 });
    expect(await prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: "confirmed:" }, toAddress: { startsWith: "burst" } } })).toBe(20);
    expect(await prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: "waitlisted:" }, toAddress: { startsWith: "burst" } } })).toBe(180);
    console.info(`200 in-process registrations: ${elapsed} ms`);
  });

  it("across 4 OS processes on the same SQLite file: exactly 20 confirmed, nothing lost", async () => {
    const { sessionIds: [sessionId] } = await createEvent({ capacity: 20 });
    // Make sure every write this process did is in the file the children open.
    await prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(PASSIVE)");
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const script = path.join(root, "tests/.tmp", `register-burst-${process.pid}.ts`);
    writeFileSync(
      script,
      `import { registerForSession } from ${JSON.stringify(path.join(root, "app/registration/registrations.server.ts"))};
const [sessionId, worker, count, now] = process.argv.slice(2);
// Wait for the common start signal so the processes really overlap.
const startAt = Number(process.env.START_AT);
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
const results = await Promise.all(Array.from({ length: Number(count) }, (_, i) =>
  registerForSession({ sessionId, name: "P", email: "proc" + worker + "-" + i + "@e.org", timeZone: "UTC", locale: "en", consentPrivacy: true }, new Date(now))));
const out = {};
for (const r of results) out[r.outcome + ":" + (r.status ?? "")] = (out[r.outcome + ":" + (r.status ?? "")] ?? 0) + 1;
console.log(JSON.stringify(out));
process.exit(0);
`,
    );
    const workers = 4;
    const startAt = Date.now() + 2500;
    const started = Date.now();
    const outputs = await Promise.all(
      Array.from({ length: workers }, (_, w) => {
        return new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, ["--import", "tsx", script, sessionId!, String(w), "50", NOW.toISOString()], {
            cwd: root,
            env: { ...process.env, START_AT: String(startAt), DATABASE_URL: process.env.DATABASE_URL },
            stdio: ["ignore", "pipe", "pipe"],
          });
          let out = "";
          let err = "";
          child.stdout.on("data", (d) => (out += d));
          child.stderr.on("data", (d) => (err += d));
          child.on("exit", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`worker ${w} exited ${code}: ${err}`))));
        });
      }),
    );
    rmSync(script, { force: true });
    const elapsed = Date.now() - started;
    const totals: Record<string, number> = {};
    for (const line of outputs) {
      for (const [k, v] of Object.entries(JSON.parse(line.split("\n").pop()!) as Record<string, number>)) totals[k] = (totals[k] ?? 0) + v;
    }
    expect(totals).toEqual({ "registered:confirmed": 20, "registered:waitlisted": 180 });
    expect(await statuses(sessionId!)).toEqual({ confirmed: 20, waitlisted: 180 });
    expect(await prisma.registration.count({ where: { sessionId } })).toBe(200);
    expect(await prisma.outboxMessage.count({ where: { toAddress: { startsWith: "proc" } } })).toBe(200);
    console.info(`200 registrations from ${workers} processes: ${elapsed} ms including ~2.5 s start-up`);
  }, 120_000);
});
