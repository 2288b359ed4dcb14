import { IANAZone } from "luxon";
import { describe, expect, test } from "vitest";
import {
  buildDayGrid,
  buildSchedulingRows,
  dayBounds,
  dstWarnings,
  isValidDate,
  isValidDuration,
  normalizeAudience,
  offsetMinutesAt,
  packDayGrid,
  rankSlots,
  rankingAudience,
  slotStarts,
  unpackDayGrid,
  type AudienceZone,
  type DayGrid,
  type SchedulingInput,
} from "./scheduling";
import { cityLabelForZone, type ReferenceCity } from "~/time/time";

// Every instant here is written in UTC so nothing depends on the machine's zone.
const city = (zone: string, name = cityLabelForZone(zone)): ReferenceCity => ({ zone, city: name });
const NEW_YORK = "America/New_York";
const LONDON = "Europe/London";
const GENEVA = "Europe/Zurich";
const SYDNEY = "Australia/Sydney";
const NAIROBI = "Africa/Nairobi";
const BANGKOK = "Asia/Bangkok";
const KOLKATA = "Asia/Kolkata";
const KATHMANDU = "Asia/Kathmandu";
const CITIES = [NEW_YORK, LONDON, GENEVA, NAIROBI, BANGKOK, KOLKATA, KATHMANDU, SYDNEY].map((z) => city(z));

function input(date: string, zone: string, overrides: Partial<SchedulingInput> & { limit?: number } = {}): SchedulingInput & { limit?: number } {
  return { date, zone, durationMinutes: 60, cities: CITIES, audience: [], ...overrides };
}

const labels = (grid: DayGrid) => grid.slots.map((s) => s.label);
const column = (grid: DayGrid, zone: string) => {
  const i = grid.rows.findIndex((r) => r.zone === zone);
  return grid.slots.map((s) => s.cells[i]!);
};

describe("offsets from the yearly cache agree with luxon", () => {
  test.each([NEW_YORK, LONDON, GENEVA, SYDNEY, NAIROBI, BANGKOK, KOLKATA, KATHMANDU, "Australia/Lord_Howe", "Africa/Casablanca", "America/Santiago", "Pacific/Chatham"])(
    "%s, every 7 hours 13 minutes through 2026–2028",
    (zone) => {
      const iana = IANAZone.create(zone);
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2029, 0, 1); ms += 7 * 3_600_000 + 13 * 60_000) {
        expect(offsetMinutesAt(zone, ms)).toBe(iana.offset(ms));
      }
    },
  );

  test("right before and at the instant London springs forward", () => {
    const change = Date.UTC(2027, 2, 28, 1);
    expect(offsetMinutesAt(LONDON, change - 1)).toBe(0);
    expect(offsetMinutesAt(LONDON, change)).toBe(60);
  });
});

describe("day bounds and slots", () => {
  test("an ordinary day has 48 slots from local midnight", () => {
    const starts = slotStarts("2027-06-15", GENEVA);
    expect(starts).toHaveLength(48);
    expect(new Date(starts[0]!).toISOString()).toBe("2027-06-14T22:00:00.000Z");
    expect(new Date(starts[47]!).toISOString()).toBe("2027-06-15T21:30:00.000Z");
  });

  test.each([
    ["2027-03-14", NEW_YORK, 46, 1380],
    ["2027-11-07", NEW_YORK, 50, 1500],
    ["2027-03-28", LONDON, 46, 1380],
    ["2027-10-31", LONDON, 50, 1500],
    ["2027-03-28", GENEVA, 46, 1380],
    ["2027-10-31", GENEVA, 50, 1500],
    ["2027-04-04", SYDNEY, 50, 1500],
    ["2027-10-03", SYDNEY, 46, 1380],
    ["2027-03-28", NAIROBI, 48, 1440],
    ["2027-11-07", BANGKOK, 48, 1440],
    ["2027-03-14", KOLKATA, 48, 1440],
    ["2027-10-03", KATHMANDU, 48, 1440],
  ])("%s in %s: %i slots, a %i-minute day", (date, zone, slots, minutes) => {
    const grid = buildDayGrid(input(date, zone));
    expect(grid.slots).toHaveLength(slots);
    expect(grid.dayMinutes).toBe(minutes);
    const { start, end } = dayBounds(date, zone);
    expect(end - start).toBe(minutes * 60_000);
    // Slots are real instants 30 minutes apart, with no gap and no duplicate.
    const instants = grid.slots.map((s) => Date.parse(s.start));
    expect(new Set(instants).size).toBe(instants.length);
    instants.slice(1).forEach((ms, i) => expect(ms - instants[i]!).toBe(1_800_000));
  });

  test("input is checked", () => {
    expect(isValidDate("2027-02-29")).toBe(false);
    expect(isValidDate("2028-02-29")).toBe(true);
    expect(isValidDate("27-03-01")).toBe(false);
    expect(isValidDuration(90)).toBe(true);
    expect(isValidDuration(10)).toBe(false);
    expect(isValidDuration(90.5)).toBe(false);
    expect(() => buildDayGrid(input("2027-02-30", LONDON))).toThrow(RangeError);
    expect(() => buildDayGrid(input("2027-03-01", "Mars/Olympus"))).toThrow(RangeError);
    expect(() => rankSlots(input("2027-03-01", LONDON, { durationMinutes: 0 }))).toThrow(RangeError);
  });
});

describe("grid labels on transition days", () => {
  test("New York 2027-03-14: 02:00 and 02:30 do not exist; 03:00 follows 01:30", () => {
    const grid = buildDayGrid(input("2027-03-14", NEW_YORK));
    expect(labels(grid).slice(0, 6)).toEqual(["00:00", "00:30", "01:00", "01:30", "03:00", "03:30"]);
    expect(labels(grid)).not.toContain("02:00");
    expect(labels(grid)).not.toContain("02:30");
    expect(grid.slots[4]!.clockChangeMinutes).toBe(60);
    expect(grid.slots[3]!.offsetLabel).toBe("UTC-5");
    expect(grid.slots[4]!.offsetLabel).toBe("UTC-4");
    expect(grid.slots.at(-1)!.label).toBe("23:30");
    // London has not changed yet: 4 hours ahead from 03:00 New York, not the usual 5.
    const london = column(grid, LONDON);
    expect(london[3]!.time).toBe("06:30");
    expect(london[4]!.time).toBe("07:00");
    expect(grid.slots.filter((s) => s.repeated)).toEqual([]);
  });

  test("New York 2027-11-07: 01:00 and 01:30 happen twice, told apart by their offset", () => {
    const grid = buildDayGrid(input("2027-11-07", NEW_YORK));
    expect(labels(grid).slice(0, 7)).toEqual(["00:00", "00:30", "01:00", "01:30", "01:00", "01:30", "02:00"]);
    const repeated = grid.slots.filter((s) => s.repeated);
    expect(repeated.map((s) => [s.label, s.offsetLabel, s.start])).toEqual([
      ["01:00", "UTC-4", "2027-11-07T05:00:00.000Z"],
      ["01:30", "UTC-4", "2027-11-07T05:30:00.000Z"],
      ["01:00", "UTC-5", "2027-11-07T06:00:00.000Z"],
      ["01:30", "UTC-5", "2027-11-07T06:30:00.000Z"],
    ]);
    expect(grid.slots[4]!.clockChangeMinutes).toBe(-60);
    // London (already on GMT since 31 October): 06:00 at the second 01:00.
    expect(column(grid, LONDON)[4]!.time).toBe("06:00");
  });

  test("London 2027-03-28 skips 01:00; Geneva at the same instant skips 02:00", () => {
    const grid = buildDayGrid(input("2027-03-28", LONDON));
    expect(labels(grid).slice(0, 4)).toEqual(["00:00", "00:30", "02:00", "02:30"]);
    const geneva = column(grid, GENEVA).map((c) => c.time);
    expect(geneva.slice(0, 4)).toEqual(["01:00", "01:30", "03:00", "03:30"]);
    const genevaDay = buildDayGrid(input("2027-03-28", GENEVA));
    expect(labels(genevaDay).slice(3, 6)).toEqual(["01:30", "03:00", "03:30"]);
  });

  test("London and Geneva 2027-10-31 repeat one hour", () => {
    const london = buildDayGrid(input("2027-10-31", LONDON));
    expect(labels(london).slice(2, 7)).toEqual(["01:00", "01:30", "01:00", "01:30", "02:00"]);
    expect(london.slots.filter((s) => s.repeated).map((s) => s.offsetLabel)).toEqual(["UTC+1", "UTC+1", "UTC", "UTC"]);
    const geneva = buildDayGrid(input("2027-10-31", GENEVA));
    expect(labels(geneva).slice(4, 9)).toEqual(["02:00", "02:30", "02:00", "02:30", "03:00"]);
  });

  test("Sydney 2027-04-04 repeats 02:00–02:30 and 2027-10-03 skips 02:00–02:30", () => {
    const autumn = buildDayGrid(input("2027-04-04", SYDNEY));
    expect(labels(autumn).slice(4, 9)).toEqual(["02:00", "02:30", "02:00", "02:30", "03:00"]);
    expect(autumn.slots[4]!.offsetLabel).toBe("UTC+11");
    expect(autumn.slots[6]!.offsetLabel).toBe("UTC+10");
    const spring = buildDayGrid(input("2027-10-03", SYDNEY));
    expect(labels(spring).slice(3, 6)).toEqual(["01:30", "03:00", "03:30"]);
    // On the Sydney grid, New York is still on the previous day.
    expect(column(spring, NEW_YORK)[0]!.dayOffset).toBe(-1);
  });

  test("Nairobi and Bangkok never move; Kolkata sits on the half hour and Kathmandu on the quarter", () => {
    for (const date of ["2027-03-14", "2027-03-28", "2027-10-31", "2027-11-07"]) {
      const grid = buildDayGrid(input(date, "UTC"));
      expect(grid.slots).toHaveLength(48);
      expect(column(grid, NAIROBI)[0]!.time).toBe("03:00");
      expect(column(grid, BANGKOK)[0]!.time).toBe("07:00");
      expect(column(grid, KOLKATA)[0]!.time).toBe("05:30");
      expect(column(grid, KATHMANDU)[0]!.time).toBe("05:45");
      expect(column(grid, KATHMANDU)[1]!.time).toBe("06:15");
      expect(column(grid, KATHMANDU)[47]!.time).toBe("05:15");
      expect(column(grid, KATHMANDU)[47]!.dayOffset).toBe(1);
    }
    const kathmandu = buildDayGrid(input("2027-06-15", KATHMANDU));
    expect(kathmandu.slots[0]!.start).toBe("2027-06-14T18:15:00.000Z");
    expect(column(kathmandu, KOLKATA)[0]).toMatchObject({ time: "23:45", dayOffset: -1 });
  });

  test("cells are coloured by the local time at the start of the half hour, per classifyLocalHour", () => {
    const grid = buildDayGrid(input("2027-06-15", "UTC"));
    const nairobi = column(grid, NAIROBI); // UTC+3
    expect(nairobi[2]!).toMatchObject({ time: "04:00", period: "night" }); // 01:00 UTC
    expect(nairobi[6]!).toMatchObject({ time: "06:00", period: "early-late" });
    expect(nairobi[10]!).toMatchObject({ time: "08:00", period: "working" });
    expect(nairobi[29]!).toMatchObject({ time: "17:30", period: "working" });
    expect(nairobi[30]!).toMatchObject({ time: "18:00", period: "early-late" });
    expect(nairobi[38]!).toMatchObject({ time: "22:00", period: "night" });
    // Kathmandu's 07:45 is still early, its 08:15 working.
    const kathmandu = column(grid, KATHMANDU);
    expect(kathmandu[4]!).toMatchObject({ time: "07:45", period: "early-late" });
    expect(kathmandu[5]!).toMatchObject({ time: "08:15", period: "working" });
  });
});

describe("rows", () => {
  test("reference cities first, then the heaviest audience zones they do not cover, capped", () => {
    const audience: AudienceZone[] = [
      { zone: NAIROBI, weight: 40 },
      { zone: "Asia/Dhaka", weight: 25 },
      { zone: "Asia/Amman", weight: 30 },
      { zone: "Not/AZone", weight: 100 },
      { zone: "Africa/Juba", weight: 0 },
      { zone: "America/Bogota", weight: 5 },
    ];
    const rows = buildSchedulingRows([city(GENEVA), city(NAIROBI), city(NEW_YORK, "New York"), city(NEW_YORK, "Washington")], audience, 2);
    expect(rows.map((r) => [r.label, r.kind, r.weight])).toEqual([
      ["Geneva", "city", 0],
      ["Nairobi", "city", 40],
      ["New York", "city", 0],
      ["Washington", "city", 0],
      ["Amman", "audience", 30],
      ["Dhaka", "audience", 25],
    ]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  test("audience zones are merged, cleaned and sorted; without one the reference zones count once each", () => {
    expect(normalizeAudience([{ zone: LONDON, weight: 2 }, { zone: NAIROBI, weight: 3 }, { zone: LONDON, weight: 2 }, { zone: "x", weight: 9 }])).toEqual([
      { zone: LONDON, weight: 4 },
      { zone: NAIROBI, weight: 3 },
    ]);
    // New York and Washington share one zone: it counts once, like London.
    expect(rankingAudience([city(NEW_YORK, "New York"), city(NEW_YORK, "Washington"), city(LONDON)], [])).toEqual({
      basis: "cities",
      zones: [{ zone: NEW_YORK, weight: 1 }, { zone: LONDON, weight: 1 }],
    });
    expect(rankingAudience([city(LONDON)], [{ zone: NAIROBI, weight: 2 }]).basis).toBe("audience");
  });
});

describe("ranking", () => {
  // Nairobi ×3 (UTC+3), Bangkok ×1 (UTC+7), New York ×1 (UTC−4 in June); a 60-minute session.
  // Fits 08:00–20:00 when the UTC start is in: Nairobi 05:00–16:00, Bangkok 01:00–12:00,
  // New York 12:00–23:00. So 12:00 UTC suits all 5 people; 05:00–11:30 and 12:30–16:00 suit 4/5.
  // The office-day tie-break (08–18: Nairobi 05:00–14:00, Bangkok 01:00–10:00, New York
  // 12:00–21:00) puts 05:00–10:00 (both of the 4/5 inside office hours) first, earliest first.
  const audience: AudienceZone[] = [
    { zone: NAIROBI, weight: 3 },
    { zone: BANGKOK, weight: 1 },
    { zone: NEW_YORK, weight: 1 },
  ];

  test("shares computed by hand for a small audience", () => {
    const ranked = rankSlots(input("2027-06-15", "UTC", { audience, cities: [] }));
    expect(ranked.map((r) => [r.label, r.share, r.officeShare])).toEqual([
      ["12:00", 1, 0.8],
      ["05:00", 0.8, 0.8],
      ["05:30", 0.8, 0.8],
      ["06:00", 0.8, 0.8],
      ["06:30", 0.8, 0.8],
    ]);
    expect(ranked[0]).toMatchObject({ start: "2027-06-15T12:00:00.000Z", end: "2027-06-15T13:00:00.000Z", endLabel: "13:00", endDayOffset: 0, offsetLabel: "UTC" });
  });

  test("the whole session must fit: a 20:00 end counts, a 20:30 end does not", () => {
    const all = rankSlots(input("2027-06-15", "UTC", { audience: [{ zone: NAIROBI, weight: 1 }], durationMinutes: 90, limit: 48 }));
    // 08:00–18:30 Nairobi start = 05:00–15:30 UTC: 22 slots.
    expect(all).toHaveLength(22);
    expect(all.map((r) => r.label)).toContain("15:30");
    expect(all.map((r) => r.label)).not.toContain("16:00");
    expect(all.map((r) => r.label)).not.toContain("04:30");
  });

  test("the grid carries the same share for every slot", () => {
    const grid = buildDayGrid(input("2027-06-15", "UTC", { audience }));
    const byLabel = Object.fromEntries(grid.slots.map((s) => [s.label, s.share]));
    expect(byLabel["00:30"]).toBe(0);
    expect(byLabel["01:00"]).toBe(0.2);
    expect(byLabel["05:00"]).toBe(0.8);
    expect(byLabel["12:00"]).toBe(1);
    expect(byLabel["16:00"]).toBe(0.8);
    expect(byLabel["16:30"]).toBe(0.2);
  });

  test("the fortnight between the US and EU changes gives New York and London one more hour together", () => {
    const both = [{ zone: NEW_YORK, weight: 1 }, { zone: LONDON, weight: 1 }];
    const fullShare = (date: string) => rankSlots(input(date, NEW_YORK, { audience: both, cities: [], limit: 50 })).filter((r) => r.share === 1).map((r) => r.label);
    // 21 March: EDT (UTC−4) against GMT: London's 19:00 start is 15:00 in New York.
    expect(fullShare("2027-03-21")).toEqual(["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30", "15:00"]);
    // 4 April: both on summer time, 5 hours apart again.
    expect(fullShare("2027-04-04").at(-1)).toBe("14:00");
  });

  test("on the 23-hour New York day the ranking uses real instants", () => {
    const ranked = rankSlots(input("2027-03-14", NEW_YORK, { audience: [{ zone: LONDON, weight: 1 }], cities: [], limit: 50 }));
    // London 08:00–19:00 GMT starts = 08:00–19:00 UTC = 04:00–15:00 EDT in New York: 23 slots.
    expect(ranked).toHaveLength(23);
    expect(ranked[0]).toMatchObject({ label: "04:00", start: "2027-03-14T08:00:00.000Z", offsetLabel: "UTC-4" });
    expect(ranked.map((r) => r.label)).not.toContain("03:30");
    expect(ranked.at(-1)).toMatchObject({ label: "15:00" });
  });

  test("a session across the clock change is measured on the wall clock", () => {
    // Sydney 2027-04-04: 02:00 AEST follows 02:59:59 AEDT. An audience in Sydney never fits at night.
    const ranked = rankSlots(input("2027-04-04", SYDNEY, { audience: [{ zone: SYDNEY, weight: 1 }], durationMinutes: 120, limit: 50 }));
    // 08:00–18:00 starts: 21 slots, all on the AEST side of the change.
    expect(ranked).toHaveLength(21);
    expect(ranked.every((r) => r.offsetLabel === "UTC+10")).toBe(true);
  });

  test("among equal audience shares, the slot more reference cities can run wins", () => {
    // Audience: Nairobi only, fits 05:00–15:30 UTC for 90 minutes. Reference cities New York
    // (UTC−4) and Nairobi: both fit from 12:00 UTC (08:00 New York) to 15:30.
    const ranked = rankSlots(input("2027-06-15", "UTC", { audience: [{ zone: NAIROBI, weight: 1 }], cities: [city(NEW_YORK), city(NAIROBI)], durationMinutes: 90 }));
    expect(ranked.map((r) => [r.label, r.share, r.citiesShare])).toEqual([
      ["12:00", 1, 1],
      ["12:30", 1, 1],
      ["13:00", 1, 1],
      ["13:30", 1, 1],
      ["14:00", 1, 1],
    ]);
  });

  test("with no audience, the reference zones count equally", () => {
    const ranked = rankSlots(input("2027-06-15", "UTC", { cities: [city(NAIROBI), city(BANGKOK)], limit: 48 }));
    // Both fit 05:00–12:00 UTC (15 slots at share 1).
    expect(ranked.filter((r) => r.share === 1)).toHaveLength(15);
    expect(ranked[0]!.label).toBe("05:00");
  });

  test("a day that suits nobody ranks nothing", () => {
    expect(rankSlots(input("2027-06-15", "UTC", { cities: [], audience: [] }))).toEqual([]);
    expect(rankSlots(input("2027-06-15", "UTC", { audience: [{ zone: NAIROBI, weight: 1 }], cities: [], durationMinutes: 480, limit: 48 })).map((r) => r.label)).toEqual(
      ["05:00", "05:30", "06:00", "06:30", "07:00", "07:30", "08:00", "08:30", "09:00"],
    );
  });
});

describe("daylight-saving warnings", () => {
  const places = (...zones: string[]) => zones.map((zone) => ({ zone, label: cityLabelForZone(zone) }));
  const session = (startIso: string, minutes = 90) => ({ start: startIso, end: new Date(Date.parse(startIso) + minutes * 60_000).toISOString() });

  test("London and Geneva move forward 1 hour on 28 March 2027, between this session and the 2 April one", () => {
    const warnings = dstWarnings({
      session: session("2027-03-25T13:00:00Z"),
      places: places(LONDON, GENEVA, NAIROBI, BANGKOK),
      otherSessions: [{ id: "april", startsAt: "2027-04-02T13:00:00Z" }],
    });
    expect(warnings).toEqual([
      {
        places: [{ zone: LONDON, label: "London" }, { zone: GENEVA, label: "Geneva" }],
        at: "2027-03-28T01:00:00.000Z",
        localDate: "2027-03-28",
        direction: "forward",
        minutes: 60,
        relation: { kind: "between", session: { id: "april", startsAt: "2027-04-02T13:00:00.000Z" } },
        daysFromSession: 3,
      },
    ]);
  });

  test("New York moves forward on 14 March 2027, 4 days after this session; London, 18 days on, is not mentioned", () => {
    const warnings = dstWarnings({ session: session("2027-03-10T14:00:00Z"), places: places(NEW_YORK, LONDON), otherSessions: [] });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ places: [{ label: "New York" }], localDate: "2027-03-14", direction: "forward", minutes: 60, relation: { kind: "near" }, daysFromSession: 4 });
  });

  test("New York falls back on 7 November 2027, 2 days before this session", () => {
    const [warning] = dstWarnings({ session: session("2027-11-09T15:00:00Z"), places: places(NEW_YORK, NAIROBI), otherSessions: [] });
    expect(warning).toMatchObject({ at: "2027-11-07T06:00:00.000Z", localDate: "2027-11-07", direction: "back", minutes: 60, daysFromSession: -2 });
  });

  test("Sydney: back on 4 April and forward on 3 October 2027, dated in Sydney", () => {
    const april = dstWarnings({ session: session("2027-04-01T23:00:00Z"), places: places(SYDNEY, NAIROBI), otherSessions: [] });
    expect(april.map((w) => [w.places[0]!.label, w.localDate, w.direction, w.minutes])).toEqual([["Sydney", "2027-04-04", "back", 60]]);
    // The change is 2027-04-03T16:00Z: still 3 April in UTC, already the 4th in Sydney.
    expect(april[0]!.at).toBe("2027-04-03T16:00:00.000Z");
    const october = dstWarnings({ session: session("2027-10-05T22:00:00Z"), places: places(SYDNEY), otherSessions: [] });
    expect(october.map((w) => [w.localDate, w.direction, w.daysFromSession])).toEqual([["2027-10-03", "forward", -3]]);
  });

  test("Lord Howe Island moves by 30 minutes", () => {
    const [warning] = dstWarnings({ session: session("2027-04-02T00:00:00Z"), places: places("Australia/Lord_Howe"), otherSessions: [] });
    expect(warning).toMatchObject({ direction: "back", minutes: 30, localDate: "2027-04-04" });
  });

  test("a series months apart: every change between, each tied to the nearest session it separates", () => {
    const warnings = dstWarnings({
      session: session("2027-09-15T14:00:00Z"),
      places: places(NEW_YORK, LONDON, GENEVA, SYDNEY),
      otherSessions: [
        { id: "nov", startsAt: "2027-11-20T14:00:00Z" },
        { id: "dec", startsAt: "2027-12-01T14:00:00Z" },
        { id: "same", startsAt: "2027-09-15T14:00:00Z" },
      ],
    });
    expect(warnings.map((w) => [w.places.map((p) => p.label).join("+"), w.localDate, w.direction, w.relation.kind === "between" ? w.relation.session.id : "near"])).toEqual([
      ["Sydney", "2027-10-03", "forward", "nov"],
      ["London+Geneva", "2027-10-31", "back", "nov"],
      ["New York", "2027-11-07", "back", "nov"],
    ]);
  });

  test("sessions before this one count too", () => {
    const warnings = dstWarnings({ session: session("2027-04-10T12:00:00Z"), places: places(LONDON), otherSessions: [{ id: "early", startsAt: "2027-03-20T12:00:00Z" }] });
    expect(warnings).toMatchObject([{ localDate: "2027-03-28", relation: { kind: "between", session: { id: "early" } }, daysFromSession: -13 }]);
  });

  test("no warnings for Nairobi, Bangkok, Kolkata or Kathmandu, even across a whole year", () => {
    expect(
      dstWarnings({
        session: session("2027-01-10T10:00:00Z"),
        places: places(NAIROBI, BANGKOK, KOLKATA, KATHMANDU),
        otherSessions: [{ id: "dec", startsAt: "2027-12-20T10:00:00Z" }],
      }),
    ).toEqual([]);
  });

  test("no warning when the change is more than a week away and no session lies beyond it", () => {
    expect(dstWarnings({ session: session("2027-03-19T12:00:00Z"), places: places(LONDON), otherSessions: [{ id: "x", startsAt: "2027-03-26T12:00:00Z" }] })).toEqual([]);
    expect(dstWarnings({ session: session("2027-03-21T12:00:00Z"), places: places(LONDON), otherSessions: [] })).toMatchObject([{ relation: { kind: "near" }, daysFromSession: 7 }]);
  });

  test("a bad zone or window", () => {
    expect(dstWarnings({ session: session("2027-03-25T13:00:00Z"), places: [{ zone: "Nowhere/City", label: "?" }], otherSessions: [] })).toEqual([]);
    expect(() => dstWarnings({ session: { start: "nonsense", end: "2027-01-01T00:00:00Z" }, places: [], otherSessions: [] })).toThrow(RangeError);
  });
});

describe("transport", () => {
  test("a packed grid unpacks to the same grid", () => {
    for (const [date, zone] of [["2027-11-07", NEW_YORK], ["2027-10-03", SYDNEY], ["2027-06-15", KATHMANDU]] as const) {
      const grid = buildDayGrid(input(date, zone, { audience: [{ zone: "Pacific/Kiritimati", weight: 2 }, { zone: "Pacific/Pago_Pago", weight: 1 }] }));
      expect(unpackDayGrid(JSON.parse(JSON.stringify(packDayGrid(grid))))).toEqual(grid);
    }
  });
});
