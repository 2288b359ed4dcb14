import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/admin-form.tsx";
import { SchedulingAssistant } from "~/scheduling/scheduling-assistant.tsx";
import { SessionForm, type SessionFormState } from "~/sessions/session-form.tsx";
import { requireEventOrganiser } from "~/organisers/access.server.ts";
import { cancelSession, getSessionForEdit, getSessionFormContext, removeSession } from "~/sessions/session-operations.server.ts";
import { getCsrfToken, requireCsrf } from "~/organisers/auth.server.ts";
import { loadAssistantForSessionForm } from "~/scheduling/session-assistant.server.ts";
import { handleSessionForm } from "~/sessions/session-form.server.ts";
import { listTimeZones } from "~/time/time.ts";

// /admin/events/:eventId/sessions/:sessionId — edit, cancel or remove one session.

export const meta: MetaFunction = () => [{ title: "Edit session" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, eventId } = await requireEventOrganiser(request, params);
  const [context, found] = await Promise.all([getSessionFormContext(eventId), getSessionForEdit(eventId, params.sessionId ?? "")]);
  if (!context || !found) throw new Response("This session does not exist.", { status: 404 });
  const assistant = await loadAssistantForSessionForm(request, {
    eventId,
    organiserZone: organiser.timeZone,
    sessionId: found.session.id,
    date: found.values.date,
    zone: found.session.timeZone,
  });
  return {
    event: { id: context.event.id, title: context.event.title },
    session: {
      id: found.session.id,
      status: found.session.status,
      startsAtUtc: found.session.startsAt.toISOString().slice(0, 16).replace("T", " "),
      registrations: found.session._count.registrations,
      active: found.activeRegistrations,
    },
    values: found.values,
    zones: listTimeZones(),
    languages: context.languages,
    assistant: assistant?.assistant ?? null,
    problems: assistant?.problems ?? [],
    csrf: await getCsrfToken(request),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, eventId } = await requireEventOrganiser(request, params);
  const sessionId = params.sessionId ?? "";
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const intent = formData.get("intent");
  if (intent === "remove-session") {
    const result = await removeSession(organiser, eventId, sessionId);
    if (result.ok) return redirect(`/admin/events/${eventId}?done=sessionRemoved`);
    if (result.reason === "not-found") throw new Response("This session does not exist.", { status: 404 });
    return data({ sessionError: "hasRegistrations" }, { status: 409 });
  }
  if (intent === "cancel-session") {
    const result = await cancelSession(organiser, eventId, sessionId, String(formData.get("note") ?? "").slice(0, 1000));
    if (!result.ok && result.reason === "not-found") throw new Response("This session does not exist.", { status: 404 });
    return redirect(`/admin/events/${eventId}?done=sessionCancelled`);
  }
  return handleSessionForm(formData, organiser, eventId, sessionId);
}

export default function EditSession() {
  const { event, session, values, zones, languages, assistant, problems, csrf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = actionData && "values" in actionData ? (actionData as SessionFormState) : null;
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const notified = Number(params.get("notified") ?? 0);
  const promoted = Number(params.get("promoted") ?? 0);
  return (
    <div className="admin-page">
      <p className="breadcrumb">
        <Link to={`/admin/events/${event.id}`}>{t("adminEvents.backToEvent")}</Link>
      </p>
      <h1>{t("adminEvents.session.editTitle", { title: event.title })}</h1>
      {params.get("saved") ? (
        <p className="notice notice-success" role="status">
          {notified ? t("adminEvents.session.savedNotified", { count: notified }) : t("adminEvents.saved")}{" "}
          {promoted ? t("adminEvents.session.promoted", { count: promoted }) : null}
        </p>
      ) : null}
      {actionData && "sessionError" in actionData ? (
        <p className="form-error" role="alert">
          {t("adminEvents.session.hasRegistrations")}
        </p>
      ) : null}
      <p className="muted">
        {t("adminEvents.session.stored", { utc: session.startsAtUtc })} · {t("adminEvents.sessions.registrants", { count: session.active })}
      </p>
      {session.status === "cancelled" ? (
        <p className="notice notice-cancelled">{t("adminEvents.session.cancelledNotice")}</p>
      ) : (
        <>
          <SessionForm formKey={session.id} values={values} zones={zones} languages={languages} csrf={csrf} isNew={false} state={state} />
          <section className="admin-panel status-actions">
            {session.registrations === 0 ? (
              <Form method="post">
                <input type="hidden" name="csrf" value={csrf} />
                <SubmitButton intent="remove-session" label={t("adminEvents.session.remove")} className="button-danger" />
                <p className="hint">{t("adminEvents.session.removeHint")}</p>
              </Form>
            ) : (
              <Form method="post">
                <input type="hidden" name="csrf" value={csrf} />
                <SubmitButton intent="cancel-session" label={t("adminEvents.session.cancel")} className="button-danger" />
                <p className="hint">{t("adminEvents.session.cancelHint")}</p>
              </Form>
            )}
          </section>
        </>
      )}
      {assistant ? (
        <SchedulingAssistant data={assistant} problems={problems} />
      ) : (
        <p>
          <Link to={`/admin/events/${event.id}/schedule?session=${session.id}`}>{t("adminEvents.session.scheduleLink")}</Link>
        </p>
      )}
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
