import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { EventResult, RecordingResult, Segment } from "~/search/search.server.ts";
import { languageName } from "~/utils/language-names.ts";

/** Text with the matched words in <mark>; React escapes the rest, so no HTML comes from the index. */
function MarkedText({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, index) => (segment.mark ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
    </>
  );
}

/** 75 → "1:15", 3725 → "1:02:05". */
function formatTimestamp(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

export function SearchForm({ q, language, languages }: { q: string; language: string; languages: string[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Form method="get" action="/search" role="search" className="search-form">
      <div className="field">
        <label htmlFor="search-q">{t("search.label")}</label>
        <input id="search-q" type="search" name="q" defaultValue={q} maxLength={200} aria-describedby="search-hint" />
        <p id="search-hint" className="hint">
          {t("search.hint")}
        </p>
      </div>
      <div className="field">
        <label htmlFor="search-language">{t("search.language")}</label>
        <select id="search-language" name="language" defaultValue={language}>
          <option value="">{t("search.anyLanguage")}</option>
          {languages.map((code) => (
            <option key={code} value={code} lang={code}>
              {languageName(code, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t("search.submit")}</button>
    </Form>
  );
}

export function SearchRecordingList({ recordings }: { recordings: RecordingResult[] }) {
  const { t } = useTranslation();
  return (
    <ol className="search-results">
      {recordings.map((recording) => (
        <li key={recording.recordingId} className="search-recording">
          <h3>
            <Link to={`/recordings/${encodeURIComponent(recording.recordingId)}`}>{recording.recordingTitle}</Link>
          </h3>
          {recording.eventTitle && recording.eventTitle !== recording.recordingTitle ? (
            <p className="search-event-of">{t("search.fromEvent", { title: recording.eventTitle })}</p>
          ) : null}
          <ul className="search-hits" lang={recording.languageCode} dir="auto">
            {recording.hits.map((hit) => (
              <li key={hit.position}>
                <Link to={hit.href} className="search-hit">
                  <span className="search-time" dir="ltr">
                    <span className="visually-hidden">{t("search.at", { time: formatTimestamp(hit.startSeconds) })}</span>
                    <span aria-hidden="true">{formatTimestamp(hit.startSeconds)}</span>
                  </span>{" "}
                  {hit.speaker ? <span className="search-speaker">{hit.speaker}: </span> : null}
                  <MarkedText segments={hit.segments} />
                </Link>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

export function SearchEventList({ events }: { events: EventResult[] }) {
  return (
    <ol className="search-results">
      {events.map((event) => (
        <li key={event.slug} className="search-event">
          <h3 dir="auto">
            <Link to={event.href}>
              <MarkedText segments={event.title} />
            </Link>
          </h3>
          {event.snippet.length > 0 ? (
            <p dir="auto">
              <MarkedText segments={event.snippet} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
