/**
 * The email outbox. Every email is one OutboxMessage row, written in the same transaction as the
 * change that causes it (a registration, a cancellation, a reschedule), so an email is never lost
 * and never sent for a change that was rolled back. The mail worker (app/mail/mail-worker.server.ts)
 * claims rows with a lease, renders them with emails/ and sends them.
 *
 * The row carries a JSON snapshot of everything the template needs, taken inside the causing
 * transaction: the email describes the world as it was when the change happened, even if it is
 * sent an hour later after the mail server comes back. Only the manage link is not stored: it is
 * a bearer credential, derived from the registration id at send time.
 *
 * Raw SQL is kept to claimOutboxBatch; everything else sticks to the query API that SQLite and
 * PostgreSQL share.
 */
import { Prisma, type PrismaClient } from "~/generated/prisma/client.ts";
import { managedEventsWhere } from "~/organisers/access.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { isValidTimeZone, parseReferenceCities, type ReferenceCity } from "~/time/time.ts";

import { EMAIL_KINDS, OUTBOX_STATUSES, isEmailKind, type EmailKind, type OutboxStatus } from "~/mail/outbox-kinds.ts";
export { EMAIL_KINDS, OUTBOX_STATUSES, isEmailKind, type EmailKind, type OutboxStatus };

/** Anything that can run queries: the client itself or the `tx` of an interactive transaction. */
type Db = PrismaClient | Prisma.TransactionClient;

export type SessionSnapshot = {
  id: string;
  title: string | null;
  /** ISO 8601 UTC instants. */
  startsAt: string;
  endsAt: string;
  /** The zone the organiser entered the time in. */
  timeZone: string;
  sequence: number;
  status: string;
  languageCode: string;
};

/** What a template receives. Bump `version` when the shape changes incompatibly. */
export type OutboxPayload = {
  version: 1;
  event: {
    id: string;
    slug: string;
    /** In the registrant's language when the event has a translation for it. */
    title: string;
    summary: string;
    status: string;
    cancellationNote: string | null;
  };
  /** The session this email is about (for a cancellation after a switch: the one left behind). */
  session: SessionSnapshot;
  /** Private join link of that session (the session's own, else the event's). */
  joinUrl: string | null;
  referenceCities: ReferenceCity[];
  registrant: { name: string; email: string; timeZone: string; locale: string };
  registration: {
    id: string;
    status: string;
    sessionId: string;
    /**
     * The registrant's part of the iCalendar SEQUENCE, added to the session's (absent in rows
     * written before it existed: 0). See calendarSequenceFor in app/calendar/calendar-builder.server.ts.
     */
    calendarSequence?: number;
  };
  /** Set when the registrant moved between two sessions of the event. */
  switch?: { from: SessionSnapshot; to: SessionSnapshot };
  recording?: { id: string; title: string; path: string };
  /** The caller's extra data, as given ({ reason }, { offsetMinutes }, { previousStartsAt } …). */
  extra: Record<string, unknown>;
};

export type EnqueueInput = {
  kind: EmailKind;
  registrationId: string;
  /** One email per key, ever: "confirmed:<registrationId>", "reminder:<registrationId>:1440" … */
  dedupeKey: string;
  /**
   * Optional details:
   * - `previousSessionId`: the registrant switched from that session. For "registration-cancelled"
   *   the email (and its METHOD:CANCEL) is about that previous session.
   * - `sessionId`: the session the email is about, when not the registration's current one.
   * - `by`: "participant" | "organiser", who cancelled (registration-cancelled).
   * - `reason`: shown in declined and cancelled emails.
   * - `recordingId` (and optionally `recordingPath`): for "recording-available".
   * - `previousStartsAt` / `previousEndsAt` (ISO): shown in "session-updated".
   * - `offsetMinutes` / `minutesToStart`: set by the reminder scheduler.
   */
  extra?: Record<string, unknown>;
  /** Send no earlier than this (defaults to now). */
  notBefore?: Date;
};

const sessionSelect = {
  id: true,
  title: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  sequence: true,
  status: true,
  languageCode: true,
  joinUrl: true,
  eventId: true,
} as const satisfies Prisma.SessionSelect;

type SessionRow = Prisma.SessionGetPayload<{ select: typeof sessionSelect }>;

function snapshot(session: SessionRow): SessionSnapshot {
  return {
    id: session.id,
    title: session.title,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    timeZone: session.timeZone,
    sequence: session.sequence,
    status: session.status,
    languageCode: session.languageCode,
  };
}

/** The site-wide default reference cities, read through `db` so it works inside a transaction. */
async function siteReferenceCities(db: Db): Promise<ReferenceCity[]> {
  const row = await db.siteSetting.findUnique({ where: { key: "referenceCities" }, select: { value: true } });
  if (row) {
    try {
      const zones: unknown = JSON.parse(row.value);
      if (Array.isArray(zones)) {
        const valid = zones.filter((z): z is string => typeof z === "string" && isValidTimeZone(z));
        if (valid.length) return parseReferenceCities(JSON.stringify(valid));
      }
    } catch {
      // An unreadable setting falls back to the built-in default, as on the event page.
    }
  }
  return parseReferenceCities(null);
}

function stringField(extra: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = extra?.[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

type BuiltRow = Prisma.OutboxMessageCreateManyInput;

/**
 * Reads every registration, session and event the inputs refer to (a handful of queries however
 * many inputs) and returns the rows to insert. Throws when a registration does not exist: that is
 * a bug in the caller, and failing rolls back the change that would have lost its email.
 */
async function buildRows(db: Db, inputs: EnqueueInput[], now: Date): Promise<BuiltRow[]> {
  if (inputs.length === 0) return [];
  const registrationIds = [...new Set(inputs.map((i) => i.registrationId))];
  const registrations = await db.registration.findMany({
    where: { id: { in: registrationIds } },
    select: {
      id: true,
      name: true,
      email: true,
      timeZone: true,
      locale: true,
      status: true,
      sessionId: true,
      calendarSequence: true,
      session: { select: sessionSelect },
    },
  });
  const byId = new Map(registrations.map((r) => [r.id, r]));
  const missing = registrationIds.filter((id) => !byId.has(id));
  if (missing.length) throw new Error(`Cannot enqueue email: no registration ${missing.join(", ")}`);

  const previousIds = inputs
    .flatMap((i) => [stringField(i.extra, "previousSessionId"), stringField(i.extra, "sessionId")])
    .filter((id): id is string => !!id);
  const previousSessions = previousIds.length
    ? await db.session.findMany({ where: { id: { in: [...new Set(previousIds)] } }, select: sessionSelect })
    : [];
  const previousById = new Map(previousSessions.map((s) => [s.id, s]));

  const eventIds = [...new Set([...registrations.map((r) => r.session.eventId), ...previousSessions.map((s) => s.eventId)])];
  const locales = [...new Set(registrations.map((r) => r.locale))];
  const events = await db.event.findMany({
    where: { id: { in: eventIds } },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      status: true,
      cancellationNote: true,
      referenceCities: true,
      joinUrl: true,
      translations: { where: { locale: { in: locales } }, select: { locale: true, title: true, summary: true } },
    },
  });
  const eventById = new Map(events.map((e) => [e.id, e]));
  const needsSiteCities = events.some((e) => e.referenceCities == null);
  const siteCities = needsSiteCities ? await siteReferenceCities(db) : [];

  const recordingIds = inputs.map((i) => stringField(i.extra, "recordingId")).filter((id): id is string => !!id);
  const recordings = recordingIds.length
    ? await db.recording.findMany({ where: { id: { in: [...new Set(recordingIds)] } }, select: { id: true, title: true } })
    : [];
  const recordingById = new Map(recordings.map((r) => [r.id, r]));

  return inputs.map((input) => {
    const registration = byId.get(input.registrationId)!;
    const current = registration.session;
    const previousId = stringField(input.extra, "previousSessionId");
    const previous = previousId && previousId !== current.id ? previousById.get(previousId) : undefined;
    if (previousId && previousId !== current.id && !previous) {
      throw new Error(`Cannot enqueue email: no session ${previousId}`);
    }
    // The session the email is about: an explicit `sessionId`, else for a cancellation after a
    // switch the session left behind (its calendar entry is the one to cancel), else the current.
    const explicitId = stringField(input.extra, "sessionId");
    const explicit = explicitId ? (explicitId === current.id ? current : previousById.get(explicitId)) : undefined;
    if (explicitId && !explicit) throw new Error(`Cannot enqueue email: no session ${explicitId}`);
    const subject = explicit ?? (input.kind === "registration-cancelled" && previous ? previous : current);
    const event = eventById.get(subject.eventId)!;
    const translation = event.translations.find((t) => t.locale === registration.locale);
    const recordingId = stringField(input.extra, "recordingId");
    const recording = recordingId ? recordingById.get(recordingId) : undefined;

    const payload: OutboxPayload = {
      version: 1,
      event: {
        id: event.id,
        slug: event.slug,
        title: translation?.title || event.title,
        summary: translation?.summary || event.summary,
        status: event.status,
        cancellationNote: event.cancellationNote,
      },
      session: snapshot(subject),
      joinUrl: subject.joinUrl ?? event.joinUrl ?? null,
      referenceCities: event.referenceCities == null ? siteCities : parseReferenceCities(event.referenceCities),
      registrant: {
        name: registration.name,
        email: registration.email,
        timeZone: registration.timeZone,
        locale: registration.locale,
      },
      registration: {
        id: registration.id,
        status: registration.status,
        sessionId: registration.sessionId,
        calendarSequence: registration.calendarSequence,
      },
      ...(previous ? { switch: { from: snapshot(previous), to: snapshot(current) } } : {}),
      ...(recordingId
        ? {
            recording: {
              id: recordingId,
              title: recording?.title ?? "",
              path: stringField(input.extra, "recordingPath") ?? `/recordings/${recordingId}`,
            },
          }
        : {}),
      extra: input.extra ?? {},
    };
    return {
      kind: input.kind,
      toAddress: registration.email,
      toName: registration.name,
      locale: registration.locale,
      payload: JSON.stringify(payload),
      dedupeKey: input.dedupeKey,
      status: "pending",
      // Always written by us, never left to a column default, so every stored instant has the
      // same text form on SQLite and the raw comparison in claimOutboxBatch stays correct.
      nextAttemptAt: input.notBefore ?? now,
      registrationId: registration.id,
      createdAt: now,
    };
  });
}

/** Prisma's unique-constraint error, without importing the runtime error class. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/**
 * Writes one email row for a registration, inside the caller's transaction. With a dedupe key
 * that already exists nothing is written and `created` is false.
 *
 * Call it with the `tx` of the transaction that makes the change, so both commit or neither.
 * (On PostgreSQL a unique violation aborts the surrounding transaction; the find-first below makes
 * that a race between two transactions writing the same key at the same moment, where the loser
 * failing is the right outcome.)
 */
export async function enqueueRegistrationEmail(
  db: Db,
  input: EnqueueInput,
  now: Date = new Date(),
): Promise<{ created: boolean; id?: string }> {
  const existing = await db.outboxMessage.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } });
  if (existing) return { created: false };
  const [row] = await buildRows(db, [input], now);
  try {
    const created = await db.outboxMessage.create({ data: row, select: { id: true } });
    return { created: true, id: created.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { created: false };
    throw error;
  }
}

/**
 * The same for many registrations at once (reminders, "the session moved" to every registrant):
 * a few reads and one insert per chunk instead of several queries per email. Returns how many
 * rows were written; keys that already exist are skipped.
 */
export async function enqueueRegistrationEmails(
  db: Db,
  inputs: EnqueueInput[],
  now: Date = new Date(),
): Promise<{ created: number }> {
  let created = 0;
  const CHUNK = 500;
  for (let start = 0; start < inputs.length; start += CHUNK) {
    const chunk = dedupeInputs(inputs.slice(start, start + CHUNK));
    const existing = await db.outboxMessage.findMany({
      where: { dedupeKey: { in: chunk.map((i) => i.dedupeKey) } },
      select: { dedupeKey: true },
    });
    const taken = new Set(existing.map((e) => e.dedupeKey));
    const fresh = chunk.filter((i) => !taken.has(i.dedupeKey));
    if (fresh.length === 0) continue;
    const rows = await buildRows(db, fresh, now);
    try {
      created += (await db.outboxMessage.createMany({ data: rows })).count;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another process wrote some of these keys between our read and our insert.
      for (const row of rows) {
        try {
          await db.outboxMessage.create({ data: row, select: { id: true } });
          created += 1;
        } catch (inner) {
          if (!isUniqueViolation(inner)) throw inner;
        }
      }
    }
  }
  return { created };
}

function dedupeInputs(inputs: EnqueueInput[]): EnqueueInput[] {
  const seen = new Set<string>();
  return inputs.filter((i) => (seen.has(i.dedupeKey) ? false : (seen.add(i.dedupeKey), true)));
}

// ---------------------------------------------------------------------------------------------
// Worker side

export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;

/** 30 s, 1 min, 2 min, … capped at an hour: the delay after the `attemptsSoFar`-th failure. */
export function backoffMs(attemptsSoFar: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attemptsSoFar - 1), MAX_BACKOFF_MS);
}

export type ClaimedMessage = {
  id: string;
  kind: string;
  toAddress: string;
  toName: string;
  locale: string;
  payload: string;
  dedupeKey: string;
  attempts: number;
  registrationId: string | null;
  leaseUntil: Date | null;
};

/**
 * Leases up to `limit` due rows to `workerId` until now + leaseMs and returns them.
 *
 * One UPDATE … WHERE id IN (SELECT …) … RETURNING: the lease condition is checked again by the
 * UPDATE itself, so two workers, in this process or another, can never both win a row. SQLite
 * runs the statement under its single write lock; PostgreSQL re-evaluates the WHERE clause on a
 * row another transaction just updated, so the loser sees a live lease and skips it.
 */
export async function claimOutboxBatch(options: {
  workerId: string;
  now: Date;
  limit: number;
  leaseMs: number;
  db?: PrismaClient;
}): Promise<ClaimedMessage[]> {
  const db = options.db ?? prisma;
  const { workerId, now, limit } = options;
  const leaseUntil = new Date(now.getTime() + options.leaseMs);
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxMessage"
    SET "leasedBy" = ${workerId}, "leaseUntil" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'pending'
        AND "nextAttemptAt" <= ${now}
        AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${limit}
    )
      AND "status" = 'pending'
      AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
    RETURNING "id"`;
  if (claimed.length === 0) return [];
  const rows = await db.outboxMessage.findMany({
    where: { id: { in: claimed.map((c) => c.id) }, leasedBy: workerId, status: "pending" },
    select: {
      id: true,
      kind: true,
      toAddress: true,
      toName: true,
      locale: true,
      payload: true,
      dedupeKey: true,
      attempts: true,
      registrationId: true,
      leaseUntil: true,
      createdAt: true,
      nextAttemptAt: true,
    },
  });
  // Oldest first, so a confirmation goes out before the update that follows it.
  rows.sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime(),
  );
  return rows.map(({ createdAt: _c, nextAttemptAt: _n, ...row }) => row);
}

/** Records a delivery. False when this worker no longer held the row (its lease was taken over). */
export async function markOutboxSent(id: string, workerId: string, now: Date = new Date(), db: Db = prisma): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: { id, leasedBy: workerId, status: "pending" },
    data: { status: "sent", sentAt: now, attempts: { increment: 1 }, leaseUntil: null },
  });
  return count === 1;
}

/** A row that must not be sent any more (a reminder for a registration cancelled meanwhile). */
export async function markOutboxSkipped(id: string, workerId: string, reason: string, db: Db = prisma): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: { id, leasedBy: workerId, status: "pending" },
    data: { status: "skipped", lastError: reason, leaseUntil: null },
  });
  return count === 1;
}

/**
 * True when the error says the mail server could not be reached or turned us away before looking
 * at the message (connection refused, timeout, "421 service not available"): nothing is wrong
 * with the message, so it must wait, never give up.
 */
export function isMailServerUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, command, responseCode } = error as { code?: unknown; command?: unknown; responseCode?: unknown };
  if (command === "CONN") return true;
  if (responseCode === 421) return true;
  return (
    typeof code === "string" &&
    ["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ETLS", "EAUTH", "ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENOTFOUND"].includes(code)
  );
}

/**
 * Records a failed attempt: the row goes back to pending with exponential backoff, or to "failed"
 * for good after MAX_ATTEMPTS (an organiser can retry it from the admin outbox page). While the
 * mail server itself is unavailable rows keep waiting (at most an hour apart) however long the
 * outage lasts: an outage must not turn every queued email into a failure someone has to retry.
 */
export async function markOutboxFailed(
  id: string,
  workerId: string,
  error: unknown,
  now: Date = new Date(),
  db: PrismaClient = prisma,
): Promise<{ status: "pending" | "failed"; nextAttemptAt?: Date } | null> {
  const message = errorText(error);
  const serverDown = isMailServerUnavailable(error);
  return db.$transaction(async (tx) => {
    const row = await tx.outboxMessage.findFirst({
      where: { id, leasedBy: workerId, status: "pending" },
      select: { attempts: true },
    });
    if (!row) return null;
    const attempts = row.attempts + 1;
    const giveUp = attempts >= MAX_ATTEMPTS && !serverDown;
    const nextAttemptAt = new Date(now.getTime() + backoffMs(attempts));
    await tx.outboxMessage.updateMany({
      where: { id, leasedBy: workerId, attempts: row.attempts },
      data: {
        attempts,
        lastError: message,
        leaseUntil: null,
        ...(giveUp ? { status: "failed" } : { nextAttemptAt }),
      },
    });
    return giveUp ? { status: "failed" as const } : { status: "pending" as const, nextAttemptAt };
  });
}

/**
 * The mail server is down: the rest of a claimed batch is put back with the same backoff in a few
 * statements, instead of opening one doomed connection per row. Returns how many rows it moved.
 */
export async function deferOutboxMessages(
  ids: string[],
  workerId: string,
  error: unknown,
  now: Date = new Date(),
  db: Db = prisma,
): Promise<number> {
  if (ids.length === 0) return 0;
  const message = errorText(error);
  const rows = await db.outboxMessage.findMany({
    where: { id: { in: ids }, leasedBy: workerId, status: "pending" },
    select: { id: true, attempts: true },
  });
  const byAttempts = new Map<number, string[]>();
  for (const row of rows) byAttempts.set(row.attempts, [...(byAttempts.get(row.attempts) ?? []), row.id]);
  let moved = 0;
  for (const [attempts, group] of byAttempts) {
    const { count } = await db.outboxMessage.updateMany({
      where: { id: { in: group }, leasedBy: workerId, status: "pending", attempts },
      data: {
        attempts: attempts + 1,
        lastError: message,
        leaseUntil: null,
        nextAttemptAt: new Date(now.getTime() + backoffMs(attempts + 1)),
      },
    });
    moved += count;
  }
  return moved;
}

/** Gives back rows this worker claimed but did not process (on shutdown), so others take them now. */
export async function releaseOutboxLeases(workerId: string, db: Db = prisma): Promise<number> {
  const { count } = await db.outboxMessage.updateMany({
    where: { leasedBy: workerId, status: "pending" },
    data: { leaseUntil: null },
  });
  return count;
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = "responseCode" in error && error.responseCode ? ` (SMTP ${String(error.responseCode)})` : "";
    return `${error.message}${code}`.slice(0, 2000);
  }
  return String(error).slice(0, 2000);
}

// ---------------------------------------------------------------------------------------------
// Admin side

/** Puts a failed (or waiting) row back in the queue for an immediate attempt with a fresh budget. */
export async function retryOutboxMessage(id: string, now: Date = new Date()): Promise<boolean> {
  const { count } = await prisma.outboxMessage.updateMany({
    where: { id, status: { in: ["failed", "pending"] } },
    data: { status: "pending", attempts: 0, nextAttemptAt: now, leaseUntil: null, leasedBy: null },
  });
  return count === 1;
}

const OUTBOX_PAGE_SIZE = 50;

/** Who is looking: an admin sees every row, an organiser only rows about the events they manage. */
type OutboxActor = { id: string; role: string };

type OutboxFilter = { status?: OutboxStatus; kind?: EmailKind };

/**
 * The ids of the events an organiser manages, or null for an admin (no restriction). Outbox rows
 * carry a registrationId without a foreign key (an email outlives a deleted registration), so
 * the scope is a join through Registration → Session written in SQL, below.
 */
async function managedEventIds(actor: OutboxActor | undefined): Promise<string[] | null> {
  if (!actor || actor.role === "admin") return null;
  const events = await prisma.event.findMany({ where: managedEventsWhere(actor), select: { id: true } });
  return events.map((e) => e.id);
}

/** FROM … WHERE for an organiser's rows; the only raw SQL of the admin side. */
function scopedFrom(eventIds: string[], filter: OutboxFilter): Prisma.Sql {
  const conditions = [Prisma.sql`s."eventId" IN (${Prisma.join(eventIds)})`];
  if (filter.status) conditions.push(Prisma.sql`o."status" = ${filter.status}`);
  if (filter.kind) conditions.push(Prisma.sql`o."kind" = ${filter.kind}`);
  return Prisma.sql`FROM "OutboxMessage" o
    JOIN "Registration" r ON r."id" = o."registrationId"
    JOIN "Session" s ON s."id" = r."sessionId"
    WHERE ${Prisma.join(conditions, " AND ")}`;
}

const outboxListSelect = {
  id: true,
  kind: true,
  toAddress: true,
  toName: true,
  locale: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  sentAt: true,
  createdAt: true,
  registrationId: true,
} as const satisfies Prisma.OutboxMessageSelect;

/**
 * One page of the outbox, newest first. Without `actor` (the worker's tests, scripts) or for an
 * admin: every row; for an organiser: only rows about registrations for events they manage.
 */
export async function listOutbox(options: OutboxFilter & { page?: number; actor?: OutboxActor } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const filter: OutboxFilter = { ...(options.status ? { status: options.status } : {}), ...(options.kind ? { kind: options.kind } : {}) };
  const eventIds = await managedEventIds(options.actor);
  let total: number;
  let items: Prisma.OutboxMessageGetPayload<{ select: typeof outboxListSelect }>[];
  if (eventIds === null) {
    const where: Prisma.OutboxMessageWhereInput = filter;
    [total, items] = await Promise.all([
      prisma.outboxMessage.count({ where }),
      prisma.outboxMessage.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * OUTBOX_PAGE_SIZE,
        take: OUTBOX_PAGE_SIZE,
        select: outboxListSelect,
      }),
    ]);
  } else if (eventIds.length === 0) {
    [total, items] = [0, []];
  } else {
    const from = scopedFrom(eventIds, filter);
    const [countRows, idRows] = await Promise.all([
      prisma.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n ${from}`,
      prisma.$queryRaw<{ id: string }[]>`SELECT o."id" ${from}
        ORDER BY o."createdAt" DESC, o."id" DESC LIMIT ${OUTBOX_PAGE_SIZE} OFFSET ${(page - 1) * OUTBOX_PAGE_SIZE}`,
    ]);
    total = Number(countRows[0]?.n ?? 0);
    items = await prisma.outboxMessage.findMany({
      where: { id: { in: idRows.map((r) => r.id) } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: outboxListSelect,
    });
  }
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)) };
}

export async function outboxCounts(actor?: OutboxActor): Promise<Record<OutboxStatus, number>> {
  const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0, skipped: 0 };
  const eventIds = await managedEventIds(actor);
  let groups: { status: string; n: number }[];
  if (eventIds === null) {
    const rows = await prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
    groups = rows.map((g) => ({ status: g.status, n: g._count._all }));
  } else if (eventIds.length === 0) {
    groups = [];
  } else {
    const rows = await prisma.$queryRaw<{ status: string; n: number | bigint }[]>`SELECT o."status" AS status, COUNT(*) AS n ${scopedFrom(eventIds, {})} GROUP BY o."status"`;
    groups = rows.map((g) => ({ status: g.status, n: Number(g.n) }));
  }
  for (const g of groups) {
    if ((OUTBOX_STATUSES as readonly string[]).includes(g.status)) counts[g.status as OutboxStatus] = g.n;
  }
  return counts;
}

/** Whether `actor` may see (and retry) this row: admins any row, organisers rows about their events. */
export async function canSeeOutboxMessage(actor: OutboxActor, id: string): Promise<boolean> {
  const eventIds = await managedEventIds(actor);
  if (eventIds === null) return (await prisma.outboxMessage.count({ where: { id } })) > 0;
  if (eventIds.length === 0) return false;
  const rows = await prisma.$queryRaw<{ id: string }[]>`SELECT o."id" ${scopedFrom(eventIds, {})} AND o."id" = ${id}`;
  return rows.length > 0;
}
