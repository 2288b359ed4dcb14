import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventForm } from "~/events/event-form.tsx";
import { getEventFormOptions, newEventValues } from "~/events/admin-events.server.ts";
import { getCsrfToken, requireCsrf, requireOrganiser } from "~/organisers/auth.server.ts";
import { handleEventForm } from "~/events/event-form.server.ts";
import { listTimeZones } from "~/time/time.ts";

// An event in five languages (20,000-character descriptions, Arabic or Polish text percent-encoded
// to several bytes a character) is far over the request guard's 64 KB default.
export const handle = { requestBody: { maxBytes: 1024 * 1024 } };

export const meta: MetaFunction = () => [{ title: "New event" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const options = await getEventFormOptions();
  return { options: { ...options, zones: listTimeZones() }, values: newEventValues(organiser), csrf: await getCsrfToken(request) };
}

export async function action({ request }: ActionFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  return handleEventForm(formData, organiser);
}

export default function NewEvent() {
  const { options, values, csrf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="admin-page">
      <p className="breadcrumb">
        <Link to="/admin">{t("adminEvents.backToDashboard")}</Link>
      </p>
      <h1>{t("adminEvents.form.newTitle")}</h1>
      <EventForm
        formKey="new"
        values={actionData?.values ?? values}
        options={options}
        csrf={csrf}
        isNew
        lastResult={actionData?.result}
        serverErrors={actionData?.serverErrors}
        previewHtml={actionData?.previewHtml}
        blankQuestions={actionData?.blankQuestions}
      />
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
