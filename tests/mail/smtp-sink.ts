/**
 * A real SMTP server on 127.0.0.1 for tests: it accepts everything, keeps each message's raw
 * source, and can play a mail server that is down. Read messages back with `parse()` (mailparser)
 * and calendar parts with `calendarOf()` (ical.js).
 *
 *   const sink = await startSmtpSink();
 *   process.env.SMTP_URL = sink.url;  // or createMailer({ smtpUrl: sink.url })
 *   …
 *   await sink.close();
 */
import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SinkMessage = {
  from: string;
  to: string[];
  raw: Buffer;
  /** The Message-ID header, read cheaply without parsing the whole message. */
  messageId: string | null;
  /** Our X-Outbox-Id header, if present. */
  outboxId: string | null;
  receivedAt: Date;
};

export type SmtpSink = {
  url: string;
  port: number;
  messages: SinkMessage[];
  /** While down, every connection is turned away with "421 service not available". */
  setDown(down: boolean): void;
  /** Turns every recipient away with this SMTP code (550: mailbox unavailable), or accepts again with null. */
  setRejecting(code: number | null): void;
  /** Resolves once at least `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  clear(): void;
  close(): Promise<void>;
};

function header(raw: Buffer, name: string): string | null {
  const head = raw.subarray(0, Math.max(0, raw.indexOf("\r\n\r\n")) || raw.length).toString("utf8");
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r\\n[ \\t].*)*)`, "im").exec(head);
  return match ? match[1].replace(/\r\n[ \t]+/g, " ").trim() : null;
}

export async function startSmtpSink(options: { failing?: boolean } = {}): Promise<SmtpSink> {
  let down = options.failing ?? false;
  let rejecting: number | null = null;
  const messages: SinkMessage[] = [];
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    authOptional: true,
    // Advertising STARTTLS with smtp-server's self-signed certificate would make nodemailer fail.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 25 * 1024 * 1024,
    onConnect(_session, callback) {
      if (!down) return callback();
      const error = new Error("Service not available (test sink is down)") as Error & { responseCode: number };
      error.responseCode = 421;
      callback(error);
    },
    onRcptTo(_address, _session, callback) {
      if (rejecting === null) return callback();
      const error = new Error("Mailbox unavailable (test sink rejects recipients)") as Error & { responseCode: number };
      error.responseCode = rejecting;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (down) {
          const error = new Error("Service not available (test sink is down)") as Error & { responseCode: number };
          error.responseCode = 421;
          return callback(error);
        }
        const raw = Buffer.concat(chunks);
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          messageId: header(raw, "Message-ID"),
          outboxId: header(raw, "X-Outbox-Id"),
          receivedAt: new Date(),
        });
        for (const wake of waiters) wake();
        callback();
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    setDown(value) {
      down = value;
    },
    setRejecting(code) {
      rejecting = code;
    },
    waitFor(count, timeoutMs = 10_000) {
      if (messages.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timeout = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SMTP sink: expected ${count} messages, got ${messages.length}`));
        }, timeoutMs);
        function check() {
          if (messages.length < count) return;
          clearTimeout(timeout);
          waiters.delete(check);
          resolve();
        }
        waiters.add(check);
      });
    },
    clear() {
      messages.length = 0;
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The brief's name for it. */
export const start = startSmtpSink;

export function parse(message: SinkMessage | Buffer): Promise<ParsedMail> {
  return simpleParser(Buffer.isBuffer(message) ? message : message.raw);
}

export type CalendarPart = {
  /** The `method` parameter of the text/calendar MIME part (what Outlook looks at). */
  mimeMethod: string | null;
  contentType: string;
  /** METHOD inside the iCalendar data. */
  method: string | null;
  event: ICAL.Event;
  vevent: ICAL.Component;
  ics: string;
};

/**
 * The text/calendar part of a message, parsed with ical.js. The MIME `method` parameter is read
 * from the raw source: mailparser keeps only the bare content type.
 */
export async function calendarOf(message: SinkMessage): Promise<CalendarPart | null> {
  const parsed = await parse(message);
  const part = parsed.attachments.find((a) => a.contentType === "text/calendar");
  if (!part) return null;
  const ics = part.content.toString("utf8");
  const source = message.raw.toString("utf8");
  const mimeMethod = /Content-Type:\s*text\/calendar;[^\r\n]*(?:\r\n[ \t][^\r\n]*)*?method=("?)([A-Z]+)\1/i.exec(source)?.[2] ?? null;
  const contentType = /Content-Type:\s*(text\/calendar[^\r\n]*(?:\r\n[ \t][^\r\n]*)*)/i.exec(source)?.[1].replace(/\r\n[ \t]+/g, " ") ?? "";
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("text/calendar part without a VEVENT");
  return {
    mimeMethod,
    contentType,
    method: (calendar.getFirstPropertyValue("method") as string | null) ?? null,
    event: new ICAL.Event(vevent),
    vevent,
    ics,
  };
}
