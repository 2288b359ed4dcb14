/**
 * RFC 4180 CSV, both ways, with no dependency.
 *
 * Reading is tolerant of what spreadsheet programs and video platforms actually write: a UTF-8
 * byte-order mark, CRLF, LF or lone CR line ends, quoted fields with commas, doubled quotes and
 * line breaks inside. Each record keeps the line number it starts on, so an import can say
 * "line 14: …" about the line a person sees in their editor.
 *
 * Writing produces what Excel opens correctly on every platform: a byte-order mark (without it
 * Excel on Windows reads UTF-8 as the local code page), CRLF, quotes only where needed, and
 * cells that would start a formula prefixed with an apostrophe (CSV injection: "=HYPERLINK(…)"
 * typed into a registration form must stay text in the organiser's spreadsheet).
 */

type CsvRecord = { line: number; cells: string[] };

type CsvParseResult = { records: CsvRecord[]; error?: { line: number; message: string } };

const BOM = "\uFEFF";

export function parseCsv(input: string): CsvParseResult {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 1;
  let fieldStarted = false;

  const endField = () => {
    cells.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is not a record of one empty cell.
    if (!(cells.length === 1 && cells[0] === "")) records.push({ line: recordLine, cells });
    cells = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      quoteLine = line;
      fieldStarted = true;
    } else if (ch === ",") {
      endField();
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      // A stray quote inside an unquoted field is kept as text, as spreadsheets do.
      field += ch;
      fieldStarted = true;
    }
  }
  if (inQuotes) {
    return { records, error: { line: quoteLine, message: "a quoted field is never closed (a \" is missing)" } };
  }
  if (field !== "" || cells.length > 0) endRecord();
  return { records };
}

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as RFC 4180 text; strings that a spreadsheet would run as a formula stay text. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: byte-order mark, CRLF after every row (the last included). */
export function toCsv(rows: CsvCell[][]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(",") + "\r\n").join("");
}
