// The low-bandwidth budget (issue 6): what a first visit to each public page transfers, measured
// in Chromium (fresh context, DevTools transfer sizes: headers + compressed bodies), against
// absolute budgets: HTML + CSS ≤ 40 KB, everything with JavaScript ≤ 150 KB, no web fonts, no
// third-party requests.
//
// `npm run bench` calls measureBudget() on its running server. Alone, after `npm run build`:
//   npx tsx bench/budget.ts [--responses]
// builds the benchmark database in a temporary folder, starts the built server on it, measures,
// prints the table (and with --responses every response of every page) and writes
// tests/.tmp/budget-latest.json. It builds no code.
import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { freePort } from "./servers.ts";
import { measurePageWeight, type PageWeight } from "./page-weight.ts";

export const BUDGET = { htmlCssKB: 40, totalWithJsKB: 150 };

export type BudgetPage = { page: string; path: string; locale: string };
export type BudgetResult = BudgetPage & {
  withJs: PageWeight;
  withoutJs: PageWeight;
  fonts: number;
  htmlCssMet: boolean;
  totalMet: boolean;
};

/** The pages the budget covers: the event page for an English, a French and an Arabic reader, the catalogue, a replay. */
export function budgetPages({ eventSlug, recordingId }: { eventSlug: string; recordingId: string }): BudgetPage[] {
  const event = `/events/${eventSlug}`;
  return [
    { page: "event page", path: event, locale: "en-GB" },
    { page: "event page", path: event, locale: "fr-FR" },
    { page: "event page", path: event, locale: "ar-JO" },
    { page: "catalogue", path: "/events", locale: "en-GB" },
    { page: "replay", path: `/recordings/${recordingId}`, locale: "en-GB" },
  ];
}

/** The published recording with the longest transcript: the heaviest replay page a reader meets. */
export function heaviestReplay(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    const row = db.prepare(`SELECT r.id FROM Recording r LEFT JOIN Transcript t ON t.recordingId = r.id
      LEFT JOIN TranscriptCue c ON c.transcriptId = t.id WHERE r.status = 'published'
      GROUP BY r.id ORDER BY COUNT(c.id) DESC, r.id LIMIT 1`).get() as { id: string } | undefined;
    if (!row) throw new Error("The benchmark database has no published recording");
    return row.id;
  } finally {
    db.close();
  }
}

const kb = (bytes: number) => bytes / 1024;
const f1 = (bytes: number) => kb(bytes).toFixed(1);

export async function measureBudget(origin: string, pages: BudgetPage[]): Promise<BudgetResult[]> {
  const results: BudgetResult[] = [];
  for (const page of pages) {
    const [withJs, withoutJs] = (await measurePageWeight(`${origin}${page.path}`, [
      { javaScriptEnabled: true, locale: page.locale },
      { javaScriptEnabled: false, locale: page.locale },
    ])) as [PageWeight, PageWeight];
    for (const w of [withJs, withoutJs]) {
      const failed = w.responses.find((r) => r.type === "Document" && r.status !== 200);
      if (failed) throw new Error(`${page.path} (${page.locale}) answered ${failed.status}`);
    }
    const fonts = [...withJs.responses, ...withoutJs.responses].filter((r) => r.type === "Font").length;
    const worstHtmlCss = Math.max(withJs.bytes.html + withJs.bytes.css, withoutJs.bytes.html + withoutJs.bytes.css);
    results.push({
      ...page,
      withJs,
      withoutJs,
      fonts,
      htmlCssMet: kb(worstHtmlCss) <= BUDGET.htmlCssKB,
      totalMet: kb(withJs.bytes.total) <= BUDGET.totalWithJsKB,
    });
  }
  return results;
}

export function printBudgetTable(results: BudgetResult[]) {
  const header = ["page", "reader", "HTML", "CSS", "JS", "other", "total", "req", "of 150 KB", "HTML+CSS ≤ 40", "total ≤ 150", "no JS: total"];
  const rows = results.map((r) => {
    const b = r.withJs.bytes;
    return [
      r.page, r.locale, f1(b.html), f1(b.css), f1(b.js), f1(b.other), f1(b.total), String(r.withJs.requests),
      `${(kb(b.total) / BUDGET.totalWithJsKB).toFixed(2)}×`,
      r.htmlCssMet ? "met" : "NOT MET", r.totalMet ? "met" : "NOT MET", f1(r.withoutJs.bytes.total),
    ];
  });
  const numeric = new Set([2, 3, 4, 5, 6, 7, 8, 11]);
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((row) => [...row[i]!].length)));
  const line = (cells: string[]) => cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" │ ");
  console.log("\nFirst visit, KB transferred (compressed, headers included), JavaScript on unless stated");
  console.log(line(header));
  console.log(widths.map((w) => "─".repeat(w)).join("─┼─"));
  for (const row of rows) console.log(line(row));
  const thirdParty = results.flatMap((r) => [...r.withJs.thirdPartyRequests, ...r.withoutJs.thirdPartyRequests]);
  const fonts = results.reduce((n, r) => n + r.fonts, 0);
  console.log(`third-party requests: ${thirdParty.length} (${thirdParty.length === 0 ? "met" : `NOT MET: ${thirdParty.slice(0, 3).join(" ")}`}); web fonts: ${fonts} (${fonts === 0 ? "met" : "NOT MET"})`);
}

/** Short form for the JSON file: the full response lists stay in PageWeight. */
export function budgetSummary(results: BudgetResult[]) {
  return results.map((r) => ({
    page: r.page, path: r.path, locale: r.locale,
    withJsKB: Object.fromEntries(Object.entries(r.withJs.bytes).map(([k, v]) => [k, Number(kb(v).toFixed(2))])),
    withoutJsKB: Object.fromEntries(Object.entries(r.withoutJs.bytes).map(([k, v]) => [k, Number(kb(v).toFixed(2))])),
    requests: r.withJs.requests,
    thirdPartyRequests: [...r.withJs.thirdPartyRequests, ...r.withoutJs.thirdPartyRequests],
    fonts: r.fonts,
    htmlCssMet: r.htmlCssMet,
    totalMet: r.totalMet,
    largestWithJs: [...r.withJs.responses].sort((x, y) => y.bytes - x.bytes).slice(0, 8).map((x) => ({ url: x.url.replace(/^https?:\/\/[^/]+/, ""), type: x.type, bytes: x.bytes })),
  }));
}

// ---- standalone: npx tsx bench/budget.ts ----

async function main() {
  if (!existsSync("build/index.js")) throw new Error("No build: run `npm run build` first (this command builds nothing)");
  const { buildBenchDatabase } = await import("./seed-db.ts");
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), "learning-events-budget-"));
  const started: ChildProcess[] = [];
  const cleanUp = () => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    rmSync(tmpDir, { recursive: true, force: true });
  };
  process.on("exit", cleanUp);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

  console.log(`[budget] building the benchmark database in ${tmpDir}`);
  const bench = await buildBenchDatabase(tmpDir, { log: () => {} });
  const recordingId = heaviestReplay(bench.dbPath);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["server/index.js"], {
    // Production needs a secret; run alone, this process has none.
    env: { SESSION_SECRET: randomBytes(32).toString("base64url"), ...process.env, NODE_ENV: "production", DATABASE_URL: `file:${bench.dbPath}`, PORT: String(port), HOST: "127.0.0.1",
      LOG_REQUESTS: "false", SEED_ON_EMPTY: "false", WORKER: "false" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(server);
  let output = "";
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The server exited with ${server.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`The server did not answer /healthz within 60 s:\n${output}`);
    if (await fetch(`${origin}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  console.log(`[budget] measuring ${origin} in Chromium`);
  const results = await measureBudget(origin, budgetPages({ eventSlug: bench.eventSlug, recordingId }));
  printBudgetTable(results);
  if (process.argv.includes("--responses")) {
    for (const r of results) {
      console.log(`\n${r.page} (${r.locale}), JavaScript on: ${r.withJs.responses.length} responses`);
      for (const x of r.withJs.responses) console.log(`  ${f1(x.bytes).padStart(6)} KB  ${x.type.padEnd(10)} ${(x.encoding || "identity").padEnd(8)} ${x.url.replace(origin, "")}`);
    }
  }
  const file = path.resolve("tests/.tmp/budget-latest.json");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), command: "npx tsx bench/budget.ts", budget: BUDGET, pages: budgetSummary(results) }, null, 2)}\n`);
  console.log(`[budget] results in ${path.relative(process.cwd(), file)}`);
  const allMet = results.every((r) => r.htmlCssMet && r.totalMet && r.fonts === 0 && r.withJs.thirdPartyRequests.length + r.withoutJs.thirdPartyRequests.length === 0);
  return allMet;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (allMet) => process.exit(allMet ? 0 : 1),
    (error) => {
      console.error("[budget] failed:", error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
