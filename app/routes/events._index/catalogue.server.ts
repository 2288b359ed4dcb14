import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { i18n } from "~/i18n.server.ts";
import { getCatalogueFilterOptions, listCatalogue } from "~/events/events.server.ts";
import { parseCatalogueParams } from "~/events/catalogue-params.server.ts";
import { getViewerTimeZone } from "~/time/preferences.server.ts";
import { formatSessionRange, zoneDisplayName } from "~/sessions/session-times.server.ts";

/** One page of the catalogue, filtered, with each event's next session in the viewer's zone. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const locale = await i18n.getLocale(request);
  const t = await i18n.getFixedT(locale);
  const filters = await parseCatalogueParams(url, t);
  const [result, options] = await Promise.all([listCatalogue(filters, locale), getCatalogueFilterOptions()]);
  if (filters.page > result.pageCount) {
    throw data(t("catalogue.noSuchPage", { page: filters.page, count: result.pageCount }), { status: 404 });
  }
  const viewerZone = getViewerTimeZone(request);
  const events = result.events.map((event) => {
    const session = event.nextSession;
    const zone = viewerZone ?? session?.timeZone ?? event.timeZone;
    return {
      ...event,
      when: session ? formatSessionRange(session.startsAt, session.endsAt, zone, locale) : null,
    };
  });
  // Without a known zone (no JavaScript, nothing chosen yet) each card is in its own event's
  // zone, so the page must not claim "your time zone" and each card names its zone.
  const zone = viewerZone ? { known: true as const, name: zoneDisplayName(viewerZone, locale) } : { known: false as const, name: null };
  return {
    filters,
    events,
    zone,
    total: result.total,
    pageCount: result.pageCount,
    options,
    pageTitle: t(filters.when === "past" ? "catalogue.pastTitle" : "catalogue.title"),
    pageDescription: t("catalogue.description"),
  };
}
