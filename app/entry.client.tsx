import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { DEFAULT_LOCALE, i18nConfig, isLocale } from "./i18n.ts";
import { localeBackend } from "./locales/loaders.ts";

async function hydrate() {
  const lang = document.documentElement.lang;
  const lng = isLocale(lang) ? lang : DEFAULT_LOCALE;
  await i18next
    .use(localeBackend)
    .use(initReactI18next)
    .init({
      ...i18nConfig,
      lng,
      // The public strings, plus the namespaces this page's routes name in handle.i18n (/admin's).
      ns: [...new Set(["translation", ...getInitialNamespaces()])],
      // Only the reader's language: every locale has every key (locales.test.ts), so English as a
      // fallback would only double what a French or Arabic reader downloads.
      fallbackLng: false,
    });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
