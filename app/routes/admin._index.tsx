import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { managedEventsWhere } from "~/models/access.server.ts";
import { requireOrganiser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";

export const meta: MetaFunction = () => [{ title: "Organiser workspace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const events = await prisma.event.findMany({
    where: managedEventsWhere(organiser),
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      type: true,
      sessions: { select: { id: true, startsAt: true, _count: { select: { registrations: { where: { status: "confirmed" } } } } } },
    },
  });
  return {
    events: events.map((event) => ({
      ...event,
      sessionCount: event.sessions.length,
      confirmed: event.sessions.reduce((sum, s) => sum + s._count.registrations, 0),
      nextStart: event.sessions.map((s) => s.startsAt).sort((a, b) => a.getTime() - b.getTime())[0]?.toISOString() ?? null,
    })),
  };
}

export default function Dashboard() {
  const { events } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div>
      <h1>{t("admin.dashboard.title")}</h1>
      {events.length === 0 ? (
        <p>{t("admin.dashboard.empty")}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t("admin.dashboard.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.dashboard.event")}</th>
              <th scope="col">{t("admin.dashboard.status")}</th>
              <th scope="col">{t("admin.dashboard.sessions")}</th>
              <th scope="col">{t("admin.dashboard.confirmed")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>
                  <Link to={`/events/${event.slug}`}>{event.title}</Link>
                  <br />
                  <span className="muted">{t(`eventType.${event.type}`)}</span>
                </td>
                <td>{t(`admin.status.${event.status}`)}</td>
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
