import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18n } from "~/i18n.server.ts";
import { safeReturnTo } from "~/utils/safe-redirect.ts";
import { getLightMode, getViewerTimeZone, serializeLightCookie, serializeTimeZoneCookie } from "~/time/preferences.server.ts";
import { TimeZoneChooser } from "~/time/time-zone-chooser.tsx";
import { timeZoneGroups, zoneGroupLabels } from "~/time/time-zone-choices.server.ts";
import { isValidTimeZone, zoneDisplayName } from "~/time/time.ts";

export const meta: MetaFunction = () => [{ title: "Settings" }];


export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await i18n.getLocale(request);
  const t = await i18n.getFixedT(locale);
  const current = getViewerTimeZone(request);
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get("returnTo"), "/events");
  return {
    current,
    currentName: current ? zoneDisplayName(current, locale) : null,
    // Also fetched by the registration form's "show them all" (TimeZoneChooser).
    zoneGroups: timeZoneGroups(locale, zoneGroupLabels(t), { current }),
    returnTo,
    light: getLightMode(request),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const zone = String(form.get("timeZone") ?? "").trim();
  const returnTo = safeReturnTo(form.get("returnTo"), "/events");
  if (form.get("intent") === "light") {
    const light = form.get("light");
    if (light !== "on" && light !== "off") {
      const t = await i18n.getFixedT(request);
      return data({ error: null, lightError: t("settings.lightInvalid") }, { status: 400 });
    }
    return redirect(returnTo, { headers: { "Set-Cookie": serializeLightCookie(light === "on") } });
  }
  if (!isValidTimeZone(zone)) {
    const t = await i18n.getFixedT(request);
    return data({ error: t("settings.invalidZone", { zone }), lightError: null }, { status: 400 });
  }
  return redirect(returnTo, { headers: { "Set-Cookie": serializeTimeZoneCookie(zone) } });
}

export default function Settings() {
  const { current, currentName, zoneGroups, returnTo, light } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="settings">
      <h1>{t("settings.pageTitle")}</h1>
      <h2>{t("settings.title")}</h2>
      <p>{current ? t("settings.currentZone", { zone: currentName, id: current }) : t("settings.noZone")}</p>
      <Form method="post" className="stack">
        <input type="hidden" name="returnTo" value={returnTo} />
        <div className="field">
          <label htmlFor="timeZone">{t("settings.timeZone")}</label>
          <TimeZoneChooser
            id="timeZone"
            name="timeZone"
            groups={zoneGroups}
            defaultValue={current ?? "UTC"}
            aria-invalid={actionData?.error ? true : undefined}
            aria-describedby={actionData?.error ? "timeZone-error" : "timeZone-hint"}
          />
          <p id="timeZone-hint" className="hint">{t("settings.timeZoneHint")}</p>
          {actionData?.error ? (
            <p id="timeZone-error" className="field-error" role="alert">
              {actionData.error}
            </p>
          ) : null}
        </div>
        <button type="submit">{t("settings.save")}</button>
      </Form>
      <h2 id="light-heading">{t("settings.lightTitle")}</h2>
      <p>{t("settings.lightExplained")}</p>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="light" />
        <input type="hidden" name="returnTo" value={returnTo} />
        <fieldset>
          <legend>{t("settings.lightLegend")}</legend>
          <div className="choice">
            <input type="radio" id="light-on" name="light" value="on" defaultChecked={light} />
            <label htmlFor="light-on">{t("settings.lightOn")}</label>
          </div>
          <div className="choice">
            <input type="radio" id="light-off" name="light" value="off" defaultChecked={!light} />
            <label htmlFor="light-off">{t("settings.lightOff")}</label>
          </div>
        </fieldset>
        {actionData?.lightError ? (
          <p className="field-error" role="alert">
            {actionData.lightError}
          </p>
        ) : null}
        <button type="submit">{t("settings.lightSave")}</button>
      </Form>
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
