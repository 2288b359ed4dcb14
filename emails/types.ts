import type { ReactNode } from "react";
import type { OutboxPayload, SessionSnapshot } from "../app/mail/outbox.server.ts";
import type { EmailMessages } from "./locales/index.ts";

/** A piece of an email body, rendered to both the HTML and the text part. */
export type Block =
  | { type: "paragraph"; text: string }
  /** Words from the organisers, set apart from ours. */
  | { type: "note"; text: string }
  | { type: "button"; label: string; href: string }
  /** For a template that needs its own markup; `text` is its plain-text equivalent. */
  | { type: "custom"; html: ReactNode; text: string };

export type EmailDocument = {
  subject: string;
  /** The inbox preview line. */
  preheader: string;
  heading: string;
  /** Before the session card. */
  intro: Block[];
  /** Put the private join link in the session card (only honoured for confirmed registrants). */
  join: boolean;
  /** After the session card. */
  after?: Block[];
  calendar?: "REQUEST" | "CANCEL";
};

export type EmailContext = {
  locale: string;
  dir: "ltr" | "rtl";
  m: EmailMessages;
  payload: OutboxPayload;
  /** "Case management basics — Asia-Pacific session" */
  sessionTitle: string;
  eventTitle: string;
  /** The session in the registrant's zone, with the zone's name. */
  when: string;
  /** Any session snapshot, the same way. */
  whenFor(session: SessionSnapshot): string;
  /** "08:00 New York · 13:00 London · …" */
  referenceLine: string;
  eventUrl: string;
  manageUrl: string | null;
  /** The private join link, only for a confirmed registrant. */
  joinUrl: string | null;
  confirmed: boolean;
  /** Organiser-written text from `extra.reason`, if any. */
  reason: string | null;
  fill(template: string, values?: Record<string, string | number>): string;
  /** "24 hours", "1 hour", "45 minutes" in the registrant's language. */
  duration(minutes: number): string;
};

export type EmailTemplate = (context: EmailContext) => EmailDocument;

export const paragraph = (text: string): Block => ({ type: "paragraph", text });
export const note = (text: string): Block => ({ type: "note", text });
