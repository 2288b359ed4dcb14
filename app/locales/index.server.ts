import ar from "./ar.ts";
import adminAr from "./admin/ar.ts";
import adminEn from "./admin/en.ts";
import adminEs from "./admin/es.ts";
import adminFr from "./admin/fr.ts";
import adminPl from "./admin/pl.ts";
import en from "./en.ts";
import es from "./es.ts";
import fr from "./fr.ts";
import pl from "./pl.ts";

// Every supported locale and namespace, loaded up front on the server (pages, admin, emails). A
// key missing from a locale would fall back to English (i18next's fallbackLng), but
// locales.test.ts keeps them complete.
export const resources = {
  en: { translation: en, admin: adminEn },
  fr: { translation: fr, admin: adminFr },
  es: { translation: es, admin: adminEs },
  ar: { translation: ar, admin: adminAr },
  pl: { translation: pl, admin: adminPl },
} as const;
