import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CatalogueFilterForm } from "~/events/catalogue-filters.tsx";
import { EventCard } from "~/events/event-card.tsx";
import { Pagination } from "~/components/pagination.tsx";
import { catalogueSearch } from "~/events/catalogue-links.ts";
import type { loader } from "./catalogue.server.ts";

// The loader lives in its own .server module: the browser build replaces that one import with an
// empty module, where importing each server module here cost the page a request apiece. The
// file's name must be unique: the compiler shares one empty module per import specifier, and a
// module shared by two routes becomes a chunk (and a request) of its own.
export { loader } from "./catalogue.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData?.pageTitle ?? "Events" },
  { name: "description", content: loaderData?.pageDescription ?? "" },
];

// Anonymous catalogue pages are cached by the server until the data changes.
export const headers = () => ({ "X-Page-Cache-TTL": "60" });

export default function Catalogue() {
  const { filters, events, zone, total, pageCount, options, pageTitle } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/events";
  return (
    <div className="catalogue">
      <h1>{pageTitle}</h1>
      <p className="lead">{t(zone.known ? "catalogue.description" : "catalogue.descriptionNoZone")}</p>
      <p className="zone-note">
        {zone.known ? t("event.timesShownIn", { zone: zone.name }) : t("catalogue.timesInEventZones")}{" "}
        <Link to={`/settings?returnTo=${encodeURIComponent(`/events${catalogueSearch(filters, {})}`)}`}>
          {t(zone.known ? "event.changeTimeZone" : "catalogue.chooseTimeZone")}
        </Link>
      </p>
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
              <EventCard event={event} filters={filters} zoneKnown={zone.known} />
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
