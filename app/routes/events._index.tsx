import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { data } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { CatalogueFilterForm } from "~/components/catalogue-filters.tsx";
import { EventCard } from "~/components/event-card.tsx";
import { Pagination } from "~/components/pagination.tsx";
import { i18n } from "~/i18n.server.ts";
import { getCatalogueFilterOptions, listCatalogue } from "~/models/events.server.ts";
import { catalogueSearch } from "~/utils/catalogue-links.ts";
import { parseCatalogueParams } from "~/utils/catalogue-params.server.ts";
import { getViewerTimeZone } from "~/utils/preferences.server.ts";
import { formatSessionRange } from "~/utils/session-times.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData?.pageTitle ?? "Events" },
  { name: "description", content: loaderData?.pageDescription ?? "" },
];

// Anonymous catalogue pages are cached by the server until the data changes.
export const headers = () => ({ "X-Page-Cache-TTL": "60" });

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
  return {
    filters,
    events,
    total: result.total,
    pageCount: result.pageCount,
    options,
    pageTitle: t(filters.when === "past" ? "catalogue.pastTitle" : "catalogue.title"),
    pageDescription: t("catalogue.description"),
  };
}

export default function Catalogue() {
  const { filters, events, total, pageCount, options, pageTitle } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/events";
  return (
    <div className="catalogue">
      <h1>{pageTitle}</h1>
      <p className="lead">{t("catalogue.description")}</p>
      <nav aria-label={t("catalogue.whenLabel")} className="tabs">
        <Link to={`/events${catalogueSearch(filters, { when: "upcoming", page: 1 })}`} aria-current={filters.when === "upcoming" ? "page" : undefined}>
          {t("catalogue.upcoming")}
        </Link>
        <Link to={`/events${catalogueSearch(filters, { when: "past", page: 1 })}`} aria-current={filters.when === "past" ? "page" : undefined}>
          {t("catalogue.past")}
        </Link>
      </nav>
      <CatalogueFilterForm filters={filters} options={options} />
      <p role="status" className="result-count" aria-busy={loading}>
        {loading ? t("common.loading") : t("catalogue.resultCount", { count: total })}
      </p>
      {events.length === 0 ? (
        <div className="empty">
          <p>{t(filters.when === "past" ? "catalogue.emptyPast" : "catalogue.emptyUpcoming")}</p>
          <Link to="/events">{t("catalogue.clearFilters")}</Link>
        </div>
      ) : (
        <ol className={`event-list${loading ? " is-loading" : ""}`}>
          {events.map((event) => (
            <li key={event.id}>
              <EventCard event={event} filters={filters} />
            </li>
          ))}
        </ol>
      )}
      <Pagination page={filters.page} pageCount={pageCount} hrefFor={(page) => `/events${catalogueSearch(filters, { page })}`} />
      <p className="feed-link">
        <a href={`/calendar.ics${catalogueSearch({ ...filters, when: "upcoming", page: 1, q: undefined })}`}>{t("catalogue.subscribe")}</a>
      </p>
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
