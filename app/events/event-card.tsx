import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languageName } from "~/utils/language-names.ts";
import { localeDirection } from "~/i18n.ts";
import type { CatalogueFilters } from "~/events/events.server.ts";
import { catalogueSearch } from "~/events/catalogue-links.ts";
import type { SessionRangeText } from "~/time/time.ts";

type Card = {
  slug: string;
  title: string;
  summary: string;
  type: string;
  status: string;
  contentLocale: string;
  languages: string[];
  topics: { slug: string; title: string; kind: string; number: number }[];
  sessionCount: number;
  hasRecording: boolean;
  when: SessionRangeText | null;
};

/** `zoneKnown`: times are in the viewer's zone, named once above the list; otherwise each card names its own. */
export function EventCard({ event, filters, zoneKnown = true }: { event: Card; filters: CatalogueFilters; zoneKnown?: boolean }) {
  const { t, i18n } = useTranslation();
  const langNames = { of: (code: string) => languageName(code, i18n.language) };
  // Title and summary may be in another language than the interface.
  const content =
    event.contentLocale !== i18n.language ? { lang: event.contentLocale, dir: localeDirection(event.contentLocale) } : {};
  return (
    <article className="event-card">
      <p className="card-meta">
        <Link className="badge" to={`/events${catalogueSearch(filters, { type: event.type, page: 1 })}`}>
          {t(`eventType.${event.type}`)}
        </Link>
        {event.status === "cancelled" ? <span className="badge badge-cancelled">{t("event.cancelled")}</span> : null}
        {event.hasRecording ? <span className="badge badge-recording">{t("event.recordingAvailable")}</span> : null}
      </p>
      <h2 className="card-title" {...content}>
        <Link to={`/events/${event.slug}`}>{event.title}</Link>
      </h2>
      {event.when ? (
        <p className="card-when">
          <time>{event.when.date}</time>, {event.when.time}{" "}
          {zoneKnown ? (
            // Across a clock change `time` already labels each end with its offset.
            event.when.endOffsetLabel ? null : <abbr title={event.when.zoneName}>{event.when.zoneAbbreviation ?? event.when.offsetLabel}</abbr>
          ) : (
            <span className="card-zone">({event.when.zoneName})</span>
          )}
          {event.sessionCount > 1 ? ` · ${t("event.sessionCount", { count: event.sessionCount })}` : null}
        </p>
      ) : null}
      <p className="card-summary" {...content}>{event.summary}</p>
      <p className="card-tags">
        <span className="visually-hidden">{t("event.languages")}: </span>
        {event.languages.map((code) => langNames.of(code) ?? code).join(" · ")}
        {event.topics.length ? " — " : null}
        {event.topics.slice(0, 3).map((topic, index) => (
          <span key={topic.slug}>
            {index > 0 ? ", " : null}
            <Link to={`/events${catalogueSearch(filters, { topic: topic.slug, page: 1 })}`}>
              {topic.kind === "pillar" ? t("topic.pillar", { number: topic.number }) : t("topic.standardShort", { number: topic.number, title: topic.title })}
            </Link>
          </span>
        ))}
      </p>
    </article>
  );
}
