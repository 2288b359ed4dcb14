import type { LinksFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { TimeZoneDetector } from "~/time/time-zone-detector.tsx";
import { LOCALE_NAMES, SUPPORTED_LOCALES, localeDirection } from "~/i18n.ts";
import { useNonce } from "~/utils/nonce.tsx";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// The loader lives in a .server module: the browser build swaps that one import for an empty
// module, where each server module imported here cost every page a request of its own.
export { loader } from "~/root.server.ts";

export type RootLoaderData = { locale: string; siteName: string; timeZone: string | null; light: boolean };

export function useRootData() {
  return useRouteLoaderData("root") as RootLoaderData | undefined;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const { t, i18n: instance } = useTranslation();
  const locale = data?.locale ?? instance.language ?? "en";
  const nonce = useNonce();
  return (
    <html lang={locale} dir={localeDirection(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("nav.skipToContent")}
        </a>
        <SiteHeader siteName={data?.siteName ?? t("site.defaultName")} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t("site.footer")}</p>
          <p>
            <Link to="/privacy">{t("privacy.title")}</Link>
          </p>
          <LightSwitch on={data?.light ?? false} />
        </footer>
        <TimeZoneDetector known={data?.timeZone ?? null} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function SiteHeader({ siteName }: { siteName: string }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <Link to="/events" className="site-name">
        {siteName}
      </Link>
      <nav aria-label={t("nav.main")}>
        <ul className="nav-list">
          <li>
            <NavLink to="/events">{t("nav.events")}</NavLink>
          </li>
          <li>
            <NavLink to="/recordings">{t("replay.libraryTitle")}</NavLink>
          </li>
          <li>
            <NavLink to="/search">{t("search.nav")}</NavLink>
          </li>
          <li>
            <NavLink to="/settings">{t("nav.settings")}</NavLink>
          </li>
        </ul>
      </nav>
      <LanguageSwitcher />
    </header>
  );
}

/** Turns the light version on or off from any page, and comes back to it (no JavaScript needed). */
function LightSwitch({ on }: { on: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/settings" className="light-switch" reloadDocument>
      <input type="hidden" name="intent" value="light" />
      <input type="hidden" name="light" value={on ? "off" : "on"} />
      <input type="hidden" name="returnTo" value={`${location.pathname}${location.search}`} />
      <span>{on ? t("settings.lightIsOn") : t("settings.lightIsOff")}</span>{" "}
      <button type="submit" className="button-secondary">
        {on ? t("settings.lightTurnOff") : t("settings.lightTurnOn")}
      </button>
    </Form>
  );
}

function LanguageSwitcher() {
  const { t, i18n: instance } = useTranslation();
  const location = useLocation();
  return (
    <nav aria-label={t("nav.language")} className="language-switcher">
      <ul className="nav-list">
        {SUPPORTED_LOCALES.map((code) => {
          const params = new URLSearchParams(location.search);
          params.set("lng", code);
          const current = instance.language === code;
          return (
            <li key={code}>
              <Link
                to={`${location.pathname}?${params}`}
                lang={code}
                hrefLang={code}
                aria-current={current ? "true" : undefined}
                reloadDocument
              >
                {LOCALE_NAMES[code]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export default function App() {
  const data = useRootData();
  // Keeps i18next in step when the server picked another language.
  useChangeLanguage(data?.locale ?? "en");
  return <Outlet />;
}

export { ErrorBoundary } from "~/components/route-error.tsx";
