import en from "./en.ts";

// Locales without their own file yet fall back to English key by key
// (i18next's fallbackLng), so a partly translated locale still renders.
export const resources = {
  en: { translation: en },
} as const;
