import nodemailer, { type SendMailOptions } from "nodemailer";
import { describe, expect, it } from "vitest";
import { decodeHeader, parseEml } from "./eml.ts";

async function build(message: SendMailOptions): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const info = await transport.sendMail(message);
  return (info.message as Buffer).toString("utf8");
}

describe("parseEml", () => {
  it("reads what the demo mailer writes: encoded headers, text, HTML and the invitation", async () => {
    const raw = await build({
      from: "Learning Events <no-reply@localhost>",
      to: { name: "Zoë Ünal", address: "zoe@example.org" },
      subject: "Réunion — “Case management” in emergencies, a rather long subject that folds",
      text: "Bonjour Zoë,\nà bientôt.",
      html: "<p>Bonjour Zoë</p><script>alert(1)</script>",
      date: new Date("2026-11-30T15:00:00Z"),
      icalEvent: { method: "REQUEST", content: "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR", filename: "invite.ics" },
    });
    const mail = parseEml(raw);
    expect(mail.subject).toBe("Réunion — “Case management” in emergencies, a rather long subject that folds");
    expect(mail.to).toBe("Zoë Ünal <zoe@example.org>");
    expect(mail.date?.toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(mail.text).toBe("Bonjour Zoë,\r\nà bientôt.");
    expect(mail.html).toContain("<p>Bonjour Zoë</p>");
    expect(mail.calendar).toContain("METHOD:REQUEST");
  });

  it("decodes base64 and quoted-printable encoded words", () => {
    expect(decodeHeader("=?UTF-8?B?w6lsw6h2ZQ==?= =?UTF-8?Q?_caf=C3=A9?=")).toBe("élève café");
    expect(decodeHeader("plain text")).toBe("plain text");
  });
});
