import { createInstance } from "i18next";
import { describe, expect, test } from "vitest";
import { SUPPORTED_LOCALES, i18nConfig } from "../i18n.ts";
import ar from "./ar.ts";
import en from "./en.ts";
import es from "./es.ts";
import fr from "./fr.ts";
import { resources } from "./index.server.ts";
import { localeLoaders } from "./loaders.ts";
import pl from "./pl.ts";
import { PLURAL_CATEGORIES, type PluralCategory } from "./types.ts";

type Tree = { [key: string]: string | Tree };

const TRANSLATIONS: Record<string, Tree> = { fr, es, ar, pl };

// Values that may rightly read the same as English: product names and genuine cognates.
// An entry must still equal English, so the list cannot quietly grow stale.
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  fr: ["eventType.audio", "event.outlookCalendar", "topic.standardShort", "event.minutes_one", "event.minutes_many", "event.minutes_other", "scheduling.periodLetter.night", "adminRecordings.kinds.audio", "replay.duration"],
  es: ["eventType.audio", "eventType.video", "event.googleCalendar", "event.outlookCalendar", "registration.no", "scheduling.periodLetter.night", "adminRecordings.kinds.audio", "adminRecordings.kinds.video", "replay.duration"],
  ar: [],
  pl: ["eventType.audio", "event.outlookCalendar", "topic.standardTitle", "topic.standardShort", "admin.audit.system", "scheduling.periodLetter.night", "adminRecordings.kinds.audio", "replay.duration"],
};

// Plural forms where the number is implied by the words and {{count}} may be left out:
// Arabic says "فعاليتان" ("two events") rather than "2 فعاليات". Only categories that cover
// exactly one number qualify; French "one" also covers 0 and 1.5, so it keeps {{count}}.
const COUNT_MAY_BE_IMPLIED: Record<string, readonly PluralCategory[]> = { ar: ["zero", "one", "two"] };

const PLURAL_SUFFIX = new RegExp(`^(.*)_(${PLURAL_CATEGORIES.join("|")})$`);

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(path, value);
    else for (const [k, v] of flatten(value, path)) flat.set(k, v);
  }
  return flat;
}

function splitPlural(key: string): { base: string; category: PluralCategory | null } {
  const match = PLURAL_SUFFIX.exec(key);
  return match ? { base: match[1]!, category: match[2] as PluralCategory } : { base: key, category: null };
}

function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]!));
}

function categoriesOf(locale: string): PluralCategory[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories as PluralCategory[];
}

const english = flatten(en);
const englishPluralBases = new Set([...english.keys()].map(splitPlural).filter((k) => k.category).map((k) => k.base));

// The English string a translated key is checked against: the same key, or for a plural
// category English lacks ("few", "many"…), English's "other".
function englishFor(key: string): string {
  const { base, category } = splitPlural(key);
  if (category && englishPluralBases.has(base)) return english.get(key) ?? english.get(`${base}_other`)!;
  return english.get(key)!;
}

function expectedKeys(locale: string): Set<string> {
  const keys = new Set<string>();
  for (const key of english.keys()) {
    const { base, category } = splitPlural(key);
    if (!category) keys.add(key);
    else for (const c of categoriesOf(locale)) keys.add(`${base}_${c}`);
  }
  return keys;
}

test("English plural families have exactly English's plural categories", () => {
  for (const base of englishPluralBases) {
    const present = [...english.keys()].filter((k) => splitPlural(k).base === base).map((k) => splitPlural(k).category);
    expect(present.sort(), base).toEqual(categoriesOf("en").sort());
  }
});

test("every supported locale is registered on the server and in the browser", async () => {
  expect(Object.keys(resources).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  expect(Object.keys(localeLoaders).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  expect(Object.keys(TRANSLATIONS).sort()).toEqual(SUPPORTED_LOCALES.filter((l) => l !== "en").sort());
  for (const locale of SUPPORTED_LOCALES) {
    const loaded = await localeLoaders[locale]!();
    expect(loaded.default, locale).toBe(resources[locale].translation);
  }
});

describe.each(Object.entries(TRANSLATIONS))("%s", (locale, tree) => {
  const flat = flatten(tree);

  test("has exactly English's keys, with every plural category the language uses", () => {
    const expected = expectedKeys(locale);
    const missing = [...expected].filter((k) => !flat.has(k));
    const extra = [...flat.keys()].filter((k) => !expected.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  test("keeps every {{placeholder}} and invents none", () => {
    const problems: string[] = [];
    for (const [key, value] of flat) {
      const reference = englishFor(key);
      if (reference === undefined) continue; // reported by the key test
      const wanted = placeholders(reference);
      const found = placeholders(value);
      const { category } = splitPlural(key);
      for (const name of wanted) {
        const implied = name === "count" && category !== null && COUNT_MAY_BE_IMPLIED[locale]?.includes(category);
        if (!found.has(name) && !implied) problems.push(`${key} lacks {{${name}}}`);
      }
      for (const name of found) if (!wanted.has(name)) problems.push(`${key} has unknown {{${name}}}`);
    }
    expect(problems).toEqual([]);
  });

  test("translates every string (short allow-list aside)", () => {
    const allowed = new Set(SAME_AS_ENGLISH[locale] ?? []);
    const untranslated = [...flat].filter(([key, value]) => value === englishFor(key) && !allowed.has(key)).map(([key]) => key);
    expect(untranslated).toEqual([]);
    const stale = [...allowed].filter((key) => flat.get(key) !== englishFor(key));
    expect(stale, "allow-list entries that no longer match English").toEqual([]);
  });

  test("uses typographic punctuation", () => {
    const problems: string[] = [];
    for (const [key, value] of flat) {
      if (/["']/.test(value)) problems.push(`${key}: straight quote or apostrophe`);
      if (value.includes("...")) problems.push(`${key}: "..." instead of "…"`);
      if (value !== value.trim() || /\s{2,}/.test(value)) problems.push(`${key}: stray whitespace`);
    }
    expect(problems).toEqual([]);
  });

  test("i18next picks this locale's plural form for every count", async () => {
    const i18n = createInstance();
    await i18n.init({ ...i18nConfig, lng: locale, resources });
    for (const base of englishPluralBases) {
      for (const count of [0, 1, 2, 3, 5, 11, 22, 100, 101, 1_000_000, 1.5]) {
        const category = new Intl.PluralRules(locale).select(count) as PluralCategory;
        const expected = flat.get(`${base}_${category}`)!.replaceAll("{{count}}", String(count));
        expect(i18n.t(base, { count }), `${base}, count ${count}`).toBe(expected);
      }
    }
  });
});

test("French puts a no-break space inside « » and before : ; ? !", () => {
  const problems: string[] = [];
  for (const [key, value] of flatten(fr)) {
    if (/«(?![\u00A0\u202F])|(?<![\u00A0\u202F])»/.test(value)) problems.push(`${key}: guillemets`);
    if (/(?<![\u00A0\u202F])[:;?!]/.test(value)) problems.push(`${key}: no no-break space before : ; ? !`);
    if (/[“”]/.test(value)) problems.push(`${key}: English quotation marks`);
  }
  expect(problems).toEqual([]);
});

test("Spanish opens questions and exclamations with ¿ and ¡", () => {
  for (const [key, value] of flatten(es)) {
    if (value.includes("?")) expect(value, key).toContain("¿");
    if (value.includes("!")) expect(value, key).toContain("¡");
  }
});

test("Polish quotes „like this”", () => {
  for (const [key, value] of flatten(pl)) {
    expect(value.split("„").length, key).toBe(value.split("”").length);
    expect(value, key).not.toMatch(/[“«»]/);
  }
});

test("every Arabic string is in Arabic script, with Arabic punctuation", () => {
  const problems: string[] = [];
  for (const [key, value] of flatten(ar)) {
    if (!/\p{Script=Arabic}/u.test(value)) problems.push(`${key}: no Arabic script`);
    if (/[,;?]/.test(value)) problems.push(`${key}: Latin , ; or ? instead of ، ؛ ؟`);
  }
  expect(problems).toEqual([]);
});

test("the day markers keep their +1/−1", () => {
  for (const [locale, tree] of Object.entries(TRANSLATIONS)) {
    const time = tree.time as Tree;
    expect(time.nextDay, locale).toMatch(/\+1(?!\d)/);
    expect(time.previousDay, locale).toMatch(/−1(?!\d)/);
  }
});
