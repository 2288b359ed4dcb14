/**
 * The one nodemailer transport. With SMTP_URL: a pooled SMTP connection (a handful of open
 * connections reused for thousands of messages, instead of a TCP + TLS + AUTH handshake each).
 * Without it (the demo): every message is written as an .eml file to MAIL_DIR, which an organiser
 * page lists, so the whole flow works with no mail server.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import addressparser from "nodemailer/lib/addressparser";
import { getEnv } from "~/utils/env.server.ts";

type OutgoingEmail = {
  /** Overrides the mailer's default sender (the site's sender address setting). */
  from?: string;
  to: { name: string; address: string };
  /** A bare address that reaches a person (the contact address in the site settings). */
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  /** Sent as a text/calendar alternative with a method parameter, which Outlook requires. */
  icalEvent?: { method: "REQUEST" | "CANCEL"; content: string };
  /** "<…@…>": stable per outbox row, so a retried message is recognisably the same message. */
  messageId?: string;
  headers?: Record<string, string>;
};

export type Mailer = {
  kind: "smtp" | "file";
  /** How many messages it makes sense to send at once. */
  maxConnections: number;
  send(email: OutgoingEmail): Promise<{ messageId: string; file?: string }>;
  close(): void;
};

type MailerOptions = {
  smtpUrl?: string;
  mailDir?: string;
  from?: string;
  maxConnections?: number;
};

/** "Learning Events <no-reply@example.org>" → { name, address }. */
export function parseMailbox(value: string): { name: string; address: string } {
  const [first] = addressparser(value, { flatten: true });
  if (!first?.address) return { name: "", address: value.trim() };
  return { name: first.name ?? "", address: first.address };
}

function buildMessage(from: string, email: OutgoingEmail): SendMailOptions {
  return {
    from: email.from || from,
    to: email.to.name ? { name: email.to.name, address: email.to.address } : email.to.address,
    ...(email.replyTo ? { replyTo: email.replyTo } : {}),
    subject: email.subject,
    html: email.html,
    text: email.text,
    ...(email.messageId ? { messageId: email.messageId } : {}),
    // Every email here is sent by the machine (RFC 3834): auto-responders ("out of office") must
    // not answer it, and mail loops stop at the first hop.
    headers: { ...email.headers, "Auto-Submitted": "auto-generated" },
    ...(email.icalEvent
      ? { icalEvent: { method: email.icalEvent.method, content: email.icalEvent.content, filename: "invite.ics" } }
      : {}),
  };
}

/** Only names this module writes: no separators, no leading dot. */
const MAIL_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.eml$/;

export function createMailer(options: MailerOptions = {}): Mailer {
  const env = getEnv();
  const smtpUrl = "smtpUrl" in options ? options.smtpUrl : env.SMTP_URL;
  const from = options.from ?? env.MAIL_FROM;

  if (smtpUrl) {
    const maxConnections = options.maxConnections ?? 5;
    const transport = nodemailer.createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections,
      maxMessages: 500,
      // The outbox retries with its own backoff; the pool's silent re-sends after a dropped
      // connection would only add delay and chances of a duplicate.
      maxRequeues: 1,
      // Kept well under the outbox lease (2 minutes) so a hung server cannot make a message
      // outlive its lease and be sent again by another worker.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return {
      kind: "smtp",
      maxConnections,
      async send(email) {
        const info = await transport.sendMail(buildMessage(from, email));
        return { messageId: info.messageId };
      },
      close() {
        transport.close();
      },
    };
  }

  const mailDir = path.resolve(options.mailDir ?? env.MAIL_DIR);
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    kind: "file",
    maxConnections: options.maxConnections ?? 5,
    async send(email) {
      const info = await transport.sendMail(buildMessage(from, email));
      mkdirSync(mailDir, { recursive: true });
      const id = (info.messageId ?? randomBytes(6).toString("hex")).replace(/[^A-Za-z0-9._-]+/g, "").slice(0, 80);
      const name = `${Date.now()}-${id || randomBytes(6).toString("hex")}.eml`;
      writeFileSync(path.join(mailDir, name), info.message as Buffer);
      return { messageId: info.messageId, file: name };
    },
    close() {
      transport.close();
    },
  };
}

let shared: Mailer | undefined;

/** The process-wide mailer configured from the environment. */
export function getMailer(): Mailer {
  return (shared ??= createMailer());
}

export function closeMailer() {
  shared?.close();
  shared = undefined;
}

type MailFile = { name: string; size: number; modifiedAt: Date };

/** The demo mailbox, newest first. */
export function listMailFiles(mailDir: string = getEnv().MAIL_DIR): MailFile[] {
  const dir = path.resolve(mailDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => MAIL_FILE_NAME.test(name))
    .map((name) => {
      const stat = statSync(path.join(dir, name));
      return { name, size: stat.size, modifiedAt: stat.mtime };
    })
    .sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime() || b.name.localeCompare(a.name));
}

/** One message's raw source, or null for an unknown or unsafe name ("../…" never leaves MAIL_DIR). */
export function readMailFile(name: string, mailDir: string = getEnv().MAIL_DIR): string | null {
  if (!MAIL_FILE_NAME.test(name) || name.includes("..")) return null;
  try {
    return readFileSync(path.join(path.resolve(mailDir), name), "utf8");
  } catch {
    return null;
  }
}
