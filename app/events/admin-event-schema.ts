/**
 * The organiser's event form: one zod schema shared by the browser (conform) and the action.
 * Error messages are translation keys, optionally followed by "|" and JSON parameters
 * ("adminEvents.errors.gap|{\"time\":\"02:30\"}"); `translateError` (app/utils/form-errors.ts) turns them into text.
 *
 * Isomorphic: no Node imports. It pulls luxon (through ~/time/time.ts) into the admin pages only.
 */
import { z } from "zod";
import { SUPPORTED_LOCALES } from "~/i18n.ts";
import { KNOWN_CITIES, isValidTimeZone, localToUtc } from "~/time/time.ts";

// The same list as EVENT_TYPES in app/events/events.server.ts, which the browser cannot import;
// admin-sessions.server.test.ts checks that the two agree.
export const EVENT_TYPES = ["webinar", "live-qa", "audio", "video", "workshop"] as const;
export const LANGUAGE_KINDS = ["interpretation", "support", "captions"] as const;
export const QUESTION_KINDS = ["text", "single", "multiple", "yesno"] as const;
export const TRANSLATION_LOCALES = SUPPORTED_LOCALES;

export const E = (key: string, params?: Record<string, string | number>) =>
  `adminEvents.errors.${key}${params ? `|${JSON.stringify(params)}` : ""}`;

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "24h, 1h, 15m" or "1 day, 90 minutes" → minutes before the start, largest first. */
export function parseReminders(text: string): number[] | null {
  const parts = text
    .split(/[,;،؛\n]+/) // Arabic keyboards type ، and ؛
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  const minutes: number[] = [];
  for (const part of parts) {
    const match = /^(\d{1,4})\s*(d|day|days|h|hr|hrs|hour|hours|m|min|mins|minute|minutes)?$/.exec(part);
    if (!match) return null;
    const n = Number(match[1]);
    const unit = match[2] ?? "m";
    const value = unit.startsWith("d") ? n * 1440 : unit.startsWith("h") ? n * 60 : n;
    if (value < 1 || value > 30 * 1440) return null;
    minutes.push(value);
  }
  return [...new Set(minutes)].sort((a, b) => b - a);
}

/** The inverse, for showing stored reminders in the form. */
export function formatReminders(minutes: number[]): string {
  return minutes
    .map((m) => (m % 1440 === 0 && m >= 1440 ? `${m / 1440}d` : m % 60 === 0 ? `${m / 60}h` : `${m}m`))
    .join(", ");
}

export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const optionalText = (max: number) => z.string().trim().max(max, E("tooLong", { max })).optional();

const questionSchema = z.object({
  id: z.string().max(64).optional(),
  kind: z.enum(QUESTION_KINDS, { errorMap: () => ({ message: E("questionKind") }) }).default("text"),
  label: optionalText(300),
  options: optionalText(3000),
  required: z.boolean().optional(),
  remove: z.boolean().optional(),
});

const translationSchema = z
  .object({ title: optionalText(200), summary: optionalText(500), description: optionalText(20_000) })
  .optional();

const cityIds = new Set(KNOWN_CITIES.map((c) => c.id));

/** Splits a question's options box: one option per line. */
export function questionOptions(text: string | undefined): string[] {
  return [...new Set((text ?? "").split("\n").map((o) => o.trim()).filter(Boolean))];
}

export const eventFormSchema = z
  .object({
    type: z.enum(EVENT_TYPES, { errorMap: () => ({ message: E("type") }) }),
    title: z.string({ required_error: E("titleRequired") }).trim().min(1, E("titleRequired")).max(200, E("tooLong", { max: 200 })),
    slug: z.string().trim().toLowerCase().max(100, E("tooLong", { max: 100 })).regex(SLUG_PATTERN, E("slugFormat")).optional(),
    summary: optionalText(500),
    description: optionalText(20_000),
    timeZone: z.string({ required_error: E("timeZone") }).refine(isValidTimeZone, E("timeZone")),
    primaryLanguageCode: z.string({ required_error: E("language") }).min(2, E("language")).max(10),
    // One select per language; "" (not offered) arrives from every select left alone.
    support: z.record(z.string(), z.union([z.enum(LANGUAGE_KINDS), z.literal("")], { errorMap: () => ({ message: E("unknownChoice") }) }).optional()).optional(),
    topics: z.array(z.string().max(64)).max(60).default([]),
    seriesId: z.string().max(64).optional(),
    speakers: z.array(z.string().max(64)).max(40).default([]),
    referenceCities: z.array(z.string().refine((id) => cityIds.has(id), E("city"))).max(20, E("tooManyCities")).default([]),
    capacity: z.number({ invalid_type_error: E("capacity") }).int(E("capacity")).min(1, E("capacity")).max(100_000, E("capacity")).optional(),
    waitlistEnabled: z.boolean().optional(),
    approvalRequired: z.boolean().optional(),
    allowLateRegistration: z.boolean().optional(),
    opensAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, E("dateTime")).optional(),
    closesAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, E("dateTime")).optional(),
    reminders: optionalText(200),
    isRecorded: z.boolean().optional(),
    joinUrl: z.string().trim().max(500, E("tooLong", { max: 500 })).refine(isHttpsUrl, E("joinUrl")).optional(),
    questions: z.array(questionSchema).max(30).default([]),
    translations: z.object(Object.fromEntries(TRANSLATION_LOCALES.map((l) => [l, translationSchema]))).optional(),
  })
  .superRefine((value, ctx) => {
    const instants: Record<string, Date> = {};
    for (const key of ["opensAt", "closesAt"] as const) {
      const text = value[key];
      if (!text || !isValidTimeZone(value.timeZone)) continue;
      const [date, time] = text.split("T") as [string, string];
      const result = localToUtc(date, time, value.timeZone);
      if (result.kind === "ok") instants[key] = result.instant;
      else if (result.kind === "gap") {
        ctx.addIssue({ code: "custom", path: [key], message: E("gapShort", { time, before: result.before, after: result.after }) });
      } else if (result.kind === "ambiguous") {
        ctx.addIssue({ code: "custom", path: [key], message: E("ambiguousShort", { time }) });
      } else ctx.addIssue({ code: "custom", path: [key], message: E("dateTime") });
    }
    if (instants.opensAt && instants.closesAt && instants.closesAt <= instants.opensAt) {
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: E("closesBeforeOpens") });
    }
    if (value.reminders && parseReminders(value.reminders) === null) {
      ctx.addIssue({ code: "custom", path: ["reminders"], message: E("reminders") });
    }
    value.questions.forEach((q, i) => {
      if (q.remove) return;
      if (!q.label) {
        if (q.id) ctx.addIssue({ code: "custom", path: ["questions", i, "label"], message: E("questionLabel") });
        return;
      }
      if ((q.kind === "single" || q.kind === "multiple") && questionOptions(q.options).length < 2) {
        ctx.addIssue({ code: "custom", path: ["questions", i, "options"], message: E("questionOptions") });
      }
    });
    for (const locale of TRANSLATION_LOCALES) {
      const tr = value.translations?.[locale];
      if (tr && !tr.title && (tr.summary || tr.description)) {
        ctx.addIssue({ code: "custom", path: ["translations", locale, "title"], message: E("translationTitle") });
      }
    }
  });

export type EventFormInput = z.infer<typeof eventFormSchema>;
