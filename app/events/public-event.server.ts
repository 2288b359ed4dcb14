import { data } from "@remix-run/node";
import { i18n } from "~/i18n.server.ts";
import { getPublicEvent } from "~/events/events.server.ts";
import { getSiteSettings } from "~/organisers/settings.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { getViewerTimeZone } from "~/time/preferences.server.ts";
import { describeSessions } from "~/sessions/session-times.server.ts";

/**
 * A public event as this visitor sees it, for the event page and the registration page: in their
 * language, each session in their time zone (or the event's, before the browser has told us) and
 * in the reference cities. An unknown or unpublished slug is a 404 page that names it.
 */
export async function loadPublicEventForViewer(request: Request, slug: string) {
  const locale = await i18n.getLocale(request);
  const t = await i18n.getFixedT(locale);
  const event = await getPublicEvent(slug, locale);
  if (!event) throw data(t("event.notFound", { slug }), { status: 404 });
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
  return { locale, t, event, sessions, viewerZone, displayZone };
}
