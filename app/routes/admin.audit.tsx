import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/pagination.tsx";
import { listAudit } from "~/organisers/audit.server.ts";
import { requireAdmin } from "~/organisers/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Audit log" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const page = Math.max(1, Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1);
  const result = await listAudit({ page });
  return { ...result, page };
}

const REGISTRATION_STATUSES = ["confirmed", "waitlisted", "pending", "declined", "cancelled"];

export default function AuditLog() {
  const { entries, page, pageCount } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  // Words for what the log knows; anything newer shows as written rather than not at all.
  const word = (group: "actions" | "entities", key: string) => t(`admin.audit.${group}.${key}`, { defaultValue: key });
  const status = (s: string) => (REGISTRATION_STATUSES.includes(s) ? t(`adminRegistrations.status.${s}`) : s);
  return (
    <div>
      <h1>{t("admin.audit.title")}</h1>
      <table className="data-table audit-table">
        <thead>
          <tr>
            <th scope="col">{t("admin.audit.when")}</th>
            <th scope="col">{t("admin.audit.who")}</th>
            <th scope="col">{t("admin.audit.what")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{format.format(new Date(entry.createdAt))} UTC</td>
              <td>
                {entry.actor ? (
                  <>
                    {entry.actor.name || entry.actor.email}
                    {entry.actor.name ? (
                      <>
                        <br />
                        <span className="muted" dir="ltr">{entry.actor.email}</span>
                      </>
                    ) : null}
                  </>
                ) : (
                  t("admin.audit.system")
                )}
              </td>
              <td>
                <strong>{word("actions", entry.action)}</strong> · {word("entities", entry.entityType)}
                {entry.subject ? <>: {entry.subject}</> : entry.entityType === "site-settings" ? null : <> <code>{entry.entityId}</code></>}
                {entry.gone ? <span className="muted"> ({t("admin.audit.gone")})</span> : null}
                {entry.context ? <div className="muted">{entry.context}</div> : null}
                {entry.status ? <div>{t("admin.audit.statusChange", { from: status(entry.status.from), to: status(entry.status.to) })}</div> : null}
                {entry.changed.length ? (
                  <ul className="audit-changes" aria-label={t("admin.audit.changed")}>
                    {entry.changed.map((c) => (
                      <li key={c.field}>
                        {t("admin.audit.change", { field: c.field, from: c.from, to: c.to })}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {entry.note ? <div className="muted">“{entry.note}”</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/admin/audit?page=${p}`} />
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
