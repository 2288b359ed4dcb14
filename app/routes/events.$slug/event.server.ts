import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { loadRegistrationForm } from "~/components/registration-form.server.ts";
import { i18n } from "~/i18n.server.ts";
import { getPublicEvent } from "~/models/events.server.ts";
import { getSiteSettings } from "~/models/settings.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { renderMarkdown } from "~/utils/markdown.server.ts";
import { getLightMode, getViewerTimeZone } from "~/utils/preferences.server.ts";
import { describeSessions, zoneDisplayName } from "~/utils/session-times.server.ts";

/** The event page's data: the event, its sessions in the viewer's zone, and the registration form. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await i18n.getLocale(request);
  const t = await i18n.getFixedT(locale);
  const event = await getPublicEvent(params.slug ?? "", locale);
  if (!event) throw data(t("event.notFound", { slug: params.slug }), { status: 404 });
  const settings = await getSiteSettings();
  const viewerZone = getViewerTimeZone(request);
  const displayZone = viewerZone ?? event.timeZone;
  const sessions = describeSessions(event, {
    locale,
    displayZone,
    defaultCities: settings.referenceCities,
    baseUrl: getEnv().BASE_URL,
    dayLabels: { nextDay: t("time.nextDay"), previousDay: t("time.previousDay") },
  });
  // The form is the same for every visitor (only the tz and lng cookies, which the page cache
  // varies on, pre-fill it), so the page stays cacheable.
  const registration = await loadRegistrationForm(event.slug, sessions, { t, locale, timeZone: displayZone });
  const { description, sessions: _raw, translations: _t, ...rest } = event;
  return {
    event: {
      ...rest,
      descriptionHtml: renderMarkdown(description, {
        light: getLightMode(request)
          ? { label: (alt) => (alt ? t("settings.imageHidden", { alt }) : t("settings.imageHiddenNoAlt")) }
          : undefined,
      }),
    },
    sessions,
    registration,
    zone: { id: displayZone, name: zoneDisplayName(displayZone, locale), detected: viewerZone !== null },
  };
}
