import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Checkbox, Field, FieldMessage, SubmitButton, list, str, type FieldErrors } from "~/components/admin-form.tsx";
import { LOCALE_NAMES, SUPPORTED_LOCALES } from "~/i18n.ts";
import { getSiteSettings, saveSiteSettings } from "~/organisers/settings.server.ts";
import { getCsrfToken, requireAdmin, requireCsrf } from "~/organisers/auth.server.ts";
import { KNOWN_CITIES } from "~/time/time.ts";

// Texts in every language (such as the privacy notice) are over the request guard's 64 KB default.
export const handle = { requestBody: { maxBytes: 1024 * 1024 } };

export const meta: MetaFunction = () => [{ title: "Site settings" }];

const cityIds = new Set(KNOWN_CITIES.map((c) => c.id));
// "Name <address@host>" or a bare address; no line breaks (they would inject mail headers).
const SENDER = /^(?:[^<>\r\n]{1,100} <[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;
const schema = z.object({
  siteName: z.string({ required_error: "adminUsers.settings.siteNameRequired" }).trim().min(1, "adminUsers.settings.siteNameRequired").max(100),
  referenceCities: z.array(z.string().refine((id) => cityIds.has(id))).min(1, "adminUsers.settings.citiesRequired").max(20),
  defaultLocale: z.enum(SUPPORTED_LOCALES),
  senderAddress: z.string().trim().max(200).regex(SENDER, "adminUsers.settings.senderInvalid").optional(),
  // A bare address (it becomes a Reply-To header and a calendar ORGANIZER, no display name).
  contactAddress: z.string().trim().max(200).email("adminUsers.settings.contactInvalid").optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const settings = await getSiteSettings();
  // Stored as zones; shown as the first known city of each zone.
  const ids = settings.referenceCities.flatMap((zone) => KNOWN_CITIES.find((c) => c.zone === zone)?.id ?? []);
  return { values: { ...settings, referenceCities: ids } as Record<string, unknown>, csrf: await getCsrfToken(request) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return data({ errors: submission.reply().error ?? {}, values: submission.payload as Record<string, unknown> }, { status: 400 });
  }
  const { siteName, referenceCities, defaultLocale, senderAddress, contactAddress } = submission.value;
  const zones = [...new Set(KNOWN_CITIES.filter((c) => referenceCities.includes(c.id)).map((c) => c.zone))];
  await saveSiteSettings(admin.id, { siteName, referenceCities: zones, defaultLocale, senderAddress: senderAddress ?? "", contactAddress: contactAddress ?? "" });
  return redirect("/admin/settings?saved=1");
}

export default function Settings() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.errors ?? {};
  const v = actionData?.values ?? loaded.values;
  const cities = new Set(list(v.referenceCities));
  const [params] = useSearchParams();
  const { t } = useTranslation();
  return (
    <div className="admin-page">
      <h1>{t("adminUsers.settings.title")}</h1>
      {params.get("saved") ? <p className="notice notice-success" role="status">{t("adminUsers.settings.saved")}</p> : null}
      <p>
        <Link to="/admin/settings/privacy">{t("adminPrivacy.settingsLink")}</Link>
      </p>
      <Form method="post" className="admin-form">
        <input type="hidden" name="csrf" value={loaded.csrf} />
        <Field name="siteName" label={t("adminUsers.settings.siteName")} errors={errors}>
          {(a) => <input {...a} defaultValue={str(v.siteName)} maxLength={100} required />}
        </Field>
        <fieldset>
          <legend>{t("adminUsers.settings.referenceCities")}</legend>
          <p className="hint">{t("adminUsers.settings.referenceCitiesHint")}</p>
          <div className="choice-columns">
            {KNOWN_CITIES.map((c) => (
              <Checkbox key={c.id} name="referenceCities" value={c.id} label={c.city} defaultChecked={cities.has(c.id)} />
            ))}
          </div>
          <FieldMessage name="referenceCities" errors={errors} />
        </fieldset>
        <Field name="defaultLocale" label={t("adminUsers.settings.defaultLocale")} errors={errors}>
          {(a) => (
            <select {...a} defaultValue={str(v.defaultLocale) || "en"}>
              {SUPPORTED_LOCALES.map((l) => (
                <option key={l} value={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="senderAddress" label={t("adminUsers.settings.senderAddress")} hint={t("adminUsers.settings.senderAddressHint")} errors={errors}>
          {(a) => <input {...a} defaultValue={str(v.senderAddress)} maxLength={200} dir="ltr" />}
        </Field>
        <Field name="contactAddress" label={t("adminUsers.settings.contactAddress")} hint={t("adminUsers.settings.contactAddressHint")} errors={errors}>
          {(a) => <input {...a} type="email" defaultValue={str(v.contactAddress)} maxLength={200} dir="ltr" />}
        </Field>
        <div className="form-actions">
          <SubmitButton label={t("adminUsers.settings.save")} pendingLabel={t("adminEvents.saving")} />
        </div>
      </Form>
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
