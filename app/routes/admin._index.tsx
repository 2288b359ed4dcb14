import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { managedEventsWhere } from "~/organisers/access.server.ts";
import { listManagedEvents } from "~/events/admin-events.server.ts";
import { requireOrganiser } from "~/organisers/auth.server.ts";
import { formatSessionRange } from "~/time/time.ts";

export const meta: MetaFunction = () => [{ title: "Organiser workspace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const events = await listManagedEvents(managedEventsWhere(organiser));
  return {
    events: events.map(({ next, ...event }) => ({
      ...event,
      // The next session in the zone it was planned in, which is how organisers think of it.
      next: next ? formatSessionRange(new Date(next.startsAt), new Date(next.startsAt), next.timeZone, "en-GB") : null,
    })),
  };
}

export default function Dashboard() {
  const { events } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div>
      <div className="page-heading">
        <h1>{t("admin.dashboard.title")}</h1>
        <Link to="/admin/events/new" className="button-link">
          {t("adminEvents.dashboard.newEvent")}
        </Link>
      </div>
      {events.length === 0 ? (
        <p>{t("admin.dashboard.empty")}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t("admin.dashboard.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.dashboard.event")}</th>
              <th scope="col">{t("admin.dashboard.status")}</th>
              <th scope="col">{t("adminEvents.dashboard.nextSession")}</th>
              <th scope="col">{t("admin.dashboard.sessions")}</th>
              <th scope="col">{t("admin.dashboard.confirmed")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>
                  <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
                  <br />
                  <span className="muted">{t(`eventType.${event.type}`)}</span>
                  {event.status !== "draft" ? (
                    <>
                      {" · "}
                      <Link to={`/events/${event.slug}`} className="muted">
                        {t("adminEvents.status.viewPublic")}
                      </Link>
                    </>
                  ) : null}
                </td>
                <td>
                  <span className={event.status === "cancelled" ? "badge badge-cancelled" : "badge"}>{t(`admin.status.${event.status}`)}</span>
                </td>
                <td>{event.next ? `${event.next.date}, ${event.next.time.split("–")[0]} ${event.next.zoneAbbreviation ?? event.next.offsetLabel}` : t("adminEvents.dashboard.none")}</td>
                <td>{event.sessionCount}</td>
                <td>{event.confirmed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
