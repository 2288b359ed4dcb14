import type { HeadersFunction, MetaFunction } from "@remix-run/node";
import { Link, isRouteErrorResponse, useActionData, useLoaderData, useParams, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CancelSection, DetailsForm, ResendForm, SwitchSessionForm } from "~/registration/manage-sections.tsx";
import { ErrorBoundary as RouteError } from "~/components/route-error.tsx";
import { manageAction, manageLoader } from "./manage.server.ts";

// URL: /manage/<token>, the personal page linked from every email. No account: the token is the key.
export const loader = manageLoader;
export const action = manageAction;

export const meta: MetaFunction = () => [{ title: "Your registration" }, { name: "robots", content: "noindex" }];

export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders, errorHeaders }) => {
  const headers = new Headers(errorHeaders ?? loaderHeaders);
  for (const [key, value] of actionHeaders) headers.set(key, value);
  headers.set("Cache-Control", "private, no-store");
  headers.set("Referrer-Policy", "same-origin");
  return headers;
};

export default function ManagePage() {
  const { registration, event, session, zoneName, otherSessions, zoneGroups, recordings, justRegistered, done, confirmCancel } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { token } = useParams();
  const { t } = useTranslation();
  const here = `/manage/${token}`;
  const status = registration.status as "confirmed" | "waitlisted" | "pending" | "declined" | "cancelled";
  const doneKey = done && ["switched", "updated", "cancelled", "resent"].includes(done) ? `manage.done.${done}` : null;
  return (
    <article className="manage-page">
      <h1>{t("manage.title")}</h1>
      {justRegistered && registration.active ? (
        <p className="notice notice-success" role="status">
          {t(`manage.registered.${status as "confirmed" | "waitlisted" | "pending"}`)}
        </p>
      ) : null}
      {doneKey ? <p className="notice notice-success" role="status">{t(doneKey)}</p> : null}

      <section aria-labelledby="registration-heading" className="manage-summary">
        <h2 id="registration-heading">
          <Link to={`/events/${event.slug}`}>{event.title}</Link>
        </h2>
        <p>{t("manage.hello", { name: registration.name, email: registration.email })}</p>
        <dl>
          <dt>{t("manage.statusLabel")}</dt>
          <dd className={`status status-${status}`}>{t(`manage.status.${status}`)}</dd>
          <dt>{t("manage.when")}</dt>
          <dd>
            <strong>{session.title}</strong>
            <br />
            <span className={session.status === "cancelled" ? "is-cancelled" : undefined}>
              {session.date} · <span className="session-time">{session.time}</span> ({session.zoneName})
            </span>
            {session.referenceLine ? (
              <span className="reference-line">
                <br />
                <span className="visually-hidden">{t("event.referenceCities")}: </span>
                <bdi>{session.referenceLine}</bdi>
              </span>
            ) : null}
          </dd>
        </dl>
        <p className="zone-note">{t("manage.timesIn", { zone: zoneName })}</p>
        {session.status === "cancelled" ? <p className="notice notice-cancelled">{t("manage.sessionCancelled")}</p> : null}
        {!registration.active ? <p className="notice notice-cancelled">{t("manage.cancelledNotice")}</p> : null}
        {registration.active && session.status !== "cancelled" && !session.isPast ? (
          <p>
            <a href={`${here}/invite.ics`} download>
              {t("manage.downloadIcs")}
            </a>
          </p>
        ) : null}
      </section>

      {recordings.length ? (
        <section aria-labelledby="recordings-heading">
          <h2 id="recordings-heading">{t("manage.recordingsHeading")}</h2>
          <p>{t("manage.recordingsIntro")}</p>
          <ul>
            {recordings.map((recording) => (
              <li key={recording.id}>
                {/* The token lets the replay page add this person's progress to the learning record. */}
                <Link to={`/recordings/${recording.id}?r=${token}`}>{recording.title}</Link>
                {recording.minutes ? ` · ${t("event.minutes", { count: recording.minutes })}` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {registration.active ? (
        <>
          <SwitchSessionForm sessions={otherSessions} error={result?.intent === "switch" ? result.error : null} />
          <DetailsForm
            defaults={{ name: registration.name, timeZone: registration.timeZone, locale: registration.locale }}
            zoneGroups={zoneGroups}
            lastResult={result?.intent === "update" ? result.result : null}
          />
          <ResendForm error={result?.intent === "resend" ? result.error : null} />
          <CancelSection confirm={confirmCancel} here={here} />
        </>
      ) : null}
    </article>
  );
}

/** An unknown or tampered link gets a page that says so, never a 500. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <div className="error-page">
        <h1>{t("manage.invalidTitle")}</h1>
        <p>{t("manage.invalid")}</p>
        <p>
          <Link to="/events">{t("errors.backToEvents")}</Link>
        </p>
      </div>
    );
  }
  return <RouteError />;
}
