/**
 * The time-zone chooser's content: places in the reader's language, grouped by region, with the
 * viewer's own zone first. Built on the server only (it needs the whole zone list, which no page
 * should carry in its script); the browser gets the finished labels.
 */
import { DateTime } from "luxon";
import { KNOWN_CITIES, formatOffset, listTimeZones, localizedCityName, normalizeTimeZone } from "./time.ts";
import { countryOfZone } from "./zone-countries.server.ts";

/** `keywords`: other names it is found by (the city in the other interface languages). */
type ZoneOption = { value: string; label: string; keywords?: string };
export type ZoneGroup = { id: string; label: string; options: ZoneOption[] };
type ZoneGroupLabels = {
  /** "Your time zone" */
  current: string;
  /** "Cities" (the working group's usual cities) */
  cities: string;
  /** Region names by the first part of the zone id ("Africa", "America"…), and "UTC". */
  regions: Record<string, string>;
};

const regionNames = new Map<string, Intl.DisplayNames | null>();
function countryName(code: string, locale: string): string | undefined {
  if (!regionNames.has(locale)) {
    try {
      regionNames.set(locale, new Intl.DisplayNames([locale, "en"], { type: "region" }));
    } catch {
      regionNames.set(locale, null);
    }
  }
  try {
    return regionNames.get(locale)?.of(code);
  } catch {
    return undefined;
  }
}

/** "Buenos Aires" from "America/Argentina/Buenos_Aires". */
function placeFromId(zone: string): string {
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

/** Known cities of a zone in the reader's language, then the zone's own city if it differs. */
function placesOfZone(zone: string, locale: string): string[] {
  const names = KNOWN_CITIES.filter((c) => c.zone === zone).map((c) => localizedCityName(c, locale));
  const own = placeFromId(zone);
  const ownLocalized = localizedCityName({ zone, city: own }, locale);
  return names.includes(ownLocalized) ? names : [...names, ownLocalized];
}

function offsetNow(zone: string, now: Date): string {
  return formatOffset(DateTime.fromJSDate(now, { zone }).offset);
}

function collator(locale: string) {
  try {
    return new Intl.Collator(locale);
  } catch {
    return new Intl.Collator("en");
  }
}

/** "Geneva, Zurich · Switzerland · UTC+1": what a person recognises, then where, then the offset now. */
export function zoneOptionLabel(zone: string, locale: string, now: Date = new Date()): string {
  if (zone === "UTC") return "UTC";
  const country = countryOfZone(zone);
  const parts = [placesOfZone(zone, locale).join(locale === "ar" ? "، " : ", ")];
  const named = country ? countryName(country, locale) : undefined;
  if (named && !parts[0]!.includes(named)) parts.push(named);
  parts.push(offsetNow(zone, now));
  return parts.join(" · ");
}

const LANGUAGES = ["en", "fr", "es", "ar", "pl"];
/** "Genève Ginebra Genewa جنيف" for Europe/Zurich: a reader may know a city by another language's name. */
function keywordsFor(zone: string, label: string): string | undefined {
  const names = new Set(KNOWN_CITIES.filter((c) => c.zone === zone).flatMap((c) => LANGUAGES.map((l) => localizedCityName(c, l))));
  const extra = [...names].filter((n) => !label.includes(n));
  return extra.length ? extra.join(" ") : undefined;
}
function option(value: string, label: string): ZoneOption {
  const keywords = keywordsFor(value, label);
  return keywords ? { value, label, keywords } : { value, label };
}

const REGION_ORDER = ["Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"];

/** Every zone, grouped by region, named in the reader's language, `current` first. */
export function timeZoneGroups(locale: string, labels: ZoneGroupLabels, options: { current?: string | null; now?: Date } = {}): ZoneGroup[] {
  const now = options.now ?? new Date();
  const current = options.current ? normalizeTimeZone(options.current) : null;
  const first: ZoneGroup[] = current ? [{ id: "current", label: labels.current, options: [{ value: current, label: zoneOptionLabel(current, locale, now) }] }] : [];
  // ~50 ms to build; the offsets in the labels change at most at a clock change, so an hour's
  // copy per language is kept (the labels' words are part of the key).
  const key = `${locale}|${Math.floor(now.getTime() / 3_600_000)}|${JSON.stringify(labels)}`;
  let rest = built.get(key);
  if (!rest) {
    rest = buildGroups(locale, labels, now);
    if (built.size >= 20) built.delete(built.keys().next().value as string);
    built.set(key, rest);
  }
  return [...first, ...rest];
}

const built = new Map<string, ZoneGroup[]>();
function buildGroups(locale: string, labels: ZoneGroupLabels, now: Date): ZoneGroup[] {
  const sort = collator(locale);
  const byLabel = (a: ZoneOption, b: ZoneOption) => sort.compare(a.label, b.label);
  const groups: ZoneGroup[] = [];
  // The cities this audience lives in, by the names people search for (Geneva, Cox's Bazar).
  groups.push({
    id: "cities",
    label: labels.cities,
    options: KNOWN_CITIES.map((c) => option(c.zone, `${localizedCityName(c, locale)} · ${offsetNow(c.zone, now)}`)).sort(byLabel),
  });
  const regions = new Map<string, ZoneOption[]>();
  for (const zone of listTimeZones()) {
    const region = zone.includes("/") ? zone.split("/")[0]! : "UTC";
    if (region !== "UTC" && !REGION_ORDER.includes(region)) continue;
    const list = regions.get(region) ?? [];
    list.push(option(zone, zoneOptionLabel(zone, locale, now)));
    regions.set(region, list);
  }
  for (const region of ["UTC", ...REGION_ORDER]) {
    const list = regions.get(region);
    if (!list?.length) continue;
    groups.push({ id: region.toLowerCase(), label: labels.regions[region] ?? region, options: list.sort(byLabel) });
  }
  return groups;
}

/**
 * A short list for a form on a public page (the registration form): the viewer's zone, the
 * zones this event is held in and its reference cities, and UTC. The full list is one request
 * away (see TimeZoneChooser), so the event page does not carry 400 zones in its HTML.
 */
export function shortTimeZoneGroups(
  locale: string,
  labels: Pick<ZoneGroupLabels, "current"> & { suggested: string },
  options: { current?: string | null; zones: string[]; now?: Date },
): ZoneGroup[] {
  const now = options.now ?? new Date();
  const current = options.current ? normalizeTimeZone(options.current) : null;
  const groups: ZoneGroup[] = [];
  if (current) groups.push({ id: "current", label: labels.current, options: [{ value: current, label: zoneOptionLabel(current, locale, now) }] });
  const seen = new Set(current ? [current] : []);
  const suggested: ZoneOption[] = [];
  for (const zone of [...options.zones, "UTC"]) {
    const id = normalizeTimeZone(zone);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    suggested.push({ value: id, label: zoneOptionLabel(id, locale, now) });
  }
  groups.push({ id: "suggested", label: labels.suggested, options: suggested });
  return groups;
}

const REGION_KEYS = ["UTC", ...REGION_ORDER];

/** The chooser's group names in the reader's language (public strings, "timeZoneChooser.*"). */
export function zoneGroupLabels(t: (key: string) => string): ZoneGroupLabels & { suggested: string } {
  return {
    current: t("timeZoneChooser.current"),
    cities: t("timeZoneChooser.cities"),
    suggested: t("timeZoneChooser.suggested"),
    regions: Object.fromEntries(REGION_KEYS.map((r) => [r, t(`timeZoneChooser.regions.${r}`)])),
  };
}
