import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { DEFAULT_LOCALE, i18nConfig } from "./i18n.ts";
import { localeLoaders } from "./locales/loaders.ts";

async function hydrate() {
  const lng = document.documentElement.lang || DEFAULT_LOCALE;
  // Load only the reader's language and the fallback, each as its own chunk.
  const wanted = [...new Set([lng, DEFAULT_LOCALE])].filter((code) => localeLoaders[code]);
  const loaded = await Promise.all(wanted.map((code) => localeLoaders[code]!()));
  const resources = Object.fromEntries(wanted.map((code, i) => [code, { translation: loaded[i]!.default }]));
  await i18next.use(initReactI18next).init({ ...i18nConfig, lng, ns: getInitialNamespaces(), resources });
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
