/**
 * The email catalogues are complete translations: every English key is present in every locale,
 * so the per-key fallback in ./index.ts is a safety net, never what a participant reads.
 */
import { describe, expect, it } from "vitest";
import type { OutboxPayload } from "../../app/mail/outbox.server.ts";
import { EMAIL_KINDS } from "../../app/mail/outbox.server.ts";
import { renderEmail } from "../index.ts";
import ar from "./ar.ts";
import en from "./en.ts";
import es from "./es.ts";
import fr from "./fr.ts";
import { emailMessages, plural, resolveEmailLocale, textDirection } from "./index.ts";
import pl from "./pl.ts";

type Tree = { [key: string]: string | Tree | undefined };

const TRANSLATIONS: Record<string, Tree> = { fr, es, ar, pl };
const PLURAL_CATEGORIES = new Set<string>(["zero", "one", "two", "few", "many", "other"]);

// Values that may rightly read the same as English (genuine cognates). An entry must still equal
// English, so the list cannot quietly grow stale.
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  fr: ["duration.minutes.one", "duration.minutes.many", "duration.minutes.other"],
};

// Plural forms where the number is implied by the words and {{count}} may be left out:
// Arabic "ساعتين" ("two hours"). Only categories that cover exactly one number qualify.
const COUNT_MAY_BE_IMPLIED: Record<string, readonly string[]> = { ar: ["zero", "one", "two"] };

const isPluralForms = (node: Tree) =>
  "other" in node && Object.keys(node).every((key) => PLURAL_CATEGORIES.has(key)) && Object.values(node).every((v) => typeof v === "string");

/** Leaf strings by dotted path; plural forms become one entry per category ("duration.hours.few"). */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(path, value);
    else if (value) for (const [k, v] of flatten(value, path)) flat.set(k, v);
  }
  return flat;
}

/** Paths of the plural-form objects in English ("duration.hours", …). */
function pluralPaths(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!value || typeof value === "string") return [];
    return isPluralForms(value) ? [path] : pluralPaths(value, path);
  });
}

function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]!));
}

/** The words of a string, placeholders taken out: "" for a pure template such as "{{subject}} · {{event}}". */
const words = (text: string) => text.replace(/\{\{[^}]*\}\}/g, "").replace(/[^\p{L}]+/gu, " ").trim();

const english = flatten(en as unknown as Tree);
const englishPlurals = pluralPaths(en as unknown as Tree);
const pluralPathOf = (key: string) => englishPlurals.find((p) => key.startsWith(`${p}.`)) ?? null;

/** The keys a locale must have: English's, with each plural family in the language's own categories. */
function expectedKeys(locale: string): Set<string> {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of english.keys()) {
    const family = pluralPathOf(key);
    if (!family) keys.add(key);
    else for (const category of categories) keys.add(`${family}.${category}`);
  }
  return keys;
}

/** The English string a translated key is checked against; "other" for categories English lacks. */
function englishFor(key: string): string {
  const family = pluralPathOf(key);
  return english.get(key) ?? (family ? english.get(`${family}.other`)! : english.get(key)!);
}

describe.each(Object.entries(TRANSLATIONS))("%s emails", (locale, tree) => {
  const flat = flatten(tree);

  it("is registered and resolved from regional tags", () => {
    expect(resolveEmailLocale(locale)).toBe(locale);
    expect(resolveEmailLocale(`${locale}-XX`)).toBe(locale);
  });

  it("has every English key, with exactly the plural categories the language uses", () => {
    const expected = expectedKeys(locale);
    const missing = [...expected].filter((key) => !flat.get(key));
    const extra = [...flat.keys()].filter((key) => !expected.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("keeps every {{placeholder}} and invents none", () => {
    const problems: string[] = [];
    for (const [key, value] of flat) {
      const reference = englishFor(key);
      if (reference === undefined) continue; // reported by the key test
      const found = placeholders(value);
      const category = pluralPathOf(key) ? key.slice(key.lastIndexOf(".") + 1) : null;
      for (const name of placeholders(reference)) {
        const implied = name === "count" && category !== null && COUNT_MAY_BE_IMPLIED[locale]?.includes(category);
        if (!found.has(name) && !implied) problems.push(`${key} lacks {{${name}}}`);
      }
      for (const name of found) if (!placeholders(reference).has(name)) problems.push(`${key} has unknown {{${name}}}`);
    }
    expect(problems).toEqual([]);
  });

  it("translates every string that has words", () => {
    const allowed = new Set(SAME_AS_ENGLISH[locale] ?? []);
    const untranslated = [...flat]
      .filter(([key, value]) => words(value) !== "" && value === englishFor(key) && !allowed.has(key))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
    const stale = [...allowed].filter((key) => flat.get(key) !== englishFor(key));
    expect(stale, "allow-list entries that no longer match English").toEqual([]);
  });

  it("uses typographic punctuation and keeps English's outer spacing", () => {
    const problems: string[] = [];
    for (const [key, value] of flat) {
      const reference = englishFor(key) ?? "";
      if (/["']/.test(value)) problems.push(`${key}: straight quote or apostrophe`);
      if (value.includes("...")) problems.push(`${key}: "..." instead of "…"`);
      // "Cancelled: " is a prefix and keeps its trailing space; the label colon may open with a
      // no-break space (French); nothing else has outer spaces.
      const outer = (s: string) => [s.length - s.trimStart().length, s.length - s.trimEnd().length].join();
      const colonSpacing = key.endsWith(".colon") && /^\u202f?:$/.test(value);
      if ((outer(value) !== outer(reference) && !colonSpacing) || /\s{2,}/.test(value.trim())) problems.push(`${key}: stray whitespace`);
    }
    expect(problems).toEqual([]);
  });

  it("picks a form of its own for every count", () => {
    for (const family of englishPlurals) {
      const forms = emailMessages(locale);
      const node = family.split(".").reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], forms) as Parameters<typeof plural>[0];
      for (const count of [0, 1, 2, 3, 5, 11, 22, 100, 101, 1.5]) {
        const category = new Intl.PluralRules(locale).select(count);
        expect(plural(node, count, locale), `${family} ${count}`).toBe(flat.get(`${family}.${category}`)!.replaceAll("{{count}}", String(count)));
      }
    }
  });
});

it("French puts a no-break space inside « » and before : ; ? !", () => {
  const problems: string[] = [];
  for (const [key, value] of flatten(fr)) {
    if (/«(?![\u00A0\u202F])|(?<![\u00A0\u202F])»/.test(value)) problems.push(`${key}: guillemets`);
    if (/(?<![\u00A0\u202F])[:;?!]/.test(value)) problems.push(`${key}: no no-break space before : ; ? !`);
    if (/[“”]/.test(value)) problems.push(`${key}: English quotation marks`);
  }
  expect(problems).toEqual([]);
});

it("Spanish opens questions and exclamations with ¿ and ¡", () => {
  for (const [key, value] of flatten(es)) {
    if (value.includes("?")) expect(value, key).toContain("¿");
    if (value.includes("!")) expect(value, key).toContain("¡");
  }
});

it("Polish quotes „like this”", () => {
  for (const [key, value] of flatten(pl)) {
    expect(value.split("„").length, key).toBe(value.split("”").length);
    expect(value, key).not.toMatch(/[“«»]/);
  }
});

it("every Arabic string with words is in Arabic script, with Arabic punctuation", () => {
  const problems: string[] = [];
  for (const [key, value] of flatten(ar)) {
    if (words(value) !== "" && !/\p{Script=Arabic}/u.test(value)) problems.push(`${key}: no Arabic script`);
    if (/[,;?]/.test(value)) problems.push(`${key}: Latin , ; or ? instead of ، ؛ ؟`);
  }
  expect(problems).toEqual([]);
  // The day markers keep their sign on the left inside right-to-left text.
  expect(ar.common?.nextDay).toMatch(/^\u200E\+1(?!\d)/);
  expect(ar.common?.previousDay).toMatch(/^\u200E−1(?!\d)/);
});

describe("an Arabic email of every kind", () => {
  const base: OutboxPayload = {
    version: 1,
    event: { id: "e1", slug: "pillar-1", title: "Child safeguarding", summary: "Basics.", status: "published", cancellationNote: null },
    session: {
      id: "s1",
      title: null,
      startsAt: "2030-10-27T12:00:00.000Z",
      endsAt: "2030-10-27T13:00:00.000Z",
      timeZone: "Europe/Zurich",
      sequence: 3,
      status: "scheduled",
      languageCode: "en",
    },
    joinUrl: "https://meet.example.org/j/abc",
    referenceCities: [
      { zone: "America/New_York", city: "New York" },
      { zone: "Asia/Bangkok", city: "Bangkok" },
    ],
    registrant: { name: "ليلى", email: "layla@example.org", timeZone: "Asia/Amman", locale: "ar" },
    registration: { id: "r1", status: "confirmed", sessionId: "s1" },
    extra: {},
  };
  const earlier = { ...base.session, id: "s0", startsAt: "2030-10-20T12:00:00.000Z", endsAt: "2030-10-20T13:00:00.000Z" };

  // Each kind with the payload that brings out most of its sentences.
  const payloads: Record<string, OutboxPayload> = {
    "registration-confirmed": { ...base, switch: { from: earlier, to: base.session } },
    "registration-declined": { ...base, registration: { ...base.registration, status: "declined" }, extra: { reason: "القاعة ممتلئة." } },
    "registration-cancelled": { ...base, registration: { ...base.registration, status: "cancelled" }, extra: { by: "organiser" } },
    "session-cancelled": { ...base, session: { ...base.session, status: "cancelled" }, extra: { reason: "تعذّر حضور المتحدثة." } },
    "session-updated": { ...base, extra: { previousStartsAt: earlier.startsAt, previousEndsAt: earlier.endsAt } },
    "session-reminder": { ...base, extra: { offsetMinutes: 1440, minutesToStart: 1440 } },
    "recording-available": { ...base, recording: { id: "rec1", title: "", path: "/recordings/rec1" } },
    "registration-resent": { ...base, registration: { ...base.registration, status: "waitlisted" } },
    "organiser-message": { ...base, extra: { subject: "الشرائح", body: "الشرائح متاحة الآن على صفحة الفعالية." } },
  };

  // English sentences and phrases from en.ts: each string's text between placeholders.
  const englishPhrases = [...english.values()]
    .flatMap((text) => text.split(/\{\{[^}]*\}\}/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => /[A-Za-z]{3,}/.test(fragment));

  it.each(EMAIL_KINDS)("%s", (kind) => {
    const payload = payloads[kind] ?? base;
    const email = renderEmail({ kind, payload, locale: "ar", registrationId: "r1", toAddress: "layla@example.org", toName: "ليلى" });
    expect(email.html).toContain('<html lang="ar" dir="rtl">');
    expect(email.subject).toMatch(/\p{Script=Arabic}/u);
    const visible = [email.subject, email.text, email.html.replace(/<[^>]*>/g, " ")].join("\n");
    const leftovers = englishPhrases.filter((phrase) => visible.includes(phrase));
    expect(leftovers).toEqual([]);
    if (email.icalEvent) {
      const calendar = email.icalEvent.content.replace(/\r\n[ \t]/g, "");
      expect(englishPhrases.filter((phrase) => calendar.includes(`${phrase}:`) || calendar.includes(`\\n${phrase}`))).toEqual([]);
    }
  });

  it("is laid out right to left", () => {
    expect(textDirection(resolveEmailLocale("ar-JO"))).toBe("rtl");
    expect(emailMessages("ar-JO").kinds["registration-confirmed"].heading).toBe(ar.kinds?.["registration-confirmed"]?.heading);
  });
});
