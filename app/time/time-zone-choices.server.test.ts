import { describe, expect, test } from "vitest";
import { shortTimeZoneGroups, timeZoneGroups, zoneOptionLabel } from "./time-zone-choices.server.ts";
import { listTimeZones } from "./time.ts";

const labels = { current: "Your time zone", cities: "Cities", regions: { Europe: "Europe", Africa: "Africa", UTC: "UTC" } };
const WINTER = new Date("2026-01-15T12:00:00Z");

describe("time-zone choices", () => {
  test("places are named in the reader's language, with their country and offset", () => {
    expect(zoneOptionLabel("Europe/Zurich", "en", WINTER)).toBe("Geneva, Zurich · Switzerland · UTC+1");
    expect(zoneOptionLabel("Europe/Zurich", "fr", WINTER)).toBe("Genève, Zurich · Suisse · UTC+1");
    expect(zoneOptionLabel("Asia/Dhaka", "en", WINTER)).toBe("Dhaka, Cox's Bazar · Bangladesh · UTC+6");
    expect(zoneOptionLabel("Asia/Dhaka", "ar", WINTER)).toBe("دكا، كوكس بازار · بنغلاديش · UTC+6");
    expect(zoneOptionLabel("America/Argentina/Buenos_Aires", "es", WINTER)).toBe("Buenos Aires · Argentina · UTC-3");
    expect(zoneOptionLabel("Asia/Kolkata", "en", WINTER)).toBe("Delhi, Kolkata · India · UTC+5:30");
  });

  test("every zone is offered once in its region, the viewer's zone first, then the usual cities", () => {
    const groups = timeZoneGroups("en", labels, { current: "africa/nairobi", now: WINTER });
    expect(groups[0]).toEqual({ id: "current", label: "Your time zone", options: [{ value: "Africa/Nairobi", label: "Nairobi · Kenya · UTC+3" }] });
    expect(groups[1]!.id).toBe("cities");
    expect(groups[1]!.options.map((o) => o.label)).toContain("Cox's Bazar · UTC+6");
    const regional = groups.slice(2).flatMap((g) => g.options.map((o) => o.value));
    expect(new Set(regional).size).toBe(regional.length);
    expect(new Set(regional)).toEqual(new Set(listTimeZones()));
    // Sorted by what the reader sees, in their language.
    const europe = groups.find((g) => g.id === "europe")!.options.map((o) => o.label);
    expect(europe).toEqual([...europe].sort(new Intl.Collator("en").compare));
  });

  test("a city is found by its name in another language", () => {
    const geneva = timeZoneGroups("en", labels, { now: WINTER }).find((g) => g.id === "cities")!.options.find((o) => o.value === "Europe/Zurich")!;
    expect(geneva.keywords).toContain("Genève");
    expect(geneva.keywords).toContain("جنيف");
  });

  test("the short list holds the viewer's zone, the event's zones and UTC, each once", () => {
    const groups = shortTimeZoneGroups("en", { current: "Your time zone", suggested: "For this event" }, {
      current: "Europe/Zurich",
      zones: ["Europe/Zurich", "America/New_York", "Not/AZone", "Africa/Nairobi", "America/New_York"],
      now: WINTER,
    });
    expect(groups.map((g) => [g.id, g.options.map((o) => o.value)])).toEqual([
      ["current", ["Europe/Zurich"]],
      ["suggested", ["America/New_York", "Africa/Nairobi", "UTC"]],
    ]);
  });
});
