/**
 * Email text by locale with per-key fallback to English, so a partly translated locale still
 * sends complete emails. To add a language: create `./<code>.ts` exporting a
 * `PartialEmailMessages` and register it in CATALOGUES below.
 */
import ar from "./ar.ts";
import en, { type PluralForms } from "./en.ts";
import es from "./es.ts";
import fr from "./fr.ts";
import pl from "./pl.ts";

export type EmailMessages = typeof en;
type DeepPartial<T> = { [K in keyof T]?: T[K] extends string | undefined ? string : DeepPartial<T[K]> };
export type PartialEmailMessages = DeepPartial<EmailMessages>;

const CATALOGUES: Record<string, PartialEmailMessages> = {
  en,
  fr,
  es,
  ar,
  pl,
};

/** Adds or replaces a locale at run time (tests; a future translation loader). */
export function registerEmailCatalogue(locale: string, messages: PartialEmailMessages) {
  CATALOGUES[locale] = messages;
  cache.delete(locale);
}

const RTL_LANGUAGES = new Set(["ar", "fa", "he", "ur"]);

function merge<T>(base: T, override: unknown): T {
  if (typeof base === "string") return (typeof override === "string" && override !== "" ? override : base) as T;
  if (!override || typeof override !== "object") return base;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base as Record<string, unknown>)) {
    result[key] = merge(value, (override as Record<string, unknown>)[key]);
  }
  // Plural categories English lacks ("few", "many"…) come only from the locale.
  for (const [key, value] of Object.entries(override as Record<string, unknown>)) {
    if (!(key in result) && typeof value === "string") result[key] = value;
  }
  return result as T;
}

/** "fr-CA" → "fr"; unknown → "en". */
export function resolveEmailLocale(locale: string | null | undefined): string {
  const tag = (locale ?? "").trim();
  if (CATALOGUES[tag]) return tag;
  const language = tag.split(/[-_]/)[0]?.toLowerCase() ?? "";
  return CATALOGUES[language] ? language : "en";
}

const cache = new Map<string, EmailMessages>();

export function emailMessages(locale: string | null | undefined): EmailMessages {
  const resolved = resolveEmailLocale(locale);
  let messages = cache.get(resolved);
  if (!messages) {
    messages = resolved === "en" ? en : merge(en, CATALOGUES[resolved]);
    cache.set(resolved, messages);
  }
  return messages;
}

export function textDirection(locale: string | null | undefined): "ltr" | "rtl" {
  const language = (locale ?? "").split(/[-_]/)[0]?.toLowerCase() ?? "";
  return RTL_LANGUAGES.has(language) ? "rtl" : "ltr";
}

/** Fills `{{name}}` placeholders; unknown placeholders are left visible rather than dropped. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** Picks the plural form for `count` in `locale` and fills `{{count}}`. */
export function plural(
  forms: PluralForms,
  count: number,
  locale: string,
): string {
  let category: Intl.LDMLPluralRule = "other";
  try {
    category = new Intl.PluralRules(locale).select(count);
  } catch {
    // A malformed locale tag: English rules are a reasonable guess.
    category = new Intl.PluralRules("en").select(count);
  }
  return fill(forms[category] ?? forms.other, { count });
}
