import { describe, expect, test } from "vitest";
import {
  DEFAULT_REFERENCE_CITIES,
  KNOWN_CITIES,
  classifyLocalHour,
  cityLabelForZone,
  dstChangesBetween,
  formatOffset,
  formatReferenceLine,
  formatSessionRange,
  isValidTimeZone,
  listTimeZones,
  localizedCityName,
  localToUtc,
  normalizeTimeZone,
  parseReferenceCities,
  serializeReferenceCities,
  timesInCities,
  utcToLocal,
  workingHoursShare,
  zoneDisplayName,
  type ReferenceCity,
} from "./time";

// Every instant in this file is written in UTC so no result can depend on the machine's zone
// (the suite is also run with TZ=Pacific/Kiritimati, the furthest zone from UTC).
const at = (iso: string) => new Date(iso);

const defaults = parseReferenceCities(null);
const city = (zone: string, name = cityLabelForZone(zone)): ReferenceCity => ({ zone, city: name });

function line(iso: string, cities: ReferenceCity[] = defaults, viewer = "Europe/London") {
  return formatReferenceLine(timesInCities(at(iso), cities, viewer));
}

describe("reference cities", () => {
  test("default list labels Europe/Zurich as Geneva", () => {
    expect(DEFAULT_REFERENCE_CITIES).toEqual([
      "America/New_York",
      "Europe/London",
      "Europe/Zurich",
      "Africa/Nairobi",
      "Asia/Bangkok",
    ]);
    expect(defaults.map((c) => c.city)).toEqual(["New York", "London", "Geneva", "Nairobi", "Bangkok"]);
  });

  test("every well-known city has a valid zone and a unique id", () => {
    for (const c of KNOWN_CITIES) expect(isValidTimeZone(c.zone), c.zone).toBe(true);
    expect(new Set(KNOWN_CITIES.map((c) => c.id)).size).toBe(KNOWN_CITIES.length);
    expect(KNOWN_CITIES.find((c) => c.id === "coxs-bazar")).toMatchObject({ zone: "Asia/Dhaka", city: "Cox's Bazar" });
  });

  test("parses zone ids, city ids and {zone, city} objects; drops unknown zones", () => {
    const parsed = parseReferenceCities(
      JSON.stringify([
        "Asia/Amman",
        "coxs-bazar",
        { zone: "Asia/Dhaka", city: "Dhaka" },
        { zone: "Europe/Geneva", city: "Geneva" }, // not an IANA zone
        "Mars/Olympus_Mons",
        { zone: "europe/zurich" },
        "Asia/Calcutta",
        { city: "No zone" },
        42,
        "Asia/Amman", // duplicate
      ]),
    );
    expect(parsed).toEqual([
      { zone: "Asia/Amman", city: "Amman" },
      { zone: "Asia/Dhaka", city: "Cox's Bazar" },
      { zone: "Asia/Dhaka", city: "Dhaka" },
      { zone: "Europe/Zurich", city: "Geneva" },
      { zone: "Asia/Kolkata", city: "Delhi" },
    ]);
  });

  test("null, empty, malformed or non-array input gives the defaults; [] means none", () => {
    for (const input of [null, undefined, "", "   ", "{not json", '{"zone":"Asia/Amman"}']) {
      expect(parseReferenceCities(input)).toEqual(defaults);
    }
    expect(parseReferenceCities("[]")).toEqual([]);
  });

  test("serialises to a form parseReferenceCities reads back unchanged", () => {
    const cities = [city("Asia/Dhaka", "Cox's Bazar"), city("Asia/Amman")];
    expect(parseReferenceCities(serializeReferenceCities(cities))).toEqual(cities);
  });

  test("labels unknown zones from their id", () => {
    expect(cityLabelForZone("America/Argentina/Buenos_Aires")).toBe("Buenos Aires");
    expect(cityLabelForZone("UTC")).toBe("UTC");
  });
});

describe("isValidTimeZone / normalizeTimeZone", () => {
  test.each(["America/New_York", "Europe/Zurich", "Asia/Dhaka", "Australia/Lord_Howe", "UTC"])("%s is valid", (z) => {
    expect(isValidTimeZone(z)).toBe(true);
  });
  test.each(["Europe/Geneva", "Mars/Olympus_Mons", "", "+03:00", "GMT+3 Nairobi"])("%j is not a zone", (z) => {
    expect(isValidTimeZone(z)).toBe(false);
  });
  test("normalises case and outdated names", () => {
    expect(normalizeTimeZone("europe/zurich")).toBe("Europe/Zurich");
    expect(normalizeTimeZone("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(normalizeTimeZone("Europe/Kiev")).toBe("Europe/Kyiv");
    expect(normalizeTimeZone("Europe/Geneva")).toBeNull();
  });
});

describe("timesInCities across the year's clock changes", () => {
  test("winter: the line everyone knows", () => {
    expect(line("2026-03-03T13:00:00Z")).toBe(
      "08:00 New York · 13:00 London · 14:00 Geneva · 16:00 Nairobi · 20:00 Bangkok",
    );
  });

  test("the day before the US springs forward, New York is still 5 hours behind London", () => {
    expect(line("2026-03-07T13:00:00Z")).toBe(
      "08:00 New York · 13:00 London · 14:00 Geneva · 16:00 Nairobi · 20:00 Bangkok",
    );
  });

  test("8–28 March: the US has changed, Europe has not, New York is 4 hours behind London", () => {
    for (const iso of ["2026-03-08T12:00:00Z", "2026-03-17T12:00:00Z", "2026-03-28T12:00:00Z"]) {
      expect(line(iso)).toBe("08:00 New York · 12:00 London · 13:00 Geneva · 15:00 Nairobi · 19:00 Bangkok");
    }
    const [ny, london] = timesInCities(at("2026-03-17T12:00:00Z"), defaults, "Europe/London");
    expect(london.offsetMinutes - ny.offsetMinutes).toBe(240);
    expect(ny).toMatchObject({ offsetLabel: "UTC-4", abbreviation: "EDT" });
    expect(london).toMatchObject({ offsetLabel: "UTC", abbreviation: "GMT" });
  });

  test("after the EU springs forward (29 March) the 5-hour gap is back; Nairobi and Bangkok never move", () => {
    expect(line("2026-04-14T12:00:00Z")).toBe(
      "08:00 New York · 13:00 London · 14:00 Geneva · 15:00 Nairobi · 19:00 Bangkok",
    );
    const times = timesInCities(at("2026-04-14T12:00:00Z"), defaults, "Europe/London");
    expect(times.map((t) => t.offsetLabel)).toEqual(["UTC-4", "UTC+1", "UTC+2", "UTC+3", "UTC+7"]);
    expect(times[1].abbreviation).toBe("BST");
    expect(times[2].abbreviation).toBe("CEST");
  });

  test("25–31 October: Europe has fallen back, the US has not, 4 hours again", () => {
    expect(line("2026-10-24T12:00:00Z")).toBe(
      "08:00 New York · 13:00 London · 14:00 Geneva · 15:00 Nairobi · 19:00 Bangkok",
    );
    expect(line("2026-10-28T12:00:00Z")).toBe(
      "08:00 New York · 12:00 London · 13:00 Geneva · 15:00 Nairobi · 19:00 Bangkok",
    );
  });

  test("from 1 November the US is back on standard time", () => {
    expect(line("2026-11-04T13:00:00Z")).toBe(
      "08:00 New York · 13:00 London · 14:00 Geneva · 16:00 Nairobi · 20:00 Bangkok",
    );
  });

  test("Nairobi and Bangkok keep one offset all year", () => {
    const instants = ["2026-01-15", "2026-03-20", "2026-07-01", "2026-10-28", "2026-12-15"].map((d) =>
      at(`${d}T12:00:00Z`),
    );
    for (const instant of instants) {
      const [nairobi, bangkok] = timesInCities(instant, [city("Africa/Nairobi"), city("Asia/Bangkok")], "UTC");
      expect(nairobi.offsetMinutes).toBe(180);
      expect(bangkok.offsetMinutes).toBe(420);
      expect(nairobi.time).toBe("15:00");
      expect(bangkok.time).toBe("19:00");
    }
  });

  test("Sydney runs DST in the southern summer: ends first Sunday of April, starts first Sunday of October", () => {
    const sydney = [city("Australia/Sydney")];
    const offset = (iso: string) => timesInCities(at(iso), sydney, "UTC")[0].offsetMinutes;
    expect(offset("2026-03-03T13:00:00Z")).toBe(660); // AEDT
    expect(offset("2026-04-04T15:59:59Z")).toBe(660); // 02:59:59 AEDT, 5 April
    expect(offset("2026-04-04T16:00:00Z")).toBe(600); // clocks back to 02:00 AEST
    expect(offset("2026-07-01T00:00:00Z")).toBe(600);
    expect(offset("2026-10-03T15:59:59Z")).toBe(600); // 01:59:59 AEST, 4 October
    expect(offset("2026-10-03T16:00:00Z")).toBe(660); // 03:00 AEDT
  });

  test("London–Sydney difference swings between 9 and 11 hours over the year", () => {
    const pair = [city("Europe/London"), city("Australia/Sydney")];
    const diff = (iso: string) => {
      const [london, sydney] = timesInCities(at(iso), pair, "Europe/London");
      return (sydney.offsetMinutes - london.offsetMinutes) / 60;
    };
    expect(diff("2026-03-03T12:00:00Z")).toBe(11);
    expect(diff("2026-04-14T12:00:00Z")).toBe(9);
    expect(diff("2026-10-14T12:00:00Z")).toBe(10);
    expect(diff("2026-11-04T12:00:00Z")).toBe(11);
  });

  test("a 13:00 UTC session is already tomorrow in Sydney in March but not in April", () => {
    const sydney = [city("Australia/Sydney")];
    expect(timesInCities(at("2026-03-03T13:00:00Z"), sydney, "Europe/London")[0]).toMatchObject({
      time: "00:00",
      date: "2026-03-04",
      dayOffset: 1,
    });
    expect(timesInCities(at("2026-04-14T13:00:00Z"), sydney, "Europe/London")[0]).toMatchObject({
      time: "23:00",
      date: "2026-04-14",
      dayOffset: 0,
    });
  });

  test("half- and quarter-hour zones", () => {
    const times = timesInCities(
      at("2026-03-03T13:00:00Z"),
      [city("Asia/Kathmandu"), city("Asia/Kolkata"), city("America/St_Johns")],
      "UTC",
    );
    expect(times.map((t) => `${t.time} ${t.offsetLabel}`)).toEqual([
      "18:45 UTC+5:45",
      "18:30 UTC+5:30",
      "09:30 UTC-3:30",
    ]);
  });

  test("Cox's Bazar and Dhaka share a zone but keep their own labels", () => {
    const times = timesInCities(
      at("2026-03-03T13:00:00Z"),
      parseReferenceCities('["coxs-bazar","dhaka","amman"]'),
      "Europe/London",
    );
    expect(formatReferenceLine(times)).toBe("19:00 Cox's Bazar · 19:00 Dhaka · 16:00 Amman");
  });

  test("accepts ISO strings with an offset and refuses ambiguous ones", () => {
    const fromString = timesInCities("2026-03-03T14:00:00+01:00", defaults, "UTC");
    expect(fromString).toEqual(timesInCities(at("2026-03-03T13:00:00Z"), defaults, "UTC"));
    expect(() => timesInCities("2026-03-03T13:00:00", defaults, "UTC")).toThrow(RangeError);
    expect(() => timesInCities("2026-03-03", defaults, "UTC")).toThrow(RangeError);
    expect(() => timesInCities(new Date(Number.NaN), defaults, "UTC")).toThrow(RangeError);
  });

  test("skips invalid city zones and falls back to UTC for an invalid viewer zone", () => {
    const times = timesInCities(
      at("2026-03-03T23:30:00Z"),
      [{ zone: "Europe/Geneva", city: "Geneva" }, city("Asia/Bangkok")],
      "Not/AZone",
    );
    expect(times).toHaveLength(1);
    expect(times[0]).toMatchObject({ city: "Bangkok", time: "06:30", dayOffset: 1 });
  });
});

describe("sessions crossing midnight", () => {
  // 20:00 in New York on Tuesday 3 March 2026 (EST) is 01:00 UTC on Wednesday.
  const session = at("2026-03-04T01:00:00Z");
  const cities = [city("America/Los_Angeles"), city("America/New_York"), city("Africa/Nairobi"), city("Asia/Bangkok")];

  test("seen from New York, Nairobi and Bangkok are on the next day", () => {
    const times = timesInCities(session, cities, "America/New_York");
    expect(times.map((t) => [t.city, t.time, t.dayOffset])).toEqual([
      ["Los Angeles", "17:00", 0],
      ["New York", "20:00", 0],
      ["Nairobi", "04:00", 1],
      ["Bangkok", "08:00", 1],
    ]);
    expect(formatReferenceLine(times)).toBe(
      "17:00 Los Angeles · 20:00 New York · 04:00 Nairobi (+1 day) · 08:00 Bangkok (+1 day)",
    );
  });

  test("seen from Bangkok, the Americas are on the previous day", () => {
    const times = timesInCities(session, cities, "Asia/Bangkok");
    expect(times.map((t) => t.dayOffset)).toEqual([-1, -1, 0, 0]);
    expect(formatReferenceLine(times)).toBe(
      "17:00 Los Angeles (−1 day) · 20:00 New York (−1 day) · 04:00 Nairobi · 08:00 Bangkok",
    );
  });

  test("markers come from the given labels", () => {
    const times = timesInCities(session, cities, "Africa/Nairobi");
    expect(formatReferenceLine(times, { nextDay: "+1 jour", previousDay: "−1 jour" })).toBe(
      "17:00 Los Angeles (−1 jour) · 20:00 New York (−1 jour) · 04:00 Nairobi · 08:00 Bangkok",
    );
  });

  test("between the extreme zones the calendar date differs by two days", () => {
    const times = timesInCities(
      at("2026-03-03T11:00:00Z"),
      [city("Pacific/Pago_Pago"), city("Pacific/Kiritimati")],
      "Pacific/Pago_Pago",
    );
    expect(times.map((t) => [t.time, t.date, t.dayOffset])).toEqual([
      ["00:00", "2026-03-03", 0],
      ["01:00", "2026-03-04", 1],
    ]);
    const seenFromKiritimati = timesInCities(at("2026-03-03T10:30:00Z"), [city("Pacific/Pago_Pago")], "Pacific/Kiritimati");
    expect(seenFromKiritimati[0]).toMatchObject({ time: "23:30", date: "2026-03-02", dayOffset: -2 });
    expect(formatReferenceLine(seenFromKiritimati)).toBe("23:30 Pago Pago (−2 days)");
  });
});

describe("formatSessionRange", () => {
  test("a Geneva afternoon in British English", () => {
    const text = formatSessionRange(at("2026-03-03T13:00:00Z"), at("2026-03-03T14:30:00Z"), "Europe/Zurich", "en-GB");
    expect(text.date).toMatch(/^Tuesday,? 3 March 2026$/);
    expect(text.time).toBe("14:00–15:30");
    expect(text.zoneName).toBe("Central European Standard Time");
    expect(text.zoneAbbreviation).toBe("CET");
    expect(text.offsetLabel).toBe("UTC+1");
    expect(text.crossesMidnight).toBe(false);
    expect(text.endDate).toBeUndefined();
    expect(text.full).toMatch(/^Tuesday,? 3 March 2026,? 14:00\s?–\s?15:30 \(Central European Standard Time\)$/);
  });

  test("the same session in summer time reads CEST", () => {
    const text = formatSessionRange(at("2026-04-14T12:00:00Z"), at("2026-04-14T13:30:00Z"), "Europe/Zurich", "en-GB");
    expect(text.time).toBe("14:00–15:30");
    expect(text.zoneName).toBe("Central European Summer Time");
    expect(text.offsetLabel).toBe("UTC+2");
  });

  test("French and Arabic", () => {
    const fr = formatSessionRange(at("2026-03-03T13:00:00Z"), at("2026-03-03T14:30:00Z"), "Europe/Zurich", "fr");
    expect(fr.date).toBe("mardi 3 mars 2026");
    expect(fr.time).toBe("14:00–15:30");
    expect(fr.zoneName).toBe("heure normale d’Europe centrale");
    const ar = formatSessionRange(at("2026-03-03T13:00:00Z"), at("2026-03-03T14:30:00Z"), "Asia/Amman", "ar");
    expect(ar.date).toContain("مارس");
    // ICU names Amman only by its offset; the city, in the reader's language, keeps it recognisable.
    // No brackets inside the name: it is itself shown in brackets ("(عمّان (غرينتش+03:00))" nested).
    expect(ar.zoneName).toMatch(/^عمّان، [^()]*03:00$/);
    expect(ar.full).toMatch(/\(عمّان، [^()]*03:00\)$/);
    expect(zoneDisplayName("Asia/Amman", "en", at("2026-03-03T13:00:00Z"))).toBe("Amman, GMT+03:00");
    expect(zoneDisplayName("Asia/Amman", "fr", at("2026-03-03T13:00:00Z"))).toBe("Amman, UTC+03:00");
  });

  test("12-hour clock on request", () => {
    const text = formatSessionRange(at("2026-03-03T13:00:00Z"), at("2026-03-03T14:30:00Z"), "America/New_York", "en-US", {
      hour12: true,
    });
    expect(text.time).toMatch(/^8:00\sAM–9:30\sAM$/);
    expect(text.zoneAbbreviation).toBe("EST");
  });

  test("a session crossing midnight in its zone shows the end date", () => {
    // 22:00–01:30 in New York, Tuesday into Wednesday.
    const text = formatSessionRange(at("2026-03-04T03:00:00Z"), at("2026-03-04T06:30:00Z"), "America/New_York", "en-GB");
    expect(text.crossesMidnight).toBe(true);
    expect(text.time).toBe("22:00–01:30");
    expect(text.date).toContain("Tuesday");
    expect(text.date).toContain("Wednesday");
    expect(text.endDate).toMatch(/^Wednesday,? 4 March 2026$/);
    expect(text.full).toContain("Tuesday");
    expect(text.full).toContain("Wednesday");
    expect(text.full).toContain("22:00");
    expect(text.full).toContain("01:30");
  });

  test("the same session does not cross midnight in Bangkok, and one ending at 00:00 does not either", () => {
    const bangkok = formatSessionRange(at("2026-03-04T03:00:00Z"), at("2026-03-04T06:30:00Z"), "Asia/Bangkok", "en-GB");
    expect(bangkok.crossesMidnight).toBe(false);
    expect(bangkok.time).toBe("10:00–13:30");
    const toMidnight = formatSessionRange(at("2026-03-03T22:00:00Z"), at("2026-03-03T23:00:00Z"), "Europe/London", "en-GB");
    expect(toMidnight.crossesMidnight).toBe(false);
    expect(toMidnight.time).toBe("22:00–23:00");
  });

  test("a session during the fall-back hour keeps its real length", () => {
    // 00:30 EDT → 01:30 EST on 1 November reads as one hour on the clock but lasts two.
    const text = formatSessionRange(at("2026-11-01T04:30:00Z"), at("2026-11-01T06:30:00Z"), "America/New_York", "en-GB");
    expect(text.time).toBe("00:30 UTC-4 – 01:30 UTC-5");
    expect(text.zoneName).toBe("Eastern Daylight Time → Eastern Standard Time");
  });

  test("bad input", () => {
    expect(() => formatSessionRange(at("2026-03-03T14:00:00Z"), at("2026-03-03T13:00:00Z"), "UTC", "en")).toThrow(RangeError);
    // A malformed locale or zone degrades instead of failing the page.
    const text = formatSessionRange(at("2026-03-03T13:00:00Z"), at("2026-03-03T14:00:00Z"), "Europe/Geneva", "en_GB");
    expect(text.time).toBe("13:00–14:00");
    expect(text.offsetLabel).toBe("UTC");
  });
});

describe("a session across a clock change labels each end in its own offset", () => {
  test("New York, spring forward: 01:15 EST to 03:45 EDT", () => {
    // 8 March 2026: 02:00 EST becomes 03:00 EDT. 06:15Z is 01:15 EST; 07:45Z is 03:45 EDT.
    const text = formatSessionRange(at("2026-03-08T06:15:00Z"), at("2026-03-08T07:45:00Z"), "America/New_York", "en-GB");
    expect(text.time).toBe("01:15 UTC-5 – 03:45 UTC-4");
    expect(text.offsetLabel).toBe("UTC-5");
    expect(text.endOffsetLabel).toBe("UTC-4");
    expect(text.endZoneName).toBe("Eastern Daylight Time");
    expect(text.zoneName).toBe("Eastern Standard Time → Eastern Daylight Time");
    expect(text.full).toMatch(/^Sunday,? 8 March 2026(,| at) 01:15 \(Eastern Standard Time\) – 03:45 \(Eastern Daylight Time\)$/);
    expect(text.full).not.toMatch(/03:45\)? \(Eastern Standard Time\)$/);
  });

  test("New York, fall back: 01:30 EDT to 01:30 EST is an hour, and says so", () => {
    const text = formatSessionRange(at("2026-11-01T05:30:00Z"), at("2026-11-01T06:30:00Z"), "America/New_York", "en-US");
    expect(text.time).toBe("01:30 UTC-4 – 01:30 UTC-5");
    expect(text.full).toContain("(Eastern Daylight Time) – 01:30 (Eastern Standard Time)");
  });

  test("London, both directions", () => {
    // 29 March 2026 01:00 GMT → 02:00 BST; 25 October 2026 02:00 BST → 01:00 GMT.
    const spring = formatSessionRange(at("2026-03-29T00:30:00Z"), at("2026-03-29T01:30:00Z"), "Europe/London", "en-GB");
    expect(spring.time).toBe("00:30 UTC – 02:30 UTC+1");
    expect(spring.zoneName).toBe("Greenwich Mean Time → British Summer Time");
    const autumn = formatSessionRange(at("2026-10-25T00:15:00Z"), at("2026-10-25T01:45:00Z"), "Europe/London", "en-GB");
    expect(autumn.time).toBe("01:15 UTC+1 – 01:45 UTC");
    expect(autumn.endZoneName).toBe("Greenwich Mean Time");
  });

  test("Sydney, southern hemisphere: summer time ends in April, starts in October", () => {
    // 5 April 2026 03:00 AEDT → 02:00 AEST; 4 October 2026 02:00 AEST → 03:00 AEDT.
    const april = formatSessionRange(at("2026-04-04T15:30:00Z"), at("2026-04-04T16:30:00Z"), "Australia/Sydney", "en-GB");
    expect(april.time).toBe("02:30 UTC+11 – 02:30 UTC+10");
    expect(april.zoneName).toMatch(/Daylight Time → .*Standard Time$/);
    const october = formatSessionRange(at("2026-10-03T15:30:00Z"), at("2026-10-03T16:30:00Z"), "Australia/Sydney", "fr");
    expect(october.time).toBe("01:30 UTC+10 – 03:30 UTC+11");
    expect(october.full).toContain("(heure normale de l’Est de l’Australie) – 03:30 (heure d’été de l’Est de l’Australie)");
  });

  test("a session across midnight and a clock change names the end's date too", () => {
    // Saturday 7 March 23:00 EST to Sunday 8 March 03:30 EDT.
    const text = formatSessionRange(at("2026-03-08T04:00:00Z"), at("2026-03-08T07:30:00Z"), "America/New_York", "en-GB");
    expect(text.crossesMidnight).toBe(true);
    expect(text.full).toMatch(/Saturday,? 7 March 2026(,| at) 23:00 \(Eastern Standard Time\) – Sunday,? 8 March 2026(,| at) 03:30 \(Eastern Daylight Time\)/);
  });

  test("no change, no extra labels", () => {
    const text = formatSessionRange(at("2026-03-09T13:00:00Z"), at("2026-03-09T14:00:00Z"), "America/New_York", "en-GB");
    expect(text.time).toBe("09:00–10:00");
    expect(text.endOffsetLabel).toBeUndefined();
    expect(text.endZoneName).toBeUndefined();
  });
});

describe("zoneDisplayName and listTimeZones", () => {
  test("localised long names that follow DST", () => {
    expect(zoneDisplayName("Europe/London", "en", at("2026-01-15T12:00:00Z"))).toBe("Greenwich Mean Time");
    expect(zoneDisplayName("Europe/London", "en", at("2026-07-15T12:00:00Z"))).toBe("British Summer Time");
    expect(zoneDisplayName("Africa/Nairobi", "fr", at("2026-07-15T12:00:00Z"))).toBe("heure normale d’Afrique de l’Est");
    expect(zoneDisplayName("Not/AZone", "en", at("2026-07-15T12:00:00Z"))).toBe("Not/AZone");
  });

  test("the picker offers every zone once, UTC first, with current names", () => {
    const zones = listTimeZones();
    expect(zones[0]).toBe("UTC");
    expect(new Set(zones).size).toBe(zones.length);
    for (const z of ["America/New_York", "Europe/Zurich", "Asia/Dhaka", "Asia/Kolkata", "Europe/Kyiv", "Asia/Amman"]) {
      expect(zones).toContain(z);
    }
    expect(zones).not.toContain("Asia/Calcutta");
    expect(zones.length).toBeGreaterThan(300);
    for (const z of zones) expect(isValidTimeZone(z), z).toBe(true);
  });
});

describe("localToUtc", () => {
  const ok = (date: string, time: string, zone: string) => {
    const result = localToUtc(date, time, zone);
    expect(result.kind).toBe("ok");
    return result.kind === "ok" ? result.instant.toISOString() : "";
  };

  test("ordinary times", () => {
    expect(ok("2026-03-03", "14:00", "Europe/Zurich")).toBe("2026-03-03T13:00:00.000Z");
    expect(ok("2026-07-01", "09:00", "America/New_York")).toBe("2026-07-01T13:00:00.000Z");
    expect(ok("2026-07-01", "09:00", "Asia/Dhaka")).toBe("2026-07-01T03:00:00.000Z");
    expect(ok("2026-07-01", "09:00", "Asia/Kathmandu")).toBe("2026-07-01T03:15:00.000Z");
    expect(ok("2026-12-31", "23:59", "Pacific/Kiritimati")).toBe("2026-12-31T09:59:00.000Z");
  });

  test("02:30 on 8 March 2026 does not exist in New York", () => {
    expect(localToUtc("2026-03-08", "02:30", "America/New_York")).toEqual({
      kind: "gap",
      before: "01:59",
      after: "03:00",
      gapMinutes: 60,
    });
    expect(localToUtc("2026-03-08", "02:00", "America/New_York").kind).toBe("gap");
    expect(localToUtc("2026-03-08", "02:59", "America/New_York").kind).toBe("gap");
    expect(ok("2026-03-08", "01:59", "America/New_York")).toBe("2026-03-08T06:59:00.000Z");
    expect(ok("2026-03-08", "03:00", "America/New_York")).toBe("2026-03-08T07:00:00.000Z");
  });

  test("01:30 on 29 March 2026 does not exist in London; 02:30 does not in Geneva", () => {
    expect(localToUtc("2026-03-29", "01:30", "Europe/London")).toEqual({
      kind: "gap",
      before: "00:59",
      after: "02:00",
      gapMinutes: 60,
    });
    expect(localToUtc("2026-03-29", "02:30", "Europe/Zurich")).toMatchObject({ kind: "gap", before: "01:59", after: "03:00" });
    // …but 02:30 London is fine, and it is the same instant as 03:30 Geneva.
    expect(ok("2026-03-29", "02:30", "Europe/London")).toBe(ok("2026-03-29", "03:30", "Europe/Zurich"));
  });

  test("a gap at midnight: Beirut skips from 23:59 to 01:00", () => {
    expect(localToUtc("2026-03-29", "00:30", "Asia/Beirut")).toEqual({
      kind: "gap",
      before: "23:59",
      after: "01:00",
      gapMinutes: 60,
    });
  });

  test("Sydney skips 02:00–03:00 on 4 October 2026", () => {
    expect(localToUtc("2026-10-04", "02:30", "Australia/Sydney")).toMatchObject({ kind: "gap", before: "01:59", after: "03:00" });
  });

  test("01:30 on 1 November 2026 happens twice in New York", () => {
    const result = localToUtc("2026-11-01", "01:30", "America/New_York");
    expect(result.kind).toBe("ambiguous");
    if (result.kind !== "ambiguous") return;
    expect(result.earlier.toISOString()).toBe("2026-11-01T05:30:00.000Z"); // EDT
    expect(result.later.toISOString()).toBe("2026-11-01T06:30:00.000Z"); // EST
    expect(localToUtc("2026-11-01", "01:00", "America/New_York").kind).toBe("ambiguous");
    expect(localToUtc("2026-11-01", "01:59", "America/New_York").kind).toBe("ambiguous");
    expect(ok("2026-11-01", "00:59", "America/New_York")).toBe("2026-11-01T04:59:00.000Z");
    expect(ok("2026-11-01", "02:00", "America/New_York")).toBe("2026-11-01T07:00:00.000Z");
  });

  test("01:30 on 25 October 2026 happens twice in London", () => {
    const result = localToUtc("2026-10-25", "01:30", "Europe/London");
    expect(result).toEqual({
      kind: "ambiguous",
      earlier: new Date("2026-10-25T00:30:00Z"),
      later: new Date("2026-10-25T01:30:00Z"),
    });
    expect(localToUtc("2026-10-25", "02:30", "Europe/Zurich").kind).toBe("ambiguous");
    expect(ok("2026-10-25", "02:00", "Europe/London")).toBe("2026-10-25T02:00:00.000Z");
  });

  test("Sydney repeats 02:00–03:00 on 5 April 2026", () => {
    expect(localToUtc("2026-04-05", "02:30", "Australia/Sydney")).toEqual({
      kind: "ambiguous",
      earlier: new Date("2026-04-04T15:30:00Z"),
      later: new Date("2026-04-04T16:30:00Z"),
    });
  });

  test("Lord Howe Island moves its clocks by 30 minutes, not an hour", () => {
    expect(localToUtc("2026-04-05", "01:45", "Australia/Lord_Howe")).toEqual({
      kind: "ambiguous",
      earlier: new Date("2026-04-04T14:45:00Z"),
      later: new Date("2026-04-04T15:15:00Z"),
    });
    expect(localToUtc("2026-10-04", "02:15", "Australia/Lord_Howe")).toEqual({
      kind: "gap",
      before: "01:59",
      after: "02:30",
      gapMinutes: 30,
    });
  });

  test("zones without DST never report a gap or a repeat", () => {
    for (const zone of ["Africa/Nairobi", "Asia/Bangkok", "Asia/Dhaka", "Asia/Amman"]) {
      for (const [date, time] of [["2026-03-08", "02:30"], ["2026-03-29", "01:30"], ["2026-10-25", "01:30"], ["2026-11-01", "01:30"]]) {
        expect(localToUtc(date, time, zone).kind, `${zone} ${date} ${time}`).toBe("ok");
      }
    }
  });

  test("every valid wall time round-trips through utcToLocal", () => {
    for (const [date, time, zone] of [
      ["2026-03-08", "03:00", "America/New_York"],
      ["2026-03-29", "02:00", "Europe/London"],
      ["2026-06-30", "23:45", "Asia/Kathmandu"],
      ["2026-01-01", "00:00", "Pacific/Kiritimati"],
    ]) {
      const result = localToUtc(date, time, zone);
      if (result.kind !== "ok") throw new Error(`${date} ${time} ${zone} was ${result.kind}`);
      expect(utcToLocal(result.instant, zone)).toEqual({ date, time });
    }
  });

  test.each([
    ["2026-02-30", "10:00", "Europe/London", "no such date"],
    ["2026-13-01", "10:00", "Europe/London", "no such date"],
    ["3 March", "10:00", "Europe/London", "date must be YYYY-MM-DD"],
    ["2026-03-03", "24:00", "Europe/London", "time out of range"],
    ["2026-03-03", "10:60", "Europe/London", "time out of range"],
    ["2026-03-03", "9:00", "Europe/London", "time must be HH:mm"],
    ["2026-03-03", "10:00", "Europe/Geneva", "unknown time zone: Europe/Geneva"],
    ["2026-03-03", "10:00", "", "unknown time zone: "],
  ])("%s %s %s is invalid", (date, time, zone, reason) => {
    expect(localToUtc(date, time, zone)).toEqual({ kind: "invalid", reason });
  });

  test("29 February exists only in leap years", () => {
    expect(localToUtc("2026-02-29", "10:00", "UTC").kind).toBe("invalid");
    expect(ok("2028-02-29", "10:00", "UTC")).toBe("2028-02-29T10:00:00.000Z");
  });
});

describe("dstChangesBetween", () => {
  const year2026 = [at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z")] as const;
  const summary = (zone: string, from: Date = year2026[0], to: Date = year2026[1]) =>
    dstChangesBetween(zone, from, to).map((c) => [c.at.toISOString(), c.offsetBeforeMinutes, c.offsetAfterMinutes]);

  test("US: second Sunday of March, first Sunday of November, at 02:00 local", () => {
    expect(summary("America/New_York")).toEqual([
      ["2026-03-08T07:00:00.000Z", -300, -240],
      ["2026-11-01T06:00:00.000Z", -240, -300],
    ]);
  });

  test("EU: last Sunday of March and of October, at 01:00 UTC everywhere", () => {
    expect(summary("Europe/London")).toEqual([
      ["2026-03-29T01:00:00.000Z", 0, 60],
      ["2026-10-25T01:00:00.000Z", 60, 0],
    ]);
    expect(summary("Europe/Zurich")).toEqual([
      ["2026-03-29T01:00:00.000Z", 60, 120],
      ["2026-10-25T01:00:00.000Z", 120, 60],
    ]);
  });

  test("Sydney: first Sunday of April and of October", () => {
    expect(summary("Australia/Sydney")).toEqual([
      ["2026-04-04T16:00:00.000Z", 660, 600],
      ["2026-10-03T16:00:00.000Z", 600, 660],
    ]);
  });

  test("no changes in Nairobi, Bangkok, Dhaka or Amman (permanent UTC+3 since 2022)", () => {
    for (const zone of ["Africa/Nairobi", "Asia/Bangkok", "Asia/Dhaka", "Asia/Amman", "UTC"]) {
      expect(summary(zone), zone).toEqual([]);
    }
  });

  test("a change exactly at `to` is included, one exactly at `from` is not", () => {
    const change = at("2026-03-08T07:00:00Z");
    expect(summary("America/New_York", at("2026-03-01T00:00:00Z"), change)).toEqual([
      ["2026-03-08T07:00:00.000Z", -300, -240],
    ]);
    expect(summary("America/New_York", change, at("2026-03-20T00:00:00Z"))).toEqual([]);
    expect(summary("America/New_York", at("2026-03-08T06:59:59Z"), at("2026-03-08T07:00:01Z"))).toHaveLength(1);
  });

  test("empty or reversed ranges give nothing; an unknown zone throws", () => {
    expect(summary("Europe/London", year2026[1], year2026[0])).toEqual([]);
    expect(() => dstChangesBetween("Europe/Geneva", year2026[0], year2026[1])).toThrow(RangeError);
  });

  test("a decade scans quickly and finds two changes a year", () => {
    const started = performance.now();
    const changes = dstChangesBetween("Europe/London", at("2020-01-01T00:00:00Z"), at("2030-01-01T00:00:00Z"));
    expect(changes).toHaveLength(20);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("working hours", () => {
  test.each([
    [3, "night"],
    [6, "early-late"],
    [7.75, "early-late"],
    [8, "working"],
    [13, "working"],
    [17.99, "working"],
    [18, "early-late"],
    [21.5, "early-late"],
    [22, "night"],
    [24, "night"],
    [-1, "night"],
  ] as const)("hour %s is %s", (hour, expected) => {
    expect(classifyLocalHour(hour)).toBe(expected);
  });

  test("cities carry the period of their local time", () => {
    const times = timesInCities(at("2026-03-03T13:00:00Z"), defaults, "UTC");
    expect(times.map((t) => t.period)).toEqual(["working", "working", "working", "working", "early-late"]);
  });

  const audience = [
    { zone: "America/New_York", weight: 2 },
    { zone: "Europe/London", weight: 1 },
    { zone: "Europe/Zurich", weight: 3 },
    { zone: "Africa/Nairobi", weight: 2 },
    { zone: "Asia/Dhaka", weight: 1 },
    { zone: "Asia/Bangkok", weight: 1 },
  ];

  test("13:00 UTC in winter reaches everyone between 08 and 20 but Bangkok", () => {
    // NY 08:00, London 13:00, Geneva 14:00, Nairobi 16:00, Dhaka 19:00, Bangkok 20:00 (outside).
    expect(workingHoursShare(at("2026-03-03T13:00:00Z"), audience)).toBeCloseTo(9 / 10);
  });

  test("an hour earlier in winter loses New York but, during the March gap weeks, keeps it", () => {
    expect(workingHoursShare(at("2026-03-03T12:00:00Z"), audience)).toBeCloseTo(8 / 10);
    expect(workingHoursShare(at("2026-03-17T12:00:00Z"), audience)).toBeCloseTo(10 / 10);
  });

  test("custom hours, unknown zones and zero weights", () => {
    expect(workingHoursShare(at("2026-03-03T13:00:00Z"), audience, 9, 17)).toBeCloseTo(6 / 10);
    expect(
      workingHoursShare(at("2026-03-03T13:00:00Z"), [
        { zone: "Europe/Geneva", weight: 5 },
        { zone: "Asia/Bangkok", weight: 0 },
        { zone: "Europe/London", weight: 1 },
      ]),
    ).toBe(1);
    expect(workingHoursShare(at("2026-03-03T13:00:00Z"), [])).toBe(0);
  });
});

describe("formatOffset", () => {
  test.each([
    [0, "UTC"],
    [60, "UTC+1"],
    [345, "UTC+5:45"],
    [-210, "UTC-3:30"],
    [840, "UTC+14"],
  ])("%s minutes → %s", (minutes, label) => {
    expect(formatOffset(minutes)).toBe(label);
  });
});

describe("city names in the reader's language", () => {
  const cities = [
    { zone: "America/New_York", city: "New York" },
    { zone: "Europe/Zurich", city: "Geneva" },
    { zone: "Asia/Dhaka", city: "Cox's Bazar" },
    { zone: "Africa/Nairobi", city: "Field office" },
  ];

  test("translates every known city into every interface language, and keeps hand-typed names", () => {
    expect(timesInCities("2026-03-03T13:00:00Z", cities, "UTC", "ar").map((c) => c.city)).toEqual(["نيويورك", "جنيف", "كوكس بازار", "Field office"]);
    expect(timesInCities("2026-03-03T13:00:00Z", cities, "UTC", "fr").map((c) => c.city)).toEqual(["New York", "Genève", "Cox’s Bazar", "Field office"]);
    expect(timesInCities("2026-03-03T13:00:00Z", cities, "UTC").map((c) => c.city)).toEqual(["New York", "Geneva", "Cox's Bazar", "Field office"]);
    for (const locale of ["fr", "es", "pl", "ar"]) {
      for (const known of KNOWN_CITIES) {
        const name = localizedCityName(known, locale);
        expect(name, `${known.id} in ${locale}`).not.toBe("");
        if (locale === "ar") expect(name, `${known.id} in Arabic`).toMatch(/^[\u0600-\u06FF\s]+$/);
      }
    }
  });

  test("writes an Arabic reference line with Arabic city names", () => {
    const line = formatReferenceLine(timesInCities("2026-03-03T13:00:00Z", cities.slice(0, 2), "UTC", "ar"));
    expect(line).toBe("08:00 نيويورك · 14:00 جنيف");
  });
});
