import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n.ts";
import { i18n, localeCookie } from "~/i18n.server.ts";
import { getSiteSettings } from "~/organisers/settings.server.ts";
import { getLightMode, getViewerTimeZone } from "~/time/preferences.server.ts";

/** Every page's shared data: language, site name, the viewer's time zone and light-version choice. */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await i18n.getLocale(request);
  const settings = await getSiteSettings();
  const headers = new Headers();
  // A language picked through ?lng= is remembered for the next visit.
  const requested = new URL(request.url).searchParams.get("lng");
  if (isLocale(requested)) headers.append("Set-Cookie", await localeCookie.serialize(requested));
  return data(
    { locale, siteName: settings.siteName, timeZone: getViewerTimeZone(request), light: getLightMode(request) },
    { headers },
  );
}
