import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/pagination.tsx";
import { i18n } from "~/i18n.server.ts";
import { canSeeOutboxMessage, listOutbox, outboxCounts, retryOutboxMessage } from "~/mail/outbox.server.ts";
import { requireCsrf, requireOrganiser } from "~/organisers/auth.server.ts";
import { EMAIL_KINDS, OUTBOX_STATUSES, isEmailKind, type OutboxStatus } from "~/mail/outbox-kinds.ts";

// URL: /admin/outbox — every email, its delivery state, and a retry for failures.
export const meta: MetaFunction = () => [{ title: "Email outbox" }];

function isStatus(value: unknown): value is OutboxStatus {
  return typeof value === "string" && (OUTBOX_STATUSES as readonly string[]).includes(value);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const params = new URL(request.url).searchParams;
  const status = isStatus(params.get("status")) ? (params.get("status") as OutboxStatus) : undefined;
  const kindParam = params.get("kind");
  const kind = isEmailKind(kindParam) ? kindParam : undefined;
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const actor = { id: organiser.id, role: organiser.role };
  const [counts, list] = await Promise.all([outboxCounts(actor), listOutbox({ status, kind, page, actor })]);
  const retried = params.get("retried") === "1";
  return data(
    {
      counts,
      ...list,
      items: list.items.map((item) => ({ ...item, lastError: item.lastError?.slice(0, 300) ?? null })),
      filter: { status: status ?? "", kind: kind ?? "" },
      allAdmin: organiser.role === "admin",
      retried,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const form = await request.formData();
  await requireCsrf(request, form);
  const t = await i18n.getFixedT(request);
  const id = form.get("id");
  if (form.get("intent") !== "retry" || typeof id !== "string" || id === "") {
    return data({ error: t("adminRegistrations.outbox.badRequest") }, { status: 400 });
  }
  // An organiser may only retry email about their own events; others' rows look like missing ones.
  if (!(await canSeeOutboxMessage({ id: organiser.id, role: organiser.role }, id))) {
    throw new Response(t("adminRegistrations.outbox.forbidden"), { status: 403 });
  }
  if (!(await retryOutboxMessage(id))) {
    return data({ error: t("adminRegistrations.outbox.notRetryable") }, { status: 409 });
  }
  const url = new URL(request.url);
  url.searchParams.set("retried", "1");
  url.searchParams.delete("index");
  return redirect(`${url.pathname}?${url.searchParams.toString()}`);
}

export default function Outbox() {
  const { counts, items, page, pageCount, filter, allAdmin, retried } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useRouteLoaderData<{ csrf: string }>("routes/admin") ?? { csrf: "" };
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const when = (value: string | Date | null) => (value ? `${format.format(new Date(value))} UTC` : "—");
  const hrefFor = (extra: Record<string, string>) =>
    `/admin/outbox?${new URLSearchParams({ ...(filter.status ? { status: filter.status } : {}), ...(filter.kind ? { kind: filter.kind } : {}), ...extra }).toString()}`;
  const retrying = navigation.state !== "idle" ? navigation.formData?.get("id") : null;
  return (
    <div>
      <h1>{t("adminRegistrations.outbox.title")}</h1>
      <p className="hint">{allAdmin ? t("adminRegistrations.outbox.scopeAll") : t("adminRegistrations.outbox.scopeOwn")}</p>
      <ul className="status-counts" aria-label={t("adminRegistrations.outbox.countsLabel")}>
        {OUTBOX_STATUSES.map((s) => (
          <li key={s}>
            <Link to={`/admin/outbox?status=${s}`}>
              {t(`adminRegistrations.outbox.status.${s}`)}: <strong>{counts[s]}</strong>
            </Link>
          </li>
        ))}
      </ul>
      {retried ? <p className="notice notice-success" role="status">{t("adminRegistrations.outbox.retried")}</p> : null}
      {actionData?.error ? <p className="form-error" role="alert">{actionData.error}</p> : null}
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="outbox-status">{t("adminRegistrations.outbox.statusFilter")}</label>
          <select id="outbox-status" name="status" defaultValue={filter.status}>
            <option value="">{t("adminRegistrations.outbox.any")}</option>
            {OUTBOX_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`adminRegistrations.outbox.status.${s}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="outbox-kind">{t("adminRegistrations.outbox.kind")}</label>
          <select id="outbox-kind" name="kind" defaultValue={filter.kind}>
            <option value="">{t("adminRegistrations.outbox.any")}</option>
            {EMAIL_KINDS.map((k) => (
              <option key={k} value={k}>{k}</option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit">{t("adminRegistrations.list.apply")}</button>
        </div>
      </Form>
      {items.length === 0 ? (
        <p className="empty">{t("adminRegistrations.outbox.empty")}</p>
      ) : (
        <table className="data-table outbox-table">
          <thead>
            <tr>
              <th scope="col">{t("adminRegistrations.outbox.status.label")}</th>
              <th scope="col">{t("adminRegistrations.outbox.kind")}</th>
              <th scope="col">{t("adminRegistrations.outbox.recipient")}</th>
              <th scope="col">{t("adminRegistrations.outbox.attempts")}</th>
              <th scope="col">{t("adminRegistrations.outbox.nextAttempt")}</th>
              <th scope="col">{t("adminRegistrations.outbox.lastError")}</th>
              <th scope="col">{t("adminRegistrations.outbox.sentAt")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <span className={`status outbox-${item.status}`}>{t(`adminRegistrations.outbox.status.${item.status as OutboxStatus}`)}</span>
                  {item.status === "failed" ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="csrf" value={csrf} />
                      <input type="hidden" name="id" value={item.id} />
                      <button type="submit" name="intent" value="retry" disabled={retrying === item.id} aria-label={t("adminRegistrations.outbox.retryFor", { to: item.toAddress })}>
                        {retrying === item.id ? t("adminRegistrations.working") : t("adminRegistrations.outbox.retry")}
                      </button>
                    </Form>
                  ) : null}
                </td>
                <td>{item.kind}</td>
                <td>
                  {item.toName}
                  <br />
                  <span className="muted" dir="ltr">{item.toAddress}</span>
                </td>
                <td>{item.attempts}</td>
                <td>{item.status === "pending" ? when(item.nextAttemptAt) : "—"}</td>
                <td className="outbox-error">{item.lastError ?? "—"}</td>
                <td>{when(item.sentAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => hrefFor({ page: String(p) })} />
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
