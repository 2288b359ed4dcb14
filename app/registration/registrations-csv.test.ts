import { describe, expect, it } from "vitest";
import { parseCsv } from "~/utils/csv.ts";
import { buildRegistrationsCsv, type ExportHeaders } from "./registrations-csv.ts";

const headers: ExportHeaders = {
  name: "Name",
  email: "Email",
  organisation: "Organisation",
  country: "Country",
  timeZone: "Time zone",
  language: "Language",
  accessibilityNeeds: "Accessibility needs",
  status: "Status",
  registeredAt: "Registered at (UTC)",
  attendedMinutes: "Attended minutes",
};

const base = {
  country: "Kenya",
  timeZone: "Africa/Nairobi",
  locale: "en",
  accessibilityNeeds: "",
  status: "confirmed",
  createdAt: new Date("2026-11-30T15:01:12Z"),
  attendedMinutes: 45,
};

describe("buildRegistrationsCsv", () => {
  const csv = buildRegistrationsCsv(
    [
      { id: "q1", label: "Your role, if any" },
      { id: "q2", label: "Topics" },
    ],
    [
      { ...base, name: "Amina “Mina” Hassan", email: "amina@example.org", organisation: "Save the Children, Kenya", answers: JSON.stringify({ q1: "Caseworker", q2: ["MHPSS", "Case management"] }) },
      { ...base, name: "=HYPERLINK(\"http://evil.example\",\"click\")", email: "x@example.org", organisation: "+254 700 000", answers: "{}", attendedMinutes: null },
      { ...base, name: "Zoë Ünal", email: "zoe@example.org", organisation: "@home", answers: JSON.stringify({ q1: "Line one\nLine two" }) },
    ],
    headers,
  );

  it("starts with a byte-order mark and ends every row with CRLF", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/"[^"]*"/g, "").split("\n").every((line) => line === "" || line.endsWith("\r"))).toBe(true);
  });

  it("has one row per registration with the questions' labels as column headers", () => {
    const { records, error } = parseCsv(csv);
    expect(error).toBeUndefined();
    expect(records).toHaveLength(4);
    expect(records[0]!.cells.slice(-2)).toEqual(["Your role, if any", "Topics"]);
    const amina = records[1]!.cells;
    expect(amina[0]).toBe("Amina “Mina” Hassan");
    expect(amina[2]).toBe("Save the Children, Kenya");
    expect(amina[8]).toBe("2026-11-30 15:01");
    expect(amina[9]).toBe("45");
    expect(amina.slice(-2)).toEqual(["Caseworker", "MHPSS; Case management"]);
    expect(records[3]!.cells.at(-2)).toBe("Line one\nLine two");
    expect(records[3]!.cells[0]).toBe("Zoë Ünal");
  });

  it("turns would-be formulas into text", () => {
    const { records } = parseCsv(csv);
    expect(records[2]!.cells[0]).toBe("'=HYPERLINK(\"http://evil.example\",\"click\")");
    expect(records[2]!.cells[2]).toBe("'+254 700 000");
    expect(records[2]!.cells[9]).toBe("");
    expect(records[3]!.cells[2]).toBe("'@home");
  });
});
