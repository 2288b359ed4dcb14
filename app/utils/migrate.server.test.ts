import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { MIGRATIONS_DIR, migrateDatabase } from "./migrate.server.ts";

const quiet = { log: () => {} };

let workDir: string;
let dbPath: string;
let migrationsDir: string;

beforeEach(() => {
  workDir = mkdtempSync(path.join(os.tmpdir(), "migrate-test-"));
  // A directory that does not exist yet: the applier creates it, as on a first `npm start`.
  dbPath = path.join(workDir, "data", "app.db");
  migrationsDir = path.join(workDir, "migrations");
  mkdirSync(migrationsDir);
});

afterEach(() => {
  rmSync(workDir, { recursive: true, force: true });
});

function writeMigration(name: string, sql: string): void {
  mkdirSync(path.join(migrationsDir, name), { recursive: true });
  writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

function tableNames(): string[] {
  return query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => r.name);
}

type MigrationRow = {
  id: string;
  checksum: string;
  started_at: number;
  finished_at: number | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: number | null;
  applied_steps_count: number;
};

describe("the project's migrations", () => {
  const realMigrations = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  test("a fresh database gets every migration, recorded as Prisma records it", () => {
    const { applied } = migrateDatabase(dbPath, quiet);

    expect(realMigrations.length).toBeGreaterThan(0);
    expect(applied).toEqual(realMigrations);
    expect(tableNames()).toEqual(expect.arrayContaining(["Event", "Session", "Registration", "_prisma_migrations"]));

    const rows = query<MigrationRow>("SELECT * FROM _prisma_migrations ORDER BY migration_name");
    expect(rows.map((row) => row.migration_name)).toEqual(realMigrations);
    for (const row of rows) {
      const file = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.finished_at).toBeGreaterThanOrEqual(row.started_at);
    }
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);

    // WAL is a property of the file, so every later connection gets it.
    expect(query<{ journal_mode: string }>("PRAGMA journal_mode")[0].journal_mode).toBe("wal");
  });

  test("running again applies nothing", () => {
    migrateDatabase(dbPath, quiet);
    const before = query<MigrationRow>("SELECT * FROM _prisma_migrations");

    expect(migrateDatabase(dbPath, quiet).applied).toEqual([]);
    expect(query<MigrationRow>("SELECT * FROM _prisma_migrations")).toEqual(before);
  });

  test("the table it creates is Prisma's own", () => {
    migrateDatabase(dbPath, quiet);
    const [{ sql }] = query<{ sql: string }>("SELECT sql FROM sqlite_master WHERE name = '_prisma_migrations'");
    expect(sql).toContain('"applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0');
    expect(sql).toContain('"started_at"            DATETIME NOT NULL DEFAULT current_timestamp');
  });
});

describe("pending migrations", () => {
  test("only the new ones run, in name order", () => {
    writeMigration("20250101000000_speakers", 'CREATE TABLE "Speaker" ("id" TEXT NOT NULL PRIMARY KEY);\n');
    expect(migrateDatabase(dbPath, { migrationsDir, ...quiet }).applied).toEqual(["20250101000000_speakers"]);

    writeMigration("20250301000000_talks", 'CREATE TABLE "Talk" ("id" TEXT NOT NULL PRIMARY KEY, "at" TEXT);\n');
    writeMigration("20250201000000_rooms", 'CREATE TABLE "Room" ("id" TEXT NOT NULL PRIMARY KEY);\n');
    const logged: string[] = [];
    expect(migrateDatabase(dbPath, { migrationsDir, log: (m) => logged.push(m) }).applied).toEqual([
      "20250201000000_rooms",
      "20250301000000_talks",
    ]);
    expect(logged.join("\n")).toContain("20250301000000_talks");
  });
});

describe("refusals", () => {
  test("an applied migration that was edited afterwards stops the migration, naming it", () => {
    writeMigration("20250101000000_speakers", 'CREATE TABLE "Speaker" ("id" TEXT NOT NULL PRIMARY KEY);\n');
    migrateDatabase(dbPath, { migrationsDir, ...quiet });

    appendFileSync(path.join(migrationsDir, "20250101000000_speakers", "migration.sql"), 'ALTER TABLE "Speaker" ADD COLUMN "bio" TEXT;\n');
    writeMigration("20250201000000_rooms", 'CREATE TABLE "Room" ("id" TEXT NOT NULL PRIMARY KEY);\n');

    expect(() => migrateDatabase(dbPath, { migrationsDir, ...quiet })).toThrow(
      /20250101000000_speakers was modified after it was applied/,
    );
    // Nothing after the edited migration ran either.
    expect(tableNames()).not.toContain("Room");
  });

  test("a failing migration leaves nothing half-applied and can be retried once fixed", () => {
    writeMigration("20250101000000_speakers", 'CREATE TABLE "Speaker" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT);\n');
    migrateDatabase(dbPath, { migrationsDir, ...quiet });

    const broken = [
      'CREATE TABLE "Room" ("id" TEXT NOT NULL PRIMARY KEY);',
      `INSERT INTO "Speaker" ("id", "name") VALUES ('s1', 'Amal');`,
      'ALTER TABLE "Speaker" ADD COLUMN "bio" TEXT;',
      'CREATE INDEX "Talk_at_idx" ON "Talk"("at");', // there is no Talk table
      "",
    ].join("\n");
    writeMigration("20250201000000_rooms", broken);

    expect(() => migrateDatabase(dbPath, { migrationsDir, ...quiet })).toThrow(
      /Migration 20250201000000_rooms failed and was rolled back.*no such table: main\.Talk/s,
    );
    expect(tableNames()).not.toContain("Room");
    expect(query("SELECT * FROM Speaker")).toEqual([]);
    expect(query<{ name: string }>("PRAGMA table_info(Speaker)").map((c) => c.name)).toEqual(["id", "name"]);
    expect(query<MigrationRow>("SELECT * FROM _prisma_migrations").map((r) => r.migration_name)).toEqual([
      "20250101000000_speakers",
    ]);

    writeMigration("20250201000000_rooms", broken.replace(/CREATE INDEX.*\n/, ""));
    expect(migrateDatabase(dbPath, { migrationsDir, ...quiet }).applied).toEqual(["20250201000000_rooms"]);
    expect(query("SELECT id, name, bio FROM Speaker")).toEqual([{ id: "s1", name: "Amal", bio: null }]);
  });

  test("a migration that leaves dangling foreign keys is rolled back", () => {
    writeMigration(
      "20250101000000_init",
      [
        'CREATE TABLE "Speaker" ("id" TEXT NOT NULL PRIMARY KEY);',
        'CREATE TABLE "Talk" ("id" TEXT NOT NULL PRIMARY KEY, "speakerId" TEXT NOT NULL,',
        '  CONSTRAINT "Talk_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker" ("id") ON DELETE CASCADE);',
        "",
      ].join("\n"),
    );
    // Foreign keys are off while a migration runs, so only the final check can catch this.
    writeMigration("20250201000000_orphan", `INSERT INTO "Talk" ("id", "speakerId") VALUES ('t1', 'nobody');\n`);

    expect(() => migrateDatabase(dbPath, { migrationsDir, ...quiet })).toThrow(
      /Migration 20250201000000_orphan was rolled back: it leaves 1 row\(s\) whose foreign key points at nothing \(Talk/,
    );
    expect(query("SELECT * FROM Talk")).toEqual([]);
    expect(query<MigrationRow>("SELECT * FROM _prisma_migrations").map((r) => r.migration_name)).toEqual([
      "20250101000000_init",
    ]);
  });
});

describe("Prisma's RedefineTables migrations", () => {
  const init = `-- CreateTable
CREATE TABLE "Speaker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Talk" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "speakerId" TEXT NOT NULL,
    CONSTRAINT "Talk_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
`;
  // Exactly what the schema engine generated for adding `bio String @default("")` and
  // `rank Int @default(0)` to Speaker: SQLite cannot alter a table that much, so Prisma
  // rebuilds it, and DROP TABLE "Speaker" cascades into Talk unless foreign keys are off.
  const redefine = `-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Speaker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "bio" TEXT NOT NULL DEFAULT '',
    "rank" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Speaker" ("id", "name") SELECT "id", "name" FROM "Speaker";
DROP TABLE "Speaker";
ALTER TABLE "new_Speaker" RENAME TO "Speaker";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`;

  function seedSpeakersAndTalks(file: string): void {
    const db = new Database(file);
    db.exec(`
      INSERT INTO "Speaker" ("id", "name") VALUES ('s1', 'Amal'), ('s2', 'Bo');
      INSERT INTO "Talk" ("id", "title", "speakerId") VALUES
        ('t1', 'Child safeguarding', 's1'), ('t2', 'Case management', 's1'), ('t3', 'Q&A', 's2');
    `);
    db.close();
  }

  test("keep the child rows of a rebuilt parent table", () => {
    writeMigration("20250101000000_init", init);
    migrateDatabase(dbPath, { migrationsDir, ...quiet });
    seedSpeakersAndTalks(dbPath);

    writeMigration("20250201000000_speaker_profile", redefine);
    expect(migrateDatabase(dbPath, { migrationsDir, ...quiet }).applied).toEqual(["20250201000000_speaker_profile"]);

    expect(query('SELECT "id", "speakerId" FROM "Talk" ORDER BY "id"')).toEqual([
      { id: "t1", speakerId: "s1" },
      { id: "t2", speakerId: "s1" },
      { id: "t3", speakerId: "s2" },
    ]);
    expect(query('SELECT "id", "bio", "rank" FROM "Speaker" ORDER BY "id"')).toEqual([
      { id: "s1", bio: "", rank: 0 },
      { id: "s2", bio: "", rank: 0 },
    ]);
    // The rebuilt table still enforces and cascades.
    const db = new Database(dbPath);
    db.pragma("foreign_keys = ON");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    db.prepare(`DELETE FROM "Speaker" WHERE "id" = 's1'`).run();
    expect(db.prepare(`SELECT "id" FROM "Talk"`).pluck().all()).toEqual(["t3"]);
    db.close();
  });

  test("the trap is real: the same script in a plain transaction deletes the children", () => {
    // Guards the test above: if SQLite ever honoured the PRAGMA inside a transaction, it would
    // pass for the wrong reason.
    writeMigration("20250101000000_init", init);
    migrateDatabase(dbPath, { migrationsDir, ...quiet });
    seedSpeakersAndTalks(dbPath);

    const db = new Database(dbPath);
    db.pragma("foreign_keys = ON");
    db.exec("BEGIN");
    db.exec(redefine);
    db.exec("COMMIT");
    expect(db.prepare(`SELECT count(*) FROM "Talk"`).pluck().get()).toBe(0);
    db.close();
  });
});
