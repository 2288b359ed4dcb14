import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, SubmitButton, str, type FieldErrors } from "~/components/admin-form.tsx";
import { createSpeaker, listSpeakers, updateSpeaker } from "~/events/speakers.server.ts";
import { E, isHttpsUrl } from "~/events/admin-event-schema.ts";
import { getCsrfToken, requireCsrf, requireOrganiser } from "~/organisers/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Speakers" }];

const schema = z.object({
  id: z.string().max(64).optional(),
  name: z.string({ required_error: E("name") }).trim().min(1, E("name")).max(200, E("tooLong", { max: 200 })),
  affiliation: z.string().trim().max(200, E("tooLong", { max: 200 })).optional(),
  jobTitle: z.string().trim().max(200, E("tooLong", { max: 200 })).optional(),
  bio: z.string().trim().max(3000, E("tooLong", { max: 3000 })).optional(),
  photoUrl: z.string().trim().max(500).refine(isHttpsUrl, E("photoUrl")).optional(),
});

/** Speakers are shared by all events, so any organiser may add and edit them. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  return { speakers: await listSpeakers(), csrf: await getCsrfToken(request) };
}

export async function action({ request }: ActionFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const submission = parseWithZod(formData, { schema });
  const values = submission.payload as Record<string, unknown>;
  if (submission.status !== "success") return data({ errors: submission.reply().error ?? {}, values }, { status: 400 });
  const { id, ...input } = submission.value;
  if (id) {
    if (!(await updateSpeaker(organiser, id, input))) throw new Response("This speaker does not exist.", { status: 404 });
    return redirect("/admin/speakers?done=updated");
  }
  await createSpeaker(organiser, input);
  return redirect("/admin/speakers?done=created");
}

function SpeakerFields({ prefix, values, errors }: { prefix: string; values: Record<string, unknown>; errors: FieldErrors }) {
  const { t } = useTranslation();
  // Field ids must be unique on the page; the posted names stay plain.
  const scoped = (name: string) => (prefix ? `${prefix}-${name}` : name);
  const remap: FieldErrors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [scoped(k), v]));
  const field = (name: string, label: string, input: (a: Record<string, unknown>) => JSX.Element, hint?: string) => (
    <Field name={scoped(name)} label={label} errors={remap} hint={hint}>
      {(a) => input({ ...a, name })}
    </Field>
  );
  return (
    <>
      {field("name", t("adminEvents.speakers.name"), (a) => <input {...a} defaultValue={str(values.name)} required maxLength={200} />)}
      {field("affiliation", t("adminEvents.speakers.affiliation"), (a) => <input {...a} defaultValue={str(values.affiliation)} maxLength={200} />)}
      {field("jobTitle", t("adminEvents.speakers.jobTitle"), (a) => <input {...a} defaultValue={str(values.jobTitle)} maxLength={200} />)}
      {field("bio", t("adminEvents.speakers.bio"), (a) => <textarea {...a} defaultValue={str(values.bio)} rows={3} maxLength={3000} />)}
      {field("photoUrl", t("adminEvents.speakers.photoUrl"), (a) => <input {...a} type="url" dir="ltr" defaultValue={str(values.photoUrl)} maxLength={500} />)}
    </>
  );
}

export default function Speakers() {
  const { speakers, csrf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const failedId = str(actionData?.values.id);
  const done = params.get("done");
  return (
    <div className="admin-page">
      <h1>{t("adminEvents.speakers.title")}</h1>
      {done ? <p className="notice notice-success" role="status">{t(done === "created" ? "adminEvents.speakers.created" : "adminEvents.speakers.updated")}</p> : null}
      <h2>{t("adminEvents.speakers.add")}</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="csrf" value={csrf} />
        <SpeakerFields prefix="" values={!failedId && actionData ? actionData.values : {}} errors={!failedId && actionData ? actionData.errors : {}} />
        <SubmitButton label={t("adminEvents.speakers.create")} pendingLabel={t("adminEvents.saving")} />
      </Form>
      <ul className="admin-speakers">
        {speakers.map((s) => (
          <li key={s.id}>
            <details open={failedId === s.id}>
              <summary>
                {s.name}
                {s.affiliation ? <span className="muted"> · {s.affiliation}</span> : null}{" "}
                <span className="muted">({t("adminEvents.speakers.events", { count: s._count.events })})</span>
              </summary>
              <Form method="post" className="stack" aria-label={t("adminEvents.speakers.editName", { name: s.name })}>
                <input type="hidden" name="csrf" value={csrf} />
                <input type="hidden" name="id" value={s.id} />
                <SpeakerFields
                  prefix={s.id}
                  values={failedId === s.id && actionData ? actionData.values : { ...s, photoUrl: s.photoUrl ?? "" }}
                  errors={failedId === s.id && actionData ? actionData.errors : {}}
                />
                <SubmitButton label={t("adminEvents.speakers.save")} pendingLabel={t("adminEvents.saving")} />
              </Form>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
