import { Form } from "@remix-run/react";
import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { DstWarning } from "~/scheduling/scheduling.ts";
import { MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, unpackDayGrid, type SchedulingQueryProblem } from "~/scheduling/scheduling.ts";
import type { SchedulingAssistantData } from "~/scheduling/scheduling.server.ts";
import { KNOWN_CITIES, type LocalPeriod } from "~/time/time.ts";

/**
 * The scheduling assistant: the day in half-hour slots against the event's reference cities and
 * its audience's zones, the five best start times, and daylight-saving warnings. Pure render of
 * `loadSchedulingAssistant()`'s result, so it works without JavaScript.
 *
 * Layout: one ROW PER SLOT and one column per place. Time runs down the page as in a diary, a
 * screen reader announces each row as "09:30 — 86 % — Geneva 09:30 W, Nairobi 11:30 W…", which is
 * the question an organiser asks, and on a phone 48 rows scroll with the page while the ~10–18
 * place columns scroll sideways inside their own labelled, focusable region, with the slot column
 * held in place. Colour is never the only signal: every cell carries a letter (W/E/N) and night
 * cells are hatched.
 *
 * Embedding (the session form): pass `showForm={false}` inside another <form> (forms cannot
 * nest) or `formAction` + `hiddenFields` to keep the host page's own parameters.
 */
export function SchedulingAssistant({
  data,
  problems = [],
  showForm = true,
  formAction,
  hiddenFields = {},
  headingLevel = 2,
}: {
  data: SchedulingAssistantData;
  problems?: SchedulingQueryProblem[];
  showForm?: boolean;
  formAction?: string;
  hiddenFields?: Record<string, string>;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const id = useId();
  const Heading = `h${headingLevel}` as "h2" | "h3";
  const Sub = `h${headingLevel + 1}` as "h3" | "h4";
  const { query, locale } = data;
  const grid = useMemo(() => unpackDayGrid(data.grid), [data.grid]);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(locale);
  const dayText = formatDay(query.date, locale);
  const best = new Set(data.topSlots.map((s) => s.index));
  // Looked up once: i18next's t() in each of ~1,000 cells is a measurable share of the render.
  const letters: Record<LocalPeriod, string> = {
    working: t("scheduling.periodLetter.working"),
    "early-late": t("scheduling.periodLetter.early-late"),
    night: t("scheduling.periodLetter.night"),
  };
  const letter = (period: LocalPeriod) => letters[period];

  return (
    <section className="scheduling" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{t("scheduling.title")}</Heading>
      {showForm ? (
        <Form method="get" action={formAction} className="filters scheduling-form" preventScrollReset>
          {Object.entries(hiddenFields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className="field">
            <label htmlFor={`${id}-date`}>{t("scheduling.form.date")}</label>
            <input id={`${id}-date`} type="date" name="date" defaultValue={query.date} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-duration`}>{t("scheduling.form.duration")}</label>
            <input id={`${id}-duration`} type="number" name="duration" inputMode="numeric" min={MIN_DURATION_MINUTES} max={MAX_DURATION_MINUTES} step={5} defaultValue={query.durationMinutes} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-zone`}>{t("scheduling.form.zone")}</label>
            <select id={`${id}-zone`} name="zone" defaultValue={query.zone}>
              {zoneOptions(query.zone).map((o) => (
                <option key={o.zone} value={o.zone}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-rank`}>{t("scheduling.form.rank")}</label>
            <select id={`${id}-rank`} name="rank" defaultValue={query.weighting}>
              <option value="audience">{t("scheduling.form.rankAudience")}</option>
              <option value="cities">{t("scheduling.form.rankCities")}</option>
            </select>
          </div>
          <div className="filter-actions">
            <button type="submit">{t("scheduling.form.submit")}</button>
          </div>
        </Form>
      ) : null}

      {problems.length > 0 ? (
        <div className="form-error" role="alert">
          <ul>
            {problems.map((p) => (
              <li key={p.field}>{t(`scheduling.problem.${p.field}`, { value: p.value })}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <p className="scheduling-basis">
        {data.basis === "audience"
          ? t("scheduling.basisAudience", { count: data.audience.people, people: number.format(data.audience.people), zones: number.format(data.audience.zones) })
          : query.weighting === "cities"
            ? t("scheduling.basisCitiesChosen")
            : t("scheduling.basisCities")}
      </p>

      <Sub>{t("scheduling.bestTitle", { date: dayText, duration: query.durationMinutes })}</Sub>
      {data.topSlots.length === 0 ? (
        <p className="empty">{t("scheduling.noGoodSlot")}</p>
      ) : (
        <ol className="top-slots">
          {data.topSlots.map((slot) => (
            <li key={slot.index}>
              <span className="top-slot-time">{`${slot.label}–${slot.endLabel}${slot.endDayOffset > 0 ? ` (${t("time.nextDay")})` : ""}`}</span>{" "}
              <span className="muted">{slot.repeated ? `${data.zoneLabel} ${slot.offsetLabel}` : data.zoneLabel}</span>{" "}
              <span className="top-slot-share">{t("scheduling.share", { share: percent.format(slot.share) })}</span>{" "}
              <a href={slot.href}>{t("scheduling.useSlot", { time: slot.label })}</a>
            </li>
          ))}
        </ol>
      )}

      {data.warnings.length > 0 ? (
        <div role="note" aria-labelledby={`${id}-dst`} className="notice dst-warnings">
          <Sub id={`${id}-dst`}>{t("scheduling.dst.title")}</Sub>
          <ul>
            {data.warnings.map((w) => (
              <li key={`${w.at}-${w.places[0]?.zone}`}>{describeWarning(w, t, locale, query.zone)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <Sub>{t("scheduling.gridTitle")}</Sub>
      <ul className="scheduling-legend" aria-label={t("scheduling.legend.label")}>
        {(["working", "early-late", "night"] as const).map((period) => (
          <li key={period}>
            <span className={`slot-cell period-${period}`} aria-hidden="true">
              {letter(period)}
            </span>
            {` ${t(`scheduling.legend.${period}`)}`}
          </li>
        ))}
        <li>{t("scheduling.legend.day")}</li>
        <li>{t("scheduling.legend.best")}</li>
      </ul>
      <div className="scheduling-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="scheduling-grid">
          <caption id={`${id}-caption`}>{t("scheduling.caption", { date: dayText, zone: data.zoneLabel, duration: query.durationMinutes })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("scheduling.slotColumn", { zone: data.zoneLabel })}</th>
              <th scope="col">{t("scheduling.shareColumn")}</th>
              {grid.rows.map((row) => (
                <th scope="col" key={row.id}>
                  {row.label}
                  {row.weight > 0 ? <span className="place-weight">{t("scheduling.people", { count: row.weight, formatted: number.format(row.weight) })}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.slots.map((slot) => (
              <tr key={slot.index} className={best.has(slot.index) ? "is-best" : undefined}>
                <th scope="row">
                  {slot.label}
                  {slot.repeated ? <span className="slot-offset"> {slot.offsetLabel}</span> : null}
                  {slot.clockChangeMinutes ? <span className="slot-change">{t(slot.clockChangeMinutes > 0 ? "scheduling.clocksForward" : "scheduling.clocksBack")}</span> : null}
                </th>
                <td className="slot-share">
                  {percent.format(slot.share)}
                  {best.has(slot.index) ? <span title={t("scheduling.legend.best")}> ★</span> : null}
                </td>
                {slot.cells.map((cell, i) => (
                  // One text node where possible: 48 × 20 cells, and React would put a comment
                  // between every two adjacent text nodes.
                  <td key={grid.rows[i]!.id} className={`slot-cell period-${cell.period}`}>
                    {cell.dayOffset === 0 ? (
                      `${cell.time} ${letter(cell.period)}`
                    ) : (
                      <>
                        {cell.time}
                        <sup>{cell.dayOffset > 0 ? `+${cell.dayOffset}` : `−${-cell.dayOffset}`}</sup>
                        {` ${letter(cell.period)}`}
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.audience.hiddenZones > 0 ? (
        <p className="hint">{t("scheduling.hiddenZones", { count: data.audience.hiddenZones, people: number.format(data.audience.hiddenPeople) })}</p>
      ) : null}
    </section>
  );
}

type T = ReturnType<typeof useTranslation>["t"];

function formatDay(date: string, locale: string, options: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long", year: "numeric" }) {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  // A calendar date, not an instant: format it at noon UTC in UTC so no zone can shift the day.
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

function describeWarning(w: DstWarning, t: T, locale: string, zone: string): string {
  const places = new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(w.places.map((p) => p.label));
  const amount = w.minutes % 60 === 0 ? t("scheduling.amount.hours", { count: w.minutes / 60 }) : t("scheduling.amount.minutes", { count: w.minutes });
  const date = formatDay(w.localDate, locale, { day: "numeric", month: "long", year: "numeric" });
  const main = t(w.direction === "forward" ? "scheduling.dst.forward" : "scheduling.dst.back", { count: w.places.length, places, amount, date });
  let relation: string;
  if (w.relation.kind === "between") {
    const other = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", timeZone: zone }).format(new Date(w.relation.session.startsAt));
    relation = t("scheduling.dst.between", { date: other });
  } else if (w.daysFromSession === 0) {
    relation = t("scheduling.dst.sameDay");
  } else {
    relation = t(w.daysFromSession > 0 ? "scheduling.dst.after" : "scheduling.dst.before", { count: Math.abs(w.daysFromSession) });
  }
  return `${main} — ${relation}`;
}

/** The well-known cities' zones (one entry per zone) plus the current one, by label. */
function zoneOptions(current: string) {
  const byZone = new Map<string, string>();
  for (const c of KNOWN_CITIES) if (!byZone.has(c.zone)) byZone.set(c.zone, `${c.city} (${c.zone})`);
  if (!byZone.has("UTC")) byZone.set("UTC", "UTC");
  if (!byZone.has(current)) byZone.set(current, current);
  return [...byZone].map(([zone, label]) => ({ zone, label })).sort((a, b) => a.label.localeCompare(b.label));
}
