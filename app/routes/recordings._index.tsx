import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageField, TopicField, TypeField } from "~/events/catalogue-filters.tsx";
import { Pagination } from "~/components/pagination.tsx";
import { ReplayCard } from "~/recordings/replay-card.tsx";
import { i18n } from "~/i18n.server.ts";
import { getCatalogueFilterOptions } from "~/events/events.server.ts";
import { listPublishedRecordings, type LibraryFilters } from "~/recordings/recordings.server.ts";
import { parseCatalogueParams } from "~/events/catalogue-params.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData?.pageTitle ?? "Recordings" },
  { name: "description", content: loaderData?.pageDescription ?? "" },
];

// Anonymous pages are cached by the server until the data changes.
export const headers = () => ({ "X-Page-Cache-TTL": "60" });

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const locale = await i18n.getLocale(request);
  const t = await i18n.getFixedT(locale);
  // The catalogue's filter rules (and its 400 messages for unknown values) apply here too.
  const { type, topic, language, page } = await parseCatalogueParams(url, t);
  const filters: LibraryFilters = { type, topic, language, page };
  const [result, options] = await Promise.all([listPublishedRecordings(filters, locale), getCatalogueFilterOptions()]);
  if (filters.page > result.pageCount) {
    throw data(t("replay.noSuchPage", { page: filters.page, count: result.pageCount }), { status: 404 });
  }
  return {
    filters,
    recordings: result.recordings,
    total: result.total,
    pageCount: result.pageCount,
    options,
    pageTitle: t("replay.libraryTitle"),
    pageDescription: t("replay.libraryDescription"),
  };
}

function librarySearch(filters: LibraryFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.type) params.set("type", filters.type);
  if (filters.topic) params.set("topic", filters.topic);
  if (filters.language) params.set("language", filters.language);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

export default function RecordingLibrary() {
  const { filters, recordings, total, pageCount, options, pageTitle } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="catalogue replay-library">
      <h1>{pageTitle}</h1>
      <p className="lead">{t("replay.libraryDescription")}</p>
      <Form method="get" action="/recordings" className="filters" aria-label={t("replay.filtersLabel")}>
        <TopicField id="recording-topic" value={filters.topic} pillars={options.pillars} />
        <LanguageField id="recording-language" value={filters.language} languages={options.languages} />
        <TypeField id="recording-type" value={filters.type} types={options.types} />
        <div className="filter-actions">
          <button type="submit">{t("replay.apply")}</button>
          <Link to="/recordings">{t("catalogue.clearFilters")}</Link>
        </div>
      </Form>
      <p role="status" className="result-count">
        {t("replay.total", { count: total })}
      </p>
      {recordings.length === 0 ? (
        <div className="empty">
          <p>{t("replay.empty")}</p>
          <Link to="/recordings">{t("catalogue.clearFilters")}</Link>
        </div>
      ) : (
        <ol className="event-list replay-list">
          {recordings.map((recording) => (
            <li key={recording.id}>
              <ReplayCard recording={recording} />
            </li>
          ))}
        </ol>
      )}
      <Pagination page={filters.page} pageCount={pageCount} hrefFor={(page) => `/recordings${librarySearch(filters, page)}`} />
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
