/**
 * The registrations export: one row per registration, the event's custom questions as columns
 * (their labels as headers), written by the one CSV writer (./csv.ts) so it opens correctly in
 * Excel and a registrant cannot plant a formula in the organiser's spreadsheet.
 */
import { toCsv, type CsvCell } from "~/utils/csv.ts";

type ExportQuestion = { id: string; label: string };
type ExportRegistration = {
  name: string;
  email: string;
  organisation: string;
  country: string;
  timeZone: string;
  locale: string;
  accessibilityNeeds: string;
  status: string;
  answers: string;
  createdAt: Date;
  attendedMinutes: number | null;
};

export type ExportHeaders = {
  name: string;
  email: string;
  organisation: string;
  country: string;
  timeZone: string;
  language: string;
  accessibilityNeeds: string;
  status: string;
  registeredAt: string;
  attendedMinutes: string;
};

/** One answer as text: a multiple choice joined with "; ". */
export function answerText(answers: Record<string, unknown>, id: string): string {
  const value = answers[id];
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string").join("; ");
  return typeof value === "string" ? value : "";
}

export function parseAnswers(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** "2026-11-30 15:01" in UTC: Excel reads it as a date and time. */
function utcText(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ");
}

export function buildRegistrationsCsv(
  questions: ExportQuestion[],
  registrations: ExportRegistration[],
  headers: ExportHeaders,
): string {
  const rows: CsvCell[][] = [
    [
      headers.name,
      headers.email,
      headers.organisation,
      headers.country,
      headers.timeZone,
      headers.language,
      headers.accessibilityNeeds,
      headers.status,
      headers.registeredAt,
      headers.attendedMinutes,
      ...questions.map((q) => q.label),
    ],
  ];
  for (const r of registrations) {
    const answers = parseAnswers(r.answers);
    rows.push([
      r.name,
      r.email,
      r.organisation,
      r.country,
      r.timeZone,
      r.locale,
      r.accessibilityNeeds,
      r.status,
      utcText(r.createdAt),
      r.attendedMinutes,
      ...questions.map((q) => answerText(answers, q.id)),
    ]);
  }
  return toCsv(rows);
}
