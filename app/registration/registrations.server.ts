/**
 * Registrations: the invariants participants rely on live here.
 *
 * - Never more confirmed registrations than seats, whatever arrives at once, from any process.
 * - One registration per normalised email per session.
 * - Every email is an outbox row written in the same transaction as the change that causes it.
 *
 * Each exported operation is one transaction. Those that touch seats begin with a write that
 * locks the session row (see lockSessions) BEFORE they count: on SQLite that takes the database's
 * single write lock, so the count and the insert that follows it cannot interleave with another
 * connection's; on PostgreSQL it takes a row lock with the same effect per session.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client.ts";
import { enqueueRegistrationEmail } from "~/mail/outbox.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { hashManageToken, manageTokenFor } from "~/registration/manage-token.server.ts";
import { recordAudit, registrationAuditLabels } from "~/organisers/audit.server.ts";
import { normalizeEmail } from "~/utils/email-address.ts";

type Tx = Prisma.TransactionClient;
type EmailKind = Parameters<typeof enqueueRegistrationEmail>[1]["kind"];

export type RegistrationStatus = "confirmed" | "waitlisted" | "pending" | "declined" | "cancelled";
const ACTIVE_STATUSES = ["confirmed", "waitlisted", "pending"] as const;

/** Why a session cannot take registrations now; each has its own message in the UI. */
type ClosedReason =
  | "not-found"
  | "event-cancelled"
  | "session-cancelled"
  | "not-open-yet"
  | "closed"
  | "started"
  | "ended";

export type RegistrationInput = {
  sessionId: string;
  name: string;
  email: string;
  organisation?: string;
  country?: string;
  timeZone: string;
  locale: string;
  accessibilityNeeds?: string;
  /** questionId → answer; checked against the event's questions again here. */
  answers?: Record<string, string | string[]>;
  consentPrivacy: boolean;
  consentRecording?: boolean;
};

export type RegisterResult =
  | { outcome: "registered"; registrationId: string; status: "confirmed" | "waitlisted" | "pending" }
  | { outcome: "already-registered"; registrationId: string }
  | { outcome: "full" }
  | { outcome: "consent-required"; consent: "privacy" | "recording" }
  | { outcome: "invalid-answers"; questionIds: string[] }
  | { outcome: ClosedReason; opensAt?: Date };

// ---------------------------------------------------------------------------------------------
// Transactions, locks and retries

const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

function isBusy(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { code?: unknown }).code ?? "")}` : String(error);
  // The better-sqlite3 adapter reports SQLITE_BUSY as "SocketTimeout" (P1008).
  const cause = String((error as { meta?: { driverAdapterError?: unknown } })?.meta?.driverAdapterError ?? "");
  return /SQLITE_BUSY|database is locked|SocketTimeout|P2034|P1008|Unable to start a transaction/i.test(`${text} ${cause}`);
}

/**
 * Runs one operation as one transaction, retrying when SQLite reports the database busy (another
 * process held the write lock past busy_timeout, or a snapshot went stale). A retried attempt
 * starts from nothing: the failed one wrote nothing.
 */
async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    // The SQLite adapter answers synchronously, so queued transactions would run back to
    // back and starve the event loop: under a burst, new requests were not even read for
    // seconds. Yielding first lets the server keep accepting and answering.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      return await prisma.$transaction(work, TX_OPTIONS);
    } catch (error) {
      if (attempt >= 6 || !isBusy(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt + Math.random() * 50));
    }
  }
}

/**
 * The seat lock. A no-op write to the session rows, issued as the transaction's first statement:
 * SQLite grants the write lock to one connection at a time (others wait up to busy_timeout), and
 * PostgreSQL locks the rows until commit. Counting before this write would let two transactions
 * both see the last free seat. Returns how many sessions exist of those named.
 */
async function lockSessions(tx: Tx, sessionIds: string[]): Promise<number> {
  let locked = 0;
  // A stable order, so two transactions locking the same pair on PostgreSQL cannot deadlock.
  for (const id of [...new Set(sessionIds)].sort()) {
    locked += await tx.$executeRaw`UPDATE "Session" SET "updatedAt" = "updatedAt" WHERE "id" = ${id}`;
  }
  return locked;
}

/** Locks the session a registration belongs to, in one write statement (no read first). */
async function lockSessionOfRegistration(tx: Tx, registrationId: string): Promise<number> {
  return tx.$executeRaw`UPDATE "Session" SET "updatedAt" = "updatedAt" WHERE "id" = (SELECT "sessionId" FROM "Registration" WHERE "id" = ${registrationId})`;
}

/**
 * Writes an email row with the conventional dedupe key, or with "#2", "#3"… appended when the same
 * key was already used by an earlier, legitimately different change (someone switches back to a
 * session they left, or registers again after cancelling): the key stops a change from being
 * mailed twice, not a person from being told about a second change.
 */
async function enqueue(
  tx: Tx,
  now: Date,
  kind: EmailKind,
  registrationId: string,
  dedupeKey: string,
  extra?: Record<string, unknown>,
) {
  let key = dedupeKey;
  for (let n = 2; await tx.outboxMessage.findUnique({ where: { dedupeKey: key }, select: { id: true } }); n++) {
    key = `${dedupeKey}#${n}`;
  }
  return enqueueRegistrationEmail(tx, { kind, registrationId, dedupeKey: key, ...(extra ? { extra } : {}) }, now);
}

function statusEmail(status: "confirmed" | "waitlisted" | "pending", registrationId: string, sessionId: string) {
  if (status === "confirmed") return { kind: "registration-confirmed" as const, key: `confirmed:${registrationId}:${sessionId}` };
  if (status === "waitlisted") return { kind: "registration-waitlisted" as const, key: `waitlisted:${registrationId}:${sessionId}` };
  return { kind: "registration-pending" as const, key: `pending:${registrationId}` };
}

// ---------------------------------------------------------------------------------------------
// Sessions: windows and seats

const sessionRulesSelect = {
  id: true,
  eventId: true,
  status: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  event: {
    select: {
      status: true,
      capacity: true,
      waitlistEnabled: true,
      approvalRequired: true,
      registrationOpensAt: true,
      registrationClosesAt: true,
      allowLateRegistration: true,
      isRecorded: true,
    },
  },
} satisfies Prisma.SessionSelect;

type SessionRules = Prisma.SessionGetPayload<{ select: typeof sessionRulesSelect }>;

/** Why this session cannot be registered for at `now`, or null when it can. */
function registrationClosedReason(session: SessionRules, now: Date): { reason: ClosedReason; opensAt?: Date } | null {
  const { event } = session;
  if (event.status === "draft") return { reason: "not-found" };
  if (event.status === "cancelled") return { reason: "event-cancelled" };
  if (session.status === "cancelled") return { reason: "session-cancelled" };
  if (now >= session.endsAt) return { reason: "ended" };
  if (event.registrationOpensAt && now < event.registrationOpensAt) return { reason: "not-open-yet", opensAt: event.registrationOpensAt };
  if (event.registrationClosesAt && now >= event.registrationClosesAt) return { reason: "closed" };
  if (now >= session.startsAt && !event.allowLateRegistration) return { reason: "started" };
  return null;
}

function capacityOf(session: Pick<SessionRules, "capacity" | "event">): number | null {
  return session.capacity ?? session.event.capacity;
}

async function hasFreeSeat(tx: Tx, session: SessionRules): Promise<boolean> {
  const capacity = capacityOf(session);
  if (capacity === null) return true;
  const confirmed = await tx.registration.count({ where: { sessionId: session.id, status: "confirmed" } });
  return confirmed < capacity;
}

/** The status a new (or moved, or approved) registration gets in this session; null when full. */
async function seatStatus(tx: Tx, session: SessionRules): Promise<"confirmed" | "waitlisted" | null> {
  if (await hasFreeSeat(tx, session)) return "confirmed";
  return session.event.waitlistEnabled ? "waitlisted" : null;
}

/**
 * Fills free seats from the waitlist, first come first served, telling each person promoted.
 * Call inside the transaction that freed the seats or grew the capacity, after locking the
 * session. Returns the ids promoted.
 */
export async function promoteFromWaitlist(tx: Tx, sessionId: string, now = new Date()): Promise<string[]> {
  const session = await tx.session.findUnique({ where: { id: sessionId }, select: sessionRulesSelect });
  if (!session || session.status === "cancelled" || session.event.status === "cancelled" || now >= session.endsAt) return [];
  const capacity = capacityOf(session);
  const confirmed = await tx.registration.count({ where: { sessionId, status: "confirmed" } });
  const free = capacity === null ? undefined : capacity - confirmed;
  if (free !== undefined && free <= 0) return [];
  const next = await tx.registration.findMany({
    where: { sessionId, status: "waitlisted" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: free,
    select: { id: true },
  });
  for (const { id } of next) {
    await tx.registration.update({ where: { id }, data: { status: "confirmed", calendarSequence: { increment: 1 } } });
    await enqueue(tx, now, "waitlist-promoted", id, `promoted:${id}:${sessionId}`);
  }
  return next.map((r) => r.id);
}

/** After an organiser raises a session's capacity: promote into the new seats, in one transaction. */
export async function fillFreedSeats(sessionId: string, now = new Date()): Promise<string[]> {
  return inTransaction(async (tx) => {
    if ((await lockSessions(tx, [sessionId])) === 0) return [];
    return promoteFromWaitlist(tx, sessionId, now);
  });
}

// ---------------------------------------------------------------------------------------------
// Registering

function cleanAnswers(
  answers: Record<string, string | string[]>,
  questions: { id: string; kind: string; options: string; required: boolean }[],
): { answers: Record<string, string | string[]>; invalid: string[] } {
  const clean: Record<string, string | string[]> = {};
  const invalid: string[] = [];
  for (const q of questions) {
    const value = answers[q.id];
    const options = parseOptions(q.options);
    const empty = value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (q.required) invalid.push(q.id);
      continue;
    }
    const ok =
      q.kind === "multiple"
        ? Array.isArray(value) && value.every((v) => options.includes(v))
        : typeof value === "string" &&
          (q.kind === "single" ? options.includes(value) : q.kind === "yesno" ? value === "yes" || value === "no" : value.length <= 2000);
    if (ok) clean[q.id] = value;
    else invalid.push(q.id);
  }
  return { answers: clean, invalid };
}

export function parseOptions(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Registers a person for a session. The input has been through the form schema; the rules that
 * depend on the database (windows, seats, duplicates, the event's questions) are enforced here.
 */
export async function registerForSession(input: RegistrationInput, now = new Date()): Promise<RegisterResult> {
  const emailNormalized = normalizeEmail(input.email);
  return inTransaction(async (tx): Promise<RegisterResult> => {
    if ((await lockSessions(tx, [input.sessionId])) === 0) return { outcome: "not-found" };
    const session = await tx.session.findUniqueOrThrow({ where: { id: input.sessionId }, select: sessionRulesSelect });
    if (session.event.status === "draft") return { outcome: "not-found" };

    const existing = await tx.registration.findUnique({
      where: { sessionId_emailNormalized: { sessionId: session.id, emailNormalized } },
      select: { id: true, status: true },
    });
    if (existing && (ACTIVE_STATUSES as readonly string[]).includes(existing.status)) {
      return { outcome: "already-registered", registrationId: existing.id };
    }

    const closed = registrationClosedReason(session, now);
    if (closed) return closed.opensAt ? { outcome: closed.reason, opensAt: closed.opensAt } : { outcome: closed.reason };
    if (!input.consentPrivacy) return { outcome: "consent-required", consent: "privacy" };
    if (session.event.isRecorded && !input.consentRecording) return { outcome: "consent-required", consent: "recording" };

    const questions = await tx.registrationQuestion.findMany({
      where: { eventId: session.eventId },
      select: { id: true, kind: true, options: true, required: true },
    });
    const { answers, invalid } = cleanAnswers(input.answers ?? {}, questions);
    if (invalid.length) return { outcome: "invalid-answers", questionIds: invalid };

    let status: "confirmed" | "waitlisted" | "pending";
    if (session.event.approvalRequired) status = "pending";
    else {
      const seat = await seatStatus(tx, session);
      if (!seat) return { outcome: "full" };
      status = seat;
    }

    const details = {
      name: input.name.trim(),
      email: input.email.trim(),
      organisation: input.organisation?.trim() ?? "",
      country: input.country?.trim() ?? "",
      timeZone: input.timeZone,
      locale: input.locale,
      accessibilityNeeds: input.accessibilityNeeds?.trim() ?? "",
      answers: JSON.stringify(answers),
      status,
      consentPrivacyAt: now,
      consentRecordingAt: session.event.isRecorded ? now : null,
      cancelledAt: null,
    };
    let registrationId: string;
    if (existing) {
      // Registering again after cancelling (or being declined) revives the same row: the email
      // is unique per session, and the person keeps the manage link they already have.
      registrationId = existing.id;
      // A revived registration queues behind those already waiting.
      await tx.registration.update({ where: { id: existing.id }, data: { ...details, createdAt: now, calendarSequence: { increment: 1 } } });
    } else {
      registrationId = randomUUID();
      // This person may still hold a cancelled copy of this session from a registration that
      // since moved to another session of the event: start above every counter they have here.
      const earlier = await tx.registration.aggregate({
        where: { emailNormalized, session: { eventId: session.eventId } },
        _max: { calendarSequence: true },
      });
      const previous = earlier._max.calendarSequence;
      await tx.registration.create({
        data: {
          id: registrationId,
          sessionId: session.id,
          emailNormalized,
          manageTokenHash: hashManageToken(manageTokenFor(registrationId)),
          createdAt: now,
          calendarSequence: previous === null ? 0 : previous + 1,
          ...details,
        },
      });
    }
    const email = statusEmail(status, registrationId, session.id);
    await enqueue(tx, now, email.kind, registrationId, email.key);
    return { outcome: "registered", registrationId, status };
  }).catch(async (error: unknown) => {
    // The lock makes this unreachable on one database; kept so a unique-index race elsewhere
    // still answers "already registered" rather than a 500.
    if ((error as { code?: string }).code === "P2002") {
      const row = await prisma.registration.findUnique({
        where: { sessionId_emailNormalized: { sessionId: input.sessionId, emailNormalized } },
        select: { id: true },
      });
      if (row) return { outcome: "already-registered" as const, registrationId: row.id };
    }
    throw error;
  });
}

/** The active registration for this email in this session, for "send my confirmation again". */
export async function findActiveRegistration(sessionId: string, email: string) {
  return prisma.registration.findFirst({
    where: { sessionId, emailNormalized: normalizeEmail(email), status: { in: [...ACTIVE_STATUSES] } },
    select: { id: true },
  });
}

// ---------------------------------------------------------------------------------------------
// Changes after registering

type CancelResult = { outcome: "cancelled"; promoted: string[] } | { outcome: "already-cancelled" } | { outcome: "not-found" };

export async function cancelRegistration(
  registrationId: string,
  { by, actorId }: { by: "participant" | "organiser"; actorId?: string },
  now = new Date(),
): Promise<CancelResult> {
  return inTransaction(async (tx): Promise<CancelResult> => {
    await lockSessionOfRegistration(tx, registrationId);
    const registration = await tx.registration.findUnique({ where: { id: registrationId }, select: { status: true, sessionId: true } });
    if (!registration) return { outcome: "not-found" };
    if (registration.status === "cancelled" || registration.status === "declined") return { outcome: "already-cancelled" };
    // The registrant's part of SEQUENCE grows so that the CANCEL outranks the invite they hold.
    await tx.registration.update({ where: { id: registrationId }, data: { status: "cancelled", cancelledAt: now, calendarSequence: { increment: 1 } } });
    await enqueue(tx, now, "registration-cancelled", registrationId, `cancelled:${registrationId}:${registration.sessionId}`, {
      sessionId: registration.sessionId,
      by,
      // Only a confirmed registrant was sent an invitation to cancel.
      heldSeat: registration.status === "confirmed",
    });
    if (actorId) await auditStatusChange(tx, actorId, "cancelled", registrationId, registration.status, "cancelled");
    const promoted = registration.status === "confirmed" ? await promoteFromWaitlist(tx, registration.sessionId, now) : [];
    return { outcome: "cancelled", promoted };
  });
}

type SwitchResult =
  | { outcome: "switched"; status: "confirmed" | "waitlisted" | "pending"; promoted: string[] }
  | { outcome: "not-found" | "not-active" | "same-session" | "other-event" | "already-registered" | "full" }
  | { outcome: ClosedReason; opensAt?: Date };

/**
 * Moves a registration to another session of the same event. The registration keeps its id, so
 * the manage link in earlier emails keeps working; the old session's calendar entry is cancelled
 * and the new one invited, and the seat left behind goes to the old session's waitlist.
 */
export async function switchSession(registrationId: string, newSessionId: string, now = new Date()): Promise<SwitchResult> {
  return inTransaction(async (tx): Promise<SwitchResult> => {
    await lockSessionOfRegistration(tx, registrationId);
    if ((await lockSessions(tx, [newSessionId])) === 0) return { outcome: "not-found" };
    const registration = await tx.registration.findUnique({
      where: { id: registrationId },
      select: { status: true, sessionId: true, emailNormalized: true, calendarSequence: true, session: { select: { eventId: true } } },
    });
    if (!registration) return { outcome: "not-found" };
    if (!(ACTIVE_STATUSES as readonly string[]).includes(registration.status)) return { outcome: "not-active" };
    if (registration.sessionId === newSessionId) return { outcome: "same-session" };
    const target = await tx.session.findUniqueOrThrow({ where: { id: newSessionId }, select: sessionRulesSelect });
    if (target.eventId !== registration.session.eventId) return { outcome: "other-event" };
    const closed = registrationClosedReason(target, now);
    if (closed) return closed.opensAt ? { outcome: closed.reason, opensAt: closed.opensAt } : { outcome: closed.reason };

    const clash = await tx.registration.findUnique({
      where: { sessionId_emailNormalized: { sessionId: newSessionId, emailNormalized: registration.emailNormalized } },
      select: { id: true, status: true, calendarSequence: true },
    });
    if (clash && (ACTIVE_STATUSES as readonly string[]).includes(clash.status)) return { outcome: "already-registered" };
    // An old cancelled registration of the same person in the target session would block the
    // move (one email per session); the moving registration replaces it.
    if (clash) await tx.registration.delete({ where: { id: clash.id } });

    let status: "confirmed" | "waitlisted" | "pending";
    if (registration.status === "pending") status = "pending";
    else {
      const seat = await seatStatus(tx, target);
      if (!seat) return { outcome: "full" };
      status = seat;
    }
    const oldSessionId = registration.sessionId;
    // A moved registration joins the back of the new session's waitlist.
    // One SEQUENCE counter serves both sessions: above what this registration sent for the old
    // session (its CANCEL must outrank the invite held) and above what the replaced row sent for
    // the new one (the person may still hold that row's cancelled copy of the same UID).
    const calendarSequence = Math.max(registration.calendarSequence, clash?.calendarSequence ?? 0) + 1;
    await tx.registration.update({ where: { id: registrationId }, data: { sessionId: newSessionId, status, createdAt: now, calendarSequence } });
    if (registration.status !== "pending") {
      // The outbox reads `previousSessionId` to make this email (and its METHOD:CANCEL) about the
      // session left behind; `sessionId` is the same fact under the name the brief agreed on.
      await enqueue(tx, now, "registration-cancelled", registrationId, `cancelled:${registrationId}:${oldSessionId}`, {
        sessionId: oldSessionId,
        previousSessionId: oldSessionId,
        reason: "switched",
        heldSeat: registration.status === "confirmed",
      });
    }
    const email = statusEmail(status, registrationId, newSessionId);
    await enqueue(tx, now, email.kind, registrationId, email.key, { previousSessionId: oldSessionId, reason: "switched" });
    const promoted = registration.status === "confirmed" ? await promoteFromWaitlist(tx, oldSessionId, now) : [];
    return { outcome: "switched", status, promoted };
  });
}

export async function updateRegistrationDetails(
  registrationId: string,
  details: { name: string; timeZone: string; locale: string },
): Promise<{ outcome: "updated" } | { outcome: "not-found" }> {
  const { count } = await prisma.registration.updateMany({
    where: { id: registrationId },
    data: { name: details.name.trim(), timeZone: details.timeZone, locale: details.locale },
  });
  return count ? { outcome: "updated" } : { outcome: "not-found" };
}

const RESEND_LIMIT = 3;
const HOUR_MINUTES = 60;

type ResendResult =
  | { outcome: "sent" }
  | { outcome: "rate-limited"; retryAfterSeconds: number }
  | { outcome: "not-found" | "not-active" };

/**
 * "Send my confirmation again": at most RESEND_LIMIT per registration per hour. Counted from the
 * outbox rows themselves (their keys carry the minute), so the limit holds across processes and
 * restarts, and the count and the new row are written in one transaction.
 */
export async function resendConfirmation(registrationId: string, now = new Date()): Promise<ResendResult> {
  const minute = Math.floor(now.getTime() / 60_000);
  return inTransaction(async (tx): Promise<ResendResult> => {
    // Serialises concurrent resends for one registration, like the seat lock.
    await lockSessionOfRegistration(tx, registrationId);
    const registration = await tx.registration.findUnique({ where: { id: registrationId }, select: { status: true } });
    if (!registration) return { outcome: "not-found" };
    if (!(ACTIVE_STATUSES as readonly string[]).includes(registration.status)) return { outcome: "not-active" };
    const prefix = `resent:${registrationId}:`;
    const rows = await tx.outboxMessage.findMany({ where: { dedupeKey: { startsWith: prefix } }, select: { dedupeKey: true } });
    const recent = rows
      .map((row) => Number.parseInt(row.dedupeKey.slice(prefix.length), 10))
      .filter((m) => Number.isFinite(m) && m > minute - HOUR_MINUTES)
      .sort((a, b) => a - b);
    if (recent.length >= RESEND_LIMIT) {
      const reopensAt = recent[recent.length - RESEND_LIMIT]! + HOUR_MINUTES;
      return { outcome: "rate-limited", retryAfterSeconds: Math.max(60, (reopensAt - minute) * 60) };
    }
    // Two presses in the same minute make one email: the second finds the key taken.
    await enqueueRegistrationEmail(tx, { kind: "registration-resent", registrationId, dedupeKey: `${prefix}${minute}` }, now);
    return { outcome: "sent" };
  });
}

// ---------------------------------------------------------------------------------------------
// Organiser decisions (approval mode)

type ApprovalResult =
  | { outcome: "approved"; status: "confirmed" | "waitlisted" }
  | { outcome: "declined" }
  | { outcome: "not-found" | "not-pending" | "full" };

/** An organiser's change of someone's registration status, with the labels that keep it readable. */
async function auditStatusChange(tx: Tx, actorId: string, action: string, registrationId: string, from: string, to: string) {
  await recordAudit(tx, { actorId, action, entityType: "registration", entityId: registrationId, details: { ...(await registrationAuditLabels(tx, registrationId)), from, to } });
}

/** `actorId`: the organiser deciding, for the audit log. */
export async function approveRegistration(registrationId: string, now = new Date(), actorId?: string): Promise<ApprovalResult> {
  return inTransaction(async (tx): Promise<ApprovalResult> => {
    await lockSessionOfRegistration(tx, registrationId);
    const registration = await tx.registration.findUnique({ where: { id: registrationId }, select: { status: true, sessionId: true } });
    if (!registration) return { outcome: "not-found" };
    if (registration.status !== "pending") return { outcome: "not-pending" };
    const session = await tx.session.findUniqueOrThrow({ where: { id: registration.sessionId }, select: sessionRulesSelect });
    const status = await seatStatus(tx, session);
    if (!status) return { outcome: "full" };
    await tx.registration.update({ where: { id: registrationId }, data: { status, calendarSequence: { increment: 1 } } });
    if (status === "confirmed") await enqueue(tx, now, "registration-approved", registrationId, `approved:${registrationId}`);
    else await enqueue(tx, now, "registration-waitlisted", registrationId, `waitlisted:${registrationId}:${registration.sessionId}`);
    if (actorId) await auditStatusChange(tx, actorId, "approved", registrationId, "pending", status);
    return { outcome: "approved", status };
  });
}

export async function declineRegistration(registrationId: string, now = new Date(), actorId?: string): Promise<ApprovalResult> {
  return inTransaction(async (tx): Promise<ApprovalResult> => {
    const { count } = await tx.registration.updateMany({
      where: { id: registrationId, status: "pending" },
      data: { status: "declined", cancelledAt: now, calendarSequence: { increment: 1 } },
    });
    if (count === 0) {
      const exists = await tx.registration.findUnique({ where: { id: registrationId }, select: { id: true } });
      return { outcome: exists ? "not-pending" : "not-found" };
    }
    await enqueue(tx, now, "registration-declined", registrationId, `declined:${registrationId}`);
    if (actorId) await auditStatusChange(tx, actorId, "declined", registrationId, "pending", "declined");
    return { outcome: "declined" };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/** What the personal manage page shows. Private: includes the join link for the calendar file. */
export async function getRegistrationForManage(registrationId: string) {
  return prisma.registration.findUnique({
    where: { id: registrationId },
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      timeZone: true,
      locale: true,
      calendarSequence: true,
      session: {
        select: {
          id: true,
          title: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          status: true,
          sequence: true,
          joinUrl: true,
          languageCode: true,
          event: {
            select: {
              id: true,
              slug: true,
              title: true,
              summary: true,
              status: true,
              timeZone: true,
              referenceCities: true,
              joinUrl: true,
              topics: { select: { topic: { select: { title: true } } } },
              translations: { select: { locale: true, title: true, summary: true } },
              sessions: {
                orderBy: { startsAt: "asc" },
                select: { id: true, title: true, startsAt: true, endsAt: true },
              },
            },
          },
        },
      },
    },
  });
}

/** The event's sessions a person may register for (or switch to) at `now`, for the form. */
export async function getRegistrationOptions(slug: string, now = new Date()) {
  const event = await prisma.event.findFirst({
    where: { slug, status: { in: ["published", "cancelled"] } },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      isRecorded: true,
      approvalRequired: true,
      primaryLanguageCode: true,
      translations: { select: { locale: true, title: true } },
      questions: { orderBy: { sortOrder: "asc" }, select: { id: true, kind: true, label: true, options: true, required: true } },
      sessions: { orderBy: { startsAt: "asc" }, select: sessionRulesSelect },
    },
  });
  if (!event) return null;
  const open = event.sessions.filter((s) => registrationClosedReason(s, now) === null).map((s) => s.id);
  return {
    ...event,
    openSessionIds: open,
    questions: event.questions.map((q) => ({ ...q, kind: q.kind as "text" | "single" | "multiple" | "yesno", options: parseOptions(q.options) })),
  };
}

type PromoteResult = { outcome: "promoted" } | { outcome: "not-found" | "not-waitlisted" | "full" | "closed" };

/**
 * An organiser moves one particular person off the waitlist (rather than the first in line): only
 * into a free seat, never past capacity, with the same "a place opened up" email and invitation.
 */
export async function promoteWaitlistedRegistration(registrationId: string, now = new Date(), actorId?: string): Promise<PromoteResult> {
  return inTransaction(async (tx): Promise<PromoteResult> => {
    await lockSessionOfRegistration(tx, registrationId);
    const registration = await tx.registration.findUnique({ where: { id: registrationId }, select: { status: true, sessionId: true } });
    if (!registration) return { outcome: "not-found" };
    if (registration.status !== "waitlisted") return { outcome: "not-waitlisted" };
    const session = await tx.session.findUniqueOrThrow({ where: { id: registration.sessionId }, select: sessionRulesSelect });
    if (session.status === "cancelled" || session.event.status === "cancelled" || now >= session.endsAt) return { outcome: "closed" };
    if (!(await hasFreeSeat(tx, session))) return { outcome: "full" };
    await tx.registration.update({ where: { id: registrationId }, data: { status: "confirmed", calendarSequence: { increment: 1 } } });
    await enqueue(tx, now, "waitlist-promoted", registrationId, `promoted:${registrationId}:${registration.sessionId}`);
    if (actorId) await auditStatusChange(tx, actorId, "promoted", registrationId, "waitlisted", "confirmed");
    return { outcome: "promoted" };
  });
}
