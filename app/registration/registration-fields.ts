/**
 * The registration form's field names and limits, without zod: the form renders from these on
 * every event page, while the schema (registration-schema.ts) reaches the browser only when a
 * reader starts filling the form in.
 */
export const LIMITS = {
  name: 200,
  email: 254,
  organisation: 200,
  country: 100,
  accessibilityNeeds: 2000,
  answer: 2000,
} as const;

export type QuestionKind = "text" | "single" | "multiple" | "yesno";
export type FormQuestion = { id: string; kind: QuestionKind; label: string; options: string[]; required: boolean };

/** The form field that carries a question's answer: ids are cuids, safe in a field name. */
export function questionField(questionId: string): `question_${string}` {
  return `question_${questionId}`;
}

export const HONEYPOT_FIELD = "website";
