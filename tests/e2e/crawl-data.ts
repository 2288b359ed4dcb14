// Rows the demo catalogue lacks, so that every organiser page the crawl opens has something to
// show: two accounts (an admin and an organiser who manages one event), registrations with
// answers in every status (confirmed, waitlisted, pending approval, declined), attendance, mail in
// the outbox (pending, sent, failed) and audit entries. Made through the app's own functions,
// as an organiser or a participant would make them, against the running server's database.
import { randomBytes, randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";

export type CrawlData = {
  admin: { email: string; password: string };
  organiser: { email: string; password: string };
  /** An upcoming event the organiser manages (shared with them), with registrations in every status. */
  event: { id: string; slug: string; sessionId: string };
  /** A past event with a published, transcribed recording, also shared with the organiser. */
  recorded: { id: string; recordingId: string };
  /** A published recording with transcripts, as a learner opens it. */
  recordingId: string;
  /** A manage link's token for a confirmed registration. */
  manageToken: string;
};

/** A 1×1 PNG: the smallest poster image the server will serve. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/**
 * Fills the server's database through the app's model functions. They use the app's Prisma client
 * and secret, so both are pointed at the server's (its database file, upload and mail folders and
 * SESSION_SECRET) before the models are first imported.
 */
export async function createCrawlData(server: { databaseFile: string; uploadDir: string; mailDir: string; sessionSecret: string }): Promise<CrawlData> {
  const { mailDir, uploadDir } = server;
  process.env.DATABASE_URL = `file:${server.databaseFile}`;
  process.env.SESSION_SECRET = server.sessionSecret;
  // tests/setup.ts gave this test file its own database; the models must use the server's.
  delete (globalThis as { __prisma?: unknown }).__prisma;
  const { prisma } = await import("../../app/utils/db.server.ts");
  if (!(await prisma.event.count())) throw new Error("The app's database module was loaded before createCrawlData pointed it at the server's database");
  const organisers = await import("../../app/organisers/organisers.server.ts");
  const registrations = await import("../../app/registration/registrations.server.ts");
  const attendance = await import("../../app/attendance/attendance.server.ts");
  const outbox = await import("../../app/mail/outbox.server.ts");
  const { recordAudit } = await import("../../app/organisers/audit.server.ts");
  const { startMailWorker } = await import("../../app/mail/mail-worker.server.ts");
  const { createMailer } = await import("../../app/mail/mailer.server.ts");
  const { manageTokenFor } = await import("../../app/registration/manage-token.server.ts");
  const { makeRecordingPlayable } = await import("./fixtures.ts");

  const admin = { email: `crawl-admin-${randomUUID()}@example.org`, password: randomBytes(18).toString("base64url") };
  const organiser = { email: `crawl-organiser-${randomUUID()}@example.org`, password: randomBytes(18).toString("base64url") };
  const adminId = (await organisers.createOrganiser({ ...admin, role: "admin", name: "Crawl Admin" })).id;
  const created = await organisers.createOrganiserAccount(adminId, { ...organiser, role: "organiser", name: "Crawl Organiser" });
  if (!created.ok) throw new Error(`Could not create the organiser account: ${created.reason}`);

  // A published event with an upcoming session and a custom question: its pages then have rows
  // everywhere. Registration must be open now for the model to accept people.
  const now = new Date();
  const event = await prisma.event.findFirst({
    where: { status: "published", sessions: { some: { startsAt: { gt: now }, status: "scheduled" } } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      slug: true,
      sessions: { where: { startsAt: { gt: now }, status: "scheduled" }, orderBy: { startsAt: "asc" }, take: 1, select: { id: true } },
    },
  });
  const eventSession = event?.sessions[0];
  if (!event || !eventSession) throw new Error("The demo catalogue has no published event with an upcoming session");
  // A recording a learner can play, with a poster: its media and poster addresses answer too.
  const recording = await makeRecordingPlayable(prisma, uploadDir);
  writeFileSync(path.join(uploadDir, "poster-crawl.png"), PNG);
  // Shown as a video, the replay page also has a poster and caption tracks to link to.
  await prisma.recording.update({ where: { id: recording.id }, data: { kind: "video", posterUrl: `/recordings/${recording.id}/poster/poster-crawl.png` } });
  for (const eventId of new Set([event.id, recording.eventId])) await prisma.eventShare.create({ data: { eventId, organiserId: created.id } });
  // Two seats, a waitlist and approval: the approvals and the waitlist get rows too.
  await prisma.event.update({ where: { id: event.id }, data: { registrationOpensAt: null, registrationClosesAt: null, approvalRequired: false, waitlistEnabled: true } });
  await prisma.session.update({ where: { id: eventSession.id }, data: { capacity: 2 } });
  await prisma.registrationQuestion.create({ data: { eventId: event.id, kind: "text", label: "What would you like to ask the speakers?", sortOrder: 99 } });
  // Every question answered, in the form its kind takes.
  const questions = await prisma.registrationQuestion.findMany({ where: { eventId: event.id }, select: { id: true, kind: true, options: true } });
  const answersOf = (name: string) =>
    Object.fromEntries(
      questions.map((q) => {
        const first = registrations.parseOptions(q.options)[0] ?? "";
        const answer = q.kind === "multiple" ? [first] : q.kind === "single" ? first : q.kind === "yesno" ? "yes" : `A question from ${name}`;
        return [q.id, answer];
      }),
    );

  const people = [
    ["Amina Hassan", "Asia/Amman", "ar"],
    ["Ravi Kumar", "Asia/Dhaka", "en"],
    ["María López", "America/Bogota", "es"],
    ["Jan Kowalski", "Europe/Warsaw", "pl"],
    ["Chloé Martin", "Europe/Paris", "fr"],
  ] as const;
  const ids: string[] = [];
  for (const [index, [name, timeZone, locale]] of people.entries()) {
    // The last two arrive once approval is switched on: one stays pending, one is declined.
    if (index === 3) await prisma.event.update({ where: { id: event.id }, data: { approvalRequired: true } });
    const result = await registrations.registerForSession({
      sessionId: eventSession.id,
      name,
      email: `crawl-${index}-${randomUUID()}@example.org`,
      organisation: "Child Protection Working Group",
      country: "JO",
      timeZone,
      locale,
      answers: answersOf(name),
      consentPrivacy: true,
      consentRecording: true,
    });
    if (result.outcome !== "registered") throw new Error(`Registering ${name} answered ${result.outcome}`);
    ids.push(result.registrationId);
  }
  // The confirmations go out as the worker sends them: into the server's mail folder, which
  // /admin/mail shows when no SMTP server is configured.
  const worker = startMailWorker({ intervalMs: 0, reminders: false, workerId: "crawl", mailer: createMailer({ mailDir }) });
  await worker.runOnce();
  await worker.stop();
  await registrations.declineRegistration(ids[4]!);
  await registrations.resendConfirmation(ids[0]!);
  await attendance.saveManualAttendance(eventSession.id, [{ registrationId: ids[0]!, present: true, minutes: 55 }], adminId);
  // Mail in every state the outbox shows: sent (above), failed, and still pending.
  const [failing] = await outbox.claimOutboxBatch({ workerId: "crawl", now: new Date(), limit: 1, leaseMs: 60_000 });
  if (!failing) throw new Error("No mail was waiting in the outbox");
  await prisma.outboxMessage.update({ where: { id: failing.id }, data: { attempts: outbox.MAX_ATTEMPTS - 1 } });
  await outbox.markOutboxFailed(failing.id, "crawl", new Error("550 5.1.1 mailbox unavailable"));
  await prisma.$transaction((tx) => recordAudit(tx, { actorId: adminId, action: "published", entityType: "event", entityId: event.id }));

  await prisma.$disconnect();
  return {
    admin,
    organiser,
    event: { id: event.id, slug: event.slug, sessionId: eventSession.id },
    recorded: { id: recording.eventId, recordingId: recording.id },
    recordingId: recording.id,
    manageToken: manageTokenFor(ids[0]!),
  };
}
