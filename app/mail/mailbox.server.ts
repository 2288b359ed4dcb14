/**
 * The demo mailbox: without SMTP_URL the mailer writes every message as an .eml file (see
 * app/mail/mailer.server.ts), and administrators read them here.
 */
import { getEnv } from "~/utils/env.server.ts";
import { parseEml } from "~/mail/eml.ts";
import { listMailFiles, readMailFile } from "~/mail/mailer.server.ts";

const MAILBOX_PAGE_SIZE = 50;

/** False when mail goes to a real SMTP server: there is no local mailbox to show. */
export function mailboxEnabled(): boolean {
  return !getEnv().SMTP_URL;
}

export function listMailbox(page: number) {
  const files = listMailFiles();
  const pageCount = Math.max(1, Math.ceil(files.length / MAILBOX_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const messages = files.slice((current - 1) * MAILBOX_PAGE_SIZE, current * MAILBOX_PAGE_SIZE).map((file) => {
    const raw = readMailFile(file.name);
    // Only the headers are needed for the list.
    const mail = raw ? parseEml(raw.slice(0, raw.search(/\r?\n\r?\n/) + 1 || raw.length)) : null;
    return {
      name: file.name,
      subject: mail?.subject ?? "",
      to: mail?.to ?? "",
      date: (mail?.date ?? file.modifiedAt).toISOString(),
    };
  });
  return { messages, total: files.length, page: current, pageCount };
}

export function getMailMessage(name: string) {
  const raw = readMailFile(name);
  if (raw === null) return null;
  return { raw, mail: parseEml(raw) };
}
