import ar from "./ar.ts";
import en from "./en.ts";
import es from "./es.ts";
import fr from "./fr.ts";
import pl from "./pl.ts";

// Every supported locale, loaded up front on the server. A key missing from a locale would fall
// back to English (i18next's fallbackLng), but locales.test.ts keeps them complete.
export const resources = {
  en: { translation: en },
  fr: { translation: fr },
  es: { translation: es },
  ar: { translation: ar },
  pl: { translation: pl },
} as const;
