/**
 * The scheduling assistant's maths: which start times on a given day suit the event's reference
 * cities and its expected audience, and which daylight-saving changes an organiser should know
 * about. Isomorphic and pure (luxon and ./time.ts only), so the session form can use it in the
 * browser as well as on the server.
 *
 * Conventions
 * - A day is the calendar date in the ENTRY zone (the zone the organiser types times in). Its slots
 *   are real instants every 30 minutes from that zone's local midnight to the next one, so a day
 *   on which the clocks go forward has 46 slots, one on which they go back has 50, and a repeated
 *   wall time ("01:00" twice in New York on 7 November 2027) is two slots told apart by offset.
 * - Cell colours follow `classifyLocalHour` from time.ts, by the local time at the START of the
 *   half hour: working 08:00–18:00, early-late 06:00–08:00 and 18:00–22:00, night 22:00–06:00.
 * - The ranking is deliberately wider than an office day: a person counts as served when the WHOLE
 *   session falls inside 08:00–20:00 on one local day (RANK_WINDOW).
 */
import { DateTime, IANAZone } from "luxon";
import {
  classifyLocalHour,
  cityLabelForZone,
  dstChangesBetween,
  formatOffset,
  isValidTimeZone,
  type LocalPeriod,
  type ReferenceCity,
} from "~/time/time.ts";

const SLOT_MINUTES = 30;
/** Local minutes since midnight; the session must start at or after `start` and end by `end`. */
const RANK_WINDOW = { startMinutes: 8 * 60, endMinutes: 20 * 60 } as const;
export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 8 * 60;
export const DEFAULT_DURATION_MINUTES = 90;
/** A DST change this many days either side of the session is worth a warning on its own. */
const DST_NEAR_DAYS = 7;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export type AudienceZone = { zone: string; weight: number };

type SchedulingRow = {
  /** Stable key for React and for the table's header ids. */
  id: string;
  zone: string;
  /** "Geneva", or for an audience zone the city the zone is known by ("Nairobi"). */
  label: string;
  /** A reference city of the event, or a zone only the audience brings. */
  kind: "city" | "audience";
  /** People expected from this zone (0 for a reference city nobody registered from). */
  weight: number;
};

type SlotCell = {
  /** 24-hour "HH:mm" in the row's zone at the start of the slot. */
  time: string;
  /** The row's calendar date minus the grid's date: -1, 0 or +1 (rarely ±2). */
  dayOffset: number;
  period: LocalPeriod;
};

type DaySlot = {
  index: number;
  /** UTC instants, ISO with Z. */
  start: string;
  end: string;
  /** "HH:mm" in the entry zone. */
  label: string;
  /** "UTC+1": tells the two "01:00" slots of a fall-back night apart. */
  offsetLabel: string;
  /** This wall time happens twice today in the entry zone (clocks go back). */
  repeated: boolean;
  /** The entry zone's clocks changed since the previous slot, by this many minutes (+ forward). */
  clockChangeMinutes?: number;
  /** Share (0–1) of the ranking audience for whom a session starting here fits RANK_WINDOW. */
  share: number;
  /** One per grid row, in the same order as `DayGrid.rows`. */
  cells: SlotCell[];
};

export type DayGrid = {
  date: string;
  zone: string;
  durationMinutes: number;
  /** Length of the day in the entry zone: 1440, or 1380 / 1500 on DST days. */
  dayMinutes: number;
  rows: SchedulingRow[];
  slots: DaySlot[];
};

export type RankedSlot = {
  index: number;
  start: string;
  end: string;
  /** Start and end as "HH:mm" in the entry zone; `endDayOffset` is 1 when the end is tomorrow. */
  label: string;
  endLabel: string;
  endDayOffset: number;
  offsetLabel: string;
  /** The start's wall time happens twice today (clocks go back). */
  repeated: boolean;
  /** 0–1: weighted share of the audience for whom the whole session is inside 08:00–20:00. */
  share: number;
  /**
   * 0–1: share of the reference-city zones (each once) for whom the session fits 08:00–20:00. Breaks
   * ties first: speakers and organisers sit in those cities, so among slots that suit the same
   * share of the audience, the one London and Geneva can also run wins.
   */
  citiesShare: number;
  /** 0–1: the audience share within the stricter office day, 08:00–18:00; breaks remaining ties. */
  officeShare: number;
};

export type SchedulingInput = {
  /** "YYYY-MM-DD" in `zone`. */
  date: string;
  /** The entry zone (IANA). */
  zone: string;
  durationMinutes: number;
  cities: ReferenceCity[];
  /** Zones with weights; invalid zones and non-positive weights are ignored. */
  audience: AudienceZone[];
  /**
   * Audience zones not among the reference cities get a grid row of their own, the heaviest
   * first, up to this many (default 8); the rest still count in the ranking. 60 zones in 60
   * columns would bury the answer.
   */
  maxAudienceRows?: number;
};

// ---------------------------------------------------------------------------------------------
// Offsets. luxon's IANAZone.offset costs ~15 µs (an Intl formatToParts call) and a grid for 70
// zones would need thousands, so each zone's offset changes are found once per calendar year and
// kept; after that an offset is a lookup and local times are arithmetic.

type ZoneYear = { startOffset: number; changes: { at: number; after: number }[] };
const ZONE_YEAR_LIMIT = 4000;
const zoneYears = new Map<string, ZoneYear>();
// Two changes less than a fortnight apart are unknown in current tzdata (Morocco's Ramadan
// suspension, the closest pair, lasts about a month), so a 14-day sweep cannot step over a pair.
const SWEEP_MS = 14 * DAY_MS;

function zoneYear(zone: string, year: number): ZoneYear {
  const key = `${zone}|${year}`;
  const hit = zoneYears.get(key);
  if (hit) return hit;
  const iana = IANAZone.create(zone);
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const changes: ZoneYear["changes"] = [];
  let lo = from;
  let loOffset = iana.offset(lo);
  const startOffset = loOffset;
  while (lo < to) {
    const hi = Math.min(lo + SWEEP_MS, to);
    const hiOffset = iana.offset(hi);
    if (hiOffset !== loOffset) {
      // Narrow to the day by halving, then let time.ts find the exact second.
      let a = lo;
      let b = hi;
      while (b - a > DAY_MS) {
        const mid = a + Math.floor((b - a) / 2 / MINUTE_MS) * MINUTE_MS;
        if (iana.offset(mid) === loOffset) a = mid;
        else b = mid;
      }
      for (const change of dstChangesBetween(zone, new Date(a), new Date(b))) {
        changes.push({ at: change.at.getTime(), after: change.offsetAfterMinutes });
      }
    }
    lo = hi;
    loOffset = hiOffset;
  }
  const value = { startOffset, changes };
  if (zoneYears.size >= ZONE_YEAR_LIMIT) zoneYears.delete(zoneYears.keys().next().value as string);
  zoneYears.set(key, value);
  return value;
}

/** The zone's UTC offset in minutes at an instant (same answer as luxon, from the yearly cache). */
export function offsetMinutesAt(zone: string, ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const { startOffset, changes } = zoneYear(zone, year);
  let offset = startOffset;
  for (const change of changes) {
    if (change.at <= ms) offset = change.after;
    else break;
  }
  return offset;
}

/** Every offset change of a zone in (from, to], from the yearly cache. */
function changesBetween(zone: string, from: number, to: number) {
  const out: { at: number; before: number; after: number }[] = [];
  const first = new Date(from).getUTCFullYear();
  const last = new Date(to).getUTCFullYear();
  for (let year = first; year <= last; year++) {
    const { startOffset, changes } = zoneYear(zone, year);
    let before = startOffset;
    for (const change of changes) {
      if (change.at > from && change.at <= to) out.push({ at: change.at, before, after: change.after });
      before = change.after;
    }
  }
  return out;
}

/** Local wall clock of an instant, as milliseconds since 1970-01-01T00:00 local. */
function localMs(zone: string, ms: number): number {
  return ms + offsetMinutesAt(zone, ms) * MINUTE_MS;
}

function hhmm(local: number): string {
  const minutes = Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

const dayIndex = (local: number) => Math.floor(local / DAY_MS);

// ---------------------------------------------------------------------------------------------
// Input checks shared by the grid and the ranking.

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" that names a real calendar date between 1970 and 2100. */
export function isValidDate(date: string): boolean {
  const match = DATE_PATTERN.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1970 || year > 2100) return false;
  return DateTime.fromObject({ year, month, day }, { zone: "UTC" }).isValid;
}

export function isValidDuration(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= MIN_DURATION_MINUTES && minutes <= MAX_DURATION_MINUTES;
}

function assertInput(date: string, zone: string, durationMinutes: number) {
  if (!isValidDate(date)) throw new RangeError(`Invalid date: ${date}`);
  if (!isValidTimeZone(zone)) throw new RangeError(`Unknown time zone: ${zone}`);
  if (!isValidDuration(durationMinutes)) throw new RangeError(`Invalid duration: ${durationMinutes}`);
}

/**
 * The instants the date starts and ends in the zone. luxon's startOf("day") moves a midnight the
 * clocks skip (Havana, Beirut in some years) to the first minute that exists.
 */
export function dayBounds(date: string, zone: string): { start: number; end: number } {
  const start = DateTime.fromISO(date, { zone }).startOf("day");
  const end = start.plus({ days: 1 }).startOf("day");
  if (!start.isValid || !end.isValid) throw new RangeError(`Invalid date: ${date}`);
  return { start: start.toMillis(), end: end.toMillis() };
}

/** The slots' start instants: every 30 minutes of real time from midnight to midnight. */
export function slotStarts(date: string, zone: string): number[] {
  const { start, end } = dayBounds(date, zone);
  const starts: number[] = [];
  for (let ms = start; ms < end; ms += SLOT_MINUTES * MINUTE_MS) starts.push(ms);
  return starts;
}

// ---------------------------------------------------------------------------------------------
// Audience

/** Valid zones with positive weights, merged by zone, heaviest first (ties by zone id). */
export function normalizeAudience(audience: AudienceZone[]): AudienceZone[] {
  const merged = new Map<string, number>();
  for (const { zone, weight } of audience) {
    if (!(weight > 0) || !Number.isFinite(weight) || !isValidTimeZone(zone)) continue;
    merged.set(zone, (merged.get(zone) ?? 0) + weight);
  }
  return [...merged].map(([zone, weight]) => ({ zone, weight })).sort((a, b) => b.weight - a.weight || a.zone.localeCompare(b.zone));
}

/**
 * Who the ranking serves: the audience when there is one; otherwise (a new topic, or the organiser
 * asked to ignore it) each reference-city ZONE once, weight 1, so Geneva and Zurich do not count
 * twice.
 */
export function rankingAudience(cities: ReferenceCity[], audience: AudienceZone[]): { basis: "audience" | "cities"; zones: AudienceZone[] } {
  const zones = normalizeAudience(audience);
  if (zones.length > 0) return { basis: "audience", zones };
  const distinct = [...new Set(cities.map((c) => c.zone))];
  return { basis: "cities", zones: normalizeAudience(distinct.map((zone) => ({ zone, weight: 1 }))) };
}

/** Reference cities first, in the event's order, then the heaviest audience zones they do not cover. */
export function buildSchedulingRows(cities: ReferenceCity[], audience: AudienceZone[], maxAudienceRows = 8): SchedulingRow[] {
  const weights = new Map(normalizeAudience(audience).map((a) => [a.zone, a.weight]));
  const rows: SchedulingRow[] = [];
  const seenZones = new Set<string>();
  cities.forEach((city, i) => {
    if (!isValidTimeZone(city.zone)) return;
    // Two cities in one zone (New York, Washington) share its people; count them once.
    const weight = seenZones.has(city.zone) ? 0 : (weights.get(city.zone) ?? 0);
    seenZones.add(city.zone);
    rows.push({ id: `city-${i}`, zone: city.zone, label: city.city, kind: "city", weight });
  });
  let added = 0;
  for (const [zone, weight] of weights) {
    if (added >= maxAudienceRows) break;
    if (seenZones.has(zone)) continue;
    seenZones.add(zone);
    rows.push({ id: `zone-${added}`, zone, label: cityLabelForZone(zone), kind: "audience", weight });
    added += 1;
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Grid and ranking

/** A zone's wall clock: an instant in, local milliseconds since 1970-01-01T00:00 local out. */
type Clock = (ms: number) => number;

/**
 * Clocks for every zone a day's grid touches, each resolved once for the span of the day plus a
 * day either side and the longest session: inside it a clock is an addition, or a comparison or
 * two on a DST day. 48 slots × 70 zones × 3 shares stay well under a millisecond.
 */
function dayClocks(date: string, zone: string) {
  const { start, end } = dayBounds(date, zone);
  const from = start - DAY_MS;
  const to = end + MAX_DURATION_MINUTES * MINUTE_MS + DAY_MS;
  const clocks = new Map<string, Clock>();
  const clockFor = (z: string): Clock => {
    const hit = clocks.get(z);
    if (hit) return hit;
    const startOffset = offsetMinutesAt(z, from);
    const changes = changesBetween(z, from, to);
    let clock: Clock;
    if (changes.length === 0) {
      const shift = startOffset * MINUTE_MS;
      clock = (ms) => (ms >= from && ms <= to ? ms + shift : localMs(z, ms));
    } else {
      clock = (ms) => {
        if (ms < from || ms > to) return localMs(z, ms);
        let offset = startOffset;
        for (const change of changes) {
          if (change.at <= ms) offset = change.after;
          else break;
        }
        return ms + offset * MINUTE_MS;
      };
    }
    clocks.set(z, clock);
    return clock;
  };
  return { start, end, clockFor };
}

type WeightedClock = { clock: Clock; weight: number };

/** Does a session [start, start + duration) fall inside [from, to) local minutes of one local day? */
function fitsWindow(clock: Clock, start: number, durationMs: number, from: number, to: number): boolean {
  const localStart = clock(start);
  const localEnd = clock(start + durationMs);
  const midnight = dayIndex(localStart) * DAY_MS;
  return localStart >= midnight + from * MINUTE_MS && localEnd <= midnight + to * MINUTE_MS;
}

function shareAt(zones: WeightedClock[], start: number, durationMs: number, from: number, to: number): number {
  let total = 0;
  let inside = 0;
  for (const { clock, weight } of zones) {
    total += weight;
    if (fitsWindow(clock, start, durationMs, from, to)) inside += weight;
  }
  return total === 0 ? 0 : inside / total;
}

function slotBasics(date: string, zone: string, durationMinutes: number) {
  const day = dayClocks(date, zone);
  const entry = day.clockFor(zone);
  const starts: number[] = [];
  for (let ms = day.start; ms < day.end; ms += SLOT_MINUTES * MINUTE_MS) starts.push(ms);
  const durationMs = durationMinutes * MINUTE_MS;
  const labels = starts.map((ms) => hhmm(entry(ms)));
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const weighted = (zones: AudienceZone[]): WeightedClock[] => zones.map((z) => ({ clock: day.clockFor(z.zone), weight: z.weight }));
  return { day, entry, starts, durationMs, labels, counts, weighted, gridDay: dayIndex(entry(starts[0]!)) };
}

/** The day in half-hour slots against every row, with each slot's audience share. */
export function buildDayGrid(input: SchedulingInput): DayGrid {
  const { date, zone, durationMinutes, cities, audience } = input;
  assertInput(date, zone, durationMinutes);
  const rows = buildSchedulingRows(cities, audience, input.maxAudienceRows);
  const { day, entry, starts, durationMs, labels, counts, weighted, gridDay } = slotBasics(date, zone, durationMinutes);
  const ranking = weighted(rankingAudience(cities, audience).zones);
  const rowClocks = rows.map((row) => day.clockFor(row.zone));

  const slots: DaySlot[] = starts.map((ms, index) => {
    const offset = (entry(ms) - ms) / MINUTE_MS;
    const previousOffset = index > 0 ? (entry(starts[index - 1]!) - starts[index - 1]!) / MINUTE_MS : offset;
    const cells = rowClocks.map((clock): SlotCell => {
      const local = clock(ms);
      const minutes = Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
      return { time: hhmm(local), dayOffset: dayIndex(local) - gridDay, period: classifyLocalHour(minutes / 60) };
    });
    return {
      index,
      start: new Date(ms).toISOString(),
      end: new Date(ms + durationMs).toISOString(),
      label: labels[index]!,
      offsetLabel: formatOffset(offset),
      repeated: (counts.get(labels[index]!) ?? 0) > 1,
      ...(offset !== previousOffset ? { clockChangeMinutes: offset - previousOffset } : {}),
      share: shareAt(ranking, ms, durationMs, RANK_WINDOW.startMinutes, RANK_WINDOW.endMinutes),
      cells,
    };
  });
  return { date, zone, durationMinutes, dayMinutes: Math.round((day.end - day.start) / MINUTE_MS), rows, slots };
}

/**
 * The day's start slots ranked by the weighted share of the audience for whom the whole session
 * is inside 08:00–20:00 local time; ties go to the slot that suits more reference cities, then
 * to the larger audience share inside the office day (08:00–18:00), then to the earlier slot.
 * Slots that suit nobody are left out.
 */
export function rankSlots(input: SchedulingInput & { limit?: number }): RankedSlot[] {
  const { date, zone, durationMinutes, cities, audience, limit = 5 } = input;
  assertInput(date, zone, durationMinutes);
  const { entry, starts, durationMs, labels, counts, weighted, gridDay } = slotBasics(date, zone, durationMinutes);
  const zones = weighted(rankingAudience(cities, audience).zones);
  const cityZones = weighted(rankingAudience(cities, []).zones);
  const ranked: RankedSlot[] = [];
  starts.forEach((ms, index) => {
    const share = shareAt(zones, ms, durationMs, RANK_WINDOW.startMinutes, RANK_WINDOW.endMinutes);
    if (share <= 0) return;
    const localEnd = entry(ms + durationMs);
    ranked.push({
      index,
      start: new Date(ms).toISOString(),
      end: new Date(ms + durationMs).toISOString(),
      label: labels[index]!,
      endLabel: hhmm(localEnd),
      endDayOffset: dayIndex(localEnd) - gridDay,
      offsetLabel: formatOffset((entry(ms) - ms) / MINUTE_MS),
      repeated: (counts.get(labels[index]!) ?? 0) > 1,
      share,
      citiesShare: shareAt(cityZones, ms, durationMs, RANK_WINDOW.startMinutes, RANK_WINDOW.endMinutes),
      officeShare: shareAt(zones, ms, durationMs, RANK_WINDOW.startMinutes, 18 * 60),
    });
  });
  ranked.sort((a, b) => b.share - a.share || b.citiesShare - a.citiesShare || b.officeShare - a.officeShare || a.index - b.index);
  return ranked.slice(0, Math.max(0, limit));
}

// ---------------------------------------------------------------------------------------------
// Daylight-saving warnings

type DstWarningZone = { zone: string; label: string };

export type DstWarning = {
  /** Every place whose clocks change at this instant by this amount ("London", "Dublin"). */
  places: DstWarningZone[];
  /** The change, as a UTC instant. */
  at: string;
  /** The change's calendar date in the first place's zone, "YYYY-MM-DD". */
  localDate: string;
  direction: "forward" | "back";
  /** Size of the change, always positive: 60, or 30 for Lord Howe Island. */
  minutes: number;
  /**
   * "between": the change falls between this session and `session`, another session of the event
   * (the nearest one it separates); "near": within DST_NEAR_DAYS of this session.
   */
  relation: { kind: "between"; session: { id: string; startsAt: string } } | { kind: "near" };
  /** Whole days from this session to the change: negative before, positive after. */
  daysFromSession: number;
};

type DstWarningInput = {
  /** This session, or the whole day being planned when no time is chosen yet. */
  session: { start: Date | string; end: Date | string };
  places: DstWarningZone[];
  otherSessions: { id: string; startsAt: Date | string }[];
  nearDays?: number;
};

const toMs = (value: Date | string) => (typeof value === "string" ? Date.parse(value) : value.getTime());

/**
 * Daylight-saving changes in any of the places that fall between this session and another
 * session of the event, or within a week of this session. People who registered for both, or who
 * read "same time as last week", would otherwise be an hour out. Places whose clocks change at the
 * same instant by the same amount (the EU, all at 01:00 UTC) make one warning.
 */
export function dstWarnings(input: DstWarningInput): DstWarning[] {
  const start = toMs(input.session.start);
  const end = toMs(input.session.end);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) throw new RangeError("Invalid session window");
  const near = (input.nearDays ?? DST_NEAR_DAYS) * DAY_MS;
  const others = input.otherSessions
    .map((s) => ({ id: s.id, ms: toMs(s.startsAt) }))
    .filter((s) => Number.isFinite(s.ms) && (s.ms < start || s.ms >= end));
  // One span covers all the intervals: the week either side and every other session.
  const from = Math.min(start - near, ...others.map((s) => s.ms));
  const to = Math.max(end + near, ...others.map((s) => s.ms));

  const seenZones = new Set<string>();
  const groups = new Map<string, DstWarning>();
  for (const place of input.places) {
    if (seenZones.has(place.zone) || !isValidTimeZone(place.zone)) continue;
    seenZones.add(place.zone);
    for (const change of changesBetween(place.zone, from, to)) {
      const relation = relationOf(change.at, start, end, near, others);
      if (!relation) continue;
      const delta = change.after - change.before;
      const key = `${change.at}|${delta}|${relation.kind === "between" ? relation.session.id : ""}`;
      const existing = groups.get(key);
      if (existing) {
        existing.places.push(place);
        continue;
      }
      // Calendar days in that place, as people count them: "3 days after", not 2.4 × 24 hours.
      const localDay = (ms: number) => dayIndex(localMs(place.zone, ms));
      const days = change.at < start ? localDay(change.at) - localDay(start) : change.at > end ? localDay(change.at) - localDay(end) : 0;
      groups.set(key, {
        places: [place],
        at: new Date(change.at).toISOString(),
        localDate: DateTime.fromMillis(change.at, { zone: place.zone }).toISODate() ?? "",
        direction: delta > 0 ? "forward" : "back",
        minutes: Math.abs(delta),
        relation,
        daysFromSession: days,
      });
    }
  }
  return [...groups.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function relationOf(at: number, start: number, end: number, near: number, others: { id: string; ms: number }[]): DstWarning["relation"] | null {
  // The nearest other session on the far side of the change: "between this session and the 2 April session".
  let nearest: { id: string; ms: number } | undefined;
  for (const other of others) {
    const separates = (other.ms > end && at > end && at <= other.ms) || (other.ms < start && at < start && at > other.ms);
    if (separates && (!nearest || Math.abs(other.ms - at) < Math.abs(nearest.ms - at))) nearest = other;
  }
  if (nearest) return { kind: "between", session: { id: nearest.id, startsAt: new Date(nearest.ms).toISOString() } };
  if (at > start - near && at <= end + near) return { kind: "near" };
  return null;
}

// ---------------------------------------------------------------------------------------------
// The assistant's URL: ?date=2027-03-25&duration=90&zone=Europe/Zurich&rank=audience

export type SchedulingWeighting = "audience" | "cities";

export type SchedulingQuery = {
  date: string;
  durationMinutes: number;
  zone: string;
  /** "audience": weight by where past registrants are; "cities": the reference cities, equally. */
  weighting: SchedulingWeighting;
};

export type SchedulingQueryProblem = { field: "date" | "duration" | "zone" | "rank"; value: string };

/**
 * Reads the assistant's GET parameters. Anything missing takes its default; anything unusable
 * also takes its default and is reported, so the page can still draw a grid and say what it
 * ignored. Time zones are read case-insensitively and returned in canonical form.
 */
export function parseSchedulingQuery(
  params: URLSearchParams,
  defaults: Omit<SchedulingQuery, "weighting"> & { weighting?: SchedulingWeighting },
  normalizeZone: (zone: string) => string | null,
): { query: SchedulingQuery; problems: SchedulingQueryProblem[] } {
  const problems: SchedulingQueryProblem[] = [];
  const read = (name: string) => {
    const value = params.get(name);
    return value === null || value.trim() === "" ? null : value.trim();
  };

  let date = defaults.date;
  const rawDate = read("date");
  if (rawDate !== null) {
    if (isValidDate(rawDate)) date = rawDate;
    else problems.push({ field: "date", value: rawDate.slice(0, 40) });
  }

  let durationMinutes = defaults.durationMinutes;
  const rawDuration = read("duration");
  if (rawDuration !== null) {
    const minutes = /^\d{1,4}$/.test(rawDuration) ? Number(rawDuration) : Number.NaN;
    if (isValidDuration(minutes)) durationMinutes = minutes;
    else problems.push({ field: "duration", value: rawDuration.slice(0, 40) });
  }

  let zone = defaults.zone;
  const rawZone = read("zone");
  if (rawZone !== null) {
    const normalized = normalizeZone(rawZone);
    if (normalized) zone = normalized;
    else problems.push({ field: "zone", value: rawZone.slice(0, 64) });
  }

  let weighting: SchedulingWeighting = defaults.weighting ?? "audience";
  const rawRank = read("rank");
  if (rawRank !== null) {
    if (rawRank === "audience" || rawRank === "cities") weighting = rawRank;
    else problems.push({ field: "rank", value: rawRank.slice(0, 40) });
  }
  return { query: { date, durationMinutes, zone, weighting }, problems };
}

/**
 * Where a chosen slot leads: the new-session form, pre-filled. `at` (the exact instant) is added
 * only when the wall time happens twice that day, so the form need not ask which one is meant.
 */
export function newSessionHref(eventId: string, slot: { label: string; start: string; repeated?: boolean }, query: { date: string; zone: string; durationMinutes: number }): string {
  const params = new URLSearchParams({ date: query.date, time: slot.label, zone: query.zone, duration: String(query.durationMinutes) });
  if (slot.repeated) params.set("at", slot.start);
  return `/admin/events/${encodeURIComponent(eventId)}/sessions/new?${params}`;
}

// ---------------------------------------------------------------------------------------------
// Transport. A grid is ~50 slots × up to ~20 places; as objects that is ~3,000 values for Remix's
// turbo-stream to encode into the page (20 ms for 18 places, measured by bench/scheduling.ts),
// as one short string per slot it is ~50. The server stays the only place that does zone maths,
// so the browser's own time-zone data can never disagree with the rendered page on hydration.

type PackedDaySlot = Omit<DaySlot, "cells" | "end"> & {
  /** "HH:mm" + w|e|n + day offset per row, comma-separated: "09:30w0,16:30e0,01:30n1". */
  cells: string;
};
export type PackedDayGrid = Omit<DayGrid, "slots"> & { slots: PackedDaySlot[] };

const PERIOD_CODE: Record<LocalPeriod, string> = { working: "w", "early-late": "e", night: "n" };
const CODE_PERIOD: Record<string, LocalPeriod> = { w: "working", e: "early-late", n: "night" };

export function packDayGrid(grid: DayGrid): PackedDayGrid {
  return {
    ...grid,
    slots: grid.slots.map(({ cells, end: _end, ...slot }) => ({
      ...slot,
      cells: cells.map((c) => `${c.time}${PERIOD_CODE[c.period]}${c.dayOffset}`).join(","),
    })),
  };
}

export function unpackDayGrid(packed: PackedDayGrid): DayGrid {
  const durationMs = packed.durationMinutes * MINUTE_MS;
  return {
    ...packed,
    slots: packed.slots.map((slot) => ({
      ...slot,
      end: new Date(Date.parse(slot.start) + durationMs).toISOString(),
      cells: slot.cells === "" ? [] : slot.cells.split(",").map((c) => ({ time: c.slice(0, 5), period: CODE_PERIOD[c[5]!] ?? "night", dayOffset: Number(c.slice(6)) })),
    })),
  };
}
