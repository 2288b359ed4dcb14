// The "recording is available" email, delivered through a real SMTP server, opens a replay that
// counts in the learning record: following its link and watching stores a view for the
// registrant, as opening it from the manage page does.
import { createRequestHandler } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRecordingPublished } from "../../app/recordings/recordings-admin.server.ts";
import { prisma } from "../../app/utils/db.server.ts";
import { startMailWorker } from "../../app/mail/mail-worker.server.ts";
import { createMailer, type Mailer } from "../../app/mail/mailer.server.ts";
import { decodeEntities, documentPart, textOf } from "../helpers/html.ts";
import { loadBuild } from "../helpers/remix.ts";
import { createEvent, createRegistration, createSession } from "../mail/fixtures.ts";
import { parse, startSmtpSink, type SmtpSink } from "../mail/smtp-sink.ts";

let sink: SmtpSink;
let mailer: Mailer;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = createMailer({ smtpUrl: sink.url });
  handle = createRequestHandler(await loadBuild(), "production");
});
afterAll(async () => {
  mailer.close();
  await sink.close();
});

describe("the recording-available email", () => {
  it("links to a replay that enters the registrant's learning record", async () => {
    const actor = await prisma.organiser.create({ data: { email: "replay-mail@example.org", passwordHash: "x", role: "organiser" } });
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id);
    const registration = await createRegistration(prisma, session.id, { name: "Amina Yusuf", email: "amina@example.org" });
    const recording = await prisma.recording.create({
      data: { eventId: event.id, sessionId: session.id, languageCode: "en", kind: "embed", mediaUrl: "https://youtu.be/dQw4w9WgXcQ", embedProvider: "youtube", embedId: "dQw4w9WgXcQ", title: "Replay of the session", status: "draft", durationSeconds: 3600 },
    });
    expect(await setRecordingPublished({ actorId: actor.id, eventId: event.id, recordingId: recording.id, published: true })).toEqual({ notified: 1 });

    const worker = startMailWorker({ intervalMs: 0, mailer, now: () => new Date(), reminders: false, log: () => {} });
    await worker.runOnce();
    await worker.stop();
    expect(sink.messages).toHaveLength(1);
    const mail = await parse(sink.messages[0]!);

    // The same link in both parts of the email.
    const pattern = new RegExp(`https?://[^\\s"<>]*/recordings/${recording.id}[^\\s"<>]*`);
    const htmlLink = decodeEntities(pattern.exec(String(mail.html))?.[0] ?? "");
    const textLink = pattern.exec(mail.text ?? "")?.[0] ?? "";
    expect(htmlLink).not.toBe("");
    expect(textLink).toBe(htmlLink);
    const link = new URL(htmlLink);
    const token = link.searchParams.get("r");
    expect(token, "the replay link carries the registrant's token").toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Opening it turns the learning record on, and the page's progress reports are stored.
    const response = await handle(new Request(new URL(link.pathname + link.search, "http://localhost:3000")));
    expect(response.status).toBe(200);
    expect(textOf(documentPart(await response.text()))).toContain("Your progress is saved");
    const report = await handle(
      new Request(new URL(link.pathname, "http://localhost:3000"), {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000", Host: "localhost:3000" },
        body: new URLSearchParams({ r: token!, secondsWatched: "42" }).toString(),
      }),
    );
    expect(report.status).toBe(200);
    const views = await prisma.replayView.findMany({ where: { recordingId: recording.id }, select: { registrationId: true, secondsWatched: true } });
    expect(views).toEqual([{ registrationId: registration.id, secondsWatched: 42 }]);
  });
});
