import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languageName } from "~/utils/language-names.ts";
import { localeDirection } from "~/i18n.ts";
import { RegistrationSection } from "~/registration/registration-section.tsx";
import { SessionList } from "~/sessions/session-list.tsx";
import type { loader } from "./event.server.ts";

// The loader lives in its own .server module: the browser build replaces that one import with an
// empty module, where importing each server module here cost the page a request apiece. The
// file's name must be unique: the compiler shares one empty module per import specifier, and a
// module shared by two routes becomes a chunk (and a request) of its own.
export { loader } from "./event.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) =>
  loaderData
    ? [{ title: loaderData.event.title }, { name: "description", content: loaderData.event.summary }]
    : [{ title: "Not found" }];

export const headers = () => ({ "X-Page-Cache-TTL": "60" });

export default function EventPage() {
  const { event, sessions, zone, registration } = useLoaderData<typeof loader>();
  const { t, i18n: instance } = useTranslation();
  const langNames = { of: (code: string) => languageName(code, instance.language) };
  const contentLang = event.contentLocale !== instance.language ? event.contentLocale : undefined;
  const content = contentLang ? { lang: contentLang, dir: localeDirection(contentLang) } : {};
  return (
    <article className="event-page">
      <p className="breadcrumb">
        <Link to="/events">{t("event.backToCatalogue")}</Link>
      </p>
      <p className="card-meta">
        <span className="badge">{t(`eventType.${event.type}`)}</span>
        {event.series ? <span className="series">{event.series.title}</span> : null}
      </p>
      <h1 {...content}>{event.title}</h1>
      {event.status === "cancelled" ? (
        <div className="notice notice-cancelled" role="note">
          <strong>{t("event.cancelledNotice")}</strong> {event.cancellationNote}
        </div>
      ) : null}
      <p className="lead" {...content}>{event.summary}</p>
      {contentLang ? (
        <p className="notice">{t("event.originalLanguage", { language: langNames.of(contentLang) ?? contentLang })}</p>
      ) : null}

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("event.sessionsHeading", { count: sessions.length })}</h2>
        <p className="zone-note">
          {zone.detected ? t("event.timesShownIn", { zone: zone.name }) : t("event.timesShownInEventZone", { zone: zone.name })}{" "}
          <Link to={`/settings?returnTo=${encodeURIComponent(`/events/${event.slug}`)}`}>{t("event.changeTimeZone")}</Link>
        </p>
        <SessionList sessions={sessions} registerPath={`/events/${event.slug}/register`} openSessionIds={registration?.sessions.map((s) => s.id)} />
      </section>

      {registration && event.status !== "cancelled" ? <RegistrationSection slug={event.slug} form={registration} /> : null}

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">{t("event.about")}</h2>
        <div className="prose" {...content} dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} />
      </section>

      {event.speakers.length ? (
        <section aria-labelledby="speakers-heading">
          <h2 id="speakers-heading">{t("event.speakers")}</h2>
          <ul className="speakers">
            {event.speakers.map(({ role, speaker }) => (
              <li key={speaker.slug}>
                <strong>{speaker.name}</strong>
                {role !== "speaker" ? <span className="role"> · {t(`speakerRole.${role}`, { defaultValue: role })}</span> : null}
                <br />
                <span className="affiliation">{[speaker.jobTitle, speaker.affiliation].filter(Boolean).join(", ")}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="details-heading" className="details">
        <h2 id="details-heading">{t("event.details")}</h2>
        <dl>
          <dt>{t("event.languages")}</dt>
          <dd>
            {t("event.heldIn", { language: langNames.of(event.primaryLanguage.code) })}
            {event.supportedLanguages.map(({ kind, language }) => (
              <span key={language.code}>
                {" · "}
                {t(`event.languageKind.${kind}`, { language: langNames.of(language.code), defaultValue: langNames.of(language.code) })}
              </span>
            ))}
          </dd>
          {event.topics.length ? (
            <>
              <dt>{t("event.topics")}</dt>
              <dd>
                <ul className="inline-list">
                  {event.topics.map((topic) => (
                    <li key={topic.slug}>
                      <Link to={`/events?topic=${topic.slug}`}>
                        {topic.kind === "pillar" ? t("topic.pillarTitle", { number: topic.number, title: topic.title }) : t("topic.standardTitle", { number: topic.number, title: topic.title })}
                      </Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {event.isRecorded ? (
            <>
              <dt>{t("event.recordingLabel")}</dt>
              <dd>{t("event.isRecorded")}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {event.recordings.length ? (
        <section aria-labelledby="recordings-heading">
          <h2 id="recordings-heading">{t("event.recordings")}</h2>
          <ul>
            {event.recordings.map((recording) => (
              <li key={recording.id}>
                <Link to={`/recordings/${recording.id}`}>{recording.title || event.title}</Link> · {langNames.of(recording.languageCode)}
                {recording.durationSeconds ? ` · ${t("event.minutes", { count: Math.round(recording.durationSeconds / 60) })}` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {event.resources.length ? (
        <section aria-labelledby="resources-heading">
          <h2 id="resources-heading">{t("event.resources")}</h2>
          <ul>
            {event.resources.map((resource) => (
              <li key={resource.id}>
                <a href={resource.url} rel="noopener noreferrer" hrefLang={resource.languageCode}>
                  {resource.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
