import type { MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SessionAdminHeader } from "~/sessions/session-admin-header.tsx";
import { attendanceAction, attendanceLoader, type AttendanceActionData } from "./attendance.server.ts";

// URL: /admin/events/:eventId/sessions/:sessionId/attendance — mark present, or import Zoom's report.
export const loader = attendanceLoader;
export const action = attendanceAction;
// A Zoom report (MAX_REPORT_BYTES, 2 MB) and the form around it, read into memory by the request
// guard (server/request-guard.js) instead of its usual 64 KB.
export const handle = { requestBody: { maxBytes: 3 * 1024 * 1024 } };
export const meta: MetaFunction = () => [{ title: "Attendance" }];

export default function Attendance() {
  const { header, sheet, zones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as AttendanceActionData | undefined;
  const { csrf } = useRouteLoaderData<{ csrf: string }>("routes/admin") ?? { csrf: "" };
  const navigation = useNavigation();
  const { t } = useTranslation();
  const submitting = navigation.state === "submitting";
  const importing = submitting && navigation.formEncType === "multipart/form-data";
  const saving = submitting && !importing;
  return (
    <div className="session-admin">
      <SessionAdminHeader header={header} />

      <section aria-labelledby="import-heading">
        <h2 id="import-heading">{t("adminRegistrations.attendance.importTitle")}</h2>
        <p className="hint">{t("adminRegistrations.attendance.importHint")}</p>
        <p className="hint">{t("adminRegistrations.attendance.importHintWebinar")}</p>
        <Form method="post" encType="multipart/form-data" className="stack">
          <input type="hidden" name="csrf" value={csrf} />
          <div className="field">
            <label htmlFor="report">{t("adminRegistrations.attendance.file")}</label>
            <input id="report" name="report" type="file" accept=".csv,text/csv" required />
          </div>
          <div className="field">
            <label htmlFor="zone">{t("adminRegistrations.attendance.zone")}</label>
            <select id="zone" name="zone" defaultValue={zones[0]}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          </div>
          <div className="form-actions">
            <button type="submit" disabled={importing}>
              {importing ? t("adminRegistrations.attendance.importing") : t("adminRegistrations.attendance.import")}
            </button>
          </div>
        </Form>
        {result?.intent === "import" && result.error ? (
          <p className="form-error" role="alert">
            {result.error}
          </p>
        ) : null}
        {result?.intent === "import" && result.summary ? <ImportReport summary={result.summary} /> : null}
      </section>

      <section aria-labelledby="sheet-heading">
        <h2 id="sheet-heading">{t("adminRegistrations.attendance.sheetTitle")}</h2>
        {result?.intent === "manual" && result.error ? (
          <p className="form-error" role="alert">
            {result.error}
          </p>
        ) : null}
        {result?.intent === "manual" && result.saved !== undefined ? (
          <p className="notice notice-success" role="status">
            {t("adminRegistrations.attendance.saved", { count: result.saved })}
          </p>
        ) : null}
        {sheet.length === 0 ? (
          <p className="empty">{t("adminRegistrations.attendance.nobody")}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="intent" value="manual" />
            <table className="data-table attendance-table">
              <thead>
                <tr>
                  <th scope="col">{t("adminRegistrations.col.name")}</th>
                  <th scope="col">{t("adminRegistrations.attendance.present")}</th>
                  <th scope="col">{t("adminRegistrations.attendance.minutes")}</th>
                  <th scope="col">{t("adminRegistrations.attendance.imported")}</th>
                </tr>
              </thead>
              <tbody>
                {sheet.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.name}
                      <br />
                      <span className="muted" dir="ltr">{r.email}</span>
                      {r.status !== "confirmed" ? <span className="badge">{t(`adminRegistrations.status.${r.status as "cancelled"}`)}</span> : null}
                      <input type="hidden" name="registrationId" value={r.id} />
                      <input type="hidden" name={`name-${r.id}`} value={r.name} />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        id={`present-${r.id}`}
                        name="present"
                        value={r.id}
                        defaultChecked={r.manualPresent}
                        aria-label={t("adminRegistrations.attendance.presentFor", { name: r.name })}
                      />
                    </td>
                    <td>
                      <input
                        type="number"
                        name={`minutes-${r.id}`}
                        min={0}
                        max={1440}
                        step={1}
                        inputMode="numeric"
                        className="minutes-input"
                        defaultValue={r.manualMinutes ?? ""}
                        aria-label={t("adminRegistrations.attendance.minutesFor", { name: r.name })}
                      />
                    </td>
                    <td>{r.importedRows ? t("adminRegistrations.attendance.importedMinutes", { count: r.importedMinutes }) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="form-actions">
              <button type="submit" disabled={saving}>
                {saving ? t("adminRegistrations.working") : t("adminRegistrations.attendance.save")}
              </button>
            </div>
          </Form>
        )}
      </section>
    </div>
  );
}

function ImportReport({ summary }: { summary: NonNullable<Extract<AttendanceActionData, { summary: object }>["summary"]> }) {
  const { t } = useTranslation();
  return (
    <div className="import-report" role="status">
      <p className="notice notice-success">
        {t("adminRegistrations.attendance.importDone", { added: summary.added, people: summary.people.length, known: summary.alreadyImported })}
      </p>
      {summary.sections.length ? (
        <>
          <h3>{t("adminRegistrations.attendance.readTitle")}</h3>
          <ul className="import-sections">
            {summary.sections.map((section) => (
              <li key={section.headerLine}>{t("adminRegistrations.attendance.section", { title: section.title, line: section.headerLine, count: section.rows })}</li>
            ))}
          </ul>
        </>
      ) : null}
      {summary.notes.length ? (
        <>
          <h3>{t("adminRegistrations.attendance.notesTitle")}</h3>
          <ul className="import-notes">
            {summary.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      ) : null}
      {summary.unmatched.length ? (
        <>
          <h3>{t("adminRegistrations.attendance.unmatchedTitle", { count: summary.unmatched.length })}</h3>
          <p className="hint">{t("adminRegistrations.attendance.unmatchedHint")}</p>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("adminRegistrations.attendance.line")}</th>
                <th scope="col">{t("adminRegistrations.col.name")}</th>
                <th scope="col">{t("adminRegistrations.col.email")}</th>
                <th scope="col">{t("adminRegistrations.attendance.minutes")}</th>
              </tr>
            </thead>
            <tbody>
              {summary.unmatched.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{row.name}</td>
                  <td dir="ltr">{row.email || "—"}</td>
                  <td>{row.minutes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {summary.skipped.length ? (
        <>
          <h3>{t("adminRegistrations.attendance.skippedTitle", { count: summary.skipped.length })}</h3>
          <table className="data-table import-skipped">
            <thead>
              <tr>
                <th scope="col">{t("adminRegistrations.attendance.line")}</th>
                <th scope="col">{t("adminRegistrations.col.name")}</th>
                <th scope="col">{t("adminRegistrations.col.email")}</th>
                <th scope="col">{t("adminRegistrations.attendance.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {summary.skipped.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{row.name}</td>
                  <td dir="ltr">{row.email || "—"}</td>
                  <td>{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {summary.problems.length ? (
        <>
          <h3>{t("adminRegistrations.attendance.problemsTitle", { count: summary.problems.length })}</h3>
          <ul className="problem-list">
            {summary.problems.map((p) => (
              <li key={p.line}>{t("adminRegistrations.attendance.problem", { line: p.line, message: p.message })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
