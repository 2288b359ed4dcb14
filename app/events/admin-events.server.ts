/**
 * Organiser operations on events. Each exported change is one transaction with its audit entry
 * (and any emails it causes) written inside it. Access is checked by the route (requireEventAccess)
 * before any of these run.
 */
import type { Prisma } from "~/generated/prisma/client.ts";
import { recordAudit } from "~/organisers/audit.server.ts";
import { diffFormValues } from "~/utils/form-diff.ts";
import { enqueueRegistrationEmails, isUniqueViolation, type EnqueueInput } from "~/mail/outbox.server.ts";
import { promoteFromWaitlist } from "~/registration/registrations.server.ts";
import { prisma } from "~/utils/db.server.ts";
import {
  TRANSLATION_LOCALES,
  formatReminders,
  parseReminders,
  questionOptions,
  type EventFormInput,
} from "~/events/admin-event-schema.ts";
import { slugify } from "~/utils/slug.ts";
import { KNOWN_CITIES, localToUtc, parseReferenceCities, serializeReferenceCities, utcToLocal } from "~/time/time.ts";

type Tx = Prisma.TransactionClient;
type Actor = { id: string; role: string };
const ACTIVE = ["confirmed", "waitlisted", "pending"];
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

/** Everything the event form offers to choose from. */
export async function getEventFormOptions() {
  const [pillars, series, speakers, languages] = await Promise.all([
    prisma.topic.findMany({
      where: { kind: "pillar" },
      orderBy: { number: "asc" },
      select: { id: true, title: true, number: true, children: { orderBy: { number: "asc" }, select: { id: true, title: true, number: true } } },
    }),
    prisma.series.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true } }),
    prisma.speaker.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, affiliation: true } }),
    prisma.language.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true } }),
  ]);
  return { pillars, series, speakers, languages };
}

/** The form's values as the browser posts them (strings, booleans, arrays, nested objects). */
type EventFormValues = Record<string, unknown> & {
  questions?: { id?: string; kind?: string; label?: string; options?: string; required?: boolean }[];
};

/** Exactly what the form shows: read before and after a save to say what changed. */
const formSelect = {
  slug: true,
  type: true,
  title: true,
  summary: true,
  description: true,
  timeZone: true,
  primaryLanguageCode: true,
  referenceCities: true,
  seriesId: true,
  capacity: true,
  waitlistEnabled: true,
  approvalRequired: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  allowLateRegistration: true,
  reminderOffsets: true,
  isRecorded: true,
  joinUrl: true,
  supportedLanguages: { select: { languageCode: true, kind: true } },
  topics: { select: { topicId: true } },
  speakers: { orderBy: { sortOrder: "asc" }, select: { speakerId: true } },
  translations: { select: { locale: true, title: true, summary: true, description: true } },
  questions: { orderBy: { sortOrder: "asc" }, select: { id: true, kind: true, label: true, options: true, required: true } },
} satisfies Prisma.EventSelect;

const editSelect = {
  ...formSelect,
  id: true,
  status: true,
  cancellationNote: true,
  createdBy: { select: { email: true } },
  shares: { select: { organiser: { select: { id: true, email: true } } } },
  sessions: {
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      status: true,
      languageCode: true,
      _count: { select: { registrations: { where: { status: { in: ACTIVE } } } } },
    },
  },
} satisfies Prisma.EventSelect;

type EditableEvent = Prisma.EventGetPayload<{ select: typeof formSelect }>;

export async function getEventForEdit(eventId: string) {
  const event = await prisma.event.findUnique({ where: { id: eventId }, select: editSelect });
  if (!event) return null;
  const registrations = event.sessions.reduce((sum, s) => sum + s._count.registrations, 0);
  return { event, registrations, values: eventToFormValues(event) };
}

function localInput(instant: Date | null, zone: string) {
  if (!instant) return undefined;
  const { date, time } = utcToLocal(instant, zone);
  return `${date}T${time}`;
}

function cityIdsOf(json: string | null): string[] {
  if (json == null) return [];
  return parseReferenceCities(json).flatMap((c) => {
    const known = KNOWN_CITIES.find((k) => k.zone === c.zone && k.city === c.city) ?? KNOWN_CITIES.find((k) => k.zone === c.zone);
    return known ? [known.id] : [];
  });
}

function parseJsonArray<T>(json: string, guard: (v: unknown) => v is T): T[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter(guard) : [];
  } catch {
    return [];
  }
}

function eventToFormValues(event: EditableEvent): EventFormValues {
  return {
    type: event.type,
    title: event.title,
    slug: event.slug,
    summary: event.summary,
    description: event.description,
    timeZone: event.timeZone,
    primaryLanguageCode: event.primaryLanguageCode,
    support: Object.fromEntries(event.supportedLanguages.map((l) => [l.languageCode, l.kind])),
    topics: event.topics.map((t) => t.topicId),
    seriesId: event.seriesId ?? "",
    speakers: event.speakers.map((s) => s.speakerId),
    referenceCities: cityIdsOf(event.referenceCities),
    capacity: event.capacity ?? "",
    waitlistEnabled: event.waitlistEnabled,
    approvalRequired: event.approvalRequired,
    allowLateRegistration: event.allowLateRegistration,
    opensAt: localInput(event.registrationOpensAt, event.timeZone),
    closesAt: localInput(event.registrationClosesAt, event.timeZone),
    reminders: formatReminders(parseJsonArray(event.reminderOffsets, (v): v is number => typeof v === "number")),
    isRecorded: event.isRecorded,
    joinUrl: event.joinUrl ?? "",
    questions: event.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      label: q.label,
      options: parseJsonArray(q.options, (v): v is string => typeof v === "string").join("\n"),
      required: q.required,
    })),
    translations: Object.fromEntries(event.translations.map((t) => [t.locale, { title: t.title, summary: t.summary, description: t.description }])),
  };
}

/** Defaults for a new event. */
export function newEventValues(organiser: { timeZone: string }): EventFormValues {
  return { type: "webinar", timeZone: organiser.timeZone, primaryLanguageCode: "en", waitlistEnabled: true, reminders: "1d, 1h", questions: [] };
}

function instantOf(local: string | undefined, zone: string): Date | null {
  if (!local) return null;
  const [date, time] = local.split("T") as [string, string];
  const result = localToUtc(date, time, zone);
  // The schema already refused skipped and repeated times; this is only a guard.
  if (result.kind !== "ok") throw new Error(`Unresolved local time ${local} in ${zone}`);
  return result.instant;
}

function scalarData(input: EventFormInput, slug: string) {
  const cities = KNOWN_CITIES.filter((c) => input.referenceCities.includes(c.id));
  return {
    slug,
    type: input.type,
    title: input.title,
    summary: input.summary ?? "",
    description: input.description ?? "",
    timeZone: input.timeZone,
    primaryLanguageCode: input.primaryLanguageCode,
    referenceCities: cities.length ? serializeReferenceCities(cities) : null,
    seriesId: input.seriesId || null,
    capacity: input.capacity ?? null,
    waitlistEnabled: input.waitlistEnabled ?? false,
    approvalRequired: input.approvalRequired ?? false,
    allowLateRegistration: input.allowLateRegistration ?? false,
    registrationOpensAt: instantOf(input.opensAt, input.timeZone),
    registrationClosesAt: instantOf(input.closesAt, input.timeZone),
    reminderOffsets: JSON.stringify(input.reminders ? (parseReminders(input.reminders) ?? []) : []),
    isRecorded: input.isRecorded ?? false,
    joinUrl: input.joinUrl || null,
  };
}

type SaveEventResult =
  | { ok: true; id: string; slug: string; promoted: number }
  | { ok: false; field: string; message: string };

/** Ids that are not in the database become a field error, not a foreign-key crash. */
async function checkReferences(tx: Tx, input: EventFormInput): Promise<SaveEventResult | null> {
  const [language, topics, speakers, series, languages] = await Promise.all([
    tx.language.count({ where: { code: input.primaryLanguageCode } }),
    tx.topic.count({ where: { id: { in: input.topics } } }),
    tx.speaker.count({ where: { id: { in: input.speakers } } }),
    input.seriesId ? tx.series.count({ where: { id: input.seriesId } }) : Promise.resolve(1),
    tx.language.findMany({ select: { code: true } }),
  ]);
  if (!language) return { ok: false, field: "primaryLanguageCode", message: "adminEvents.errors.language" };
  if (topics !== new Set(input.topics).size) return { ok: false, field: "topics", message: "adminEvents.errors.unknownChoice" };
  if (speakers !== new Set(input.speakers).size) return { ok: false, field: "speakers", message: "adminEvents.errors.unknownChoice" };
  if (!series) return { ok: false, field: "seriesId", message: "adminEvents.errors.unknownChoice" };
  const known = new Set(languages.map((l) => l.code));
  if (Object.entries(input.support ?? {}).some(([code, kind]) => kind && !known.has(code))) return { ok: false, field: "support", message: "adminEvents.errors.unknownChoice" };
  return null;
}

async function writeRelations(tx: Tx, eventId: string, input: EventFormInput) {
  const previous = await tx.eventSpeaker.findMany({ where: { eventId }, select: { speakerId: true, role: true, sortOrder: true } });
  const previousRoles = new Map(previous.map((s) => [s.speakerId, s.role]));
  const previousOrder = new Map(previous.map((s) => [s.speakerId, s.sortOrder]));
  let nextOrder = Math.max(-1, ...previous.map((s) => s.sortOrder)) + 1;
  await tx.eventTopic.deleteMany({ where: { eventId } });
  await tx.eventSpeaker.deleteMany({ where: { eventId } });
  await tx.eventLanguage.deleteMany({ where: { eventId } });
  const topics = [...new Set(input.topics)];
  if (topics.length) await tx.eventTopic.createMany({ data: topics.map((topicId) => ({ eventId, topicId })) });
  // The form lists speakers by name and cannot reorder them: speakers already on the event keep
  // their place, new ones join at the end in the order ticked.
  const speakers = [...new Set(input.speakers)];
  if (speakers.length) {
    await tx.eventSpeaker.createMany({
      data: speakers.map((speakerId) => ({ eventId, speakerId, sortOrder: previousOrder.get(speakerId) ?? nextOrder++, role: previousRoles.get(speakerId) ?? "speaker" })),
    });
  }
  const support = Object.entries(input.support ?? {}).filter(
    (entry): entry is [string, NonNullable<(typeof entry)[1]>] => !!entry[1] && entry[0] !== input.primaryLanguageCode,
  );
  if (support.length) await tx.eventLanguage.createMany({ data: support.map(([languageCode, kind]) => ({ eventId, languageCode, kind })) });

  for (const locale of TRANSLATION_LOCALES) {
    const tr = input.translations?.[locale];
    if (tr?.title) {
      const data = { title: tr.title, summary: tr.summary ?? "", description: tr.description ?? "" };
      await tx.eventTranslation.upsert({ where: { eventId_locale: { eventId, locale } }, create: { eventId, locale, ...data }, update: data });
    } else {
      await tx.eventTranslation.deleteMany({ where: { eventId, locale } });
    }
  }

  const existing = new Set((await tx.registrationQuestion.findMany({ where: { eventId }, select: { id: true } })).map((q) => q.id));
  let order = 0;
  for (const q of input.questions) {
    const id = q.id && existing.has(q.id) ? q.id : undefined;
    if (q.remove || !q.label) {
      if (id) await tx.registrationQuestion.delete({ where: { id } });
      continue;
    }
    const options = q.kind === "single" || q.kind === "multiple" ? questionOptions(q.options) : [];
    const data = { kind: q.kind, label: q.label, options: JSON.stringify(options), required: q.required ?? false, sortOrder: order++ };
    if (id) await tx.registrationQuestion.update({ where: { id }, data });
    else await tx.registrationQuestion.create({ data: { eventId, ...data } });
  }
}

const slugTaken = (): SaveEventResult => ({ ok: false, field: "slug", message: "adminEvents.errors.slugTaken" });

export async function createEvent(actor: Actor, input: EventFormInput): Promise<SaveEventResult> {
  const slug = input.slug || slugify(input.title) || `event-${Date.now().toString(36)}`;
  try {
    return await prisma.$transaction(async (tx) => {
      const problem = await checkReferences(tx, input);
      if (problem) return problem;
      if (await tx.event.findUnique({ where: { slug }, select: { id: true } })) return slugTaken();
      const event = await tx.event.create({ data: { ...scalarData(input, slug), createdById: actor.id }, select: { id: true, slug: true } });
      await writeRelations(tx, event.id, input);
      await recordAudit(tx, { actorId: actor.id, action: "created", entityType: "event", entityId: event.id, details: { title: input.title, slug } });
      return { ok: true as const, id: event.id, slug: event.slug, promoted: 0 };
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken();
    throw error;
  }
}

export async function updateEvent(actor: Actor, eventId: string, input: EventFormInput): Promise<SaveEventResult> {
  const slug = input.slug || slugify(input.title) || `event-${Date.now().toString(36)}`;
  try {
    return await prisma.$transaction(async (tx) => {
      const problem = await checkReferences(tx, input);
      if (problem) return problem;
      const clash = await tx.event.findUnique({ where: { slug }, select: { id: true } });
      if (clash && clash.id !== eventId) return slugTaken();
      const before = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { ...formSelect, capacity: true } });
      const data = scalarData(input, slug);
      await tx.event.update({ where: { id: eventId }, data });
      await writeRelations(tx, eventId, input);
      const after = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: formSelect });
      // Join links are private: the log says that one changed, never what it is.
      const changed = diffFormValues(eventToFormValues(before), eventToFormValues(after), { secret: ["joinUrl"] });
      // More seats at event level: sessions without a capacity of their own take people off the waitlist.
      let promoted = 0;
      const grew = before.capacity !== null && (data.capacity === null || data.capacity > before.capacity);
      if (grew) {
        const sessions = await tx.session.findMany({ where: { eventId, capacity: null, status: "scheduled" }, select: { id: true } });
        for (const s of sessions) promoted += (await promoteFromWaitlist(tx, s.id)).length;
      }
      // A save that changed nothing is not an action worth a line in the log.
      if (changed.length || promoted) {
        await recordAudit(tx, { actorId: actor.id, action: "updated", entityType: "event", entityId: eventId, details: { title: input.title, changed, promoted } });
      }
      return { ok: true as const, id: eventId, slug, promoted };
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken();
    throw error;
  }
}

export type StatusResult = { ok: true } | { ok: false; reason: "not-found" | "invalid-transition" | "has-registrations" | "no-sessions" };

async function transition(actor: Actor, eventId: string, from: string[], to: "published" | "draft", action: "published" | "unpublished"): Promise<StatusResult> {
  return prisma.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { status: true, publishedAt: true, title: true } });
    if (!event) return { ok: false, reason: "not-found" };
    if (!from.includes(event.status)) return { ok: false, reason: "invalid-transition" };
    await tx.event.update({
      where: { id: eventId },
      data: { status: to, ...(to === "published" ? { publishedAt: event.publishedAt ?? new Date() } : {}) },
    });
    await recordAudit(tx, { actorId: actor.id, action, entityType: "event", entityId: eventId, details: { title: event.title } });
    return { ok: true };
  }, TX_OPTIONS);
}

export function publishEvent(actor: Actor, eventId: string) {
  return transition(actor, eventId, ["draft"], "published", "published");
}

export function unpublishEvent(actor: Actor, eventId: string) {
  return transition(actor, eventId, ["published"], "draft", "unpublished");
}

/**
 * What cancelling the event would do, asked before doing it: how many people still registered for
 * a session that is still on would be emailed (exactly those cancelEvent writes to).
 */
export async function previewEventCancellation(eventId: string): Promise<{ ok: true; registrants: number } | { ok: false; reason: "not-found" | "invalid-transition" }> {
  const event = await prisma.event.findUnique({ where: { id: eventId }, select: { status: true } });
  if (!event) return { ok: false, reason: "not-found" };
  if (event.status === "cancelled") return { ok: false, reason: "invalid-transition" };
  const registrants = await prisma.registration.count({ where: { status: { in: ACTIVE }, session: { eventId, status: "scheduled" } } });
  return { ok: true, registrants };
}

/**
 * Cancels the event and every session still scheduled: each session's SEQUENCE grows so calendars
 * replace the entry, and every active registrant of each session gets "session-cancelled" through
 * the outbox, in the same transaction.
 */
export async function cancelEvent(actor: Actor, eventId: string, note: string, now = new Date()): Promise<StatusResult & { notified?: number }> {
  return prisma.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { status: true, title: true } });
    if (!event) return { ok: false, reason: "not-found" };
    if (event.status === "cancelled") return { ok: false, reason: "invalid-transition" };
    await tx.event.update({ where: { id: eventId }, data: { status: "cancelled", cancelledAt: now, cancellationNote: note || null } });
    const sessions = await tx.session.findMany({ where: { eventId, status: "scheduled" }, select: { id: true } });
    const sessionIds = sessions.map((s) => s.id);
    if (sessionIds.length) {
      await tx.session.updateMany({ where: { id: { in: sessionIds } }, data: { status: "cancelled", sequence: { increment: 1 } } });
    }
    const registrations = await tx.registration.findMany({
      where: { sessionId: { in: sessionIds }, status: { in: ACTIVE } },
      select: { id: true, sessionId: true },
    });
    const emails: EnqueueInput[] = registrations.map((r) => ({
      kind: "session-cancelled",
      registrationId: r.id,
      dedupeKey: `session-cancelled:${r.id}:${r.sessionId}`,
      extra: { sessionId: r.sessionId, reason: note, by: "organiser" },
    }));
    const { created } = await enqueueRegistrationEmails(tx, emails, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "cancelled",
      entityType: "event",
      entityId: eventId,
      details: { title: event.title, note, sessions: sessionIds.length, notified: created },
    });
    return { ok: true as const, notified: created };
  }, TX_OPTIONS);
}

/** Only drafts nobody registered for can disappear; anything else is cancelled instead. */
export async function deleteEvent(actor: Actor, eventId: string): Promise<StatusResult> {
  return prisma.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { status: true, title: true, slug: true } });
    if (!event) return { ok: false, reason: "not-found" };
    if (event.status !== "draft") return { ok: false, reason: "invalid-transition" };
    if (await tx.registration.count({ where: { session: { eventId } } })) return { ok: false, reason: "has-registrations" };
    await tx.session.deleteMany({ where: { eventId } });
    await tx.event.delete({ where: { id: eventId } });
    await recordAudit(tx, { actorId: actor.id, action: "deleted", entityType: "event", entityId: eventId, details: { title: event.title, slug: event.slug } });
    return { ok: true };
  }, TX_OPTIONS);
}

type ShareResult = { ok: true } | { ok: false; reason: "unknown-organiser" | "already-shared" | "creator" };

/** Lets another organiser manage the event (admins only; the route checks that). */
export async function shareEvent(actor: Actor, eventId: string, email: string): Promise<ShareResult> {
  return prisma.$transaction(async (tx) => {
    const organiser = await tx.organiser.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
    if (!organiser) return { ok: false, reason: "unknown-organiser" };
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { createdById: true } });
    if (event.createdById === organiser.id) return { ok: false, reason: "creator" };
    const existing = await tx.eventShare.findUnique({ where: { eventId_organiserId: { eventId, organiserId: organiser.id } } });
    if (existing) return { ok: false, reason: "already-shared" };
    await tx.eventShare.create({ data: { eventId, organiserId: organiser.id } });
    await recordAudit(tx, { actorId: actor.id, action: "shared", entityType: "event", entityId: eventId, details: { with: email } });
    return { ok: true };
  }, TX_OPTIONS);
}

export async function unshareEvent(actor: Actor, eventId: string, organiserId: string) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.eventShare.deleteMany({ where: { eventId, organiserId } });
    if (count) await recordAudit(tx, { actorId: actor.id, action: "unshared", entityType: "event", entityId: eventId, details: { organiserId } });
    return count > 0;
  }, TX_OPTIONS);
}

/** Dashboard rows: the events this organiser manages, with their next session. */
export async function listManagedEvents(where: Prisma.EventWhereInput, now = new Date()) {
  const events = await prisma.event.findMany({
    where,
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      type: true,
      sessions: {
        where: { status: "scheduled" },
        orderBy: { startsAt: "asc" },
        select: { startsAt: true, endsAt: true, timeZone: true, _count: { select: { registrations: { where: { status: "confirmed" } } } } },
      },
    },
  });
  return events.map(({ sessions, ...event }) => {
    const next = sessions.find((s) => s.endsAt >= now) ?? null;
    return {
      ...event,
      sessionCount: sessions.length,
      confirmed: sessions.reduce((sum, s) => sum + s._count.registrations, 0),
      next: next ? { startsAt: next.startsAt.toISOString(), timeZone: next.timeZone } : null,
    };
  });
}
