import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEvent, createRegistration, createSession } from "../../tests/mail/fixtures.ts";
import { parse } from "../../tests/mail/smtp-sink.ts";
import { enqueueRegistrationEmail } from "~/mail/outbox.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createMailer, listMailFiles, readMailFile } from "./mailer.server.ts";
import { startMailWorker } from "./mail-worker.server.ts";

const mailDir = mkdtempSync(path.join(tmpdir(), "learning-events-mail-"));
afterAll(() => rmSync(mailDir, { recursive: true, force: true }));

describe("mail without an SMTP server", () => {
  it("writes each email as an .eml file that the admin page can list and read", async () => {
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id);
    const registration = await createRegistration(prisma, session.id, { name: "Zeynep Kaya" });
    const now = new Date("2030-02-01T10:00:00Z");
    await prisma.$transaction((tx) =>
      enqueueRegistrationEmail(tx, { kind: "registration-confirmed", registrationId: registration.id, dedupeKey: `eml:${registration.id}` }, now),
    );

    const mailer = createMailer({ smtpUrl: undefined, mailDir });
    expect(mailer.kind).toBe("file");
    const worker = startMailWorker({ intervalMs: 0, mailer, now: () => now, reminders: false, log: () => {} });
    expect((await worker.runOnce()).sent).toBeGreaterThanOrEqual(1);
    await worker.stop();

    const files = readdirSync(mailDir).filter((f) => f.endsWith(".eml"));
    expect(files.length).toBeGreaterThanOrEqual(1);
    expect(files[0]).toMatch(/^\d+-[\w.-]+\.eml$/);
    const listed = listMailFiles(mailDir);
    expect(listed.map((f) => f.name).sort()).toEqual(files.sort());

    const source = files.map((f) => readMailFile(f, mailDir)!).find((s) => s.includes(registration.email))!;
    const mail = await parse(Buffer.from(source));
    expect(mail.subject).toBe("You’re registered: Case management in emergencies");
    expect(mail.text).toContain("Dear Zeynep Kaya,");
    expect(source).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);

    for (const unsafe of ["../secret.eml", "..eml", "/etc/passwd", ".hidden.eml", "a/b.eml", files[0].replace(".eml", ".txt")]) {
      expect(readMailFile(unsafe, mailDir)).toBeNull();
    }
    expect(listMailFiles(path.join(mailDir, "missing"))).toEqual([]);
  });
});
