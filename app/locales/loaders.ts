// Browser-side: each locale of each namespace is its own chunk, so a reader downloads only their
// language's public strings, and only organiser pages download the "admin" namespace.
import type { BackendModule, ResourceKey } from "i18next";
import type { Locale, Namespace } from "../i18n.ts";

type Resource = { default: Record<string, unknown> };
export const localeLoaders: Record<Namespace, Record<Locale, () => Promise<Resource>>> = {
  translation: {
    en: () => import("./en.ts"),
    fr: () => import("./fr.ts"),
    es: () => import("./es.ts"),
    ar: () => import("./ar.ts"),
    pl: () => import("./pl.ts"),
  },
  admin: {
    en: () => import("./admin/en.ts"),
    fr: () => import("./admin/fr.ts"),
    es: () => import("./admin/es.ts"),
    ar: () => import("./admin/ar.ts"),
    pl: () => import("./admin/pl.ts"),
  },
};

/** i18next backend for the browser: fetches a namespace's chunk when i18next asks for it. */
export const localeBackend: BackendModule = {
  type: "backend",
  init() {},
  read(language, namespace, callback) {
    const load = localeLoaders[namespace as Namespace]?.[language as Locale];
    if (!load) {
      callback(new Error(`No "${namespace}" strings for "${language}"`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default as ResourceKey),
      (error: Error) => callback(error, true),
    );
  },
};
