// Builds the benchmark database: the real migrations, the demo catalogue (which
// also creates the languages, the CPMS topic tree, speakers, series and site
// settings), then 1,000 synthetic published events written with better-sqlite3
// in one transaction. A seeded PRNG keeps the catalogue the same from run to run
// apart from dates, which are relative to `now` like the demo's.
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "../app/generated/prisma/client.ts";
import { migrateDatabase } from "../app/utils/migrate.server.ts";
import { seedDemoCatalogue } from "../prisma/seed/catalogue.ts";
import { mulberry32 } from "./random.ts";

export const SYNTHETIC_EVENTS = 1000;
const DAY_MS = 86_400_000;

export type BenchDatabase = {
  dbPath: string;
  /** A synthetic event with an upcoming session, 2+ sessions, speakers and topics: the page we load. */
  eventSlug: string;
  counts: { events: number; published: number; upcoming: number; sessions: number; topics: number };
};

// Prisma's SQLite adapter stores DateTime as this text form; the app's queries compare strings.
const sqlDate = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

const TYPES = ["webinar", "webinar", "webinar", "live-qa", "audio", "video", "workshop"];
const ZONES = ["Europe/Zurich", "America/New_York", "Africa/Nairobi", "Asia/Amman", "Asia/Bangkok", "Asia/Dhaka", "Europe/London"];
const SUPPORT_KINDS = ["interpretation", "support", "captions"];
const OPENERS = ["Protecting children", "Case management", "Safe spaces", "Family tracing", "Psychosocial support", "Child labour",
  "Community-level work", "Alternative care", "Justice for children", "Education and protection", "Cash assistance",
  "Mental health", "Preventing separation", "Working with adolescents", "Risk mapping"];
const MIDDLES = ["in displacement settings", "during rapid-onset emergencies", "across camp and urban contexts", "in protracted crises",
  "with limited connectivity", "alongside health partners", "for unaccompanied children", "in multi-sector responses"];
const CLOSERS = ["a practical webinar", "lessons from the field", "a live Q&A", "an introduction", "tools and checklists",
  "what the standards say", "regional experiences"];
const WORDS = ("child protection standards humanitarian response community partners caseworkers supervision referral pathway " +
  "assessment monitoring safeguarding families caregivers adolescents wellbeing coordination sector guidance practice " +
  "evidence learning accountability participation inclusion disability gender displacement camps urban settings risk " +
  "prevention response services staff volunteers training budget indicators data protection consent confidential").split(" ");

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function pickSome<T>(rand: () => number, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
  return out;
}

function sentence(rand: () => number, words: number): string {
  const list = Array.from({ length: words }, () => pick(rand, WORDS));
  const text = list.join(" ");
  return text[0]!.toUpperCase() + text.slice(1) + ".";
}

function paragraph(rand: () => number, chars: number): string {
  let text = "";
  while (text.length < chars) text += (text ? " " : "") + sentence(rand, 8 + Math.floor(rand() * 10));
  return text;
}

function title(rand: () => number, n: number): string {
  // ~60 characters, unique thanks to the number.
  return `${pick(rand, OPENERS)} ${pick(rand, MIDDLES)}: ${pick(rand, CLOSERS)} (${n})`;
}

function description(rand: () => number): string {
  // About 1.5 KB of Markdown with the constructs organisers use.
  return [
    paragraph(rand, 320),
    "## What we will cover",
    Array.from({ length: 4 }, () => `- ${sentence(rand, 6 + Math.floor(rand() * 5))}`).join("\n"),
    paragraph(rand, 300).replace(/^(\S+ \S+)/, "**$1**"),
    "### Who should join",
    paragraph(rand, 260),
    "1. Read the standard beforehand\n2. Bring a case from your own work\n3. Share questions in the chat",
    `Background reading: [the 2019 edition](https://alliancecpha.org/en/CPMS_home) and *the pillar guidance*. ${paragraph(rand, 120)}`,
  ].join("\n\n");
}

let idCounter = 0;
function cuidLike(rand: () => number): string {
  idCounter += 1;
  let tail = "";
  while (tail.length < 16) tail += Math.floor(rand() * 36).toString(36);
  return `cbench${idCounter.toString(36).padStart(4, "0")}${tail}`;
}

export async function buildBenchDatabase(dir: string, { log = console.log, now = new Date() } = {}): Promise<BenchDatabase> {
  const dbPath = path.join(dir, "bench.db");
  migrateDatabase(dbPath, { log: () => {} });
  log("migrated");

  const prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${dbPath}`, timeout: 5000 }) });
  try {
    const started = performance.now();
    const result = await seedDemoCatalogue(prisma, { now });
    log(`demo catalogue: ${result.created} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await prisma.$disconnect();
  }

  const db = new Database(dbPath, { timeout: 5000 });
  try {
    const topics = db.prepare(`SELECT id FROM Topic`).all() as { id: string }[];
    const speakers = db.prepare(`SELECT id FROM Speaker`).all() as { id: string }[];
    const languages = (db.prepare(`SELECT code FROM Language`).all() as { code: string }[]).map((l) => l.code);
    const series = db.prepare(`SELECT id FROM Series`).all() as { id: string }[];
    if (topics.length < 32 || speakers.length === 0 || languages.length === 0) {
      throw new Error(`The demo taxonomy is missing (topics ${topics.length}, speakers ${speakers.length}, languages ${languages.length})`);
    }

    const insertEvent = db.prepare(`INSERT INTO Event (id, slug, type, status, title, summary, description, primaryLanguageCode,
      timeZone, referenceCities, seriesId, capacity, waitlistEnabled, isRecorded, publishedAt, createdAt, updatedAt)
      VALUES (?, ?, ?, 'published', ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`);
    const insertSession = db.prepare(`INSERT INTO Session (id, eventId, title, startsAt, endsAt, timeZone, languageCode, status,
      sequence, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, 'scheduled', 0, ?, ?)`);
    const insertTopic = db.prepare(`INSERT INTO EventTopic (eventId, topicId) VALUES (?, ?)`);
    const insertSpeaker = db.prepare(`INSERT INTO EventSpeaker (eventId, speakerId, role, sortOrder) VALUES (?, ?, ?, ?)`);
    const insertLanguage = db.prepare(`INSERT INTO EventLanguage (eventId, languageCode, kind) VALUES (?, ?, ?)`);
    const insertRecording = db.prepare(`INSERT INTO Recording (id, eventId, kind, title, languageCode, durationSeconds, status,
      publishedAt, createdAt, updatedAt) VALUES (?, ?, 'video', '', ?, ?, 'published', ?, ?, ?)`);

    const rand = mulberry32(20261125);
    const nowMs = now.getTime();
    const stamp = sqlDate(nowMs);
    let eventSlug = "";
    let sessionsWritten = 0;
    const started = performance.now();
    db.transaction(() => {
      for (let i = 1; i <= SYNTHETIC_EVENTS; i++) {
        const id = cuidLike(rand);
        const slug = `bench-event-${String(i).padStart(4, "0")}`;
        const primary = rand() < 0.7 ? "en" : pick(rand, languages);
        const supported = pickSome(rand, languages.filter((l) => l !== primary), Math.floor(rand() * 3));
        const zone = pick(rand, ZONES);
        const cities = rand() < 0.2 ? JSON.stringify(pickSome(rand, ZONES, 4)) : null;
        const sessionCount = 1 + Math.floor(rand() * 3);
        // Spread over the past and the next year, on the quarter hour.
        const base = nowMs + Math.round((rand() * 2 - 1) * 365) * DAY_MS;
        const starts = Array.from({ length: sessionCount }, (_, k) =>
          Math.round((base + k * (1 + Math.floor(rand() * 14)) * DAY_MS + Math.floor(rand() * 24) * 3_600_000) / 900_000) * 900_000);
        insertEvent.run(id, slug, pick(rand, TYPES), title(rand, i), paragraph(rand, 190).slice(0, 200), description(rand), primary,
          zone, cities, rand() < 0.2 ? pick(rand, series).id : null, rand() < 0.5 ? 100 + Math.floor(rand() * 400) : null,
          rand() < 0.5 ? 1 : 0, sqlDate(base - 30 * DAY_MS), stamp, stamp);
        starts.forEach((start, k) => {
          const minutes = [60, 75, 90, 120][Math.floor(rand() * 4)]!;
          const language = k === 0 ? primary : pick(rand, [primary, ...supported]);
          insertSession.run(cuidLike(rand), id, sessionCount > 1 ? `Session ${k + 1}` : null, sqlDate(start),
            sqlDate(start + minutes * 60_000), pick(rand, ZONES), language, stamp, stamp);
          sessionsWritten += 1;
        });
        for (const topic of pickSome(rand, topics, 1 + Math.floor(rand() * 3))) insertTopic.run(id, topic.id);
        pickSome(rand, speakers, 1 + Math.floor(rand() * 2)).forEach((speaker, k) =>
          insertSpeaker.run(id, speaker.id, k === 0 ? "speaker" : "moderator", k));
        for (const code of supported) insertLanguage.run(id, code, pick(rand, SUPPORT_KINDS));
        const last = Math.max(...starts);
        if (last < nowMs && rand() < 0.4) {
          insertRecording.run(cuidLike(rand), id, primary, 3600 + Math.floor(rand() * 1800), sqlDate(last + DAY_MS), stamp, stamp);
        }
        if (!eventSlug && sessionCount >= 2 && starts[0]! > nowMs + 7 * DAY_MS) eventSlug = slug;
        if (i % 250 === 0) log(`synthetic events ${i}/${SYNTHETIC_EVENTS}`);
      }
    })();
    log(`synthetic catalogue written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    db.pragma("optimize");

    const one = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
    const counts = {
      events: one(`SELECT COUNT(*) AS n FROM Event`),
      published: one(`SELECT COUNT(*) AS n FROM Event WHERE status = 'published'`),
      upcoming: one(`SELECT COUNT(DISTINCT e.id) AS n FROM Event e JOIN Session s ON s.eventId = e.id
        WHERE e.status IN ('published','cancelled') AND s.endsAt >= ?`, stamp),
      sessions: one(`SELECT COUNT(*) AS n FROM Session`),
      topics: one(`SELECT COUNT(*) AS n FROM Topic`),
    };
    if (sessionsWritten === 0 || !eventSlug) throw new Error("The synthetic catalogue came out empty");
    return { dbPath, eventSlug, counts };
  } finally {
    // Closing the last connection checkpoints the WAL, so servers start from one file.
    db.close();
  }
}
