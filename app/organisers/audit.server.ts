import { DateTime } from "luxon";
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";

type AuditAction = "created" | "updated" | "published" | "unpublished" | "cancelled" | "deleted" | "signed-in" | "approved" | "declined" | "promoted";

/** Written in the same transaction as the change it describes. */
export async function recordAudit(
  tx: Prisma.TransactionClient,
  entry: { actorId: string | null; action: AuditAction | string; entityType: string; entityId: string; details?: Record<string, unknown> },
) {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}

/** A session as a person names it: its title, else when it starts in the zone it was set in. */
export function sessionLabel(session: { title: string | null; startsAt: Date; timeZone: string }): string {
  return session.title || `${DateTime.fromJSDate(session.startsAt, { zone: session.timeZone }).toFormat("yyyy-MM-dd HH:mm")} (${session.timeZone})`;
}

/**
 * The readable labels an audit entry about a registration keeps, so that the log still says who
 * and what after the registration, its session or its event are deleted.
 */
export async function registrationAuditLabels(tx: Prisma.TransactionClient, registrationId: string) {
  const registration = await tx.registration.findUnique({
    where: { id: registrationId },
    select: { name: true, email: true, sessionId: true, session: { select: { title: true, startsAt: true, timeZone: true, eventId: true, event: { select: { title: true } } } } },
  });
  if (!registration) return {};
  const { session } = registration;
  return { name: registration.name, email: registration.email, sessionId: registration.sessionId, session: sessionLabel(session), eventId: session.eventId, eventTitle: session.event.title };
}

type AuditChange = { field: string; from: string; to: string };

type AuditEntryView = {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  createdAt: Date;
  actor: { name: string; email: string } | null;
  /** What the entry is about, by name ("Amina Yusuf", "Psychosocial support"); null if unknown. */
  subject: string | null;
  /** Where that thing belongs: the event (and session) of a session, registration or recording. */
  context: string | null;
  /** True when the entity is gone and the labels come from what the entry kept. */
  gone: boolean;
  /** A registration's status change, "pending" → "confirmed". */
  status: { from: string; to: string } | null;
  changed: AuditChange[];
  note: string | null;
};

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function parseDetails(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function parseChanges(value: unknown): AuditChange[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((c): c is Record<string, unknown> => !!c && typeof c === "object" && typeof (c as Record<string, unknown>).field === "string")
    .map((c) => ({ field: c.field as string, from: shown(c.from), to: shown(c.to) }));
}

const join = (...parts: (string | null | undefined)[]) => parts.filter((p): p is string => !!p).join(" · ") || null;

/**
 * One page of the log, newest first, with names instead of ids: the entities that still exist are
 * looked up now (so a renamed event reads under its new title), the others by the labels the
 * entry kept when it was written.
 */
export async function listAudit({ page, pageSize = 50 }: { page: number; pageSize?: number }) {
  const [rows, total] = await Promise.all([
    prisma.auditLog.findMany({
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, action: true, entityType: true, entityId: true, details: true, createdAt: true, actor: { select: { email: true, name: true } } },
    }),
    prisma.auditLog.count(),
  ]);
  const entries = rows.map((row) => ({ ...row, parsed: parseDetails(row.details) }));
  const ids = (type: string, extra: (d: Record<string, unknown>) => unknown = () => null) => [
    ...new Set(entries.flatMap((e) => [e.entityType === type ? e.entityId : null, extra(e.parsed)]).filter((id): id is string => typeof id === "string")),
  ];
  const sessionSelect = { id: true, title: true, startsAt: true, timeZone: true, event: { select: { title: true } } } as const;
  const [events, sessions, registrations, recordings, transcripts, speakers, organisers] = await Promise.all([
    prisma.event.findMany({ where: { id: { in: ids("event", (d) => d.eventId) } }, select: { id: true, title: true } }),
    // Attendance entries are filed under their session's id.
    prisma.session.findMany({ where: { id: { in: [...ids("session"), ...ids("attendance")] } }, select: sessionSelect }),
    prisma.registration.findMany({ where: { id: { in: ids("registration") } }, select: { id: true, name: true, email: true, session: { select: sessionSelect } } }),
    prisma.recording.findMany({ where: { id: { in: ids("recording", (d) => d.recordingId) } }, select: { id: true, title: true, event: { select: { title: true } } } }),
    prisma.transcript.findMany({ where: { id: { in: ids("transcript") } }, select: { id: true, languageCode: true, recording: { select: { title: true } } } }),
    prisma.speaker.findMany({ where: { id: { in: ids("speaker") } }, select: { id: true, name: true } }),
    prisma.organiser.findMany({ where: { id: { in: ids("organiser", (d) => d.organiserId) } }, select: { id: true, email: true, name: true } }),
  ]);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const [eventMap, sessionMap, registrationMap, recordingMap, transcriptMap, speakerMap, organiserMap] = [
    byId(events), byId(sessions), byId(registrations), byId(recordings), byId(transcripts), byId(speakers), byId(organisers),
  ];
  const person = (o: { name: string; email: string }) => (o.name ? `${o.name} <${o.email}>` : o.email);

  const views: AuditEntryView[] = entries.map((e) => {
    const d = e.parsed;
    const eventTitle = eventMap.get(text(d.eventId) ?? "")?.title ?? text(d.eventTitle);
    let subject: string | null = null;
    let context: string | null = null;
    let found = false;
    switch (e.entityType) {
      case "event": {
        const event = eventMap.get(e.entityId);
        found = !!event;
        subject = event?.title ?? text(d.title);
        const other = organiserMap.get(text(d.organiserId) ?? "");
        context = text(d.with) ?? (other ? person(other) : text(d.organiserEmail));
        break;
      }
      case "session":
      case "attendance": {
        const session = sessionMap.get(e.entityId);
        found = !!session;
        subject = session ? sessionLabel(session) : text(d.session) ?? (typeof d.startsAt === "string" && typeof d.timeZone === "string" ? sessionLabel({ title: null, startsAt: new Date(d.startsAt), timeZone: d.timeZone }) : null);
        context = session?.event.title ?? eventTitle;
        break;
      }
      case "registration": {
        const registration = registrationMap.get(e.entityId);
        found = !!registration;
        subject = registration ? person(registration) : text(d.name) && text(d.email) ? `${d.name as string} <${d.email as string}>` : text(d.name) ?? text(d.email);
        context = registration ? join(registration.session.event.title, sessionLabel(registration.session)) : join(eventTitle, text(d.session));
        break;
      }
      case "recording": {
        const recording = recordingMap.get(e.entityId);
        found = !!recording;
        subject = text(recording?.title) ?? text(d.title);
        context = recording?.event.title ?? eventTitle;
        break;
      }
      case "transcript": {
        const transcript = transcriptMap.get(e.entityId);
        found = !!transcript;
        subject = transcript?.languageCode ?? text(d.languageCode);
        context = text(transcript?.recording.title) ?? text(recordingMap.get(text(d.recordingId) ?? "")?.title) ?? text(d.recordingTitle);
        break;
      }
      case "speaker": {
        const speaker = speakerMap.get(e.entityId);
        found = !!speaker;
        subject = speaker?.name ?? text(d.name);
        break;
      }
      case "organiser": {
        const organiser = organiserMap.get(e.entityId);
        found = !!organiser;
        subject = organiser ? person(organiser) : text(d.email);
        break;
      }
      default:
        found = true;
    }
    return {
      id: e.id,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      createdAt: e.createdAt,
      actor: e.actor,
      subject,
      context,
      gone: !found,
      status: typeof d.from === "string" && typeof d.to === "string" ? { from: d.from, to: d.to } : null,
      changed: parseChanges(d.changed),
      note: text(d.note) ?? text(d.subject),
    };
  });
  return { entries: views, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
