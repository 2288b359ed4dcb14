// The outbox's email kinds and delivery states. Kept out of outbox.server.ts because the
// /admin/outbox page lists them in the browser too, where a *.server module is an empty stub.
export const EMAIL_KINDS = [
  "registration-confirmed",
  "registration-waitlisted",
  "registration-pending",
  "registration-approved",
  "registration-declined",
  "waitlist-promoted",
  "registration-cancelled",
  "session-cancelled",
  "session-updated",
  "session-reminder",
  "recording-available",
  "registration-resent",
  "organiser-message",
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export function isEmailKind(value: unknown): value is EmailKind {
  return typeof value === "string" && (EMAIL_KINDS as readonly string[]).includes(value);
}

export type OutboxStatus = "pending" | "sent" | "failed" | "skipped";
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ["pending", "sent", "failed", "skipped"];
