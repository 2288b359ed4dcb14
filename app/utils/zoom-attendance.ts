/**
 * Reads the participant report Zoom exports ("Usage reports → Meeting → Participants → Export").
 *
 * What these files look like in practice:
 * - an optional preamble about the meeting ("Meeting ID","Topic","Start Time","End Time",
 *   "User Email","Duration (Minutes)","Participants" and a values row), then a blank line, then
 *   the participant table. The preamble has a "User Email" and a "Duration" column too (the
 *   host's), so the participant header is recognised by its join-time column, not by email;
 * - header names vary by export version and case: "Name (Original Name)" or "Name (original
 *   name)", "User Email" or "Email", "Join Time"/"Join time", "Leave Time", "Duration (Minutes)";
 * - times in the account's time zone without an offset, "11/30/2026 03:01:12 PM", or in newer
 *   exports "2026-11-30 15:01:12";
 * - one row per connection: someone whose connection dropped appears several times.
 *
 * Pure: no database, no file system. The import (app/models/attendance.server.ts) matches rows to
 * registrations and writes them.
 */
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { parseCsv } from "./csv.ts";

export type ZoomRow = {
  /** The line of the file the row starts on, as an editor numbers it. */
  line: number;
  name: string;
  email: string;
  /** Lower-cased and trimmed, as registrations store it; "" when the row has no email. */
  emailNormalized: string;
  joinedAt: Date | null;
  leftAt: Date | null;
  minutes: number;
  /** Stable across re-exports of the same meeting: identifies the row so a re-import adds nothing. */
  importKey: string;
};

export type ZoomRowProblem = { line: number; message: string };

export type ZoomParseResult =
  | { ok: true; rows: ZoomRow[]; problems: ZoomRowProblem[]; headerLine: number }
  | { ok: false; reason: "not-csv" | "no-header" | "broken"; message: string };

export const MAX_REPORT_BYTES = 2 * 1024 * 1024;

const DATE_FORMATS = [
  "MM/dd/yyyy hh:mm:ss a",
  "M/d/yyyy h:mm:ss a",
  "MM/dd/yyyy hh:mm a",
  "M/d/yyyy h:mm a",
  "MM/dd/yyyy HH:mm:ss",
  "M/d/yyyy H:mm:ss",
  "M/d/yyyy H:mm",
  "yyyy-MM-dd HH:mm:ss",
  "yyyy-MM-dd HH:mm",
  "yyyy-MM-dd'T'HH:mm:ss",
  "MMM d, yyyy hh:mm:ss a",
  "MMM d, yyyy h:mm:ss a",
  "MMM d, yyyy hh:mm a",
];

/** A time as Zoom writes it, in `zone` (the report carries no offset); null when unreadable. */
export function parseZoomTime(value: string, zone: string): Date | null {
  const text = value.trim().replace(/\s+/g, " ");
  if (!text) return null;
  for (const format of DATE_FORMATS) {
    const parsed = DateTime.fromFormat(text, format, { zone, locale: "en-US" });
    if (parsed.isValid) return parsed.toJSDate();
  }
  // An ISO instant with an explicit offset, should a platform write one.
  const iso = DateTime.fromISO(text, { zone });
  return iso.isValid && /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? iso.toJSDate() : null;
}

function normaliseHeader(cell: string): string {
  return cell
    .replace(/\(.*?\)/g, " ")
    .trim()
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();
}

type Columns = { name: number; email: number; join: number; leave: number; duration: number };

function findColumns(cells: string[]): Columns | null {
  const names = cells.map(normaliseHeader);
  const index = (...candidates: string[]) => names.findIndex((n) => candidates.includes(n));
  const columns: Columns = {
    name: index("name", "participant", "participant name", "display name"),
    email: index("user email", "email", "email address", "participant email"),
    join: index("join time", "joined", "join"),
    leave: index("leave time", "left", "leave"),
    duration: index("duration", "duration minutes", "time in session", "attendance duration"),
  };
  // The meeting preamble has email and duration but no join time; the participant table has both.
  if (columns.email < 0 || columns.join < 0) return null;
  if (columns.leave < 0 && columns.duration < 0) return null;
  return columns;
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes("\u0000")) return true;
  // Bytes that are not UTF-8 arrive as U+FFFD; a real export has none, a PDF or XLSX has many.
  const replacement = sample.split("\uFFFD").length - 1;
  // eslint-disable-next-line no-control-regex
  const controls = (sample.match(/[\u0001-\u0008\u000E-\u001F]/g) ?? []).length;
  return replacement + controls > Math.max(3, sample.length / 100);
}

export function importKeyFor(emailNormalized: string, join: string, leave: string): string {
  return createHash("sha256").update(`${emailNormalized}\u0000${join.trim()}\u0000${leave.trim()}`).digest("hex").slice(0, 40);
}

const EXPECTED = "“Name (Original Name)”, “User Email”, “Join Time”, “Leave Time”, “Duration (Minutes)”";

/**
 * Parses a participant report. `zone` is the time zone the report's times are in (Zoom writes the
 * account's zone without saying which). Rows that cannot be read are reported with their line and
 * what is wrong; the others are returned.
 */
export function parseZoomAttendance(text: string, zone = "UTC"): ZoomParseResult {
  if (looksBinary(text)) {
    return { ok: false, reason: "not-csv", message: "This file is not a CSV file (it looks like a binary file, such as a spreadsheet or a PDF). In Zoom, export the participant list as CSV." };
  }
  const parsed = parseCsv(text);
  if (parsed.error && parsed.records.length === 0) {
    return { ok: false, reason: "broken", message: `Line ${parsed.error.line}: ${parsed.error.message}.` };
  }
  let columns: Columns | null = null;
  let headerIndex = -1;
  for (let i = 0; i < parsed.records.length && i < 50; i++) {
    columns = findColumns(parsed.records[i]!.cells);
    if (columns) {
      headerIndex = i;
      break;
    }
  }
  if (!columns) {
    return { ok: false, reason: "no-header", message: `No participant table found. The file needs a header row with the columns ${EXPECTED}.` };
  }
  const headerLine = parsed.records[headerIndex]!.line;
  const rows: ZoomRow[] = [];
  const problems: ZoomRowProblem[] = [];
  for (const record of parsed.records.slice(headerIndex + 1)) {
    const cell = (index: number) => (index >= 0 ? (record.cells[index] ?? "").trim() : "");
    if (record.cells.every((c) => c.trim() === "")) continue;
    const name = cell(columns.name);
    const email = cell(columns.email);
    const joinText = cell(columns.join);
    const leaveText = cell(columns.leave);
    const durationText = cell(columns.duration);
    const issues: string[] = [];
    const joinedAt = parseZoomTime(joinText, zone);
    if (!joinedAt) issues.push(joinText ? `join time “${joinText}” is not a date and time like 11/30/2026 03:01:12 PM` : "the join time is empty");
    const leftAt = leaveText ? parseZoomTime(leaveText, zone) : null;
    if (leaveText && !leftAt) issues.push(`leave time “${leaveText}” is not a date and time like 11/30/2026 04:02:00 PM`);
    if (joinedAt && leftAt && leftAt < joinedAt) issues.push("the leave time is before the join time");
    let minutes: number | null = null;
    if (durationText) {
      if (/^\d+(\.\d+)?$/.test(durationText)) minutes = Math.round(Number(durationText));
      else issues.push(`duration “${durationText}” is not a number of minutes`);
    } else if (joinedAt && leftAt && leftAt >= joinedAt) {
      minutes = Math.ceil((leftAt.getTime() - joinedAt.getTime()) / 60_000);
    } else if (columns.duration >= 0 || !leaveText) {
      issues.push("the duration is empty");
    }
    if (minutes !== null && minutes > 24 * 60) issues.push(`duration ${minutes} minutes is longer than a day`);
    if (issues.length || minutes === null) {
      problems.push({ line: record.line, message: issues.join("; ") });
      continue;
    }
    const emailNormalized = email.toLowerCase();
    rows.push({
      line: record.line,
      name,
      email,
      emailNormalized,
      joinedAt,
      leftAt,
      minutes,
      importKey: importKeyFor(emailNormalized, joinText, leaveText),
    });
  }
  if (parsed.error) problems.push({ line: parsed.error.line, message: parsed.error.message });
  return { ok: true, rows, problems, headerLine };
}
