import type en from "./en.ts";

// The plural categories Intl.PluralRules can return; i18next v23 appends them as "_one", "_few"…
export const PLURAL_CATEGORIES = ["zero", "one", "two", "few", "many", "other"] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

type PluralKey = `${string}_${PluralCategory}`;
type PluralBase<K> = K extends `${infer Base}_${PluralCategory}` ? Base : never;

// The shape of a translation: every non-plural key of the reference object, as strings, and for
// each English plural family ("x_one"/"x_other") any of "x_zero" … "x_other". Plural keys are
// optional here because which ones a language needs depends on its plural rules; the parity test
// in locales.test.ts checks that each locale has exactly the categories its language uses.
// Object literals typed with this reject unknown keys, so a typo fails type-checking.
export type LocaleMessages<T = typeof en> = {
  [K in keyof T as K extends PluralKey ? never : K]: T[K] extends string ? string : LocaleMessages<T[K]>;
} & {
  [K in PluralBase<keyof T> as `${K}_${PluralCategory}`]?: string;
};
