import { Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type Header = {
  eventId: string;
  eventSlug: string;
  eventTitle: string;
  sessionId: string;
  sessionTitle: string | null;
  sessionStatus: string;
  when: string;
  rate: { confirmed: number; attended: number; rate: number | null };
};

/** Title, time, attendance rate and the tabs shared by a session's organiser pages. */
export function SessionAdminHeader({ header }: { header: Header }) {
  const { t } = useTranslation();
  const base = `/admin/events/${header.eventId}/sessions/${header.sessionId}`;
  return (
    <header className="session-admin-header">
      <p className="breadcrumb">
        <Link to={`/admin/events/${header.eventId}`}>{header.eventTitle}</Link> ·{" "}
        <a href={`/events/${header.eventSlug}`}>{t("adminRegistrations.publicPage")}</a>
      </p>
      <h1>
        {header.sessionTitle ?? header.eventTitle}
        {header.sessionStatus === "cancelled" ? <span className="badge badge-cancelled">{t("adminRegistrations.sessionCancelled")}</span> : null}
      </h1>
      <p className="session-admin-when">{header.when}</p>
      <AttendanceRateText rate={header.rate} />
      <nav aria-label={t("adminRegistrations.tabs.label")} className="tabs">
        <NavLink to={`${base}/registrations`} end>
          {t("adminRegistrations.tabs.registrations")}
        </NavLink>
        <NavLink to={`${base}/message`}>{t("adminRegistrations.tabs.message")}</NavLink>
        <NavLink to={`${base}/attendance`}>{t("adminRegistrations.tabs.attendance")}</NavLink>
      </nav>
    </header>
  );
}

function AttendanceRateText({ rate }: { rate: Header["rate"] }) {
  const { t } = useTranslation();
  return (
    <p className="attendance-rate">
      <strong>{t("adminRegistrations.rate.label")}:</strong>{" "}
      {rate.rate === null
        ? t("adminRegistrations.rate.none")
        : t("adminRegistrations.rate.value", { percent: Math.round(rate.rate * 100), attended: rate.attended, confirmed: rate.confirmed })}
    </p>
  );
}
