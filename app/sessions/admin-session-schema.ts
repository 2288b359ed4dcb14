/**
 * The session form's schema, shared by the browser and the action, and the one place an
 * organiser's wall-clock input becomes an instant. A time the clocks skip is refused with the
 * valid times around it; a time that happens twice needs an explicit `occurrence`.
 *
 * Isomorphic: no Node imports.
 */
import { z } from "zod";
import { E, isHttpsUrl } from "~/events/admin-event-schema.ts";
import { cityLabelForZone, formatCalendarDate, isValidTimeZone, localToUtc, offsetLabelAt, shiftWallTime } from "~/time/time.ts";

const OCCURRENCES = ["earlier", "later"] as const;
type Occurrence = (typeof OCCURRENCES)[number];

export const sessionFormSchema = z.object({
  title: z.string().trim().max(120, E("tooLong", { max: 120 })).optional(),
  date: z.string({ required_error: E("date") }).regex(/^\d{4}-\d{2}-\d{2}$/, E("date")),
  time: z.string({ required_error: E("time") }).regex(/^\d{2}:\d{2}$/, E("time")),
  duration: z.number({ required_error: E("duration"), invalid_type_error: E("duration") }).int(E("duration")).min(5, E("duration")).max(24 * 60, E("duration")),
  timeZone: z.string({ required_error: E("timeZone") }).refine(isValidTimeZone, E("timeZone")),
  languageCode: z.string({ required_error: E("language") }).min(2, E("language")).max(10),
  capacity: z.number({ invalid_type_error: E("capacity") }).int(E("capacity")).min(1, E("capacity")).max(100_000, E("capacity")).optional(),
  joinUrl: z.string().trim().max(500, E("tooLong", { max: 500 })).refine(isHttpsUrl, E("joinUrl")).optional(),
  occurrence: z.enum(OCCURRENCES).optional(),
  confirm: z.enum(["yes"]).optional(),
});

type ResolvedStart =
  | { kind: "ok"; startsAt: Date }
  | { kind: "gap"; message: string }
  | { kind: "ambiguous"; earlier: { instant: Date; offset: string }; later: { instant: Date; offset: string }; message: string }
  | { kind: "invalid"; message: string };


/**
 * The instant an organiser meant. For a skipped time the suggestions keep the minutes they typed,
 * one gap earlier and one later: 02:30 on a spring-forward night offers 01:30 and 03:30.
 */
export function resolveSessionStart(input: { date: string; time: string; timeZone: string; occurrence?: Occurrence }): ResolvedStart {
  const result = localToUtc(input.date, input.time, input.timeZone);
  const city = cityLabelForZone(input.timeZone);
  if (result.kind === "ok") return { kind: "ok", startsAt: result.instant };
  if (result.kind === "invalid") return { kind: "invalid", message: E("time") };
  if (result.kind === "gap") {
    const earlier = shiftWallTime(input.time, -result.gapMinutes);
    const later = shiftWallTime(input.time, result.gapMinutes);
    return {
      kind: "gap",
      message: E("gap", { time: input.time, date: formatCalendarDate(input.date), city, before: result.before, after: result.after, earlier, later }),
    };
  }
  const offset = (instant: Date) => offsetLabelAt(instant, input.timeZone);
  if (input.occurrence) return { kind: "ok", startsAt: input.occurrence === "earlier" ? result.earlier : result.later };
  return {
    kind: "ambiguous",
    earlier: { instant: result.earlier, offset: offset(result.earlier) },
    later: { instant: result.later, offset: offset(result.later) },
    message: E("ambiguous", { time: input.time, date: formatCalendarDate(input.date), city }),
  };
}

