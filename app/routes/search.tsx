import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SearchEventList, SearchForm, SearchRecordingList } from "~/search/search-results.tsx";
import { i18n } from "~/i18n.server.ts";
import { RECORDINGS_PER_PAGE, listTranscriptLanguages, searchEvents, searchTranscripts } from "~/search/search.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData?.pageTitle ?? "Search" },
  { name: "description", content: loaderData?.pageDescription ?? "" },
  // Result pages are endless variations of one page.
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const locale = await i18n.getLocale(request);
  const t = await i18n.getFixedT(locale);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 200);
  const languages = await listTranscriptLanguages();
  const requestedLanguage = url.searchParams.get("language") ?? "";
  // An unknown language is ignored rather than refused: it would only ever find nothing.
  const language = languages.includes(requestedLanguage) ? requestedLanguage : "";
  const pageParam = Number(url.searchParams.get("page") ?? "1");
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  const allEvents = url.searchParams.get("events") === "all";
  const base = { q, language, languages, pageTitle: t("search.title"), pageDescription: t("search.metaDescription") };
  if (!q) return { ...base, transcripts: null, events: null, firstIndex: 0 };

  const [transcripts, events] = await Promise.all([
    searchTranscripts(q, { locale, language: language || undefined, page }),
    page === 1 ? searchEvents(q, { locale, limit: allEvents ? 50 : undefined }) : Promise.resolve(null),
  ]);
  if (page > 1 && transcripts.recordings.length === 0) {
    throw data(t("search.noSuchPage", { page }), { status: 404 });
  }
  // The page size stays on the server (search.server.ts is an empty stub in the browser), so the
  // count's first number travels with the data.
  const firstIndex = (transcripts.page - 1) * RECORDINGS_PER_PAGE;
  return { ...base, pageTitle: `${q} – ${t("search.title")}`, transcripts, events, firstIndex };
}

export default function Search() {
  const { q, language, languages, transcripts, events, firstIndex } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const hrefFor = (page: number) => {
    const params = new URLSearchParams({ q });
    if (language) params.set("language", language);
    if (page > 1) params.set("page", String(page));
    return `/search?${params}`;
  };
  return (
    <div className="search-page">
      <h1>{t("search.title")}</h1>
      <SearchForm q={q} language={language} languages={languages} />
      {!transcripts ? (
        <p className="empty">{t("search.emptyQuery")}</p>
      ) : !transcripts.expression ? (
        <p className="empty" role="status">
          {t("search.noWords", { query: q })}
        </p>
      ) : (
        <>
          <section aria-labelledby="search-recordings">
            <h2 id="search-recordings">{t("search.recordingsHeading")}</h2>
            {transcripts.recordings.length === 0 ? (
              <p className="empty" role="status">
                {t("search.noRecordings")}
              </p>
            ) : (
              <>
                <p role="status" className="result-count">
                  {t("search.showing", { from: firstIndex + 1, to: firstIndex + transcripts.recordings.length })}
                </p>
                <SearchRecordingList recordings={transcripts.recordings} />
              </>
            )}
            {transcripts.page > 1 || transcripts.hasMore ? (
              <nav aria-label={t("search.pagesLabel")} className="pagination">
                {transcripts.page > 1 ? (
                  <Link to={hrefFor(transcripts.page - 1)} rel="prev">
                    {t("search.previous")}
                  </Link>
                ) : null}
                {transcripts.hasMore ? (
                  <Link to={hrefFor(transcripts.page + 1)} rel="next">
                    {t("search.next")}
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </section>
          {events ? (
            <section aria-labelledby="search-events">
              <h2 id="search-events">{t("search.eventsHeading")}</h2>
              {events.events.length === 0 ? (
                <p className="empty">{t("search.noEvents")}</p>
              ) : (
                <>
                  <p className="result-count">{t("search.eventCount", { count: events.total })}</p>
                  <SearchEventList events={events.events} />
                  {events.total > events.events.length ? (
                    <p>
                      <Link to={`${hrefFor(1)}&events=all#search-events`}>{t("search.moreEvents", { count: events.total })}</Link>
                    </p>
                  ) : null}
                </>
              )}
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
