/**
 * Time-zone maths for the whole app, shared by the browser and the server.
 *
 * Sessions are stored as UTC instants plus the IANA zone they were entered in. Everything that
 * turns those into wall-clock text ("14:00 Geneva · 19:00 Bangkok"), or turns an organiser's
 * wall-clock input back into an instant, goes through here. Pure functions over luxon and Intl:
 * no Node imports, no reliance on the machine's own time zone.
 */
import { DateTime, IANAZone } from "luxon";

/**
 * Creating an Intl.DateTimeFormat costs about 0.1 ms and memory the garbage collector
 * is slow to return; a page shows dozens of times. So formatters and the answers
 * derived from them are kept, bounded so odd input (a cookie, a URL) cannot grow them.
 */
function memo<T>(limit = 2000) {
  const store = new Map<string, T>();
  return (key: string, make: () => T): T => {
    const hit = store.get(key);
    if (hit !== undefined || store.has(key)) return hit as T;
    const value = make();
    if (store.size >= limit) store.delete(store.keys().next().value as string);
    store.set(key, value);
    return value;
  };
}

const formatters = memo<Intl.DateTimeFormat>(500);
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return formatters(`${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

export type ReferenceCity = { zone: string; city: string };
type KnownCity = ReferenceCity & { id: string };

/**
 * Well-known cities for the audience of a humanitarian working group. Several cities share one
 * zone (Geneva has no IANA zone of its own: it is Europe/Zurich; Cox's Bazar is Asia/Dhaka), so the
 * table is keyed by city id. The first city listed for a zone is its default label, which is why
 * Geneva is the only Europe/Zurich entry and Dhaka precedes Cox's Bazar.
 */
export const KNOWN_CITIES: readonly KnownCity[] = [
  { id: "new-york", zone: "America/New_York", city: "New York" },
  { id: "washington", zone: "America/New_York", city: "Washington" },
  { id: "los-angeles", zone: "America/Los_Angeles", city: "Los Angeles" },
  { id: "mexico-city", zone: "America/Mexico_City", city: "Mexico City" },
  { id: "panama", zone: "America/Panama", city: "Panama" },
  { id: "bogota", zone: "America/Bogota", city: "Bogotá" },
  { id: "lima", zone: "America/Lima", city: "Lima" },
  { id: "port-au-prince", zone: "America/Port-au-Prince", city: "Port-au-Prince" },
  { id: "london", zone: "Europe/London", city: "London" },
  { id: "geneva", zone: "Europe/Zurich", city: "Geneva" },
  { id: "paris", zone: "Europe/Paris", city: "Paris" },
  { id: "brussels", zone: "Europe/Brussels", city: "Brussels" },
  { id: "rome", zone: "Europe/Rome", city: "Rome" },
  { id: "copenhagen", zone: "Europe/Copenhagen", city: "Copenhagen" },
  { id: "warsaw", zone: "Europe/Warsaw", city: "Warsaw" },
  { id: "kyiv", zone: "Europe/Kyiv", city: "Kyiv" },
  { id: "istanbul", zone: "Europe/Istanbul", city: "Istanbul" },
  { id: "amman", zone: "Asia/Amman", city: "Amman" },
  { id: "beirut", zone: "Asia/Beirut", city: "Beirut" },
  { id: "damascus", zone: "Asia/Damascus", city: "Damascus" },
  { id: "cairo", zone: "Africa/Cairo", city: "Cairo" },
  { id: "baghdad", zone: "Asia/Baghdad", city: "Baghdad" },
  { id: "sanaa", zone: "Asia/Aden", city: "Sana'a" },
  { id: "nairobi", zone: "Africa/Nairobi", city: "Nairobi" },
  { id: "addis-ababa", zone: "Africa/Addis_Ababa", city: "Addis Ababa" },
  { id: "juba", zone: "Africa/Juba", city: "Juba" },
  { id: "khartoum", zone: "Africa/Khartoum", city: "Khartoum" },
  { id: "dakar", zone: "Africa/Dakar", city: "Dakar" },
  { id: "abuja", zone: "Africa/Lagos", city: "Abuja" },
  { id: "kinshasa", zone: "Africa/Kinshasa", city: "Kinshasa" },
  // Eastern DRC runs an hour ahead of Kinshasa.
  { id: "goma", zone: "Africa/Lubumbashi", city: "Goma" },
  { id: "johannesburg", zone: "Africa/Johannesburg", city: "Johannesburg" },
  { id: "kabul", zone: "Asia/Kabul", city: "Kabul" },
  { id: "islamabad", zone: "Asia/Karachi", city: "Islamabad" },
  { id: "delhi", zone: "Asia/Kolkata", city: "Delhi" },
  { id: "kathmandu", zone: "Asia/Kathmandu", city: "Kathmandu" },
  { id: "dhaka", zone: "Asia/Dhaka", city: "Dhaka" },
  { id: "coxs-bazar", zone: "Asia/Dhaka", city: "Cox's Bazar" },
  { id: "yangon", zone: "Asia/Yangon", city: "Yangon" },
  { id: "bangkok", zone: "Asia/Bangkok", city: "Bangkok" },
  { id: "jakarta", zone: "Asia/Jakarta", city: "Jakarta" },
  { id: "manila", zone: "Asia/Manila", city: "Manila" },
  { id: "sydney", zone: "Australia/Sydney", city: "Sydney" },
  { id: "suva", zone: "Pacific/Fiji", city: "Suva" },
];

/**
 * City names in each interface language (English is the table above). A city an organiser typed
 * by hand keeps their spelling.
 */
const CITY_NAMES: Record<string, Record<string, string>> = {
  fr: {
    "new-york": "New York", washington: "Washington", "los-angeles": "Los Angeles", "mexico-city": "Mexico", panama: "Panama",
    bogota: "Bogota", lima: "Lima", "port-au-prince": "Port-au-Prince", london: "Londres", geneva: "Genève", paris: "Paris",
    brussels: "Bruxelles", rome: "Rome", copenhagen: "Copenhague", warsaw: "Varsovie", kyiv: "Kyiv", istanbul: "Istanbul",
    amman: "Amman", beirut: "Beyrouth", damascus: "Damas", cairo: "Le Caire", baghdad: "Bagdad", sanaa: "Sanaa",
    nairobi: "Nairobi", "addis-ababa": "Addis-Abeba", juba: "Djouba", khartoum: "Khartoum", dakar: "Dakar", abuja: "Abuja",
    kinshasa: "Kinshasa", goma: "Goma", johannesburg: "Johannesburg", kabul: "Kaboul", islamabad: "Islamabad", delhi: "Delhi",
    kathmandu: "Katmandou", dhaka: "Dacca", "coxs-bazar": "Cox’s Bazar", yangon: "Rangoun", bangkok: "Bangkok",
    jakarta: "Jakarta", manila: "Manille", sydney: "Sydney", suva: "Suva",
  },
  es: {
    "new-york": "Nueva York", washington: "Washington", "los-angeles": "Los Ángeles", "mexico-city": "Ciudad de México",
    panama: "Panamá", bogota: "Bogotá", lima: "Lima", "port-au-prince": "Puerto Príncipe", london: "Londres", geneva: "Ginebra",
    paris: "París", brussels: "Bruselas", rome: "Roma", copenhagen: "Copenhague", warsaw: "Varsovia", kyiv: "Kiev",
    istanbul: "Estambul", amman: "Amán", beirut: "Beirut", damascus: "Damasco", cairo: "El Cairo", baghdad: "Bagdad",
    sanaa: "Saná", nairobi: "Nairobi", "addis-ababa": "Adís Abeba", juba: "Yuba", khartoum: "Jartum", dakar: "Dakar",
    abuja: "Abuya", kinshasa: "Kinsasa", goma: "Goma", johannesburg: "Johannesburgo", kabul: "Kabul", islamabad: "Islamabad",
    delhi: "Delhi", kathmandu: "Katmandú", dhaka: "Daca", "coxs-bazar": "Cox’s Bazar", yangon: "Rangún", bangkok: "Bangkok",
    jakarta: "Yakarta", manila: "Manila", sydney: "Sídney", suva: "Suva",
  },
  pl: {
    "new-york": "Nowy Jork", washington: "Waszyngton", "los-angeles": "Los Angeles", "mexico-city": "Meksyk", panama: "Panama",
    bogota: "Bogota", lima: "Lima", "port-au-prince": "Port-au-Prince", london: "Londyn", geneva: "Genewa", paris: "Paryż",
    brussels: "Bruksela", rome: "Rzym", copenhagen: "Kopenhaga", warsaw: "Warszawa", kyiv: "Kijów", istanbul: "Stambuł",
    amman: "Amman", beirut: "Bejrut", damascus: "Damaszek", cairo: "Kair", baghdad: "Bagdad", sanaa: "Sana",
    nairobi: "Nairobi", "addis-ababa": "Addis Abeba", juba: "Dżuba", khartoum: "Chartum", dakar: "Dakar", abuja: "Abudża",
    kinshasa: "Kinszasa", goma: "Goma", johannesburg: "Johannesburg", kabul: "Kabul", islamabad: "Islamabad", delhi: "Delhi",
    kathmandu: "Katmandu", dhaka: "Dhaka", "coxs-bazar": "Cox’s Bazar", yangon: "Rangun", bangkok: "Bangkok",
    jakarta: "Dżakarta", manila: "Manila", sydney: "Sydney", suva: "Suva",
  },
  ar: {
    "new-york": "نيويورك", washington: "واشنطن", "los-angeles": "لوس أنجلوس", "mexico-city": "مكسيكو سيتي", panama: "بنما",
    bogota: "بوغوتا", lima: "ليما", "port-au-prince": "بورت أو برنس", london: "لندن", geneva: "جنيف", paris: "باريس",
    brussels: "بروكسل", rome: "روما", copenhagen: "كوبنهاغن", warsaw: "وارسو", kyiv: "كييف", istanbul: "إسطنبول",
    amman: "عمّان", beirut: "بيروت", damascus: "دمشق", cairo: "القاهرة", baghdad: "بغداد", sanaa: "صنعاء",
    nairobi: "نيروبي", "addis-ababa": "أديس أبابا", juba: "جوبا", khartoum: "الخرطوم", dakar: "داكار", abuja: "أبوجا",
    kinshasa: "كينشاسا", goma: "غوما", johannesburg: "جوهانسبرغ", kabul: "كابول", islamabad: "إسلام آباد", delhi: "دلهي",
    kathmandu: "كاتماندو", dhaka: "دكا", "coxs-bazar": "كوكس بازار", yangon: "يانغون", bangkok: "بانكوك",
    jakarta: "جاكرتا", manila: "مانيلا", sydney: "سيدني", suva: "سوفا",
  },
};

/** A reference city's name in `locale`: known cities are translated, hand-typed names kept. */
export function localizedCityName(city: ReferenceCity, locale: string | null | undefined): string {
  const names = CITY_NAMES[(locale ?? "").slice(0, 2)];
  if (!names) return city.city;
  const known = KNOWN_CITIES.find((c) => c.zone === city.zone && c.city === city.city);
  return (known && names[known.id]) || city.city;
}

/** Zones shown next to a session time when an event names no reference cities of its own. */
export const DEFAULT_REFERENCE_CITIES: string[] = [
  "America/New_York",
  "Europe/London",
  "Europe/Zurich",
  "Africa/Nairobi",
  "Asia/Bangkok",
];

/**
 * ICU (Node 20, Chrome) still canonicalises some zones to their pre-rename ids; store and show the
 * names people recognise today.
 */
const MODERN_ZONE_NAMES: Record<string, string> = {
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Europe/Kiev": "Europe/Kyiv",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "Pacific/Enderbury": "Pacific/Kanton",
};

const validZones = memo<boolean>(1000);
export function isValidTimeZone(zone: string): boolean {
  // luxon also accepts "UTC+3"-style fixed offsets through other paths; IANAZone only takes ids.
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  return validZones(zone, () => IANAZone.isValidZone(zone));
}

/** The canonical, correctly cased id ("europe/zurich" → "Europe/Zurich"), or null if unknown. */
const normalizedZones = memo<string | null>(1000);
export function normalizeTimeZone(zone: string): string | null {
  if (!isValidTimeZone(zone)) return null;
  return normalizedZones(zone, () => {
    try {
      const resolved = dateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
      return MODERN_ZONE_NAMES[resolved] ?? resolved;
    } catch {
      return null;
    }
  });
}

/** The label shown for a zone when no city was chosen: the table's first city, else the id's last part. */
export function cityLabelForZone(zone: string): string {
  const known = KNOWN_CITIES.find((c) => c.zone === zone);
  if (known) return known.city;
  const last = zone.split("/").pop() ?? zone;
  return last.replace(/_/g, " ");
}

function defaultCities(): ReferenceCity[] {
  return DEFAULT_REFERENCE_CITIES.map((zone) => ({ zone, city: cityLabelForZone(zone) }));
}

function toReferenceCity(item: unknown): ReferenceCity | null {
  if (typeof item === "string") {
    const known = KNOWN_CITIES.find((c) => c.id === item);
    if (known) return { zone: known.zone, city: known.city };
    const zone = normalizeTimeZone(item);
    return zone ? { zone, city: cityLabelForZone(zone) } : null;
  }
  if (item && typeof item === "object" && "zone" in item && typeof item.zone === "string") {
    const zone = normalizeTimeZone(item.zone);
    if (!zone) return null;
    const city =
      "city" in item && typeof item.city === "string" && item.city.trim() !== ""
        ? item.city.trim()
        : cityLabelForZone(zone);
    return { zone, city };
  }
  return null;
}

/**
 * Reads an event's stored reference cities: a JSON array of zone ids, known city ids
 * ("coxs-bazar") or `{zone, city}` objects. Entries with unknown zones are dropped rather than
 * failing the page; null, empty or unreadable input gives the default list, while an explicit
 * `[]` means the organiser chose to show none.
 */
export function parseReferenceCities(json: string | null | undefined): ReferenceCity[] {
  if (json == null || json.trim() === "") return defaultCities();
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return defaultCities();
  }
  if (!Array.isArray(value)) return defaultCities();
  const seen = new Set<string>();
  const cities: ReferenceCity[] = [];
  for (const item of value) {
    const city = toReferenceCity(item);
    if (!city) continue;
    const key = `${city.zone}|${city.city}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cities.push(city);
  }
  return cities;
}

export function serializeReferenceCities(cities: ReferenceCity[]): string {
  return JSON.stringify(cities.map(({ zone, city }) => ({ zone, city })));
}

export type LocalPeriod = "working" | "early-late" | "night";

type CityTime = {
  zone: string;
  city: string;
  /** 24-hour "HH:mm" in that city. */
  time: string;
  /** Calendar date in that city, "YYYY-MM-DD". */
  date: string;
  /**
   * That city's calendar date minus the viewer's, in days. Almost always -1, 0 or 1; ±2 is
   * possible only between the extreme zones (Pacific/Kiritimati vs Pacific/Pago_Pago).
   */
  dayOffset: number;
  offsetMinutes: number;
  /** "UTC+3", "UTC+5:45", "UTC-4", "UTC". */
  offsetLabel: string;
  /** "EST", "CET", "BST" where one is widely used; absent for zones known only by an offset. */
  abbreviation?: string;
  period: LocalPeriod;
};

function toDateTime(instant: Date | string, zone: string): DateTime {
  const dt =
    typeof instant === "string"
      ? DateTime.fromISO(instant, { zone })
      : DateTime.fromJSDate(instant, { zone });
  if (!dt.isValid) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return dt;
}

/** An ISO string without an offset would be read in the target zone, not as an instant. */
function toInstantMillis(instant: Date | string): number {
  if (typeof instant !== "string") {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
    return ms;
  }
  if (!/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i.test(instant)) {
    throw new RangeError(`Instant needs a UTC offset or Z: ${instant}`);
  }
  return toDateTime(instant, "UTC").toMillis();
}

/** "UTC+1" for a zone at one instant (which side of a clock change it is on). */
export function offsetLabelAt(instant: Date, zone: string): string {
  return formatOffset(DateTime.fromJSDate(instant, { zone }).offset);
}

/** "8 March 2026" for a calendar date "2026-03-08", independent of any zone. */
export function formatCalendarDate(date: string, locale = "en-GB"): string {
  return DateTime.fromISO(date, { zone: "UTC" }).setLocale(locale).toFormat("d MMMM yyyy");
}

/** Adds minutes to an "HH:mm" wall time on the same clock face (for "choose 01:30 or 03:30"). */
export function shiftWallTime(time: string, minutes: number): string {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

export function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "UTC";
  const sign = offsetMinutes > 0 ? "+" : "-";
  const abs = Math.abs(offsetMinutes);
  const hours = Math.floor(abs / 60);
  const minutes = abs % 60;
  return `UTC${sign}${hours}${minutes ? `:${String(minutes).padStart(2, "0")}` : ""}`;
}

/** ICU gives "EST" in en-US but "CET"/"BST" only in en-GB; anything else comes back as "GMT+3". */
const abbreviations = memo<string | undefined>(2000);
function zoneAbbreviation(dt: DateTime): string | undefined {
  // A zone's abbreviation depends only on the zone and its offset at that moment.
  return abbreviations(`${dt.zoneName}|${dt.offset}`, () => computeZoneAbbreviation(dt));
}

function computeZoneAbbreviation(dt: DateTime): string | undefined {
  for (const locale of ["en-US", "en-GB"]) {
    const name = dt.setLocale(locale).offsetNameShort;
    if (name && /^[A-Z]{2,5}$/.test(name)) return name;
  }
  return undefined;
}

function dayNumber(dt: DateTime): number {
  return Date.UTC(dt.year, dt.month - 1, dt.day) / 86_400_000;
}

/**
 * Wall-clock time of one instant in each city. Each city is converted at that very instant, so a
 * session in the fortnight between the US and EU clock changes shows New York 4 hours behind
 * London, not the usual 5.
 */
export function timesInCities(
  instant: Date | string,
  cities: ReferenceCity[],
  relativeToZone: string,
  /** Names the known cities in this language (English when absent). */
  locale?: string,
): CityTime[] {
  const ms = toInstantMillis(instant);
  // The viewer's zone comes from the browser or a cookie; a bad one should not break the page.
  const viewerZone = isValidTimeZone(relativeToZone) ? relativeToZone : "UTC";
  const viewerDay = dayNumber(DateTime.fromMillis(ms, { zone: viewerZone }));
  const result: CityTime[] = [];
  for (const { zone, city } of cities) {
    if (!isValidTimeZone(zone)) continue;
    const local = DateTime.fromMillis(ms, { zone });
    const abbreviation = zoneAbbreviation(local);
    result.push({
      zone,
      city: localizedCityName({ zone, city }, locale),
      time: local.toFormat("HH:mm"),
      date: local.toISODate() ?? "",
      dayOffset: dayNumber(local) - viewerDay,
      offsetMinutes: local.offset,
      offsetLabel: formatOffset(local.offset),
      ...(abbreviation ? { abbreviation } : {}),
      period: classifyLocalHour(local.hour + local.minute / 60),
    });
  }
  return result;
}

export type DayLabels = {
  nextDay: string;
  previousDay: string;
  /** For the rare ±2 days; defaults to "+2 days"/"−2 days". */
  days?: (offset: number) => string;
};

const ENGLISH_DAY_LABELS: DayLabels = { nextDay: "+1 day", previousDay: "−1 day" };

/** "08:00 New York · 13:00 London · … · 20:00 Bangkok (+1 day)"; labels go inside the brackets. */
export function formatReferenceLine(
  cityTimes: CityTime[],
  labels: DayLabels = ENGLISH_DAY_LABELS,
): string {
  return cityTimes
    .map((c) => {
      let marker = "";
      if (c.dayOffset === 1) marker = labels.nextDay;
      else if (c.dayOffset === -1) marker = labels.previousDay;
      else if (c.dayOffset !== 0) {
        marker = labels.days
          ? labels.days(c.dayOffset)
          : `${c.dayOffset > 0 ? "+" : "−"}${Math.abs(c.dayOffset)} days`;
      }
      return `${c.time} ${c.city}${marker ? ` (${marker})` : ""}`;
    })
    .join(" · ");
}

const safeLocales = memo<string>(200);
function safeLocale(locale: string): string {
  return safeLocales(locale, () => {
    try {
      return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : "en";
    } catch {
      // Malformed tags such as "en_US" make Intl throw.
      return "en";
    }
  });
}

/** The locale's own spelling of a bare offset: "GMT+03:00", "UTC+03:00" (fr), "غرينتش+03:00" (ar). */
function offsetOnlyName(zone: string, locale: string, instant: Date): string | undefined {
  try {
    return dateTimeFormat(locale, { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(instant)
      .find((part) => part.type === "timeZoneName")?.value;
  } catch {
    return undefined;
  }
}

/**
 * Long localised zone name at that instant ("Central European Summer Time"). Where ICU knows the
 * zone only by its offset (Amman: "GMT+03:00") the city is added so the name still says where.
 */
const displayNames = memo<string>(2000);
export function zoneDisplayName(zone: string, locale: string, instant: Date = new Date()): string {
  if (!isValidTimeZone(zone)) return zone;
  // The name changes only with the offset (summer and winter time).
  const offset = DateTime.fromJSDate(instant, { zone }).offset;
  return displayNames(`${zone}|${locale}|${offset}`, () => computeZoneDisplayName(zone, locale, instant));
}

function computeZoneDisplayName(zone: string, locale: string, instant: Date): string {
  const dt = DateTime.fromJSDate(instant, { zone }).setLocale(safeLocale(locale));
  const name = dt.isValid ? dt.offsetNameLong : null;
  if (!name) return zone;
  if (zone !== "UTC" && zone !== "Etc/UTC" && name === offsetOnlyName(zone, dt.locale ?? "en", instant)) {
    const city = cityLabelForZone(zone);
    // A comma, not brackets: the name itself is usually shown in brackets after a time, and
    // "(Amman (GMT+03:00))" nests them. Arabic script writes its own comma.
    const comma = /^(ar|fa|ur)\b/i.test(locale) ? "، " : ", ";
    return `${localizedCityName({ zone, city }, locale)}${comma}${name}`;
  }
  return name;
}

export type SessionRangeText = {
  /** "Tuesday 3 March 2026", or the span "Tuesday 3 – Wednesday 4 March 2026" past midnight. */
  date: string;
  /** "14:00–15:30" (24-hour unless hour12). */
  time: string;
  /** "Central European Standard Time" */
  zoneName: string;
  zoneAbbreviation?: string;
  /** "UTC+1" */
  offsetLabel: string;
  crossesMidnight: boolean;
  /** The end's date, set only when the session ends on a later date in that zone. */
  endDate?: string;
  /**
   * Set only when the clocks change during the session, so the end has its own offset: then
   * `time` labels each end ("01:15 UTC-5 – 03:45 UTC-4") and `zoneName` names both.
   */
  endZoneName?: string;
  endOffsetLabel?: string;
  /** One line: "Tuesday, 3 March 2026, 14:00–15:30 (Central European Standard Time)". */
  full: string;
};

/** A session's start and end as text in one zone and language. */
const sessionRanges = memo<SessionRangeText>(5000);
export function formatSessionRange(
  start: Date,
  end: Date,
  zone: string,
  locale: string,
  options: { hour12?: boolean } = {},
): SessionRangeText {
  // The same sessions are shown on every page view; Intl's formatRange is slow.
  const key = `${start.getTime()}|${end.getTime()}|${zone}|${locale}|${options.hour12 ? 12 : 24}`;
  return { ...sessionRanges(key, () => computeSessionRange(start, end, zone, locale, options)) };
}

function computeSessionRange(
  start: Date,
  end: Date,
  zone: string,
  locale: string,
  options: { hour12?: boolean },
): SessionRangeText {
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
    throw new RangeError("Invalid session start or end");
  }
  if (end.getTime() < start.getTime()) throw new RangeError("Session ends before it starts");
  const timeZone = isValidTimeZone(zone) ? zone : "UTC";
  const lang = safeLocale(locale);
  const clock: Intl.DateTimeFormatOptions = options.hour12
    ? { hour: "numeric", minute: "2-digit", hour12: true }
    : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  const dateOptions: Intl.DateTimeFormatOptions = {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  };
  const dateFormat = dateTimeFormat(lang, { ...dateOptions, timeZone });
  const timeFormat = dateTimeFormat(lang, { ...clock, timeZone });
  const fullFormat = dateTimeFormat(lang, { ...dateOptions, ...clock, timeZone });

  const startLocal = DateTime.fromJSDate(start, { zone: timeZone });
  const endLocal = DateTime.fromJSDate(end, { zone: timeZone });
  // A session ending exactly at 00:00 still belongs to the day it started on.
  const lastMinute = end.getTime() > start.getTime() ? endLocal.minus({ milliseconds: 1 }) : endLocal;
  const crossesMidnight = dayNumber(lastMinute) !== dayNumber(startLocal);

  const zoneName = zoneDisplayName(timeZone, lang, start);
  const abbreviation = zoneAbbreviation(startLocal);
  const date = crossesMidnight ? dateFormat.formatRange(start, end) : dateFormat.format(start);
  const common = {
    date,
    ...(abbreviation ? { zoneAbbreviation: abbreviation } : {}),
    offsetLabel: formatOffset(startLocal.offset),
    crossesMidnight,
    ...(crossesMidnight ? { endDate: dateFormat.format(end) } : {}),
  };
  if (endLocal.offset === startLocal.offset) {
    return {
      ...common,
      time: `${timeFormat.format(start)}–${timeFormat.format(end)}`,
      zoneName,
      full: `${fullFormat.formatRange(start, end)} (${zoneName})`,
    };
  }
  // The clocks change during the session (01:15 EST to 03:45 EDT): one zone name for both ends
  // would put one of them an hour out, so each end carries its own offset and name.
  const endZoneName = zoneDisplayName(timeZone, lang, end);
  const endOffsetLabel = formatOffset(endLocal.offset);
  const endText = crossesMidnight ? fullFormat.format(end) : timeFormat.format(end);
  return {
    ...common,
    time: `${timeFormat.format(start)} ${common.offsetLabel} – ${timeFormat.format(end)} ${endOffsetLabel}`,
    zoneName: zoneName === endZoneName ? zoneName : `${zoneName} → ${endZoneName}`,
    endZoneName,
    endOffsetLabel,
    full: `${fullFormat.format(start)} (${zoneName}) – ${endText} (${endZoneName})`,
  };
}

/** Every zone the runtime knows, for a picker, with today's names and "UTC" included. */
let zoneList: string[] | undefined;
export function listTimeZones(): string[] {
  // Built once: the list cannot change while the process runs, and sorting ~430 names
  // with localeCompare on every page showed up in profiles.
  if (zoneList) return zoneList;
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  if (zones.length === 0) zones = [...new Set(KNOWN_CITIES.map((c) => c.zone))];
  const modern = zones.map((z) => MODERN_ZONE_NAMES[z] ?? z);
  zoneList = [...new Set(["UTC", ...modern])].sort((a, b) =>
    a === "UTC" ? -1 : b === "UTC" ? 1 : a.localeCompare(b),
  );
  return zoneList;
}

type LocalTimeResult =
  | { kind: "ok"; instant: Date }
  /**
   * The clocks skip this wall time. `before` is the last valid minute before the jump and
   * `after` the first valid one (both "HH:mm"); `gapMinutes` is how much was skipped.
   */
  | { kind: "gap"; before: string; after: string; gapMinutes: number }
  /** The clocks go back and this wall time happens twice. */
  | { kind: "ambiguous"; earlier: Date; later: Date }
  | { kind: "invalid"; reason: string };

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

function offsetAt(zone: IANAZone, ms: number): number {
  return zone.offset(ms);
}

/**
 * An organiser's wall-clock input in a zone, as an instant. luxon quietly moves a non-existent
 * time forward (02:30 on a spring-forward night becomes 03:30) and picks one of the two
 * instants of a repeated time, so neither can be trusted for a form: here every offset the zone
 * uses around that date is tried, and the wall time is valid once, twice or never.
 */
export function localToUtc(date: string, time: string, zone: string): LocalTimeResult {
  const d = DATE_PATTERN.exec(date);
  if (!d) return { kind: "invalid", reason: "date must be YYYY-MM-DD" };
  const t = TIME_PATTERN.exec(time);
  if (!t) return { kind: "invalid", reason: "time must be HH:mm" };
  if (!isValidTimeZone(zone)) return { kind: "invalid", reason: `unknown time zone: ${zone}` };
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute] = [Number(t[1]), Number(t[2])];
  if (hour > 23 || minute > 59) return { kind: "invalid", reason: "time out of range" };
  if (!DateTime.fromObject({ year, month, day }, { zone: "UTC" }).isValid) {
    return { kind: "invalid", reason: "no such date" };
  }

  const iana = IANAZone.create(zone);
  // The wall time read as if it were UTC; a real instant is this minus the offset in force then.
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const candidateOffsets = new Set([
    offsetAt(iana, wall - DAY_MS),
    offsetAt(iana, wall),
    offsetAt(iana, wall + DAY_MS),
  ]);
  const instants = [...candidateOffsets]
    .map((offset) => wall - offset * 60_000)
    .filter((ms) => offsetAt(iana, ms) * 60_000 === wall - ms)
    .sort((a, b) => a - b);
  const unique = [...new Set(instants)];

  if (unique.length === 1) return { kind: "ok", instant: new Date(unique[0]) };
  if (unique.length >= 2) {
    return { kind: "ambiguous", earlier: new Date(unique[0]), later: new Date(unique[unique.length - 1]) };
  }

  // Skipped: reading the wall time with the offset from before the jump lands after the jump.
  const offsetBefore = offsetAt(iana, wall - DAY_MS);
  const offsetAfter = offsetAt(iana, wall + DAY_MS);
  const change = findChange(iana, wall - offsetAfter * 60_000 - 1000, wall - offsetBefore * 60_000 + 1000);
  if (!change) return { kind: "invalid", reason: "time does not exist in this zone" };
  const at = change.at.getTime();
  return {
    kind: "gap",
    before: DateTime.fromMillis(at - 60_000, { zone }).toFormat("HH:mm"),
    after: DateTime.fromMillis(at, { zone }).toFormat("HH:mm"),
    gapMinutes: change.offsetAfterMinutes - change.offsetBeforeMinutes,
  };
}

/** The inverse for editing forms: an instant as the date and wall time in a zone. */
export function utcToLocal(instant: Date, zone: string): { date: string; time: string } {
  const dt = DateTime.fromJSDate(instant, { zone: isValidTimeZone(zone) ? zone : "UTC" });
  return { date: dt.toISODate() ?? "", time: dt.toFormat("HH:mm") };
}

type OffsetChange = { at: Date; offsetBeforeMinutes: number; offsetAfterMinutes: number };

/** Narrows an offset change inside (lo, hi] to the second; luxon offsets resolve to seconds. */
function findChange(zone: IANAZone, loMs: number, hiMs: number): OffsetChange | null {
  let lo = Math.floor(loMs / 1000);
  let hi = Math.ceil(hiMs / 1000);
  const before = offsetAt(zone, lo * 1000);
  const after = offsetAt(zone, hi * 1000);
  if (before === after) return null;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid * 1000) === before) lo = mid;
    else hi = mid;
  }
  return { at: new Date(hi * 1000), offsetBeforeMinutes: before, offsetAfterMinutes: offsetAt(zone, hi * 1000) };
}

/**
 * Every UTC-offset change of a zone in (from, to], mostly DST starts and ends. Scans a day at a
 * time (no zone changes its clocks twice within a day) and bisects each change to the second.
 */
export function dstChangesBetween(zone: string, from: Date, to: Date): OffsetChange[] {
  if (!isValidTimeZone(zone)) throw new RangeError(`Unknown time zone: ${zone}`);
  const iana = IANAZone.create(zone);
  const end = to.getTime();
  const changes: OffsetChange[] = [];
  for (let lo = from.getTime(); lo < end; lo += DAY_MS) {
    const hi = Math.min(lo + DAY_MS, end);
    if (offsetAt(iana, lo) !== offsetAt(iana, hi)) {
      const change = findChange(iana, lo, hi);
      if (change) changes.push(change);
    }
  }
  return changes;
}

/**
 * Working-hours thresholds. A scheduling grid colours a slot per city: "working" is a normal
 * office day, "early-late" is a stretch people will still join from (a 07:00 or 21:00 call),
 * "night" is asking too much.
 */
export function classifyLocalHour(hour: number): LocalPeriod {
  const h = ((hour % 24) + 24) % 24;
  if (h >= 8 && h < 18) return "working";
  if ((h >= 6 && h < 8) || (h >= 18 && h < 22)) return "early-late";
  return "night";
}

/**
 * Share (0–1) of an audience, weighted by zone, for whom this instant falls between startHour and
 * endHour local time. The default 08–20 is deliberately wider than an office day: for a global
 * webinar, a slot everyone can reach before dinner beats a perfect one for half the audience.
 */
export function workingHoursShare(
  instant: Date | string,
  zonesWithWeights: { zone: string; weight: number }[],
  startHour = 8,
  endHour = 20,
): number {
  const ms = toInstantMillis(instant);
  let total = 0;
  let inside = 0;
  for (const { zone, weight } of zonesWithWeights) {
    if (!(weight > 0) || !isValidTimeZone(zone)) continue;
    total += weight;
    const local = DateTime.fromMillis(ms, { zone });
    const hour = local.hour + local.minute / 60;
    if (hour >= startHour && hour < endHour) inside += weight;
  }
  return total === 0 ? 0 : inside / total;
}
