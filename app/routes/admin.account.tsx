import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, SubmitButton, str, type FieldErrors } from "~/components/admin-form.tsx";
import { changeOwnPassword, updateOwnAccount } from "~/organisers/organisers.server.ts";
import { E } from "~/events/admin-event-schema.ts";
import { getCsrfToken, keepSignedIn, requireCsrf, requireOrganiser } from "~/organisers/auth.server.ts";
import { isValidTimeZone, listTimeZones } from "~/time/time.ts";

export const meta: MetaFunction = () => [{ title: "Your account" }];

const detailsSchema = z.object({
  name: z.string().trim().max(200, E("tooLong", { max: 200 })).optional(),
  timeZone: z.string({ required_error: E("timeZone") }).refine(isValidTimeZone, E("timeZone")),
});
const passwordSchema = z.object({
  currentPassword: z.string({ required_error: E("password") }).max(200),
  newPassword: z.string({ required_error: E("password") }).min(12, E("password")).max(200, E("tooLong", { max: 200 })),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  return { organiser: { name: organiser.name, email: organiser.email, timeZone: organiser.timeZone }, zones: listTimeZones(), csrf: await getCsrfToken(request) };
}

export async function action({ request }: ActionFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  if (formData.get("intent") === "password") {
    const submission = parseWithZod(formData, { schema: passwordSchema });
    if (submission.status !== "success") return data({ errors: submission.reply().error ?? {}, values: {} }, { status: 400 });
    const result = await changeOwnPassword(organiser.id, submission.value.currentPassword, submission.value.newPassword);
    if (result.ok) return keepSignedIn(request, result.sessionVersion, "/admin/account?done=password");
    if (result.reason === "weak") return data({ errors: { newPassword: [E(result.problem)] }, values: {} }, { status: 400 });
    if (result.reason === "locked") {
      return data({ errors: { currentPassword: [E("passwordAttempts", { count: result.retryAfterMinutes })] }, values: {} }, { status: 429 });
    }
    return data({ errors: { currentPassword: ["adminEvents.account.wrongPassword"] }, values: {} }, { status: 400 });
  }
  const submission = parseWithZod(formData, { schema: detailsSchema });
  if (submission.status !== "success") {
    return data({ errors: submission.reply().error ?? {}, values: submission.payload as Record<string, unknown> }, { status: 400 });
  }
  await updateOwnAccount(organiser.id, { name: submission.value.name ?? "", timeZone: submission.value.timeZone });
  return redirect("/admin/account?done=details");
}

export default function Account() {
  const { organiser, zones, csrf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.errors ?? {};
  const values: Record<string, unknown> = actionData?.values ?? {};
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const done = params.get("done");
  return (
    <div className="admin-page">
      <h1>{t("adminEvents.account.title")}</h1>
      {done ? (
        <p className="notice notice-success" role="status">
          {done === "password" ? t("adminEvents.account.passwordChanged") : t("adminEvents.account.saved")}
        </p>
      ) : null}
      <h2>{t("adminEvents.account.details")}</h2>
      <p className="muted">{organiser.email}</p>
      <Form method="post" className="stack">
        <input type="hidden" name="csrf" value={csrf} />
        <Field name="name" label={t("adminEvents.account.name")} errors={errors}>
          {(a) => <input {...a} defaultValue={str(values.name) || organiser.name} maxLength={200} autoComplete="name" />}
        </Field>
        <Field name="timeZone" label={t("adminEvents.account.timeZone")} hint={t("adminEvents.account.timeZoneHint")} errors={errors}>
          {(a) => (
            <select {...a} defaultValue={str(values.timeZone) || organiser.timeZone}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          )}
        </Field>
        <SubmitButton intent="details" label={t("adminEvents.account.save")} pendingLabel={t("adminEvents.saving")} />
      </Form>
      <h2>{t("adminEvents.account.password")}</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="csrf" value={csrf} />
        <Field name="currentPassword" label={t("adminEvents.account.currentPassword")} errors={errors}>
          {(a) => <input {...a} type="password" autoComplete="current-password" required />}
        </Field>
        <Field name="newPassword" label={t("adminEvents.account.newPassword")} hint={t("adminEvents.account.newPasswordHint")} errors={errors}>
          {(a) => <input {...a} type="password" autoComplete="new-password" minLength={12} required />}
        </Field>
        <SubmitButton intent="password" label={t("adminEvents.account.changePassword")} pendingLabel={t("adminEvents.saving")} />
      </Form>
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
