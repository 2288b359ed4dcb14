/**
 * Attendance: who came to a session and for how long.
 *
 * Two sources write Attendance rows:
 * - "manual": an organiser ticks people present (at most one such row per registration, keyed
 *   importKey = "manual", so ticking twice stores one row);
 * - "import": Zoom's participant report, one row per report line, keyed by a hash of the line's
 *   email, join and leave time. The schema's @@unique([registrationId, importKey]) makes a
 *   re-import of the same file add nothing, and an updated file add only its new lines.
 *
 * A registration's attended minutes are the sum of its rows; someone is "present" when they
 * have any row. The attendance rate of a session is present confirmed registrations ÷ confirmed.
 */
import { recordAudit } from "~/organisers/audit.server.ts";
import { prisma } from "~/utils/db.server.ts";
import type { ZoomRow, ZoomRowProblem, ZoomSection, ZoomSkippedRow } from "~/attendance/zoom-attendance.ts";

const MANUAL_KEY = "manual";

type AttendanceRate = { confirmed: number; attended: number; rate: number | null };

/** Per session: confirmed registrations, how many of them attended, and the share (null with none confirmed). */
export async function attendanceRates(sessionIds: string[]): Promise<Map<string, AttendanceRate>> {
  const ids = [...new Set(sessionIds)];
  const result = new Map<string, AttendanceRate>(ids.map((id) => [id, { confirmed: 0, attended: 0, rate: null }]));
  if (ids.length === 0) return result;
  const [confirmed, attended] = await Promise.all([
    prisma.registration.groupBy({ by: ["sessionId"], where: { sessionId: { in: ids }, status: "confirmed" }, _count: { _all: true } }),
    prisma.registration.groupBy({
      by: ["sessionId"],
      where: { sessionId: { in: ids }, status: "confirmed", attendance: { some: {} } },
      _count: { _all: true },
    }),
  ]);
  for (const row of confirmed) result.get(row.sessionId)!.confirmed = row._count._all;
  for (const row of attended) result.get(row.sessionId)!.attended = row._count._all;
  for (const rate of result.values()) rate.rate = rate.confirmed ? rate.attended / rate.confirmed : null;
  return result;
}

export async function attendanceRate(sessionId: string): Promise<AttendanceRate> {
  return (await attendanceRates([sessionId])).get(sessionId)!;
}

/** Attended minutes per registration (absent registrations are not in the map). */
export async function attendedMinutes(registrationIds: string[]): Promise<Map<string, number>> {
  if (registrationIds.length === 0) return new Map();
  const rows = await prisma.attendance.groupBy({
    by: ["registrationId"],
    where: { registrationId: { in: registrationIds } },
    _sum: { minutes: true },
  });
  return new Map(rows.map((r) => [r.registrationId, r._sum.minutes ?? 0]));
}

/** The attendance sheet: confirmed registrations plus anyone else who has attendance recorded. */
export async function getAttendanceSheet(sessionId: string) {
  const registrations = await prisma.registration.findMany({
    where: { sessionId, OR: [{ status: "confirmed" }, { attendance: { some: {} } }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      attendance: { select: { source: true, minutes: true, importKey: true } },
    },
  });
  return registrations.map(({ attendance, ...registration }) => {
    const manual = attendance.find((a) => a.importKey === MANUAL_KEY);
    const imported = attendance.filter((a) => a.source === "import");
    return {
      ...registration,
      manualPresent: !!manual,
      manualMinutes: manual?.minutes ?? null,
      importedMinutes: imported.reduce((sum, a) => sum + a.minutes, 0),
      importedRows: imported.length,
    };
  });
}

type ManualEntry = { registrationId: string; present: boolean; minutes: number | null };

/**
 * Saves the ticks of the attendance sheet in one transaction: a manual row for each person ticked
 * (with their minutes, 0 when not given), none for the others. Entries for registrations of other
 * sessions are ignored. Returns how many rows changed.
 */
export async function saveManualAttendance(sessionId: string, entries: ManualEntry[], actorId: string | null): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const known = await tx.registration.findMany({
      where: { sessionId, id: { in: entries.map((e) => e.registrationId) } },
      select: { id: true, attendance: { where: { importKey: MANUAL_KEY }, select: { id: true, minutes: true } } },
    });
    const byId = new Map(known.map((r) => [r.id, r.attendance[0] ?? null]));
    let changed = 0;
    for (const entry of entries) {
      if (!byId.has(entry.registrationId)) continue;
      const existing = byId.get(entry.registrationId);
      const minutes = entry.minutes ?? 0;
      if (entry.present && !existing) {
        await tx.attendance.create({ data: { registrationId: entry.registrationId, source: "manual", importKey: MANUAL_KEY, minutes } });
        changed++;
      } else if (entry.present && existing && existing.minutes !== minutes) {
        await tx.attendance.update({ where: { id: existing.id }, data: { minutes } });
        changed++;
      } else if (!entry.present && existing) {
        await tx.attendance.delete({ where: { id: existing.id } });
        changed++;
      }
    }
    if (changed) await recordAudit(tx, { actorId, action: "updated", entityType: "attendance", entityId: sessionId, details: { manual: changed } });
    return changed;
  });
}

type ImportPerson = { registrationId: string; name: string; email: string; minutesInFile: number; rowsAdded: number; rowsKnown: number };
type UnmatchedRow = { line: number; name: string; email: string; minutes: number };

export type ImportSummary = {
  people: ImportPerson[];
  unmatched: UnmatchedRow[];
  problems: ZoomRowProblem[];
  /** Rows read and left out on purpose (host, panelists, absentees), with the reason. */
  skipped: ZoomSkippedRow[];
  /** The tables read, so the organiser sees what the file was taken to be. */
  sections: ZoomSection[];
  notes: string[];
  added: number;
  alreadyImported: number;
};

/**
 * Imports parsed report rows for one session in one transaction: each row is matched to the
 * session's registration with the same normalised email; matched rows become Attendance rows
 * unless a row with the same key is already stored (a re-import, or the same line twice in the
 * file). Unmatched rows are returned for the organiser, not stored.
 */
export async function importAttendance(
  sessionId: string,
  report: { rows: ZoomRow[]; problems: ZoomRowProblem[]; skipped?: ZoomSkippedRow[]; sections?: ZoomSection[]; notes?: string[] },
  actorId: string | null,
): Promise<ImportSummary> {
  return prisma.$transaction(
    async (tx) => {
      const emails = [...new Set(report.rows.map((r) => r.emailNormalized).filter(Boolean))];
      const registrations = emails.length
        ? await tx.registration.findMany({
            where: { sessionId, emailNormalized: { in: emails } },
            select: { id: true, name: true, email: true, emailNormalized: true },
          })
        : [];
      const byEmail = new Map(registrations.map((r) => [r.emailNormalized, r]));
      const stored = registrations.length
        ? await tx.attendance.findMany({
            where: { registrationId: { in: registrations.map((r) => r.id) }, importKey: { not: null } },
            select: { registrationId: true, importKey: true },
          })
        : [];
      const seen = new Set(stored.map((a) => `${a.registrationId}|${a.importKey}`));
      const people = new Map<string, ImportPerson>();
      const unmatched: UnmatchedRow[] = [];
      const toCreate: { registrationId: string; source: string; joinedAt: Date | null; leftAt: Date | null; minutes: number; importKey: string }[] = [];
      let alreadyImported = 0;
      for (const row of report.rows) {
        const registration = row.emailNormalized ? byEmail.get(row.emailNormalized) : undefined;
        if (!registration) {
          unmatched.push({ line: row.line, name: row.name, email: row.email, minutes: row.minutes });
          continue;
        }
        let person = people.get(registration.id);
        if (!person) {
          person = { registrationId: registration.id, name: registration.name, email: registration.email, minutesInFile: 0, rowsAdded: 0, rowsKnown: 0 };
          people.set(registration.id, person);
        }
        const key = `${registration.id}|${row.importKey}`;
        if (seen.has(key)) {
          person.rowsKnown++;
          alreadyImported++;
          continue;
        }
        seen.add(key);
        person.minutesInFile += row.minutes;
        person.rowsAdded++;
        toCreate.push({ registrationId: registration.id, source: "import", joinedAt: row.joinedAt, leftAt: row.leftAt, minutes: row.minutes, importKey: row.importKey });
      }
      if (toCreate.length) await tx.attendance.createMany({ data: toCreate });
      await recordAudit(tx, {
        actorId,
        action: "imported",
        entityType: "attendance",
        entityId: sessionId,
        details: { added: toCreate.length, alreadyImported, unmatched: unmatched.length, problems: report.problems.length, skipped: report.skipped?.length ?? 0 },
      });
      return {
        people: [...people.values()],
        unmatched,
        problems: report.problems,
        skipped: report.skipped ?? [],
        sections: report.sections ?? [],
        notes: report.notes ?? [],
        added: toCreate.length,
        alreadyImported,
      };
    },
    { timeout: 60_000, maxWait: 15_000 },
  );
}
