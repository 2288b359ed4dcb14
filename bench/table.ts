// The benchmark's table, as run.ts prints it, for the parts that live in their own modules.
export type Row = { metric: string; app: string; baseline: string; ratio: string; target: string; status: string };

export const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

export function fmt(value: number, digits = 0) {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

export const met = (ok: boolean) => (ok ? "met" : "NOT MET");

export function printTable(title: string, rows: Row[]) {
  const headers: Row = { metric: "metric", app: "app", baseline: "baseline", ratio: "app/baseline", target: "target", status: "status" };
  const keys = Object.keys(headers) as (keyof Row)[];
  const widths = Object.fromEntries(keys.map((k) => [k, Math.max(...[headers, ...rows].map((r) => [...r[k]].length))])) as Record<keyof Row, number>;
  const line = (r: Row) => keys.map((k) => r[k].padEnd(widths[k])).join(" │ ");
  console.log(`\n${title}\n${line(headers)}\n${keys.map((k) => "─".repeat(widths[k])).join("─┼─")}`);
  for (const r of rows) console.log(line(r));
}
