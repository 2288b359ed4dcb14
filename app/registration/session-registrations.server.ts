/**
 * What organisers read about one session's registrations: the list with search, filter and
 * pages, counts by status, the CSV export, and the audience of a message. Changes to a
 * registration go through app/registration/registrations.server.ts, which writes the emails.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client.ts";
import { requireEventAccess } from "~/organisers/access.server.ts";
import { attendanceRate, attendedMinutes } from "~/attendance/attendance.server.ts";
import { recordAudit } from "~/organisers/audit.server.ts";
import { enqueueRegistrationEmails } from "~/mail/outbox.server.ts";
import { parseOptions, type RegistrationStatus } from "~/registration/registrations.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { AUDIENCES, MESSAGE_ID_PATTERN, type Audience } from "~/registration/registrant-message.ts";
import { answerText, parseAnswers } from "~/registration/registrations-csv.ts";

export const REGISTRATION_STATUSES: readonly RegistrationStatus[] = ["confirmed", "waitlisted", "pending", "declined", "cancelled"];
const REGISTRATIONS_PAGE_SIZE = 50;

export function isRegistrationStatus(value: unknown): value is RegistrationStatus {
  return typeof value === "string" && (REGISTRATION_STATUSES as readonly string[]).includes(value);
}

/**
 * The session, checked against the URL's event and the organiser's rights: 403 when they do not
 * manage the event, 404 when the session is not one of its sessions. Every loader and action of
 * the session's admin pages starts here.
 */
export async function requireManagedSession(actor: { id: string; role: string }, eventId: string, sessionId: string) {
  await requireEventAccess(actor, eventId);
  const session = await prisma.session.findFirst({
    where: { id: sessionId, eventId },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      status: true,
      capacity: true,
      event: { select: { id: true, slug: true, title: true, capacity: true } },
    },
  });
  if (!session) throw new Response("This session does not exist, or belongs to another event.", { status: 404 });
  return session;
}

type RegistrationFilter = { q?: string; status?: RegistrationStatus; page?: number };

function filterWhere(sessionId: string, filter: RegistrationFilter): Prisma.RegistrationWhereInput {
  const q = filter.q?.trim();
  return {
    sessionId,
    ...(filter.status ? { status: filter.status } : {}),
    // Without mode: "insensitive" (PostgreSQL-only); emails are matched on their lower-cased form.
    ...(q
      ? { OR: [{ name: { contains: q } }, { emailNormalized: { contains: q.toLowerCase() } }, { organisation: { contains: q } }] }
      : {}),
  };
}

async function statusCounts(sessionId: string): Promise<Record<RegistrationStatus, number>> {
  const groups = await prisma.registration.groupBy({ by: ["status"], where: { sessionId }, _count: { _all: true } });
  const counts = Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, 0])) as Record<RegistrationStatus, number>;
  for (const g of groups) if (isRegistrationStatus(g.status)) counts[g.status] = g._count._all;
  return counts;
}

export async function listSessionRegistrations(sessionId: string, filter: RegistrationFilter) {
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const where = filterWhere(sessionId, filter);
  const [total, rows, counts, rate, session] = await Promise.all([
    prisma.registration.count({ where }),
    prisma.registration.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * REGISTRATIONS_PAGE_SIZE,
      take: REGISTRATIONS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        organisation: true,
        country: true,
        timeZone: true,
        locale: true,
        status: true,
        answers: true,
        createdAt: true,
      },
    }),
    statusCounts(sessionId),
    attendanceRate(sessionId),
    prisma.session.findUnique({
      where: { id: sessionId },
      select: { event: { select: { questions: { orderBy: { sortOrder: "asc" }, select: { id: true, label: true, kind: true } } } } },
    }),
  ]);
  const minutes = await attendedMinutes(rows.map((r) => r.id));
  const questions = session?.event.questions ?? [];
  return {
    // The answers to the event's questions travel as text beside their question, so that whoever
    // approves can read them on the page rather than in the CSV.
    registrations: rows.map(({ answers, ...r }) => {
      const parsed = parseAnswers(answers);
      return {
        ...r,
        answers: questions.map((q) => ({ questionId: q.id, question: q.label, kind: q.kind, answer: answerText(parsed, q.id) })).filter((a) => a.answer !== ""),
        attendedMinutes: minutes.get(r.id) ?? null,
      };
    }),
    hasQuestions: questions.length > 0,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / REGISTRATIONS_PAGE_SIZE)),
    counts,
    rate,
  };
}

/** Whether a registration belongs to this session: actions check it before changing anything. */
export async function registrationInSession(registrationId: string, sessionId: string) {
  return prisma.registration.findFirst({ where: { id: registrationId, sessionId }, select: { id: true, status: true, name: true } });
}

/** Everything the CSV export holds, in registration order. */
export async function getRegistrationsForExport(sessionId: string) {
  const session = await prisma.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { event: { select: { slug: true, questions: { orderBy: { sortOrder: "asc" }, select: { id: true, label: true, kind: true, options: true } } } } },
  });
  const registrations = await prisma.registration.findMany({
    where: { sessionId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      organisation: true,
      country: true,
      timeZone: true,
      locale: true,
      accessibilityNeeds: true,
      status: true,
      answers: true,
      createdAt: true,
      attendance: { select: { minutes: true } },
    },
  });
  return {
    slug: session.event.slug,
    questions: session.event.questions.map((q) => ({ id: q.id, label: q.label, kind: q.kind, options: parseOptions(q.options) })),
    registrations: registrations.map(({ attendance, ...r }) => ({
      ...r,
      attendedMinutes: attendance.length ? attendance.reduce((sum, a) => sum + a.minutes, 0) : null,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Messages to registrants

export { AUDIENCES, MESSAGE_ID_PATTERN, type Audience };

const AUDIENCE_STATUSES: Record<Audience, RegistrationStatus[]> = {
  // Everyone still registered; people who cancelled or were declined are not written to.
  all: ["confirmed", "waitlisted", "pending"],
  confirmed: ["confirmed"],
  waitlisted: ["waitlisted"],
  pending: ["pending"],
};

export async function audienceCounts(sessionId: string): Promise<Record<Audience, number>> {
  const counts = await statusCounts(sessionId);
  return {
    all: counts.confirmed + counts.waitlisted + counts.pending,
    confirmed: counts.confirmed,
    waitlisted: counts.waitlisted,
    pending: counts.pending,
  };
}

/** A fresh id for the message form; the form sends it back so a second submit sends nothing. */
export function newMessageId(): string {
  return randomUUID();
}

/**
 * Writes one "organiser-message" outbox row per recipient, with the change's audit entry, in one
 * transaction. The dedupe key `message:<messageId>:<registrationId>` makes a repeated submit of
 * the same form (a double click, a resent POST) write nothing the second time.
 */
export async function messageRegistrants(input: {
  sessionId: string;
  audience: Audience;
  subject: string;
  body: string;
  messageId: string;
  actorId: string | null;
  now?: Date;
}): Promise<{ recipients: number; created: number }> {
  const now = input.now ?? new Date();
  return prisma.$transaction(
    async (tx) => {
      const recipients = await tx.registration.findMany({
        where: { sessionId: input.sessionId, status: { in: AUDIENCE_STATUSES[input.audience] } },
        select: { id: true },
      });
      const { created } = await enqueueRegistrationEmails(
        tx,
        recipients.map((r) => ({
          kind: "organiser-message" as const,
          registrationId: r.id,
          dedupeKey: `message:${input.messageId}:${r.id}`,
          extra: { subject: input.subject, body: input.body, messageId: input.messageId },
        })),
        now,
      );
      if (created > 0) {
        await recordAudit(tx, {
          actorId: input.actorId,
          action: "messaged",
          entityType: "session",
          entityId: input.sessionId,
          details: { messageId: input.messageId, audience: input.audience, subject: input.subject, recipients: created },
        });
      }
      return { recipients: recipients.length, created };
    },
    { timeout: 60_000, maxWait: 15_000 },
  );
}
