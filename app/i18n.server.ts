import { createCookie } from "@remix-run/node";
import { createInstance, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, i18nConfig, isLocale } from "./i18n.ts";
import { resources } from "./locales/index.server.ts";

// Remembered choice of interface language; a year, readable by the server only.
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...SUPPORTED_LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: { ...i18nConfig, resources },
});

// One initialised i18next per language, shared by every request: building one per call
// showed up in profiles, and a fixed-language instance is never changed afterwards.
const instances = new Map<string, Promise<ReturnType<typeof createInstance>>>();

export function getI18nInstance(locale: string) {
  const lng = isLocale(locale) ? locale : DEFAULT_LOCALE;
  let instance = instances.get(lng);
  if (!instance) {
    const created = createInstance();
    instance = created.init({ ...i18nConfig, lng, resources }).then(() => created);
    instances.set(lng, instance);
  }
  return instance;
}

export const i18n = {
  getLocale: (request: Request) => detector.getLocale(request),
  async getFixedT(requestOrLocale: Request | string): Promise<TFunction> {
    const locale = typeof requestOrLocale === "string" ? requestOrLocale : await detector.getLocale(requestOrLocale);
    return (await getI18nInstance(locale)).getFixedT(isLocale(locale) ? locale : DEFAULT_LOCALE);
  },
};
