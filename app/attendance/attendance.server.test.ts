import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createEvent, createRegistration, createSession } from "../../tests/mail/fixtures.ts";
import { prisma } from "~/utils/db.server.ts";
import { parseZoomAttendance } from "~/attendance/zoom-attendance.ts";
import { attendanceRate, attendedMinutes, getAttendanceSheet, importAttendance, saveManualAttendance } from "./attendance.server.ts";

const HEADER = '"Name (Original Name)","User Email","Join Time","Leave Time","Duration (Minutes)","Guest"\r\n';
const row = (name: string, email: string, join: string, leave: string, minutes: number) =>
  `"${name}","${email}","11/30/2026 ${join}","11/30/2026 ${leave}","${minutes}","No"\r\n`;

async function fixture() {
  const event = await createEvent(prisma);
  const session = await createSession(prisma, event.id, { startsAt: new Date("2026-11-30T20:00:00Z") });
  const amina = await createRegistration(prisma, session.id, { name: "Amina Yusuf", email: "Amina.Yusuf@example.org" });
  const minh = await createRegistration(prisma, session.id, { name: "Minh Tran", email: "minh@example.org" });
  const absent = await createRegistration(prisma, session.id, { name: "Absent Person", email: "absent@example.org" });
  return { session, amina, minh, absent };
}

function report(text: string) {
  const parsed = parseZoomAttendance(text, "America/New_York");
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}

describe("importAttendance", () => {
  it("matches by email in any letter case, sums several rows per person and lists unmatched rows", async () => {
    const { session, amina, minh, absent } = await fixture();
    const file =
      HEADER +
      row("Amina (phone)", "amina.yusuf@EXAMPLE.org", "03:01:12 PM", "03:40:00 PM", 39) +
      row("Amina", "Amina.Yusuf@example.org", "03:45:00 PM", "04:05:00 PM", 20) +
      row("Minh", "minh@example.org", "03:00:00 PM", "04:00:00 PM", 60) +
      row("Walk-in", "walkin@example.org", "03:10:00 PM", "03:50:00 PM", 40) +
      '"Guest without email","","11/30/2026 03:00:00 PM","11/30/2026 03:05:00 PM","5","Yes"\r\n' +
      '"Broken","b@example.org","soon","later","x","No"\r\n';
    const summary = await importAttendance(session.id, report(file), null);
    expect(summary.added).toBe(3);
    expect(summary.people.map((p) => [p.email, p.minutesInFile]).sort()).toEqual([
      ["Amina.Yusuf@example.org", 59],
      ["minh@example.org", 60],
    ]);
    expect(summary.unmatched).toEqual([
      { line: 5, name: "Walk-in", email: "walkin@example.org", minutes: 40 },
      { line: 6, name: "Guest without email", email: "", minutes: 5 },
    ]);
    expect(summary.problems).toEqual([{ line: 7, message: expect.stringContaining("join time “soon”") }]);

    const minutes = await attendedMinutes([amina.id, minh.id, absent.id]);
    expect(minutes.get(amina.id)).toBe(59);
    expect(minutes.get(minh.id)).toBe(60);
    expect(minutes.has(absent.id)).toBe(false);
    const stored = await prisma.attendance.findFirstOrThrow({ where: { registrationId: minh.id } });
    expect(stored.source).toBe("import");
    // 3 PM in New York on 30 November is 20:00 UTC.
    expect(stored.joinedAt?.toISOString()).toBe("2026-11-30T20:00:00.000Z");
    expect(await attendanceRate(session.id)).toEqual({ confirmed: 3, attended: 2, rate: 2 / 3 });
  });

  it("changes nothing when the same file is imported again, and adds only the new rows of an updated file", async () => {
    const { session, amina, minh } = await fixture();
    const first = HEADER + row("Amina", "amina.yusuf@example.org", "03:01:12 PM", "03:40:00 PM", 39) + row("Minh", "minh@example.org", "03:00:00 PM", "03:30:00 PM", 30);
    await importAttendance(session.id, report(first), null);
    const countBefore = await prisma.attendance.count({ where: { registration: { sessionId: session.id } } });

    const again = await importAttendance(session.id, report(first), null);
    expect(again).toMatchObject({ added: 0, alreadyImported: 2 });
    expect(await prisma.attendance.count({ where: { registration: { sessionId: session.id } } })).toBe(countBefore);

    // Zoom's report after the meeting ended: Minh rejoined; the earlier rows are unchanged.
    const updated = first + row("Minh", "minh@example.org", "03:35:00 PM", "04:00:00 PM", 25);
    const third = await importAttendance(session.id, report(updated), null);
    expect(third).toMatchObject({ added: 1, alreadyImported: 2 });
    const minutes = await attendedMinutes([amina.id, minh.id]);
    expect(minutes.get(amina.id)).toBe(39);
    expect(minutes.get(minh.id)).toBe(55);
  });

  it("counts a line Zoom repeats word for word once", async () => {
    const { session, minh } = await fixture();
    const line = row("Minh", "minh@example.org", "03:00:00 PM", "03:30:00 PM", 30);
    const summary = await importAttendance(session.id, report(HEADER + line + line), null);
    expect(summary).toMatchObject({ added: 1, alreadyImported: 1 });
    expect((await attendedMinutes([minh.id])).get(minh.id)).toBe(30);
  });

  it("never attaches a row to a registration of another session", async () => {
    const { session } = await fixture();
    const other = await createSession(prisma, session.eventId);
    const stranger = await createRegistration(prisma, other.id, { email: "stranger@example.org" });
    const summary = await importAttendance(session.id, report(HEADER + row("S", "stranger@example.org", "03:00:00 PM", "03:30:00 PM", 30)), null);
    expect(summary.unmatched).toHaveLength(1);
    expect(await prisma.attendance.count({ where: { registrationId: stranger.id } })).toBe(0);
  });
});

describe("importAttendance with Zoom's real layouts (tests/fixtures/zoom)", () => {
  const zoomFile = (name: string) => readFileSync(fileURLToPath(new URL(`../../tests/fixtures/zoom/${name}`, import.meta.url)), "utf8");

  async function registrants() {
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id, { startsAt: new Date("2026-11-30T20:00:00Z") });
    const host = await createRegistration(prisma, session.id, { name: "Lena Fischer", email: "host@example.org" });
    const amina = await createRegistration(prisma, session.id, { name: "Amina Hassan", email: "amina@example.org" });
    const minh = await createRegistration(prisma, session.id, { name: "Minh Tran", email: "minh@example.org" });
    const joseph = await createRegistration(prisma, session.id, { name: "Joseph Mwangi", email: "joseph@example.org" });
    return { session, host, amina, minh, joseph };
  }

  it("one-table export: credits each participant with their own minutes, not everyone to the host", async () => {
    const { session, host, amina, minh, joseph } = await registrants();
    const summary = await importAttendance(session.id, report(zoomFile("meeting-participants-one-table.csv")), null);
    const minutes = await attendedMinutes([host.id, amina.id, minh.id, joseph.id]);
    expect(Object.fromEntries(minutes)).toEqual({ [host.id]: 71, [amina.id]: 59, [minh.id]: 60 });
    expect(summary.unmatched).toEqual([{ line: 6, name: "Dial-in caller", email: "", minutes: 10 }]);
    expect(summary.notes).toHaveLength(2);
    expect(summary.sections).toEqual([{ title: "Participants", headerLine: 1, rows: 5 }]);
  });

  it("webinar Attendee Report: imports the attendees, and lists host, panelist and absentee as left out", async () => {
    const { session, host, amina, minh, joseph } = await registrants();
    const parsed = parseZoomAttendance(zoomFile("webinar-attendee-report.csv"), "Asia/Amman");
    if (!parsed.ok) throw new Error(parsed.message);
    const summary = await importAttendance(session.id, parsed, null);
    expect(summary.added).toBe(3);
    const minutes = await attendedMinutes([host.id, amina.id, minh.id, joseph.id]);
    expect(Object.fromEntries(minutes)).toEqual({ [amina.id]: 50, [minh.id]: 60 });
    expect(summary.skipped.map((s) => s.line)).toEqual([7, 10, 16]);
    expect(summary.sections.map((s) => s.title)).toEqual(["Host Details", "Panelist Details", "Attendee Details"]);
  });
});

describe("saveManualAttendance", () => {
  it("ticks people present once, updates their minutes, and unticks them", async () => {
    const { session, amina, minh } = await fixture();
    expect(await saveManualAttendance(session.id, [{ registrationId: amina.id, present: true, minutes: null }, { registrationId: minh.id, present: false, minutes: null }], null)).toBe(1);
    expect(await saveManualAttendance(session.id, [{ registrationId: amina.id, present: true, minutes: null }], null)).toBe(0);
    expect(await saveManualAttendance(session.id, [{ registrationId: amina.id, present: true, minutes: 45 }], null)).toBe(1);
    let sheet = await getAttendanceSheet(session.id);
    expect(sheet.find((r) => r.id === amina.id)).toMatchObject({ manualPresent: true, manualMinutes: 45 });
    expect(await attendanceRate(session.id)).toMatchObject({ attended: 1, confirmed: 3 });
    expect(await prisma.attendance.count({ where: { registrationId: amina.id } })).toBe(1);

    await saveManualAttendance(session.id, [{ registrationId: amina.id, present: false, minutes: null }], null);
    sheet = await getAttendanceSheet(session.id);
    expect(sheet.find((r) => r.id === amina.id)).toMatchObject({ manualPresent: false });
    expect(await attendanceRate(session.id)).toMatchObject({ attended: 0 });
  });

  it("ignores registrations of other sessions", async () => {
    const { session } = await fixture();
    const other = await createSession(prisma, session.eventId);
    const stranger = await createRegistration(prisma, other.id);
    expect(await saveManualAttendance(session.id, [{ registrationId: stranger.id, present: true, minutes: 5 }], null)).toBe(0);
    expect(await prisma.attendance.count({ where: { registrationId: stranger.id } })).toBe(0);
  });
});
