/**
 * The registration form's one schema, shared by the browser (conform validates as you type) and
 * the action (which trusts nothing). Built per event because the event's custom questions, its
 * open sessions and whether it is recorded change what is valid. Error messages are translation
 * keys under "registration.errors" so both sides show them in the reader's language.
 *
 * Isomorphic: no Node imports.
 */
import { z } from "zod";
import { SUPPORTED_LOCALES } from "~/i18n.ts";
import { HONEYPOT_FIELD, LIMITS, questionField, type FormQuestion } from "./registration-fields.ts";

/**
 * Whether the runtime knows this IANA zone. Plain Intl rather than ~/time/time.ts, which would pull
 * luxon (70 kB) into every event page's JavaScript for this one check; luxon's own IANAZone
 * validation asks Intl the same question.
 */
function isValidTimeZone(zone: string): boolean {
  // Region/City ids and UTC: what the picker offers. Bare abbreviations ("EST") and offsets are refused.
  if (zone.length > 64 || (zone !== "UTC" && !/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(zone))) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export { HONEYPOT_FIELD, LIMITS, questionField, type FormQuestion, type QuestionKind } from "./registration-fields.ts";

const E = (key: string) => `registration.errors.${key}`;

function text(max: number, tooLong: string) {
  return z.string().trim().max(max, E(tooLong));
}

function questionSchema(q: FormQuestion): z.ZodTypeAny {
  switch (q.kind) {
    case "single": {
      const choice = z
        .string({ required_error: E("questionRequired") })
        .refine((v) => q.options.includes(v), E("questionChoice"));
      return q.required ? choice : choice.optional();
    }
    case "multiple": {
      const list = z
        .array(z.string().refine((v) => q.options.includes(v), E("questionChoice")))
        .max(q.options.length, E("questionChoice"));
      return q.required ? list.min(1, E("questionRequiredMultiple")) : list.optional();
    }
    case "yesno": {
      const answer = z.enum(["yes", "no"], { required_error: E("questionRequired"), invalid_type_error: E("questionChoice") });
      return q.required ? answer : answer.optional();
    }
    default: {
      const answer = z.string({ required_error: E("questionRequired") }).trim().max(LIMITS.answer, E("answerTooLong"));
      return q.required ? answer.min(1, E("questionRequired")) : answer.optional();
    }
  }
}

type RegistrationSchemaOptions = {
  /** Sessions a person may pick (open, upcoming). */
  sessionIds: string[];
  questions: FormQuestion[];
  isRecorded: boolean;
};

export function createRegistrationSchema({ sessionIds, questions, isRecorded }: RegistrationSchemaOptions) {
  const questionShape: Record<string, z.ZodTypeAny> = {};
  for (const q of questions) questionShape[questionField(q.id)] = questionSchema(q);
  return z.object({
    sessionId: z
      .string({ required_error: E("sessionRequired") })
      .max(64, E("sessionUnknown"))
      .refine((id) => sessionIds.includes(id), E("sessionUnknown")),
    name: z.string({ required_error: E("nameRequired") }).pipe(text(LIMITS.name, "nameTooLong").min(1, E("nameRequired"))),
    email: z
      .string({ required_error: E("emailRequired") })
      .trim()
      .max(LIMITS.email, E("emailTooLong"))
      .email(E("emailInvalid")),
    organisation: text(LIMITS.organisation, "organisationTooLong").optional(),
    country: text(LIMITS.country, "countryTooLong").optional(),
    timeZone: z
      .string({ required_error: E("timeZoneRequired") })
      .max(64, E("timeZoneInvalid"))
      .refine(isValidTimeZone, E("timeZoneInvalid")),
    locale: z.enum(SUPPORTED_LOCALES, { required_error: E("localeRequired"), invalid_type_error: E("localeInvalid") }),
    accessibilityNeeds: text(LIMITS.accessibilityNeeds, "accessibilityTooLong").optional(),
    ...questionShape,
    consentPrivacy: z.boolean({ required_error: E("consentPrivacy") }).refine(Boolean, E("consentPrivacy")),
    consentRecording: isRecorded
      ? z.boolean({ required_error: E("consentRecording") }).refine(Boolean, E("consentRecording"))
      : z.boolean().optional(),
    // The honeypot is checked before validation; listed so its value never fails the form.
    [HONEYPOT_FIELD]: z.string().optional(),
  });
}

/** The answers map stored on the registration, from the validated form values. */
export function answersFromForm(values: Record<string, unknown>, questions: FormQuestion[]): Record<string, string | string[]> {
  const answers: Record<string, string | string[]> = {};
  for (const q of questions) {
    const value = values[questionField(q.id)];
    if (typeof value === "string" && value !== "") answers[q.id] = value;
    else if (Array.isArray(value) && value.length) answers[q.id] = value.map(String);
  }
  return answers;
}

/** The manage page's "update my details" form. */
export const detailsSchema = z.object({
  name: z.string({ required_error: E("nameRequired") }).pipe(text(LIMITS.name, "nameTooLong").min(1, E("nameRequired"))),
  timeZone: z
    .string({ required_error: E("timeZoneRequired") })
    .max(64, E("timeZoneInvalid"))
    .refine(isValidTimeZone, E("timeZoneInvalid")),
  locale: z.enum(SUPPORTED_LOCALES, { required_error: E("localeRequired"), invalid_type_error: E("localeInvalid") }),
});
