import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, SubmitButton, str, type FieldErrors } from "~/components/admin-form.tsx";
import { changeOrganiserRole, createOrganiserAccount, listOrganisers } from "~/organisers/organisers.server.ts";
import { E } from "~/events/admin-event-schema.ts";
import { getCsrfToken, requireAdmin, requireCsrf } from "~/organisers/auth.server.ts";
import { ROLES } from "~/organisers/organiser-roles.ts";

export const meta: MetaFunction = () => [{ title: "Organiser accounts" }];

const createSchema = z.object({
  email: z.string({ required_error: E("email") }).trim().max(320).email(E("email")),
  name: z.string().trim().max(200).optional(),
  role: z.enum(ROLES),
  password: z.string({ required_error: E("password") }).min(12, E("password")).max(200),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const organisers = await listOrganisers();
  return { organisers: organisers.map((o) => ({ ...o, createdAt: o.createdAt.toISOString().slice(0, 10) })), selfId: admin.id, csrf: await getCsrfToken(request) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  if (formData.get("intent") === "role") {
    const role = z.enum(ROLES).safeParse(formData.get("role"));
    if (!role.success) return data({ errors: {}, values: {}, roleError: "adminUsers.lastAdmin" }, { status: 400 });
    const result = await changeOrganiserRole(admin.id, String(formData.get("organiserId") ?? ""), role.data);
    if (!result.ok) return data({ errors: {}, values: {}, roleError: result.reason === "last-admin" ? "adminUsers.lastAdmin" : "errors.notFound" }, { status: 400 });
    return redirect("/admin/users?done=role");
  }
  const submission = parseWithZod(formData, { schema: createSchema });
  const values = submission.payload as Record<string, unknown>;
  if (submission.status !== "success") return data({ errors: submission.reply().error ?? {}, values, roleError: null }, { status: 400 });
  const result = await createOrganiserAccount(admin.id, submission.value);
  if (!result.ok && result.reason === "weak") return data({ errors: { password: [E(result.problem)] }, values, roleError: null }, { status: 400 });
  if (!result.ok) return data({ errors: { email: ["adminUsers.emailTaken"] }, values, roleError: null }, { status: 400 });
  return redirect(`/admin/users?created=${encodeURIComponent(submission.value.email)}`);
}

export default function Users() {
  const { organisers, selfId, csrf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.errors ?? {};
  const values: Record<string, unknown> = actionData?.values ?? {};
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const created = params.get("created");
  return (
    <div className="admin-page">
      <h1>{t("adminUsers.title")}</h1>
      {created ? <p className="notice notice-success" role="status">{t("adminUsers.createdNotice", { email: created })}</p> : null}
      {params.get("done") === "role" ? <p className="notice notice-success" role="status">{t("adminUsers.roleChanged")}</p> : null}
      {actionData?.roleError ? <p className="form-error" role="alert">{t(actionData.roleError)}</p> : null}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("adminUsers.email")}</th>
            <th scope="col">{t("adminUsers.name")}</th>
            <th scope="col">{t("adminUsers.role")}</th>
            <th scope="col">{t("adminUsers.created")}</th>
          </tr>
        </thead>
        <tbody>
          {organisers.map((o) => (
            <tr key={o.id}>
              <td>{o.email}</td>
              <td>{o.name}</td>
              <td>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="csrf" value={csrf} />
                  <input type="hidden" name="organiserId" value={o.id} />
                  <label htmlFor={`role-${o.id}`} className="visually-hidden">
                    {t("adminUsers.changeRole", { email: o.email })}
                  </label>
                  <select id={`role-${o.id}`} name="role" defaultValue={o.role} disabled={o.id === selfId}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`adminUsers.roles.${r}`)}
                      </option>
                    ))}
                  </select>{" "}
                  {o.id === selfId ? null : <SubmitButton intent="role" label={t("adminUsers.saveRole")} className="button-secondary" />}
                </Form>
              </td>
              <td>{o.createdAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("adminUsers.add")}</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="csrf" value={csrf} />
        <Field name="email" label={t("adminUsers.email")} errors={errors}>
          {(a) => <input {...a} type="email" defaultValue={str(values.email)} required maxLength={320} autoComplete="off" />}
        </Field>
        <Field name="name" label={t("adminUsers.name")} errors={errors}>
          {(a) => <input {...a} defaultValue={str(values.name)} maxLength={200} />}
        </Field>
        <Field name="role" label={t("adminUsers.role")} errors={errors}>
          {(a) => (
            <select {...a} defaultValue={str(values.role) || "organiser"}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`adminUsers.roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="password" label={t("adminUsers.temporaryPassword")} hint={t("adminUsers.temporaryPasswordHint")} errors={errors}>
          {(a) => <input {...a} type="password" autoComplete="new-password" minLength={12} required />}
        </Field>
        <SubmitButton intent="create" label={t("adminUsers.create")} pendingLabel={t("adminEvents.saving")} />
      </Form>
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
