import { describe, expect, it } from "vitest";
import { csvCell, parseCsv, toCsv } from "./csv.ts";

describe("toCsv", () => {
  it("writes a byte-order mark, CRLF and RFC 4180 quoting that reads back unchanged", () => {
    const rows = [
      ["Name", "Notes"],
      ["Zoë, \"Z\"", "line one\nline two"],
      ["plain", 42],
    ];
    const text = toCsv(rows);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toBe('\uFEFFName,Notes\r\n"Zoë, ""Z""","line one\nline two"\r\nplain,42\r\n');
    expect(parseCsv(text).records.map((r) => r.cells)).toEqual(rows.map((r) => r.map(String)));
  });

  it("keeps formulas as text", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(["+1", "-2", "@SUM(A1)", "\tx"].map(csvCell)).toEqual(["'+1", "'-2", "'@SUM(A1)", "'\tx"]);
    // Numbers the app writes itself are numbers.
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
  });
});
