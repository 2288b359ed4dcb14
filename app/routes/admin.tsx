import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { adminHandle, loadWithAdminStrings } from "~/locales/admin-namespace.ts";
import { getCsrfToken, requireOrganiser } from "~/organisers/auth.server.ts";

export const handle = adminHandle;
export const clientLoader = loadWithAdminStrings;

/** The organiser workspace: every page below checks the sign-in here and again in its own loader/action. */
export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  return { organiser: { email: organiser.email, role: organiser.role }, csrf: await getCsrfToken(request) };
}

export default function AdminLayout() {
  const { organiser, csrf } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="admin">
      <nav aria-label={t("admin.nav.label")} className="admin-nav">
        <ul className="nav-list">
          <li>
            <NavLink to="/admin" end>
              {t("admin.nav.dashboard")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/events/new">{t("adminEvents.nav.newEvent")}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/speakers">{t("adminEvents.nav.speakers")}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/outbox">{t("admin.nav.outbox")}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/account">{t("adminEvents.nav.account")}</NavLink>
          </li>
          {organiser.role === "admin" ? (
            <li>
              <NavLink to="/admin/users">{t("adminEvents.nav.users")}</NavLink>
            </li>
          ) : null}
          {organiser.role === "admin" ? (
            <li>
              <NavLink to="/admin/settings">{t("adminEvents.nav.settings")}</NavLink>
            </li>
          ) : null}
          {organiser.role === "admin" ? (
            <li>
              <NavLink to="/admin/mail">{t("adminRegistrations.nav.mail")}</NavLink>
            </li>
          ) : null}
          {organiser.role === "admin" ? (
            <li>
              <NavLink to="/admin/audit">{t("admin.nav.audit")}</NavLink>
            </li>
          ) : null}
        </ul>
        <Form method="post" action="/admin/logout" className="signout">
          <input type="hidden" name="csrf" value={csrf} />
          <span className="muted">{organiser.email}</span> <button type="submit" className="link-button">{t("admin.nav.signOut")}</button>
        </Form>
      </nav>
      <Outlet />
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
