import {
  MaxPartSizeExceededError,
  data,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { i18n } from "~/i18n.server.ts";
import { getAttendanceSheet, importAttendance, saveManualAttendance, type ImportSummary } from "~/attendance/attendance.server.ts";
import { requireSessionAdmin, sessionHeader } from "~/sessions/session-page-context.server.ts";
import { requireCsrf } from "~/organisers/auth.server.ts";
import { decodeText } from "~/utils/text-encoding.server.ts";
import { isValidTimeZone } from "~/time/time.ts";
import { MAX_REPORT_BYTES, parseZoomAttendance } from "~/attendance/zoom-attendance.ts";

export async function attendanceLoader({ request, params }: LoaderFunctionArgs) {
  const { organiser, session } = await requireSessionAdmin(request, params);
  const [header, sheet] = await Promise.all([sessionHeader(request, session), getAttendanceSheet(session.id)]);
  const zones = [...new Set([session.timeZone, organiser.timeZone, "UTC"].filter(isValidTimeZone))];
  const saved = new URL(request.url).searchParams.get("saved");
  return data({ header, sheet, zones, saved: saved === null ? null : Number(saved) || 0 }, { headers: { "Cache-Control": "private, no-store" } });
}

type Translate = Awaited<ReturnType<typeof i18n.getFixedT>>;
export type AttendanceActionData =
  | { intent: "manual"; error: string; saved?: undefined }
  | { intent: "manual"; saved: number; error?: undefined }
  | { intent: "import"; error: string; summary?: undefined }
  | { intent: "import"; summary: ImportSummary; error?: undefined };

export async function attendanceAction({ request, params }: ActionFunctionArgs) {
  const { organiser, session } = await requireSessionAdmin(request, params);
  const t = await i18n.getFixedT(request);
  const isMultipart = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
  if (isMultipart) {
    const length = Number(request.headers.get("Content-Length") ?? 0);
    if (length > MAX_REPORT_BYTES + 64 * 1024) return data<AttendanceActionData>({ intent: "import", error: t("adminRegistrations.attendance.tooLarge") }, { status: 413 });
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_REPORT_BYTES }));
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) {
        return data<AttendanceActionData>({ intent: "import", error: t("adminRegistrations.attendance.tooLarge") }, { status: 413 });
      }
      // Remix's multipart parser fails on a file name holding ";" or "=" (and on a cut-off body):
      // the organiser's to fix, not a 500.
      return data<AttendanceActionData>({ intent: "import", error: t("adminRegistrations.attendance.unreadable") }, { status: 400 });
    }
    await requireCsrf(request, form);
    return importReport(form, session.id, organiser.id, t);
  }
  const form = await request.formData();
  await requireCsrf(request, form);
  if (form.get("intent") !== "manual") {
    return data<AttendanceActionData>({ intent: "import", error: t("adminRegistrations.attendance.noFile") }, { status: 400 });
  }
  return saveSheet(form, session.id, organiser.id, t);
}

async function importReport(form: FormData, sessionId: string, actorId: string, t: Translate) {
  const file = form.get("report");
  if (!(file instanceof File) || file.size === 0) {
    return data<AttendanceActionData>({ intent: "import", error: t("adminRegistrations.attendance.noFile") }, { status: 400 });
  }
  const zone = String(form.get("zone") ?? "UTC");
  if (!isValidTimeZone(zone)) return data<AttendanceActionData>({ intent: "import", error: t("adminRegistrations.attendance.badZone") }, { status: 400 });
  // Zoom writes UTF-8, but a report opened and saved again in Excel comes back in the Windows code page.
  const parsed = parseZoomAttendance(decodeText(new Uint8Array(await file.arrayBuffer())).text, zone);
  if (!parsed.ok) return data<AttendanceActionData>({ intent: "import", error: parsed.message }, { status: 400 });
  const summary = await importAttendance(sessionId, parsed, actorId);
  return data<AttendanceActionData>({ intent: "import", summary });
}

async function saveSheet(form: FormData, sessionId: string, actorId: string, t: Translate) {
  const present = new Set(form.getAll("present").map(String));
  const entries = [];
  for (const id of form.getAll("registrationId").map(String)) {
    const raw = String(form.get(`minutes-${id}`) ?? "").trim();
    const minutes = raw === "" ? null : Number(raw);
    if (minutes !== null && !(Number.isInteger(minutes) && minutes >= 0 && minutes <= 1440)) {
      const name = String(form.get(`name-${id}`) ?? "").slice(0, 200);
      return data<AttendanceActionData>({ intent: "manual", error: t("adminRegistrations.attendance.badMinutes", { name, value: raw }) }, { status: 400 });
    }
    entries.push({ registrationId: id, present: present.has(id), minutes });
  }
  const saved = await saveManualAttendance(sessionId, entries, actorId);
  return data<AttendanceActionData>({ intent: "manual", saved });
}
