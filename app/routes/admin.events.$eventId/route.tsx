import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/admin-form.tsx";
import { EventForm, type EventFormState } from "~/events/event-form.tsx";
import { i18n } from "~/i18n.server.ts";
import { requireEventOrganiser } from "~/organisers/access.server.ts";
import { attendanceRates } from "~/attendance/attendance.server.ts";
import { countReplayingRegistrants } from "~/recordings/recordings.server.ts";
import { getEventForEdit, getEventFormOptions } from "~/events/admin-events.server.ts";
import { getCsrfToken } from "~/organisers/auth.server.ts";
import { formatSessionRange, listTimeZones } from "~/time/time.ts";

export { action } from "./actions.server.ts";

// An event in five languages (20,000-character descriptions, Arabic or Polish text percent-encoded
// to several bytes a character) is far over the request guard's 64 KB default.
export const handle = { requestBody: { maxBytes: 1024 * 1024 } };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Edit: ${data.event.title}` : "Edit event" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, eventId } = await requireEventOrganiser(request, params);
  const [found, options, locale] = await Promise.all([getEventForEdit(eventId), getEventFormOptions(), i18n.getLocale(request)]);
  if (!found) throw new Response("This event does not exist.", { status: 404 });
  const { event, registrations, values } = found;
  const sessionIds = event.sessions.map((s) => s.id);
  const [rates, replayed] = await Promise.all([attendanceRates(sessionIds), countReplayingRegistrants(sessionIds)]);
  return {
    event: {
      id: event.id,
      slug: event.slug,
      title: event.title,
      status: event.status,
      cancellationNote: event.cancellationNote,
      shares: event.shares.map((s) => s.organiser),
      sessions: event.sessions.map((s) => ({
        id: s.id,
        title: s.title,
        status: s.status,
        registrants: s._count.registrations,
        attendanceRate: rates.get(s.id)?.rate ?? null,
        replayed: replayed.get(s.id) ?? 0,
        when: formatSessionRange(s.startsAt, s.endsAt, s.timeZone, locale).full,
      })),
    },
    registrations,
    values,
    options: { ...options, zones: listTimeZones() },
    isAdmin: organiser.role === "admin",
    csrf: await getCsrfToken(request),
  };
}

export default function EditEvent() {
  const { event, registrations, values, options, isAdmin, csrf } = useLoaderData<typeof loader>();
  const actionData = useActionData<Record<string, unknown>>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const done = params.get("done") ?? (params.get("saved") ? "saved" : null);
  const statusLabel = t(`admin.status.${event.status}`);
  const formState = actionData && "values" in actionData ? (actionData as unknown as EventFormState) : null;
  const cancelConfirm = actionData && "cancelConfirm" in actionData ? (actionData.cancelConfirm as { registrants: number; note: string }) : null;
  return (
    <div className="admin-page">
      <p className="breadcrumb">
        <Link to="/admin">{t("adminEvents.backToDashboard")}</Link>
      </p>
      <h1>{t("adminEvents.form.editTitle", { title: event.title })}</h1>
      {done ? (
        <p className="notice notice-success" role="status">
          {done === "saved" ? t("adminEvents.saved") : done === "shared" ? t("adminEvents.share.shared") : t(`adminEvents.status.${done}`)}
        </p>
      ) : null}
      {typeof actionData?.statusError === "string" ? (
        <p className="form-error" role="alert">
          {actionData.statusError === "has-registrations" ? t("adminEvents.status.hasRegistrations") : t("adminEvents.status.invalidTransition", { status: statusLabel })}
        </p>
      ) : null}

      <section className="admin-panel" aria-labelledby="status-heading">
        <h2 id="status-heading">{t("adminEvents.status.heading")}</h2>
        <p>
          {t("adminEvents.status.current", { status: statusLabel })}{" "}
          {event.status !== "draft" ? <Link to={`/events/${event.slug}`}>{t("adminEvents.status.viewPublic")}</Link> : null}
        </p>
        {event.cancellationNote ? <p>{t("adminEvents.status.cancelledNote", { note: event.cancellationNote })}</p> : null}
        <div className="status-actions">
          {event.status === "draft" ? (
            <Form method="post">
              <input type="hidden" name="csrf" value={csrf} />
              <SubmitButton intent="publish" label={t("adminEvents.status.publish")} />
            </Form>
          ) : null}
          {event.status === "published" ? (
            <Form method="post">
              <input type="hidden" name="csrf" value={csrf} />
              <SubmitButton intent="unpublish" label={t("adminEvents.status.unpublish")} className="button-secondary" />
            </Form>
          ) : null}
          {event.status === "draft" && registrations === 0 ? (
            <Form method="post">
              <input type="hidden" name="csrf" value={csrf} />
              <SubmitButton intent="delete" label={t("adminEvents.status.delete")} className="button-danger" />
              <p className="hint">{t("adminEvents.status.deleteHint")}</p>
            </Form>
          ) : null}
        </div>
        {event.status !== "cancelled" && cancelConfirm ? (
          // The second step, as a page of its own without JavaScript: nothing is cancelled yet.
          <Form method="post" className="cancel-form">
            <input type="hidden" name="csrf" value={csrf} />
            <div className="notice" role="alert">
              <h3>{t("adminEvents.status.cancelConfirmTitle")}</h3>
              <p>
                {cancelConfirm.registrants === 0
                  ? t("adminEvents.status.cancelConfirmNobody")
                  : t("adminEvents.status.cancelConfirmBody", { count: cancelConfirm.registrants })}
              </p>
            </div>
            <div className="field">
              <label htmlFor="cancel-note">{t("adminEvents.status.cancelNote")}</label>
              <textarea id="cancel-note" name="note" rows={2} maxLength={1000} defaultValue={cancelConfirm.note} />
            </div>
            <SubmitButton intent="confirm-cancel" label={t("adminEvents.status.cancelConfirm")} className="button-danger" />{" "}
            <Link to={`/admin/events/${event.id}`}>{t("adminEvents.status.cancelKeep")}</Link>
          </Form>
        ) : event.status !== "cancelled" ? (
          <Form method="post" className="cancel-form">
            <input type="hidden" name="csrf" value={csrf} />
            <div className="field">
              <label htmlFor="cancel-note">{t("adminEvents.status.cancelNote")}</label>
              <textarea id="cancel-note" name="note" rows={2} maxLength={1000} />
              <p className="hint">{t("adminEvents.status.cancelWarning", { count: registrations })}</p>
            </div>
            <SubmitButton intent="cancel" label={t("adminEvents.status.cancel")} className="button-danger" />
          </Form>
        ) : null}
      </section>

      <section className="admin-panel" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("adminEvents.sessions.heading")}</h2>
        {event.sessions.length === 0 ? <p>{t("adminEvents.sessions.none")}</p> : null}
        <ul className="admin-sessions">
          {event.sessions.map((s) => (
            <li key={s.id} className={s.status === "cancelled" ? "is-cancelled" : undefined}>
              <Link to={`/admin/events/${event.id}/sessions/${s.id}`}>{s.title || s.when}</Link>
              {s.title ? <span className="muted"> · {s.when}</span> : null}
              <span className="muted"> · {t("adminEvents.sessions.registrants", { count: s.registrants })}</span>
              {s.attendanceRate !== null ? (
                <span className="muted"> · {t("adminEvents.sessions.attendance", { rate: Math.round(s.attendanceRate * 100) })}</span>
              ) : null}
              {s.replayed ? <span className="muted"> · {t("adminEvents.sessions.replays", { count: s.replayed })}</span> : null}
              {s.status === "cancelled" ? <span className="badge badge-cancelled">{t("adminEvents.sessions.cancelled")}</span> : null}
              <br />
              <Link to={`/admin/events/${event.id}/sessions/${s.id}/registrations`}>{t("adminEvents.sessions.registrationsLink")}</Link>
              {" · "}
              <Link to={`/admin/events/${event.id}/sessions/${s.id}/attendance`}>{t("adminEvents.sessions.attendanceLink")}</Link>
              {" · "}
              <Link to={`/admin/events/${event.id}/sessions/${s.id}/message`}>{t("adminEvents.sessions.messageLink")}</Link>
            </li>
          ))}
        </ul>
        {event.status !== "cancelled" ? (
          <p>
            <Link to={`/admin/events/${event.id}/sessions/new`} className="button-link">
              {t("adminEvents.sessions.add")}
            </Link>{" "}
            <Link to={`/admin/events/${event.id}/schedule`}>{t("adminEvents.sessions.scheduleLink")}</Link>
            {" · "}
            <Link to={`/admin/events/${event.id}/recordings`}>{t("adminRecordings.title")}</Link>
          </p>
        ) : null}
      </section>

      {isAdmin ? (
        <section className="admin-panel" aria-labelledby="share-heading">
          <h2 id="share-heading">{t("adminEvents.share.heading")}</h2>
          {event.shares.length === 0 ? <p className="muted">{t("adminEvents.share.nobody")}</p> : null}
          <ul className="inline-list">
            {event.shares.map((o) => (
              <li key={o.id}>
                <Form method="post">
                  <input type="hidden" name="csrf" value={csrf} />
                  <input type="hidden" name="organiserId" value={o.id} />
                  {o.email} <SubmitButton intent="unshare" label={t("adminEvents.share.remove", { email: o.email })} className="link-button" />
                </Form>
              </li>
            ))}
          </ul>
          <Form method="post" className="inline-form">
            <input type="hidden" name="csrf" value={csrf} />
            <div className="field">
              <label htmlFor="share-email">{t("adminEvents.share.email")}</label>
              <input id="share-email" name="email" type="email" required aria-describedby="share-error" />
              <p className="field-error" id="share-error">
                {typeof actionData?.shareError === "string" ? t(`adminEvents.share.${actionData.shareError}`) : null}
              </p>
            </div>
            <SubmitButton intent="share" label={t("adminEvents.share.submit")} />
          </Form>
        </section>
      ) : null}

      <EventForm
        formKey={event.id}
        values={formState?.values ?? values}
        options={options}
        csrf={csrf}
        isNew={false}
        lastResult={formState?.result}
        serverErrors={formState?.serverErrors}
        previewHtml={formState?.previewHtml}
        blankQuestions={formState?.blankQuestions}
      />
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
