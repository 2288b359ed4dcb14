import { createInstance } from "i18next";
import { describe, expect, test } from "vitest";
import { NAMESPACES, SUPPORTED_LOCALES, i18nConfig, type Locale, type Namespace } from "../i18n.ts";
import { resources } from "./index.server.ts";
import { localeLoaders } from "./loaders.ts";
import { PLURAL_CATEGORIES, type PluralCategory } from "./types.ts";

type Tree = { [key: string]: string | Tree };

// Every namespace ("translation" for the public pages, "admin" for organisers) of every locale.
const strings = (locale: Locale, ns: Namespace) => resources[locale][ns] as Tree;
const TRANSLATED = SUPPORTED_LOCALES.filter((l) => l !== "en");
/** A locale's strings in all namespaces as one tree: top-level sections never repeat across namespaces. */
const allStrings = (locale: Locale): Tree => Object.assign({}, ...NAMESPACES.map((ns) => strings(locale, ns)));

// Values that may rightly read the same as English: product names and genuine cognates.
// An entry must still equal English, so the list cannot quietly grow stale.
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  fr: ["eventType.audio", "event.outlookCalendar", "topic.standardShort", "event.minutes_one", "event.minutes_many", "event.minutes_other", "scheduling.periodLetter.night", "adminRecordings.kinds.audio", "replay.duration", "timeZoneChooser.regions.Europe"],
  es: ["eventType.audio", "eventType.video", "event.googleCalendar", "event.outlookCalendar", "registration.no", "scheduling.periodLetter.night", "adminRecordings.kinds.audio", "adminRecordings.kinds.video", "replay.duration", "timeZoneChooser.regions.Asia", "timeZoneChooser.regions.Australia"],
  ar: [],
  pl: ["eventType.audio", "event.outlookCalendar", "topic.standardTitle", "topic.standardShort", "admin.audit.system", "scheduling.periodLetter.night", "adminRecordings.kinds.audio", "replay.duration", "timeZoneChooser.regions.Australia"],
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

/** English, the reference, for one namespace. */
function reference(ns: Namespace) {
  const english = flatten(strings("en", ns));
  const pluralBases = new Set([...english.keys()].map(splitPlural).filter((k) => k.category).map((k) => k.base));
  return {
    english,
    pluralBases,
    // The English string a translated key is checked against: the same key, or for a plural
    // category English lacks ("few", "many"…), English's "other".
    englishFor(key: string): string {
      const { base, category } = splitPlural(key);
      if (category && pluralBases.has(base)) return english.get(key) ?? english.get(`${base}_other`)!;
      return english.get(key)!;
    },
    expectedKeys(locale: string): Set<string> {
      const keys = new Set<string>();
      for (const key of english.keys()) {
        const { base, category } = splitPlural(key);
        if (!category) keys.add(key);
        else for (const c of categoriesOf(locale)) keys.add(`${base}_${c}`);
      }
      return keys;
    },
  };
}

test.each(NAMESPACES)("English plural families in %s have exactly English's plural categories", (ns) => {
  const { english, pluralBases } = reference(ns);
  for (const base of pluralBases) {
    const present = [...english.keys()].filter((k) => splitPlural(k).base === base).map((k) => splitPlural(k).category);
    expect(present.sort(), base).toEqual(categoriesOf("en").sort());
  }
});

test("every namespace of every supported locale is registered on the server and in the browser", async () => {
  expect(Object.keys(resources).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  expect(Object.keys(localeLoaders).sort()).toEqual([...NAMESPACES].sort());
  for (const ns of NAMESPACES) {
    expect(Object.keys(localeLoaders[ns]).sort(), ns).toEqual([...SUPPORTED_LOCALES].sort());
    for (const locale of SUPPORTED_LOCALES) {
      expect(Object.keys(resources[locale]).sort(), locale).toEqual([...NAMESPACES].sort());
      const loaded = await localeLoaders[ns][locale]();
      expect(loaded.default, `${ns} ${locale}`).toBe(resources[locale][ns]);
    }
  }
});

test("namespaces never share a top-level section, in any locale", () => {
  // Organiser code finds "admin" strings through i18next's fallbackNS: a section present in both
  // namespaces would be read from the public one and silently shadow the other.
  for (const locale of SUPPORTED_LOCALES) {
    const sections = NAMESPACES.flatMap((ns) => Object.keys(strings(locale, ns)));
    expect(sections.filter((s, i) => sections.indexOf(s) !== i), locale).toEqual([]);
  }
});

test("every allow-list entry names a key its locale has", () => {
  for (const [locale, keys] of Object.entries(SAME_AS_ENGLISH)) {
    const present = flatten(allStrings(locale as Locale));
    expect(keys.filter((key) => !present.has(key)), locale).toEqual([]);
  }
});

describe.each(NAMESPACES.flatMap((ns) => TRANSLATED.map((locale) => [`${locale} ${ns}`, locale, ns] as const)))("%s", (_name, locale, ns) => {
  const flat = flatten(strings(locale, ns));
  const { pluralBases: englishPluralBases, englishFor, expectedKeys } = reference(ns);

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
    // The allow-list entries of this namespace: those whose top-level section English has here.
    const sections = strings("en", ns);
    const allowed = new Set((SAME_AS_ENGLISH[locale] ?? []).filter((key) => key.split(".")[0]! in sections));
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
    await i18n.init({ ...i18nConfig, lng: locale, resources, ns: [...NAMESPACES] });
    for (const base of englishPluralBases) {
      for (const count of [0, 1, 2, 3, 5, 11, 22, 100, 101, 1_000_000, 1.5]) {
        const category = new Intl.PluralRules(locale).select(count) as PluralCategory;
        const expected = flat.get(`${base}_${category}`)!.replaceAll("{{count}}", String(count));
        expect(i18n.t(base, { count, ns }), `${base}, count ${count}`).toBe(expected);
      }
    }
  });
});

test("French puts a no-break space inside « » and before : ; ? !", () => {
  const problems: string[] = [];
  for (const [key, value] of flatten(allStrings("fr"))) {
    if (/«(?![\u00A0\u202F])|(?<![\u00A0\u202F])»/.test(value)) problems.push(`${key}: guillemets`);
    if (/(?<![\u00A0\u202F])[:;?!]/.test(value)) problems.push(`${key}: no no-break space before : ; ? !`);
    if (/[“”]/.test(value)) problems.push(`${key}: English quotation marks`);
  }
  expect(problems).toEqual([]);
});

test("Spanish opens questions and exclamations with ¿ and ¡", () => {
  for (const [key, value] of flatten(allStrings("es"))) {
    if (value.includes("?")) expect(value, key).toContain("¿");
    if (value.includes("!")) expect(value, key).toContain("¡");
  }
});

test("Polish quotes „like this”", () => {
  for (const [key, value] of flatten(allStrings("pl"))) {
    expect(value.split("„").length, key).toBe(value.split("”").length);
    expect(value, key).not.toMatch(/[“«»]/);
  }
});

test("every Arabic string is in Arabic script, with Arabic punctuation", () => {
  const problems: string[] = [];
  for (const [key, value] of flatten(allStrings("ar"))) {
    if (!/\p{Script=Arabic}/u.test(value)) problems.push(`${key}: no Arabic script`);
    if (/[,;?]/.test(value)) problems.push(`${key}: Latin , ; or ? instead of ، ؛ ؟`);
  }
  expect(problems).toEqual([]);
});

test("the day markers keep their +1/−1", () => {
  for (const locale of TRANSLATED) {
    const time = strings(locale, "translation").time as Tree;
    expect(time.nextDay, locale).toMatch(/\+1(?!\d)/);
    expect(time.previousDay, locale).toMatch(/−1(?!\d)/);
  }
});
