import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SchedulingAssistant } from "~/scheduling/scheduling-assistant.tsx";
import { SessionForm, type SessionFormState } from "~/sessions/session-form.tsx";
import { requireEventOrganiser } from "~/organisers/access.server.ts";
import { getSessionFormContext } from "~/sessions/session-operations.server.ts";
import { getCsrfToken, requireCsrf } from "~/organisers/auth.server.ts";
import { loadAssistantForSessionForm } from "~/scheduling/session-assistant.server.ts";
import { handleSessionForm } from "~/sessions/session-form.server.ts";
import { cityLabelForZone, listTimeZones, localToUtc, normalizeTimeZone } from "~/time/time.ts";

// /admin/events/:eventId/sessions/new — the trailing underscore keeps it out of the event editor.
// ?date=&time=&zone=&duration=&at= (from the scheduling assistant) pre-fill the form.

export const meta: MetaFunction = () => [{ title: "New session" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, eventId } = await requireEventOrganiser(request, params);
  const context = await getSessionFormContext(eventId);
  if (!context) throw new Response("This event does not exist.", { status: 404 });
  const url = new URL(request.url);
  const chosen = normalizeTimeZone(url.searchParams.get("zone") ?? "");
  const fallback = normalizeTimeZone(context.defaultZone.zone) ?? "UTC";
  const zone = chosen ?? fallback;
  const date = url.searchParams.get("date") ?? "";
  const time = url.searchParams.get("time") ?? "";
  // The assistant adds the exact instant when the wall time happens twice that day.
  const at = url.searchParams.get("at");
  const local = date && time ? localToUtc(date, time, zone) : null;
  const occurrence = local?.kind === "ambiguous" && at ? (new Date(at).getTime() === local.later.getTime() ? "later" : "earlier") : "";
  const found = await loadAssistantForSessionForm(request, { eventId, organiserZone: organiser.timeZone, zone });
  return {
    event: { id: context.event.id, title: context.event.title, status: context.event.status },
    values: { date, time, duration: url.searchParams.get("duration") ?? "60", timeZone: zone, languageCode: context.event.primaryLanguageCode, occurrence },
    zones: listTimeZones(),
    // Says where the preselected zone came from, so nobody types New York times into UTC unawares.
    zoneHint: chosen ? null : { from: context.defaultZone.from, zone: fallback, city: cityLabelForZone(fallback) },
    languages: context.languages,
    assistant: found?.assistant ?? null,
    problems: found?.problems ?? [],
    csrf: await getCsrfToken(request),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, eventId } = await requireEventOrganiser(request, params);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  return handleSessionForm(formData, organiser, eventId);
}

export default function NewSession() {
  const { event, values, zones, zoneHint, languages, assistant, problems, csrf } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() as SessionFormState | undefined;
  const { t } = useTranslation();
  return (
    <div className="admin-page">
      <p className="breadcrumb">
        <Link to={`/admin/events/${event.id}`}>{t("adminEvents.backToEvent")}</Link>
      </p>
      <h1>{t("adminEvents.session.newTitle", { title: event.title })}</h1>
      {event.status === "cancelled" ? (
        <p className="notice notice-cancelled">{t("adminEvents.session.eventCancelled")}</p>
      ) : (
        <SessionForm
          formKey="new"
          values={values}
          zones={zones}
          zoneHint={zoneHint ? t(zoneHint.from === "sessions" ? "adminEvents.session.zoneFromSessions" : "adminEvents.session.zoneFromEvent", zoneHint) : undefined}
          languages={languages}
          csrf={csrf}
          isNew
          state={state}
        />
      )}
      {assistant ? (
        <SchedulingAssistant data={assistant} problems={problems} />
      ) : (
        <p>
          <Link to={`/admin/events/${event.id}/schedule`}>{t("adminEvents.session.scheduleLink")}</Link>
        </p>
      )}
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
