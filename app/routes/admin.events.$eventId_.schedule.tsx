import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SchedulingAssistant } from "~/scheduling/scheduling-assistant.tsx";
import { i18n } from "~/i18n.server.ts";
import { requireEventOrganiser } from "~/organisers/access.server.ts";
import { getSessionFormContext } from "~/sessions/session-operations.server.ts";

import { parseSchedulingQuery } from "~/scheduling/scheduling.ts";
import { getSchedulingDefaults, loadSchedulingAssistant } from "~/scheduling/scheduling.server.ts";
import { normalizeTimeZone } from "~/time/time.ts";

// /admin/events/:eventId/schedule — the scheduling assistant on its own page. The trailing
// underscore keeps it out of the event editor's layout; it nests only under admin.tsx.
// ?date=YYYY-MM-DD&duration=90&zone=Europe/Zurich&rank=audience|cities&session=<id being edited>

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Scheduling assistant: ${data.assistant.eventTitle}` : "Scheduling assistant" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, eventId } = await requireEventOrganiser(request, params);

  const url = new URL(request.url);
  // Times are entered in the zone a new session would default to (the event's), not the organiser's.
  const context = await getSessionFormContext(eventId);
  const defaults = await getSchedulingDefaults({ eventId, organiserZone: context?.defaultZone.zone ?? organiser.timeZone });
  const { query, problems } = parseSchedulingQuery(url.searchParams, defaults, normalizeTimeZone);
  const sessionId = url.searchParams.get("session") || undefined;
  const locale = await i18n.getLocale(request);
  const assistant = await loadSchedulingAssistant({
    eventId,
    date: query.date,
    durationMinutes: query.durationMinutes,
    zone: query.zone,
    weighting: query.weighting,
    sessionId,
    locale,
  });
  if (!assistant) throw new Response("This event does not exist.", { status: 404 });
  // A bad parameter still gets a useful page (the defaults, with a note per field) but says 400.
  return data({ assistant, problems, sessionId: sessionId ?? null }, { status: problems.length ? 400 : 200 });
}

export default function SchedulePage() {
  const { assistant, problems, sessionId } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="scheduling-page">
      <p className="breadcrumb">
        <Link to="/admin">{t("scheduling.backToEvents")}</Link>
      </p>
      <h1>{t("scheduling.pageTitle", { title: assistant.eventTitle })}</h1>
      <SchedulingAssistant data={assistant} problems={problems} hiddenFields={sessionId ? { session: sessionId } : {}} />
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
