import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/pagination.tsx";
import { SessionAdminHeader } from "~/sessions/session-admin-header.tsx";
import { registrationsAction, registrationsLoader } from "./registrations.server.ts";

// URL: /admin/events/:eventId/sessions/:sessionId/registrations
export const loader = registrationsLoader;
export const action = registrationsAction;
export const meta: MetaFunction = () => [{ title: "Registrations" }];

const STATUSES = ["confirmed", "waitlisted", "pending", "declined", "cancelled"] as const;
type Status = (typeof STATUSES)[number];

export default function SessionRegistrations() {
  const { header, registrations, hasQuestions, counts, filter, page, pageCount, total, confirmCancel, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { error?: string } | undefined;
  const { csrf } = useRouteLoaderData<{ csrf: string }>("routes/admin") ?? { csrf: "" };
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const base = `/admin/events/${header.eventId}/sessions/${header.sessionId}/registrations`;
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams({ ...(filter.q ? { q: filter.q } : {}), ...(filter.status ? { status: filter.status } : {}), ...extra });
    return `${base}?${params.toString()}`;
  };
  const busyId = navigation.state !== "idle" ? navigation.formData?.get("registrationId") : null;
  const searching = navigation.state === "loading" && navigation.location?.pathname === base && !navigation.formData;
  const registeredAt = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

  const action = (id: string, intent: string, label: string, className?: string) => (
    <Form method="post" className="inline-form">
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="registrationId" value={id} />
      <button type="submit" name="intent" value={intent} className={className} disabled={busyId === id}>
        {busyId === id && navigation.formData?.get("intent") === intent ? t("adminRegistrations.working") : label}
      </button>
    </Form>
  );

  return (
    <div className="session-admin">
      <SessionAdminHeader header={header} />
      <ul className="status-counts" aria-label={t("adminRegistrations.list.countsLabel")}>
        {STATUSES.map((s) => (
          <li key={s}>
            <Link to={query({ status: s })}>
              {t(`adminRegistrations.status.${s}`)}: <strong>{counts[s]}</strong>
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <a href={`${base}.csv`} download>
          {t("adminRegistrations.list.export")}
        </a>
      </p>
      {done ? (
        <p className="notice notice-success" role="status">
          {t(`adminRegistrations.done.${done as "approved"}`)}
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="form-error" role="alert">
          {actionData.error}
        </p>
      ) : null}
      {confirmCancel ? (
        <section className="confirm-panel" aria-labelledby="confirm-cancel-heading">
          <h2 id="confirm-cancel-heading">{t("adminRegistrations.cancel.title", { name: confirmCancel.name })}</h2>
          <p>{t("adminRegistrations.cancel.explain", { email: confirmCancel.email })}</p>
          <div className="cancel-actions">
            {action(confirmCancel.id, "cancel", t("adminRegistrations.cancel.confirm"), "button-danger")}
            <Link to={query(page > 1 ? { page: String(page) } : {})}>{t("adminRegistrations.cancel.keep")}</Link>
          </div>
        </section>
      ) : null}

      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="q">{t("adminRegistrations.list.search")}</label>
          <input id="q" name="q" type="search" defaultValue={filter.q} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="status">{t("adminRegistrations.list.statusFilter")}</label>
          <select id="status" name="status" defaultValue={filter.status}>
            <option value="">{t("adminRegistrations.list.anyStatus")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`adminRegistrations.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit">{searching ? t("adminRegistrations.working") : t("adminRegistrations.list.apply")}</button>
          {filter.q || filter.status ? <Link to={base}>{t("adminRegistrations.list.clear")}</Link> : null}
        </div>
      </Form>

      <p className="result-count" role="status">
        {t("adminRegistrations.list.total", { count: total })}
      </p>
      {registrations.length === 0 ? (
        <p className="empty">{t("adminRegistrations.list.empty")}</p>
      ) : (
        <table className="data-table registrations-table">
          <caption className="visually-hidden">{t("adminRegistrations.tabs.registrations")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("adminRegistrations.col.name")}</th>
              <th scope="col">{t("adminRegistrations.col.organisation")}</th>
              {hasQuestions ? <th scope="col">{t("adminRegistrations.col.answers")}</th> : null}
              <th scope="col">{t("adminRegistrations.col.timeZone")}</th>
              <th scope="col">{t("adminRegistrations.col.status")}</th>
              <th scope="col">{t("adminRegistrations.col.registeredAt")}</th>
              <th scope="col">{t("adminRegistrations.col.minutes")}</th>
              <th scope="col">{t("adminRegistrations.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {registrations.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.name}
                  <br />
                  <span className="muted" dir="ltr">{r.email}</span>
                </td>
                <td>
                  {r.organisation}
                  {r.country ? <span className="muted"> · {r.country}</span> : null}
                </td>
                {hasQuestions ? (
                  <td>
                    {r.answers.length ? (
                      <dl className="registration-answers">
                        {r.answers.map((a) => (
                          <div key={a.questionId}>
                            <dt>{a.question}</dt>
                            <dd>{a.kind === "yesno" && (a.answer === "yes" || a.answer === "no") ? t(`registration.${a.answer}`) : a.answer}</dd>
                          </div>
                        ))}
                      </dl>
                    ) : (
                      "—"
                    )}
                  </td>
                ) : null}
                <td>
                  {r.timeZone}
                  <br />
                  <span className="muted">{r.locale}</span>
                </td>
                <td>
                  <span className={`status status-${r.status}`}>{t(`adminRegistrations.status.${r.status as Status}`)}</span>
                </td>
                <td>{registeredAt.format(new Date(r.createdAt))} UTC</td>
                <td>{r.attendedMinutes ?? "—"}</td>
                <td>
                  <div className="row-actions">
                    {r.status === "pending" ? action(r.id, "approve", t("adminRegistrations.actions.approve")) : null}
                    {r.status === "pending" ? action(r.id, "decline", t("adminRegistrations.actions.decline"), "button-secondary") : null}
                    {r.status === "waitlisted" ? action(r.id, "promote", t("adminRegistrations.actions.promote")) : null}
                    {["confirmed", "waitlisted", "pending"].includes(r.status) ? (
                      <Link to={query({ confirmCancel: r.id, ...(page > 1 ? { page: String(page) } : {}) })} aria-label={t("adminRegistrations.actions.cancelFor", { name: r.name })}>
                        {t("adminRegistrations.actions.cancel")}
                      </Link>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => query({ page: String(p) })} />
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
