import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18n } from "~/i18n.server.ts";
import { requireSessionAdmin } from "~/sessions/session-page-context.server.ts";
import { getRegistrationsForExport } from "~/registration/session-registrations.server.ts";
import { buildRegistrationsCsv } from "~/registration/registrations-csv.ts";

// URL: /admin/events/:eventId/sessions/:sessionId/registrations.csv — the export, for Excel.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireSessionAdmin(request, params);
  const t = await i18n.getFixedT(request);
  const { slug, questions, registrations } = await getRegistrationsForExport(session.id);
  const csv = buildRegistrationsCsv(questions, registrations, {
    name: t("adminRegistrations.col.name"),
    email: t("adminRegistrations.col.email"),
    organisation: t("adminRegistrations.col.organisation"),
    country: t("adminRegistrations.col.country"),
    timeZone: t("adminRegistrations.col.timeZone"),
    language: t("adminRegistrations.col.language"),
    accessibilityNeeds: t("adminRegistrations.col.accessibilityNeeds"),
    status: t("adminRegistrations.col.status"),
    registeredAt: t("adminRegistrations.col.registeredAtUtc"),
    attendedMinutes: t("adminRegistrations.col.minutes"),
  });
  const date = session.startsAt.toISOString().slice(0, 10);
  // Slugs are [a-z0-9-]; the filter keeps the header safe whatever a slug becomes.
  const filename = `${slug.replace(/[^A-Za-z0-9-]+/g, "-")}-${date}-registrations.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
