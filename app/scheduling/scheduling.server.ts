import { getAudienceZones, getEventSchedulingContext } from "~/scheduling/audience.server.ts";
import { getSiteSettings } from "~/organisers/settings.server.ts";
import {
  DEFAULT_DURATION_MINUTES,
  buildDayGrid,
  dayBounds,
  dstWarnings,
  newSessionHref,
  normalizeAudience,
  packDayGrid,
  rankSlots,
  rankingAudience,
  type DstWarning,
  type PackedDayGrid,
  type RankedSlot,
  type SchedulingQuery,
  type SchedulingWeighting,
} from "./scheduling.ts";
import { cityLabelForZone, isValidTimeZone, localizedCityName, parseReferenceCities, utcToLocal, type ReferenceCity } from "~/time/time.ts";

export type SchedulingAssistantData = {
  eventId: string;
  eventTitle: string;
  locale: string;
  query: SchedulingQuery;
  /** The entry zone's usual name ("Geneva"). */
  zoneLabel: string;
  /** What the ranking weighs: the audience, or (none yet, or asked for) each reference zone once. */
  basis: "audience" | "cities";
  audience: {
    people: number;
    zones: number;
    /** Audience zones counted in the ranking without a column of their own. */
    hiddenZones: number;
    hiddenPeople: number;
  };
  /** The grid, packed for the page's data (unpackDayGrid() gives the DayGrid back). */
  grid: PackedDayGrid;
  /** The best five start times, each with a link to the pre-filled new-session form. */
  topSlots: (RankedSlot & { href: string })[];
  warnings: DstWarning[];
};

/**
 * Defaults for the assistant's form: the date of the event's next session (or tomorrow in the
 * organiser's zone), 90 minutes, and the organiser's own zone.
 */
export async function getSchedulingDefaults(args: { eventId: string; organiserZone: string; now?: Date }) {
  const now = args.now ?? new Date();
  const zone = isValidTimeZone(args.organiserZone) ? args.organiserZone : "UTC";
  const event = await getEventSchedulingContext(args.eventId);
  const next = event?.sessions.find((s) => s.startsAt.getTime() > now.getTime());
  const date = next ? utcToLocal(next.startsAt, zone).date : utcToLocal(new Date(now.getTime() + 86_400_000), zone).date;
  return { date, durationMinutes: DEFAULT_DURATION_MINUTES, zone };
}

/**
 * Everything the <SchedulingAssistant> component draws, for one event, date, duration and entry
 * zone. `sessionId` is the session being edited: its registrants and its own date are left out of
 * the audience and the daylight-saving comparison. Returns null when the event does not exist.
 * The caller checks access first (requireEventAccess).
 */
export async function loadSchedulingAssistant(args: {
  eventId: string;
  date: string;
  durationMinutes: number;
  zone: string;
  sessionId?: string;
  locale: string;
  /** Default "audience". "cities" skips the audience entirely: the reference cities count equally. */
  weighting?: SchedulingWeighting;
  now?: Date;
}): Promise<SchedulingAssistantData | null> {
  const weighting = args.weighting ?? "audience";
  const [event, settings, rawAudience] = await Promise.all([
    getEventSchedulingContext(args.eventId, { excludeSessionId: args.sessionId }),
    getSiteSettings(),
    weighting === "audience" ? getAudienceZones(args.eventId, { excludeSessionId: args.sessionId, now: args.now }) : Promise.resolve([]),
  ]);
  if (!event) return null;

  const cities: ReferenceCity[] = (
    event.referenceCities == null || event.referenceCities.trim() === ""
      ? parseReferenceCities(JSON.stringify(settings.referenceCities))
      : parseReferenceCities(event.referenceCities)
  ).map((c) => ({ zone: c.zone, city: localizedCityName(c, args.locale) }));
  const audience = normalizeAudience(rawAudience);
  const input = { date: args.date, zone: args.zone, durationMinutes: args.durationMinutes, cities, audience };
  const grid = buildDayGrid(input);
  const query: SchedulingQuery = { date: args.date, durationMinutes: args.durationMinutes, zone: args.zone, weighting };
  const topSlots = rankSlots({ ...input, limit: 5 }).map((slot) => ({ ...slot, href: newSessionHref(event.id, slot, query) }));

  // No time is chosen yet, so "this session" is the whole day being planned.
  const { start, end } = dayBounds(args.date, args.zone);
  const places = [
    { zone: args.zone, label: cityLabelForZone(args.zone) },
    ...cities.map((c) => ({ zone: c.zone, label: c.city })),
    ...audience.map((a) => ({ zone: a.zone, label: cityLabelForZone(a.zone) })),
  ];
  const warnings = dstWarnings({
    session: { start: new Date(start), end: new Date(end) },
    places,
    otherSessions: event.sessions.filter((s) => s.startsAt.getTime() < start || s.startsAt.getTime() >= end),
  });

  const people = audience.reduce((sum, a) => sum + a.weight, 0);
  const shown = new Set(grid.rows.map((r) => r.zone));
  const hidden = audience.filter((a) => !shown.has(a.zone));
  return {
    eventId: event.id,
    eventTitle: event.title,
    locale: args.locale,
    query,
    zoneLabel: cityLabelForZone(args.zone),
    basis: rankingAudience(cities, audience).basis,
    audience: { people, zones: audience.length, hiddenZones: hidden.length, hiddenPeople: hidden.reduce((sum, a) => sum + a.weight, 0) },
    grid: packDayGrid(grid),
    topSlots,
    warnings,
  };
}
