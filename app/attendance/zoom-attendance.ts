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
 * - one row per connection: someone whose connection dropped appears several times;
 * - the one-table export, where every row repeats the meeting's columns before the participant's:
 *   "Meeting ID","Topic",…,"User Email","Duration (Minutes)","Participants","Name (Original
 *   Name)","User Email","Join Time","Leave Time","Duration (Minutes)",… The first "User Email" and
 *   "Duration" are the host's and the meeting's; the participant's are the ones after the name;
 * - the webinar "Attendee Report": a title line, "Report Generated:", a webinar header and values
 *   row, then sections "Host Details", "Panelist Details", "Attendee Details" (and sometimes
 *   "Other Attended"), each a title line followed by its own header row ("Attended","User Name
 *   (Original Name)","First Name",…,"Email",…,"Join Time","Leave Time","Time in Session
 *   (minutes)","Is Guest","Country/Region Name"). Times look like "Mar 28, 2020 08:07:27" (24-hour
 *   clock); registrants who did not come have "Attended" No and "--" for their times.
 *
 * Pure: no database, no file system. The import (app/attendance/attendance.server.ts) matches rows to
 * registrations and writes them.
 */
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { parseCsv } from "~/utils/csv.ts";

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

/** A readable row left out on purpose (the host, a panelist, a registrant who did not come). */
export type ZoomSkippedRow = { line: number; name: string; email: string; reason: string };

/** One table of the file, as read: its title (the Zoom section, or "Participants"), header line and rows. */
export type ZoomSection = { title: string; headerLine: number; rows: number };

type ZoomParseResult =
  | {
      ok: true;
      rows: ZoomRow[];
      problems: ZoomRowProblem[];
      skipped: ZoomSkippedRow[];
      sections: ZoomSection[];
      /** How ambiguous columns were read ("two User Email columns: …"), for the organiser to check. */
      notes: string[];
      headerLine: number;
    }
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
  // The webinar reports: "Mar 28, 2020 08:07:27", a 24-hour clock.
  "MMM d, yyyy HH:mm:ss",
  "MMM d, yyyy H:mm:ss",
  "MMM d, yyyy HH:mm",
  "MMM dd, yyyy HH:mm:ss",
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

type Columns = { name: number; email: number; join: number; leave: number; duration: number; attended: number };

const NAME_HEADERS = ["name", "user name", "participant", "participant name", "display name"];
const EMAIL_HEADERS = ["user email", "email", "email address", "participant email", "attendee email"];
const JOIN_HEADERS = ["join time", "joined", "join", "join time utc"];
const LEAVE_HEADERS = ["leave time", "left", "leave", "leave time utc"];
const DURATION_HEADERS = ["duration", "duration minutes", "time in session", "time in session minutes", "attendance duration", "total duration"];

/**
 * Finds the participant columns of a header row, or null when the row is not one. Where a name
 * appears twice (the one-table export repeats the meeting's "User Email" and "Duration" first),
 * the participant's column is the one after the name column; `notes` says which was used.
 */
function findColumns(cells: string[], notes: string[], line: number): Columns | null {
  const names = cells.map(normaliseHeader);
  const all = (candidates: string[]) => names.flatMap((n, i) => (candidates.includes(n) ? [i] : []));
  const join = all(JOIN_HEADERS)[0] ?? -1;
  const nameColumn = all(NAME_HEADERS)[0] ?? -1;
  // The participant's block starts at the name column (or, without one, just before the join time).
  const blockStart = nameColumn >= 0 ? nameColumn : join;
  const pick = (candidates: string[], label: string) => {
    const found = all(candidates);
    if (found.length <= 1) return found[0] ?? -1;
    const inBlock = found.filter((i) => i >= blockStart);
    const chosen = inBlock.length ? inBlock[0]! : found.at(-1)!;
    notes.push(
      `Line ${line}: the header has ${found.length} “${cells[found[0]!]!.trim()}” columns (columns ${found.map((i) => i + 1).join(" and ")}); column ${chosen + 1}, in the participant’s part of the row, was read as the ${label}.`,
    );
    return chosen;
  };
  const columns: Columns = {
    name: nameColumn,
    email: pick(EMAIL_HEADERS, "participant’s email"),
    join,
    leave: all(LEAVE_HEADERS)[0] ?? -1,
    duration: pick(DURATION_HEADERS, "participant’s duration"),
    attended: all(["attended"])[0] ?? -1,
  };
  // The meeting preamble has email and duration but neither a join time nor a participant's name;
  // the participant table has a join time, or (Zoom's "show unique users" export, one row per
  // person with a total) a name and a duration.
  if (columns.email < 0) return null;
  if (join < 0) return nameColumn >= 0 && columns.duration >= 0 ? columns : null;
  if (columns.leave < 0 && columns.duration < 0) return null;
  return columns;
}

// Section titles of Zoom's webinar reports, as a row with one non-empty cell.
type SectionKind = "host" | "panelist" | "attendee" | "other";
function sectionTitle(cells: string[]): { title: string; kind: SectionKind } | null {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (filled.length !== 1) return null;
  const title = filled[0]!;
  const normalised = normaliseHeader(title);
  if (/^host details?$/.test(normalised)) return { title, kind: "host" };
  if (/^panelist details?$/.test(normalised)) return { title, kind: "panelist" };
  if (/^(attendee|participant) details?$/.test(normalised)) return { title, kind: "attendee" };
  if (/details?$|^other attended$/.test(normalised)) return { title, kind: "other" };
  return null;
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

// Zoom writes "--" where a registrant who did not come has no time.
const EMPTY_VALUE = /^(?:--?|n\/a)$/i;

/**
 * Parses a participant report. `zone` is the time zone the report's times are in (Zoom writes the
 * account's zone without saying which). Every table of the file is read under its own header.
 * Rows that cannot be read are reported with their line and what is wrong; rows left out on
 * purpose (host, panelists, registrants marked as not attended) are listed with the reason; the
 * others are returned.
 */
export function parseZoomAttendance(text: string, zone = "UTC"): ZoomParseResult {
  if (looksBinary(text)) {
    return { ok: false, reason: "not-csv", message: "This file is not a CSV file (it looks like a binary file, such as a spreadsheet or a PDF). In Zoom, export the participant list as CSV." };
  }
  const parsed = parseCsv(text);
  if (parsed.error && parsed.records.length === 0) {
    return { ok: false, reason: "broken", message: `Line ${parsed.error.line}: ${parsed.error.message}.` };
  }
  const rows: ZoomRow[] = [];
  const problems: ZoomRowProblem[] = [];
  const skipped: ZoomSkippedRow[] = [];
  const sections: ZoomSection[] = [];
  const notes: string[] = [];
  let pendingTitle: { title: string; kind: SectionKind } | null = null;
  let table: { columns: Columns; kind: SectionKind | "participants"; section: ZoomSection } | null = null;

  for (const record of parsed.records) {
    if (record.cells.every((c) => c.trim() === "")) continue;
    const title = sectionTitle(record.cells);
    if (title) {
      pendingTitle = title;
      table = null;
      continue;
    }
    const columns = findColumns(record.cells, notes, record.line);
    if (columns) {
      const section: ZoomSection = { title: pendingTitle?.title ?? "Participants", headerLine: record.line, rows: 0 };
      sections.push(section);
      table = { columns, kind: pendingTitle?.kind ?? "participants", section };
      pendingTitle = null;
      if (columns.join < 0) {
        notes.push(
          `Line ${record.line}: this table has no join or leave times (Zoom’s “unique users” view): each row was read as one person’s total time. Import either this view or the one with a row per connection, not both.`,
        );
      }
      continue;
    }
    // Before the first table: the report's title and the meeting's own header and values.
    if (!table) continue;
    table.section.rows++;
    const cols = table.columns;
    const cell = (index: number) => {
      const value = index >= 0 ? (record.cells[index] ?? "").trim() : "";
      return EMPTY_VALUE.test(value) ? "" : value;
    };
    const name = cell(cols.name);
    const email = cell(cols.email);
    if (table.kind === "host" || table.kind === "panelist") {
      skipped.push({ line: record.line, name, email, reason: `listed under “${table.section.title}”: the ${table.kind} is not a participant` });
      continue;
    }
    if (cols.attended >= 0 && /^no$/i.test(cell(cols.attended))) {
      skipped.push({ line: record.line, name, email, reason: "registered but did not attend (“Attended” is No)" });
      continue;
    }
    const joinText = cell(cols.join);
    const leaveText = cell(cols.leave);
    const durationText = cell(cols.duration);
    const issues: string[] = [];
    const totalsOnly = cols.join < 0;
    const joinedAt = totalsOnly ? null : parseZoomTime(joinText, zone);
    if (!joinedAt && !totalsOnly) issues.push(joinText ? `join time “${joinText}” is not a date and time like 11/30/2026 03:01:12 PM` : "the join time is empty");
    const leftAt = leaveText ? parseZoomTime(leaveText, zone) : null;
    if (leaveText && !leftAt) issues.push(`leave time “${leaveText}” is not a date and time like 11/30/2026 04:02:00 PM`);
    if (joinedAt && leftAt && leftAt < joinedAt) issues.push("the leave time is before the join time");
    let minutes: number | null = null;
    if (durationText) {
      if (/^\d+(\.\d+)?$/.test(durationText)) minutes = Math.round(Number(durationText));
      else issues.push(`duration “${durationText}” is not a number of minutes`);
    } else if (joinedAt && leftAt && leftAt >= joinedAt) {
      minutes = Math.ceil((leftAt.getTime() - joinedAt.getTime()) / 60_000);
    } else if (cols.duration >= 0 || !leaveText) {
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
      // A total has no times to tell rows apart: one row per person, so the email alone is the key.
      importKey: totalsOnly ? importKeyFor(emailNormalized, "total", "") : importKeyFor(emailNormalized, joinText, leaveText),
    });
  }
  if (sections.length === 0) {
    return { ok: false, reason: "no-header", message: `No participant table found. The file needs a header row with the columns ${EXPECTED}.` };
  }
  if (parsed.error) problems.push({ line: parsed.error.line, message: parsed.error.message });
  return { ok: true, rows, problems, skipped, sections, notes, headerLine: sections[0]!.headerLine };
}
