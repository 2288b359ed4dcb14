import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCsv } from "~/utils/csv.ts";
import { importKeyFor, parseZoomAttendance, parseZoomTime } from "./zoom-attendance.ts";

const PREAMBLE =
  '"Meeting ID","Topic","Start Time","End Time","User Email","Duration (Minutes)","Participants"\r\n' +
  '"812 3456 7890","Case management, in emergencies","11/30/2026 02:55:03 PM","11/30/2026 04:05:41 PM","host@example.org","71","3"\r\n' +
  "\r\n";
const HEADER = '"Name (Original Name)","User Email","Join Time","Leave Time","Duration (Minutes)","Guest"\r\n';

describe("parseCsv", () => {
  it("reads quoted commas, doubled quotes, line breaks in quotes and every kind of line end", () => {
    const { records, error } = parseCsv('\uFEFFa,"b, c","say ""hi"""\r\n"multi\nline",x\n\nlast,row\rcr,only');
    expect(error).toBeUndefined();
    expect(records.map((r) => r.cells)).toEqual([
      ["a", "b, c", 'say "hi"'],
      ["multi\nline", "x"],
      ["last", "row"],
      ["cr", "only"],
    ]);
    // Records keep the line they start on; the blank line 4 is skipped.
    expect(records.map((r) => r.line)).toEqual([1, 2, 5, 6]);
  });

  it("reports an unclosed quote with its line", () => {
    expect(parseCsv('a,b\n"open,c\nd').error).toEqual({ line: 2, message: expect.stringContaining("never closed") });
  });
});

describe("parseZoomAttendance", () => {
  it("skips Zoom's meeting preamble, tolerates a BOM and CRLF, and reads every row", () => {
    const file =
      "\uFEFF" +
      PREAMBLE +
      HEADER +
      '"Amina Hassan (Amina)","Amina@Example.org","11/30/2026 03:01:12 PM","11/30/2026 03:40:00 PM","39","No"\r\n' +
      '"Amina Hassan","amina@example.org","11/30/2026 03:45:00 PM","11/30/2026 04:05:00 PM","20","No"\r\n' +
      '"Tran, Minh","minh@example.org","11/30/2026 03:00:00 PM","11/30/2026 04:00:00 PM","60","Yes"\r\n';
    const result = parseZoomAttendance(file, "America/New_York");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.headerLine).toBe(4);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.line, r.name, r.emailNormalized, r.minutes])).toEqual([
      [5, "Amina Hassan (Amina)", "amina@example.org", 39],
      [6, "Amina Hassan", "amina@example.org", 20],
      [7, "Tran, Minh", "minh@example.org", 60],
    ]);
    // 3:01 PM in New York on 30 November (EST, UTC−5) is 20:01 UTC.
    expect(result.rows[0]!.joinedAt?.toISOString()).toBe("2026-11-30T20:01:12.000Z");
    // Rows of the same person are distinct rows with distinct keys; summing is the import's job.
    expect(new Set(result.rows.map((r) => r.importKey)).size).toBe(3);
  });

  it("reports malformed rows with their line number and what is wrong, and keeps the good ones", () => {
    const file =
      HEADER +
      '"Good","good@example.org","11/30/2026 03:00:00 PM","11/30/2026 03:30:00 PM","30"\n' +
      '"Bad time","bt@example.org","30/11/2026 15:00","11/30/2026 03:30:00 PM","30"\n' +
      '"Bad duration","bd@example.org","11/30/2026 03:00:00 PM","11/30/2026 03:30:00 PM","half an hour"\n' +
      '"Backwards","bw@example.org","11/30/2026 04:00:00 PM","11/30/2026 03:00:00 PM","5"\n' +
      '"No join","nj@example.org","","11/30/2026 03:00:00 PM","5"\n';
    const result = parseZoomAttendance(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => r.email)).toEqual(["good@example.org"]);
    expect(result.problems).toEqual([
      { line: 3, message: expect.stringContaining("join time “30/11/2026 15:00” is not a date") },
      { line: 4, message: expect.stringContaining("duration “half an hour” is not a number") },
      { line: 5, message: "the leave time is before the join time" },
      { line: 6, message: "the join time is empty" },
    ]);
  });

  it("works out the duration from join and leave when the column is missing, and reads ISO times", () => {
    const file = "Name,Email,Join time,Leave time\nAna,ana@example.org,2026-11-30 15:00:00,2026-11-30 15:44:30\n";
    const result = parseZoomAttendance(file, "UTC");
    expect(result.ok && result.rows[0]!.minutes).toBe(45);
  });

  it("refuses a file that is not a CSV, or has no participant table", () => {
    const binary = parseZoomAttendance("PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000\u0000\u0000!\u0000");
    expect(binary).toMatchObject({ ok: false, reason: "not-csv" });
    const noHeader = parseZoomAttendance(PREAMBLE + "just,some,numbers\n1,2,3\n");
    expect(noHeader).toMatchObject({ ok: false, reason: "no-header", message: expect.stringContaining("Join Time") });
    expect(parseZoomAttendance("")).toMatchObject({ ok: false, reason: "no-header" });
  });

  it("gives the same key for the same row in a re-export, whatever the letter case of the email", () => {
    expect(importKeyFor("a@example.org", " 11/30/2026 03:00:00 PM", "11/30/2026 03:30:00 PM")).toBe(
      importKeyFor("a@example.org", "11/30/2026 03:00:00 PM", "11/30/2026 03:30:00 PM "),
    );
    const row = (email: string) => parseZoomAttendance(`${HEADER}"A","${email}","11/30/2026 03:00:00 PM","11/30/2026 03:30:00 PM","30"\n`);
    const a = row("A@Example.org");
    const b = row("a@example.org");
    expect(a.ok && b.ok && a.rows[0]!.importKey === b.rows[0]!.importKey).toBe(true);
  });

  it("parses Zoom's 12-hour clock around noon and midnight", () => {
    expect(parseZoomTime("11/30/2026 12:05:00 AM", "UTC")?.toISOString()).toBe("2026-11-30T00:05:00.000Z");
    expect(parseZoomTime("11/30/2026 12:05:00 PM", "UTC")?.toISOString()).toBe("2026-11-30T12:05:00.000Z");
    expect(parseZoomTime("Nov 30, 2026 03:01:12 PM", "Asia/Kathmandu")?.toISOString()).toBe("2026-11-30T09:16:12.000Z");
    expect(parseZoomTime("yesterday", "UTC")).toBeNull();
  });
});

describe("parseZoomAttendance on Zoom's documented export layouts (tests/fixtures/zoom)", () => {
  const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../tests/fixtures/zoom/${name}`, import.meta.url)), "utf8");

  it("one-table export: reads the participant's email and duration, not the host's that come first, and says so", () => {
    const result = parseZoomAttendance(fixture("meeting-participants-one-table.csv"), "America/New_York");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.line, r.name, r.emailNormalized, r.minutes])).toEqual([
      [2, "Lena Fischer (Host)", "host@example.org", 71],
      [3, "Amina Hassan (Amina)", "amina@example.org", 39],
      [4, "Amina Hassan", "amina@example.org", 20],
      [5, "Tran, Minh", "minh@example.org", 60],
      [6, "Dial-in caller", "", 10],
    ]);
    expect(result.rows[1]!.joinedAt?.toISOString()).toBe("2026-11-30T20:01:12.000Z");
    expect(result.sections).toEqual([{ title: "Participants", headerLine: 1, rows: 5 }]);
    expect(result.notes).toHaveLength(2);
    expect(result.notes[0]).toContain("2 “User Email” columns (columns 5 and 9); column 9");
    expect(result.notes[1]).toContain("columns 6 and 12); column 12");
  });

  it("webinar Attendee Report: reads each section under its own header, skips host, panelists and absentees with reasons", () => {
    const result = parseZoomAttendance(fixture("webinar-attendee-report.csv"), "Asia/Amman");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sections).toEqual([
      { title: "Host Details", headerLine: 6, rows: 1 },
      { title: "Panelist Details", headerLine: 9, rows: 1 },
      { title: "Attendee Details", headerLine: 12, rows: 4 },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.line, r.name, r.emailNormalized, r.minutes])).toEqual([
      [13, "Amina Hassan (Amina)", "amina@example.org", 33],
      [14, "Amina Hassan", "amina@example.org", 17],
      [15, "Tran, Minh", "minh@example.org", 60],
    ]);
    // "Mar 28, 2020 08:07:27" in Amman (summer time, UTC+3, began the day before) is 05:07:27 UTC.
    expect(result.rows[0]!.joinedAt?.toISOString()).toBe("2020-03-28T05:07:27.000Z");
    expect(result.skipped.map((s) => [s.line, s.email, s.reason])).toEqual([
      [7, "host@example.org", "listed under “Host Details”: the host is not a participant"],
      [10, "rania@example.org", "listed under “Panelist Details”: the panelist is not a participant"],
      [16, "joseph@example.org", "registered but did not attend (“Attended” is No)"],
    ]);
  });

  it("reads Zoom's 24-hour webinar times", () => {
    expect(parseZoomTime("Mar 28, 2020 08:07:27", "UTC")?.toISOString()).toBe("2020-03-28T08:07:27.000Z");
    expect(parseZoomTime("Dec 1, 2026 17:30:00", "Europe/London")?.toISOString()).toBe("2026-12-01T17:30:00.000Z");
  });
});

describe("parseZoomAttendance: Zoom's “unique users” view", () => {
  it("reads one total per person, without join times, and says how it was read", () => {
    const file = '\uFEFF"Name (original name)","Email","Total duration (minutes)","Guest"\r\n"Amina Hassan","amina@example.org","59","No"\r\n"Tran, Minh","minh@example.org","60","Yes"\r\n';
    const result = parseZoomAttendance(file, "UTC");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => [r.line, r.name, r.emailNormalized, r.minutes, r.joinedAt])).toEqual([
      [2, "Amina Hassan", "amina@example.org", 59, null],
      [3, "Tran, Minh", "minh@example.org", 60, null],
    ]);
    expect(result.notes).toEqual([expect.stringContaining("no join or leave times")]);
  });

  it("still ignores the meeting preamble, which has an email and a duration but no participant", () => {
    const result = parseZoomAttendance('"Meeting ID","Topic","User Email","Duration (Minutes)"\r\n"1","T","host@example.org","70"\r\n', "UTC");
    expect(result).toMatchObject({ ok: false, reason: "no-header" });
  });
});

describe("parseZoomAttendance: header variants and CSV quirks", () => {
  it("reads the newer lower-case headers, trailing commas, quoted commas and ISO-like times in the chosen zone", () => {
    const file =
      "Name (original name),Email,Join time,Leave time,Duration (minutes),Guest,Recording disclaimer response,In waiting room,\r\n" +
      '"Okafor, Amara (Amara)",amara@example.org,2026-03-29 00:10:00,2026-03-29 00:50:00,40,No,OK,No,\r\n' +
      "Priya Raman,priya@example.org,2026-03-29 02:15:00,2026-03-29 02:45:00,30,Yes,OK,No,\r\n";
    const result = parseZoomAttendance(file, "Europe/London");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.name, r.email, r.minutes, r.joinedAt?.toISOString()])).toEqual([
      ["Okafor, Amara (Amara)", "amara@example.org", 40, "2026-03-29T00:10:00.000Z"],
      // London's clocks went forward at 01:00 UTC that night: 02:15 local (summer time) is 01:15 UTC.
      ["Priya Raman", "priya@example.org", 30, "2026-03-29T01:15:00.000Z"],
    ]);
  });
});
