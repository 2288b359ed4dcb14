// Shared i18next configuration for the server and the browser.
export const SUPPORTED_LOCALES = ["en", "fr", "es", "ar", "pl"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
const RTL_LOCALES: ReadonlySet<string> = new Set(["ar"]);

export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  fr: "Français",
  es: "Español",
  ar: "العربية",
  pl: "Polski",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export function localeDirection(locale: string): "rtl" | "ltr" {
  return RTL_LOCALES.has(locale) ? "rtl" : "ltr";
}

/**
 * i18next namespaces: "translation" holds the public pages' strings (app/locales/<lng>.ts), "admin"
 * the organiser workspace's (app/locales/admin/<lng>.ts), which only /admin pages download.
 */
export const NAMESPACES = ["translation", "admin"] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const i18nConfig = {
  supportedLngs: [...SUPPORTED_LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: "translation",
  // Organiser code writes t("adminEvents.title") like any other key: what the public namespace
  // lacks is looked up in "admin" (always there on the server; in the browser once an /admin page
  // has loaded it). The two namespaces never share a top-level section (locales.test.ts).
  fallbackNS: "admin",
  // React already escapes; double escaping would show &amp; to readers.
  interpolation: { escapeValue: false },
};
