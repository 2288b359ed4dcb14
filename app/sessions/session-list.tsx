import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { SessionDisplay } from "~/sessions/session-times.server.ts";

type Props = {
  sessions: SessionDisplay[];
  /** The register page, linked from each session open for registration (those in `openSessionIds`). */
  registerPath?: string;
  openSessionIds?: string[];
};

export function SessionList({ sessions, registerPath, openSessionIds = [] }: Props) {
  const { t } = useTranslation();
  if (sessions.length === 0) return <p>{t("event.noSessions")}</p>;
  return (
    <ol className="sessions">
      {sessions.map((session, index) => (
        <li key={session.id} className={`session${session.status === "cancelled" ? " is-cancelled" : ""}`}>
          <h3>
            {session.title ?? t("event.sessionNumber", { number: index + 1 })}
            {session.status === "cancelled" ? <span className="badge badge-cancelled">{t("event.cancelled")}</span> : null}
            {session.isPast && session.status !== "cancelled" ? <span className="badge">{t("event.past")}</span> : null}
          </h3>
          <p className="session-when">
            <time dateTime={session.startsAtIso}>
              <span className="session-date">{session.when.date}</span>{" "}
              <span className="session-time">{session.when.time}</span>
            </time>{" "}
            <span className="session-zone">({session.when.zoneName})</span>
          </p>
          <p className="session-language">{t("event.sessionLanguage", { language: session.language.nativeName })}</p>
          {session.cityTimes.length ? (
            <p className="reference-line">
              {/* Read before the times, not an aria-label: that is ignored on a paragraph. */}
              <span className="visually-hidden">{t("event.referenceCities")}: </span>
              {session.cityTimes.map((city, i) => (
                <Fragment key={`${city.zone}-${city.city}`}>
                  {i > 0 ? " · " : null}
                  <bdi className="city-time">
                    <span dir="ltr">{city.time}</span> {city.city}
                    {city.dayOffset > 0 ? <span className="day-offset"> ({t("time.nextDay")})</span> : null}
                    {city.dayOffset < 0 ? <span className="day-offset"> ({t("time.previousDay")})</span> : null}
                  </bdi>
                </Fragment>
              ))}
            </p>
          ) : null}
          {registerPath && openSessionIds.includes(session.id) ? (
            <p className="session-register">
              <a href={`${registerPath}?session=${encodeURIComponent(session.id)}`}>{t("registration.registerForSession")}</a>
            </p>
          ) : null}
          {session.status !== "cancelled" && !session.isPast ? (
            <ul className="calendar-links" aria-label={t("event.addToCalendar")}>
              <li>
                <a href={session.icsPath} download>
                  {t("event.downloadIcs")}
                </a>
              </li>
              <li>
                <a href={session.googleUrl} rel="noopener noreferrer" target="_blank">
                  {t("event.googleCalendar")}
                </a>
              </li>
              <li>
                <a href={session.outlookUrl} rel="noopener noreferrer" target="_blank">
                  {t("event.outlookCalendar")}
                </a>
              </li>
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
