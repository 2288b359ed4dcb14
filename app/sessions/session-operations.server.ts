/**
 * Organiser operations on sessions. Each is one transaction with its audit entry; a reschedule
 * writes the new time, the bumped iCalendar SEQUENCE and one "session-updated" email per registrant
 * together, so either everyone is told about a change that happened or nothing happened.
 */
import type { Prisma } from "~/generated/prisma/client.ts";
import { recordAudit, sessionLabel } from "~/organisers/audit.server.ts";
import { enqueueRegistrationEmails, type EnqueueInput } from "~/mail/outbox.server.ts";
import { promoteFromWaitlist } from "~/registration/registrations.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { diffFormValues } from "~/utils/form-diff.ts";
import { localToUtc, utcToLocal } from "~/time/time.ts";

type Tx = Prisma.TransactionClient;
type Actor = { id: string; role: string };
/** People who hold or wait for a seat: they have the session in their calendar. */
const ACTIVE = ["confirmed", "waitlisted", "pending"];
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

export type SessionData = {
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  languageCode: string;
  capacity: number | null;
  joinUrl: string | null;
};

export async function getSessionForEdit(eventId: string, sessionId: string) {
  const session = await prisma.session.findFirst({
    where: { id: sessionId, eventId },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      languageCode: true,
      capacity: true,
      joinUrl: true,
      status: true,
      sequence: true,
      _count: { select: { registrations: true } },
    },
  });
  if (!session) return null;
  const active = await prisma.registration.count({ where: { sessionId, status: { in: ACTIVE } } });
  const values = sessionToFormValues(session);
  // A time that happens twice that day must say which one it is, or saving it again would ask.
  const local = localToUtc(values.date, values.time, session.timeZone);
  const occurrence = local.kind === "ambiguous" ? (local.earlier.getTime() === session.startsAt.getTime() ? "earlier" : "later") : "";
  return { session, activeRegistrations: active, values: { ...values, occurrence } };
}

/** A session as its form shows it: the wall-clock date and time in the zone it was entered in. */
function sessionToFormValues(session: Omit<SessionData, "title" | "capacity" | "joinUrl"> & { title: string | null; capacity: number | null; joinUrl: string | null }) {
  const { date, time } = utcToLocal(session.startsAt, session.timeZone);
  return {
    title: session.title ?? "",
    date,
    time,
    duration: Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000),
    timeZone: session.timeZone,
    languageCode: session.languageCode,
    capacity: session.capacity ?? "",
    joinUrl: session.joinUrl ?? "",
  };
}

/** What the session form needs from its event. */
export async function getSessionFormContext(eventId: string) {
  const [event, languages] = await Promise.all([
    prisma.event.findUnique({
      where: { id: eventId },
      select: {
        id: true,
        title: true,
        slug: true,
        status: true,
        primaryLanguageCode: true,
        capacity: true,
        referenceCities: true,
        timeZone: true,
        sessions: { where: { status: "scheduled" }, orderBy: { createdAt: "desc" }, take: 1, select: { timeZone: true } },
      },
    }),
    prisma.language.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true } }),
  ]);
  return event ? { event, languages, defaultZone: defaultSessionZone(event) } : null;
}

/**
 * The zone a new session's date and time are read in: the zone the organiser used for this
 * event's latest session, else the event's own zone. Never the organiser's account zone: an
 * organiser in London adding 09:00 to a New York event means 09:00 in New York.
 */
function defaultSessionZone(event: { timeZone: string; sessions: { timeZone: string }[] }): { zone: string; from: "sessions" | "event" } {
  const latest = event.sessions[0]?.timeZone;
  return latest ? { zone: latest, from: "sessions" } : { zone: event.timeZone, from: "event" };
}

async function languageExists(tx: Tx, code: string) {
  return (await tx.language.count({ where: { code } })) > 0;
}

type CreateSessionResult = { ok: true; id: string } | { ok: false; reason: "event-cancelled" | "unknown-language" | "not-found" };

export async function createSession(actor: Actor, eventId: string, data: SessionData): Promise<CreateSessionResult> {
  return prisma.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { status: true } });
    if (!event) return { ok: false, reason: "not-found" };
    if (event.status === "cancelled") return { ok: false, reason: "event-cancelled" };
    if (!(await languageExists(tx, data.languageCode))) return { ok: false, reason: "unknown-language" };
    const session = await tx.session.create({ data: { ...data, eventId }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "created",
      entityType: "session",
      entityId: session.id,
      details: { eventId, startsAt: data.startsAt.toISOString(), timeZone: data.timeZone },
    });
    return { ok: true, id: session.id };
  }, TX_OPTIONS);
}

type UpdateSessionResult =
  | { outcome: "saved"; rescheduled: boolean; notified: number; promoted: number }
  | { outcome: "needs-confirmation"; registrants: number }
  | { outcome: "not-found" | "cancelled" | "unknown-language" };

/**
 * Saves a session. When the time or the join link of a session with registrants changes, the
 * first call returns "needs-confirmation" and changes nothing; called again with `confirmed`, it
 * bumps SEQUENCE and mails every registrant the new invitation. More seats take people off the
 * waitlist in the same transaction.
 */
export async function updateSession(
  actor: Actor,
  eventId: string,
  sessionId: string,
  data: SessionData,
  options: { confirmed: boolean; now?: Date },
): Promise<UpdateSessionResult> {
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx): Promise<UpdateSessionResult> => {
    // A no-op write first takes SQLite's write lock (a row lock on PostgreSQL), so the registrant
    // count and the emails below cannot miss someone registering at the same moment.
    const locked = await tx.$executeRaw`UPDATE "Session" SET "updatedAt" = "updatedAt" WHERE "id" = ${sessionId} AND "eventId" = ${eventId}`;
    if (!locked) return { outcome: "not-found" };
    const before = await tx.session.findUniqueOrThrow({
      where: { id: sessionId },
      select: {
        title: true,
        startsAt: true,
        endsAt: true,
        timeZone: true,
        languageCode: true,
        joinUrl: true,
        capacity: true,
        status: true,
        sequence: true,
        event: { select: { capacity: true, joinUrl: true } },
      },
    });
    if (before.status === "cancelled") return { outcome: "cancelled" };
    if (!(await languageExists(tx, data.languageCode))) return { outcome: "unknown-language" };

    const timeChanged = before.startsAt.getTime() !== data.startsAt.getTime() || before.endsAt.getTime() !== data.endsAt.getTime();
    const linkChanged = (before.joinUrl ?? before.event.joinUrl) !== (data.joinUrl ?? before.event.joinUrl);
    const rescheduled = timeChanged || linkChanged;
    // Only confirmed people hold the join link: a new link alone is news to nobody else.
    const registrants = await tx.registration.findMany({ where: { sessionId, status: { in: timeChanged ? ACTIVE : ["confirmed"] } }, select: { id: true } });
    if (rescheduled && registrants.length > 0 && !options.confirmed) {
      return { outcome: "needs-confirmation", registrants: registrants.length };
    }

    // A new title is no reason to mail anyone, but calendars that already hold the session only
    // take the new SUMMARY from the feed or the next invite when SEQUENCE grows (RFC 5546).
    const retitled = (before.title ?? "") !== (data.title ?? "");
    const sequence = rescheduled || retitled ? before.sequence + 1 : before.sequence;
    await tx.session.update({ where: { id: sessionId }, data: { ...data, sequence } });
    const emails: EnqueueInput[] = rescheduled
      ? registrants.map((r) => ({
          kind: "session-updated",
          registrationId: r.id,
          // One email per registrant per version of the session.
          dedupeKey: `session-updated:${r.id}:${sessionId}:${sequence}`,
          extra: {
            previousStartsAt: before.startsAt.toISOString(),
            previousEndsAt: before.endsAt.toISOString(),
            joinLinkChanged: linkChanged,
          },
        }))
      : [];
    const { created } = await enqueueRegistrationEmails(tx, emails, now);

    const oldCapacity = before.capacity ?? before.event.capacity;
    const newCapacity = data.capacity ?? before.event.capacity;
    const grew = oldCapacity !== null && (newCapacity === null || newCapacity > oldCapacity);
    const promoted = grew ? (await promoteFromWaitlist(tx, sessionId, now)).length : 0;

    // Join links are private: the log says that one changed, never what it is.
    const changed = diffFormValues(sessionToFormValues(before), sessionToFormValues(data), { secret: ["joinUrl"] });
    // A save that changed nothing is not an action worth a line in the log.
    if (changed.length || promoted) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: rescheduled ? "rescheduled" : "updated",
        entityType: "session",
        entityId: sessionId,
        details: {
          eventId,
          title: data.title,
          changed,
          ...(timeChanged ? { from: before.startsAt.toISOString(), to: data.startsAt.toISOString() } : {}),
          ...(linkChanged ? { joinLinkChanged: true } : {}),
          notified: created,
          promoted,
        },
      });
    }
    return { outcome: "saved", rescheduled, notified: created, promoted };
  }, TX_OPTIONS);
}

type CancelSessionResult = { ok: true; notified: number } | { ok: false; reason: "not-found" | "already-cancelled" };

/** Cancels one session: SEQUENCE grows (calendars drop the entry) and every registrant is told. */
export async function cancelSession(actor: Actor, eventId: string, sessionId: string, reason = "", now = new Date()): Promise<CancelSessionResult> {
  return prisma.$transaction(async (tx): Promise<CancelSessionResult> => {
    const session = await tx.session.findFirst({ where: { id: sessionId, eventId }, select: { status: true } });
    if (!session) return { ok: false, reason: "not-found" };
    if (session.status === "cancelled") return { ok: false, reason: "already-cancelled" };
    await tx.session.update({ where: { id: sessionId }, data: { status: "cancelled", sequence: { increment: 1 } } });
    const registrants = await tx.registration.findMany({ where: { sessionId, status: { in: ACTIVE } }, select: { id: true } });
    const { created } = await enqueueRegistrationEmails(
      tx,
      registrants.map((r) => ({
        kind: "session-cancelled" as const,
        registrationId: r.id,
        dedupeKey: `session-cancelled:${r.id}:${sessionId}`,
        extra: { sessionId, by: "organiser", ...(reason ? { reason } : {}) },
      })),
      now,
    );
    await recordAudit(tx, { actorId: actor.id, action: "cancelled", entityType: "session", entityId: sessionId, details: { eventId, notified: created } });
    return { ok: true, notified: created };
  }, TX_OPTIONS);
}

type RemoveSessionResult = { ok: true } | { ok: false; reason: "not-found" | "has-registrations" };

/** Removes a session nobody registered for; with registrations it must be cancelled instead. */
export async function removeSession(actor: Actor, eventId: string, sessionId: string): Promise<RemoveSessionResult> {
  return prisma.$transaction(async (tx): Promise<RemoveSessionResult> => {
    const session = await tx.session.findFirst({ where: { id: sessionId, eventId }, select: { title: true, startsAt: true, timeZone: true, event: { select: { title: true } } } });
    if (!session) return { ok: false, reason: "not-found" };
    if (await tx.registration.count({ where: { sessionId } })) return { ok: false, reason: "has-registrations" };
    await tx.session.delete({ where: { id: sessionId } });
    // The labels keep the entry readable once the session is gone.
    const details = { eventId, eventTitle: session.event.title, session: sessionLabel(session), startsAt: session.startsAt.toISOString(), timeZone: session.timeZone };
    await recordAudit(tx, { actorId: actor.id, action: "deleted", entityType: "session", entityId: sessionId, details });
    return { ok: true };
  }, TX_OPTIONS);
}
