import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, SubmitButton, str, type FieldErrors } from "~/components/admin-form.tsx";
import { LOCALE_NAMES, SUPPORTED_LOCALES, localeDirection, type Locale } from "~/i18n.ts";
import { PRIVACY_NOTICE_MAX, getPrivacyNotices, savePrivacyNotices } from "~/organisers/privacy.server.ts";
import { getCsrfToken, requireAdmin, requireCsrf } from "~/organisers/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Privacy notice" }];

// Five notices of up to 20,000 characters, percent-encoded (an Arabic letter takes 6 bytes).
export const handle = { requestBody: { maxBytes: 1024 * 1024 } };

// One text per language; an empty one goes back to the default text.
const notice = z.string().max(PRIVACY_NOTICE_MAX, "adminPrivacy.tooLong").optional();
const schema = z.object(Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, notice])) as Record<Locale, typeof notice>);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const notices = await getPrivacyNotices();
  return {
    values: Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, notices[l].markdown])) as Record<string, unknown>,
    isDefault: Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, notices[l].isDefault])) as Record<string, boolean>,
    csrf: await getCsrfToken(request),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return data({ errors: submission.reply().error ?? {}, values: submission.payload as Record<string, unknown> }, { status: 400 });
  }
  const texts = Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, submission.value[l] ?? ""])) as Record<Locale, string>;
  await savePrivacyNotices(admin.id, texts);
  return redirect("/admin/settings/privacy?saved=1");
}

export default function PrivacySettings() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.errors ?? {};
  const v = actionData?.values ?? loaded.values;
  const [params] = useSearchParams();
  const { t } = useTranslation();
  return (
    <div className="admin-page">
      <p className="breadcrumb">
        <Link to="/admin/settings">{t("adminUsers.settings.title")}</Link>
      </p>
      <h1>{t("adminPrivacy.title")}</h1>
      {params.get("saved") ? <p className="notice notice-success" role="status">{t("adminPrivacy.saved")}</p> : null}
      <p>{t("adminPrivacy.intro")}</p>
      <p>
        <a href="/privacy">{t("adminPrivacy.view")}</a>
      </p>
      <Form method="post" className="admin-form">
        <input type="hidden" name="csrf" value={loaded.csrf} />
        {SUPPORTED_LOCALES.map((locale) => (
          <Field
            key={locale}
            name={locale}
            wide
            label={t("adminPrivacy.noticeIn", { language: LOCALE_NAMES[locale] })}
            hint={loaded.isDefault[locale] ? t("adminPrivacy.defaultHint") : t("adminPrivacy.customHint")}
            errors={errors}
          >
            {(a) => <textarea {...a} rows={14} lang={locale} dir={localeDirection(locale)} defaultValue={str(v[locale])} />}
          </Field>
        ))}
        <div className="form-actions">
          <SubmitButton label={t("adminPrivacy.save")} pendingLabel={t("adminEvents.saving")} />
        </div>
      </Form>
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
