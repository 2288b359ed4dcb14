import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/pagination.tsx";
import { listAudit } from "~/models/audit.server.ts";
import { requireAdmin } from "~/utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Audit log" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const page = Math.max(1, Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1);
  const result = await listAudit({ page });
  return { ...result, page };
}

export default function AuditLog() {
  const { entries, page, pageCount } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <div>
      <h1>{t("admin.audit.title")}</h1>
      <table className="data-table">
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
              <td>{entry.actor?.email ?? t("admin.audit.system")}</td>
              <td>
                {entry.action} · {entry.entityType} <code>{entry.entityId}</code>
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
