// Full-text search over a synthetic library of 1,000 one-hour recordings (12 cues a minute:
// 720,000 cues, in English, French, Spanish and Arabic), built with better-sqlite3 in one
// transaction on a freshly migrated database, so the migration's triggers fill the FTS5 index.
//
// Each of ~50 queries goes through searchTranscripts() (Prisma, grouping per recording, counts,
// highlighting), alternately with the yardstick: the same FTS5 MATCH expression run directly with
// better-sqlite3 on the same file, ranked by bm25 and highlighted, top 30. The aim is
// searchTranscripts p95 ≤ 2× the direct query's and < 25 ms.
//
// The measuring runs in a child process: the Prisma client is a process-wide singleton
// (globalThis.__prisma), and other sections of `npm run bench` point it at their own databases.
// Run alone with `tsx bench/search.ts` (`--hours N` for a smaller library).
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { migrateDatabase } from "../app/utils/migrate.server.ts";
import { fmt, met, printTable, ratio } from "./table.ts";
import { mulberry32 } from "./random.ts";

export const SEARCH = { hours: 1000, cuesPerMinute: 12, warmup: 2, rounds: 5, targetRatio: 2, targetP95Ms: 25 };

export type SearchBenchResult = {
  hours: number;
  cues: number;
  buildSeconds: number;
  databaseMB: number;
  queries: number;
  app: { medianMs: number; p95Ms: number };
  direct: { medianMs: number; p95Ms: number };
  ratio: { median: number; p95: number };
  targetRatio: number;
  targetP95Ms: number;
  seconds: number;
};

// Function words first (they are the most frequent), then the subject's vocabulary.
const VOCABULARY: Record<string, string> = {
  en: `the and to of a in that is we for it with on this are children be as at have they can or from
    our what so not about but their by when you all there more how also one if do who will very which
    child protection case management community families caregivers support staff response humanitarian
    standard services safe risk education school teachers learning wellbeing mental health psychosocial
    distress referral assessment partners coordination camp displacement refugees violence abuse neglect
    exploitation labour unaccompanied separated reunification tracing alternative care foster kinship
    monitoring data indicators training supervision volunteers girls boys adolescents parents disability
    inclusion participation feedback accountability emergency preparedness planning budget funding donors
    local government ministry justice detention armed groups recruitment release reintegration livelihoods
    cash transfers nutrition shelter water sanitation hygiene gender survivors confidentiality consent
    minimum standards pillar principle evidence practice example question answer session webinar
    experience context village district border flood earthquake conflict season trust listening play
    activities spaces friendly mobile teams outreach interviews documentation follow-up closure plan`,
  fr: `le la les de des et à un une en que qui dans pour sur pas avec nous est ce il elle sont par au
    enfants enfant protection gestion cas famille familles communauté soutien personnel réponse norme
    éducation école enseignants bien-être santé mentale détresse orientation évaluation partenaires
    coordination déplacement réfugiés violence abus négligence exploitation travail séparés réunification
    prise en charge alternative suivi données formation supervision bénévoles filles garçons adolescents
    parents handicap participation sécurité élevé confidentialité consentement urgence préparation`,
  es: `el la los las de y a en que un una por con para no es se lo del al su como más pero sus le ya
    niñez niños niñas infancia adolescencia protección educación escuela docentes aprendizaje bienestar
    salud mental gestión casos familia familias comunidad apoyo personal respuesta norma riesgo violencia
    abuso explotación trabajo separados reunificación cuidado alternativo seguimiento datos formación
    supervisión voluntarios participación seguridad confidencialidad consentimiento emergencia frontera`,
  ar: `في من على إلى أن عن مع هذا هذه التي الذي كان هو هي ما لا كل بين قد ثم أو
    الأطفال الطفل حماية المعيار المعايير الدنيا إدارة الحالات الأسرة الأسر المجتمع الدعم الموظفين
    الاستجابة الإنسانية التعليم المدرسة المعلمين الصحة النفسية الضيق الاجتماعي الإحالة التقييم الشركاء
    التنسيق النزوح اللاجئين العنف الإساءة الإهمال الاستغلال العمل المنفصلين لم الشمل الرعاية البديلة
    المتابعة البيانات التدريب الإشراف المتطوعين الفتيات الفتيان المراهقين الوالدين الإعاقة المشاركة`,
};
const LANGUAGES = [
  ["en", 0.7],
  ["fr", 0.1],
  ["es", 0.1],
  ["ar", 0.1],
] as const;
const SPEAKERS = ["Amara Okafor", "Lena Fischer", "Priya Raman", "Samuel Mwangi", "Rania Haddad", "Diego Ramírez", "Marie-Claire Diallo"];

/** ~50 queries a learner might type: subject words, two words, phrases, accents left off, Arabic, typos of syntax. */
export const QUERIES = [
  "reunification", "kinship", "foster care", "case management", '"case management"', "psychosocial distress",
  "unaccompanied", "separated children", "referral pathway", "confidentiality", "consent", "recruitment",
  "reintegration", "livelihoods", "earthquake", "flood season", "mobile teams", "friendly spaces",
  '"child friendly spaces"', "supervision volunteers", "accountability feedback", "disability inclusion",
  "adolescents girls", "detention justice", "armed groups", "tracing", "documentation closure",
  "mental health", "wellbeing", "teachers school", "cash transfers", "survivors", "gender",
  "educacion", "educación", "protección niñez", "gestion de cas", "securite", "réunification",
  "détresse", "الضيق", "الرعاية البديلة", "المعيار", "حماية الأطفال",
  "child AND protection", "(unaccompanied", 'kinship"', "text:consent", "NEAR(foster care)", "reunif*",
];

function sample(random: () => number, words: string[]): string {
  // Zipf-like: rank r is picked with weight 1/(r+1), by inverse transform on a log scale.
  const r = Math.floor(Math.exp(random() * Math.log(words.length + 1))) - 1;
  return words[Math.min(words.length - 1, Math.max(0, r))]!;
}

function sentence(random: () => number, words: string[]): string {
  const length = 6 + Math.floor(random() * 12);
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(sample(random, words));
  const text = out.join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** The synthetic library in a fresh migrated database. Returns the cue count. */
export function buildSearchDatabase(dbPath: string, hours: number, log: (message: string) => void): number {
  migrateDatabase(dbPath, { log: () => {} });
  const db = new Database(dbPath);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const random = mulberry32(20261125);
  const vocab = Object.fromEntries(Object.entries(VOCABULARY).map(([code, text]) => [code, text.split(/\s+/).filter(Boolean)]));
  const now = new Date().toISOString().replace("Z", "+00:00");
  const cuesPerRecording = 60 * SEARCH.cuesPerMinute;
  let cues = 0;
  db.transaction(() => {
    const language = db.prepare(`INSERT OR IGNORE INTO "Language" ("code", "name", "nativeName", "dir") VALUES (?, ?, ?, ?)`);
    for (const [code, name, dir] of [["en", "English", "ltr"], ["fr", "French", "ltr"], ["es", "Spanish", "ltr"], ["ar", "Arabic", "rtl"]]) language.run(code, name, name, dir);
    const event = db.prepare(`INSERT INTO "Event" ("id", "slug", "type", "status", "title", "summary", "description", "primaryLanguageCode", "timeZone", "updatedAt")
      VALUES (?, ?, 'webinar', 'published', ?, ?, ?, ?, 'UTC', ?)`);
    const recording = db.prepare(`INSERT INTO "Recording" ("id", "eventId", "kind", "title", "languageCode", "status", "publishedAt", "updatedAt")
      VALUES (?, ?, 'audio', ?, ?, 'published', ?, ?)`);
    const transcript = db.prepare(`INSERT INTO "Transcript" ("id", "recordingId", "languageCode") VALUES (?, ?, ?)`);
    const cue = db.prepare(`INSERT INTO "TranscriptCue" ("id", "transcriptId", "position", "startMs", "endMs", "speaker", "text") VALUES (?, ?, ?, ?, ?, ?, ?)`);
    for (let r = 0; r < hours; r++) {
      let pick = random();
      const code = LANGUAGES.find(([, share]) => (pick -= share) < 0)?.[0] ?? "en";
      const words = vocab[code]!;
      const title = sentence(random, words).slice(0, 60);
      event.run(`event-${r}`, `event-${r}`, title, sentence(random, words), sentence(random, words), code, now);
      recording.run(`rec-${r}`, `event-${r}`, title, code, now, now);
      transcript.run(`tr-${r}`, `rec-${r}`, code);
      const step = 3_600_000 / cuesPerRecording;
      for (let p = 0; p < cuesPerRecording; p++) {
        cue.run(`cue-${r}-${p}`, `tr-${r}`, p, Math.round(p * step), Math.round((p + 1) * step) - 200, SPEAKERS[(r + (p >> 4)) % SPEAKERS.length], sentence(random, words));
        cues++;
      }
      if ((r + 1) % 200 === 0) log(`${r + 1} hours, ${cues} cues`);
    }
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return cues;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

/** Measures in this process: needs DATABASE_URL to point at `dbPath` before the model is imported. */
async function measure(dbPath: string) {
  const { searchTranscripts, toMatchExpression } = await import("../app/search/search.server.ts");
  const { prisma } = await import("../app/utils/db.server.ts");
  const db = new Database(dbPath, { readonly: true });
  const direct = db.prepare(`SELECT "rowid", highlight("cue_fts", 0, '[', ']') AS marked FROM "cue_fts" WHERE "cue_fts" MATCH ? ORDER BY "rank" LIMIT 30`);
  const appMs: number[] = [];
  const directMs: number[] = [];
  let results = 0;
  for (let round = 0; round < SEARCH.warmup + SEARCH.rounds; round++) {
    for (const query of QUERIES) {
      const expression = toMatchExpression(query);
      // Alternating, so that noise on a shared machine hits both sides alike.
      let start = performance.now();
      const found = await searchTranscripts(query, { page: 1 });
      const app = performance.now() - start;
      start = performance.now();
      if (expression) direct.all(expression);
      const raw = performance.now() - start;
      if (round >= SEARCH.warmup) {
        appMs.push(app);
        directMs.push(raw);
        results += found.recordings.length;
      }
    }
  }
  db.close();
  await prisma.$disconnect();
  if (results === 0) throw new Error("search bench: no query found anything");
  return {
    app: { medianMs: percentile(appMs, 50), p95Ms: percentile(appMs, 95) },
    direct: { medianMs: percentile(directMs, 50), p95Ms: percentile(directMs, 95) },
  };
}

async function runInThisProcess(hours: number, log: (message: string) => void): Promise<SearchBenchResult> {
  const started = performance.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), "learning-events-search-"));
  try {
    const dbPath = path.join(dir, "search.db");
    log(`search: building ${hours} hours of transcripts`);
    const buildStarted = performance.now();
    const cues = buildSearchDatabase(dbPath, hours, (m) => log(`  ${m}`));
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    const databaseMB = (await import("node:fs")).statSync(dbPath).size / 1024 / 1024;
    log(`search: ${cues} cues in ${fmt(buildSeconds, 1)} s (${fmt(databaseMB)} MB); ${QUERIES.length} queries × ${SEARCH.rounds} rounds`);
    Object.assign(process.env, { DATABASE_URL: `file:${dbPath}`, NODE_ENV: "production", SEED_ON_EMPTY: "false", WORKER: "false", LOG_REQUESTS: "false" });
    // Production needs a secret; run alone, this process has none.
    process.env.SESSION_SECRET ??= randomBytes(32).toString("base64url");
    const { app, direct } = await measure(dbPath);
    return {
      hours, cues, buildSeconds, databaseMB, queries: QUERIES.length, app, direct,
      ratio: { median: ratio(app.medianMs, direct.medianMs), p95: ratio(app.p95Ms, direct.p95Ms) },
      targetRatio: SEARCH.targetRatio, targetP95Ms: SEARCH.targetP95Ms, seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** For `npm run bench`: the whole section in a child process (see the note at the top). */
export function benchSearch(options: { log?: (message: string) => void; hours?: number } = {}): Promise<SearchBenchResult> {
  const log = options.log ?? ((m: string) => console.log(`[bench] ${m}`));
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", self, "--json", "--hours", String(options.hours ?? SEARCH.hours)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      // Progress lines pass through; the last line is the result.
      const lines = out.split("\n");
      out = lines.pop() ?? "";
      for (const line of lines) {
        if (line.startsWith("{")) resolve(JSON.parse(line) as SearchBenchResult);
        else if (line) log(line.replace(/^\[bench\] /, ""));
      }
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? null : reject(new Error(`search bench exited with ${code}`))));
  });
}

export function printSearchResult(r: SearchBenchResult) {
  printTable(`Search: ${r.hours} hours of transcripts (${r.cues} cues, built in ${fmt(r.buildSeconds, 1)} s), ${r.queries} queries`, [
    { metric: "search median ms", app: fmt(r.app.medianMs, 2), baseline: fmt(r.direct.medianMs, 2), ratio: `${fmt(r.ratio.median, 2)}×`, target: "", status: "" },
    {
      metric: "search p95 ms", app: fmt(r.app.p95Ms, 2), baseline: fmt(r.direct.p95Ms, 2), ratio: `${fmt(r.ratio.p95, 2)}×`,
      target: `≤ ${r.targetRatio}× and < ${r.targetP95Ms} ms`, status: met(r.ratio.p95 <= r.targetRatio && r.app.p95Ms < r.targetP95Ms),
    },
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const hoursAt = args.indexOf("--hours");
  const hours = hoursAt >= 0 ? Number(args[hoursAt + 1]) : SEARCH.hours;
  const json = args.includes("--json");
  runInThisProcess(hours, (m) => console.log(`[bench] ${m}`)).then(
    (result) => {
      if (json) console.log(JSON.stringify(result));
      else printSearchResult(result);
      process.exit(0);
    },
    (error) => {
      console.error("[bench] search failed:", error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
