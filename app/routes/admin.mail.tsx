import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/pagination.tsx";
import { listMailbox, mailboxEnabled } from "~/mail/mailbox.server.ts";
import { requireAdmin } from "~/organisers/auth.server.ts";

// URL: /admin/mail — the demo mailbox (mail written as .eml files when SMTP_URL is unset).
export const meta: MetaFunction = () => [{ title: "Mail" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Admin-only: a file does not say which event it is about, so organisers cannot be limited to theirs.
  await requireAdmin(request);
  if (!mailboxEnabled()) return { enabled: false as const };
  const page = Math.max(1, Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1);
  return { enabled: true as const, ...listMailbox(page) };
}

export default function Mailbox() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  return (
    <div>
      <h1>{t("adminRegistrations.mail.title")}</h1>
      <p className="hint">{t("adminRegistrations.mail.adminOnly")}</p>
      {!data.enabled ? (
        <p className="notice">{t("adminRegistrations.mail.smtp")}</p>
      ) : data.messages.length === 0 ? (
        <p className="empty">{t("adminRegistrations.mail.empty")}</p>
      ) : (
        <>
          <p className="result-count">{t("adminRegistrations.mail.total", { count: data.total })}</p>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("adminRegistrations.mail.subject")}</th>
                <th scope="col">{t("adminRegistrations.mail.to")}</th>
                <th scope="col">{t("adminRegistrations.mail.date")}</th>
              </tr>
            </thead>
            <tbody>
              {data.messages.map((m) => (
                <tr key={m.name}>
                  <td>
                    <Link to={`/admin/mail/${encodeURIComponent(m.name)}`}>{m.subject || t("adminRegistrations.mail.noSubject")}</Link>
                  </td>
                  <td>{m.to}</td>
                  <td>{format.format(new Date(m.date))} UTC</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={data.page} pageCount={data.pageCount} hrefFor={(p) => `/admin/mail?page=${p}`} />
        </>
      )}
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
