import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

// The Prisma CLI cannot run `migrate deploy` on these machines (no native schema engine, see
// DESIGN.md), so this applies the same migration folders and keeps `_prisma_migrations` exactly
// as Prisma would, so that `prisma migrate status/deploy` elsewhere agrees with it.

/** The app always runs from the repository root, from source and from build/server/index.js alike. */
export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma", "migrations");

// Byte-for-byte the table the schema engine creates on SQLite.
const MIGRATIONS_TABLE_DDL = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);
`;

type MigrateOptions = {
  migrationsDir?: string;
  log?: (message: string) => void;
};

type LocalMigration = { name: string; file: string; bytes: Buffer; checksum: string };

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
};

/**
 * Applies every pending migration in `migrationsDir` to the SQLite file at `dbPath`, each in its
 * own transaction. Returns the names of the migrations it applied, in order.
 */
export function migrateDatabase(dbPath: string, options: MigrateOptions = {}): { applied: string[] } {
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const log = options.log ?? ((message: string) => console.log(message));
  const local = readLocalMigrations(migrationsDir);

  if (dbPath !== ":memory:") mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  // `timeout` is the busy timeout: a second process starting at the same moment waits for our
  // write lock instead of failing.
  const db = new Database(dbPath, { timeout: 5000 });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    ensureMigrationsTable(db);

    const applied: string[] = [];
    // Checked before taking any lock so that an edited or failed migration stops start-up even
    // when nothing is pending.
    verifyHistory(readAppliedRows(db), local, log);

    for (const migration of local) {
      if (applyOne(db, migration)) {
        applied.push(migration.name);
        log(`Applied migration ${migration.name}`);
      }
    }
    return { applied };
  } finally {
    db.close();
  }
}

function readLocalMigrations(migrationsDir: string): LocalMigration[] {
  if (!existsSync(migrationsDir)) {
    throw new Error(`Migrations folder not found: ${migrationsDir}`);
  }
  const lockFile = path.join(migrationsDir, "migration_lock.toml");
  if (existsSync(lockFile)) {
    const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(readFileSync(lockFile, "utf8"))?.[1];
    if (provider && provider !== "sqlite") {
      throw new Error(`${lockFile} says these migrations are for "${provider}", not SQLite.`);
    }
  }
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    // The same order as Prisma's CLI.
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      if (!existsSync(file)) throw new Error(`Migration ${name} has no migration.sql (${file}).`);
      const bytes = readFileSync(file);
      return { name, file, bytes, checksum: sha256Hex(bytes) };
    });
}

function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

// Prisma before 2.x wrote each byte without its leading zero; Prisma still accepts those rows.
function legacyChecksum(bytes: Buffer): string {
  return [...createHash("sha256").update(bytes).digest()].map((byte) => byte.toString(16)).join("");
}

function checksumMatches(stored: string, migration: LocalMigration): boolean {
  return stored === migration.checksum || stored === legacyChecksum(migration.bytes);
}

function ensureMigrationsTable(db: Database.Database): void {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
    .get();
  if (!exists) db.exec(MIGRATIONS_TABLE_DDL);
}

function readAppliedRows(db: Database.Database): AppliedRow[] {
  // Rows Prisma marked rolled back are history only, as in `prisma migrate resolve --rolled-back`.
  return db
    .prepare(
      `SELECT migration_name, checksum, finished_at, rolled_back_at
         FROM _prisma_migrations
        WHERE rolled_back_at IS NULL
        ORDER BY started_at`,
    )
    .all() as AppliedRow[];
}

function verifyHistory(rows: AppliedRow[], local: LocalMigration[], log: (message: string) => void): void {
  const byName = new Map(local.map((migration) => [migration.name, migration]));
  for (const row of rows) {
    if (row.finished_at === null) {
      // Only Prisma's own applier leaves these; it needs a person, exactly as `migrate deploy` says.
      throw new Error(
        `Migration ${row.migration_name} failed earlier and is recorded as unfinished in _prisma_migrations. ` +
          `Fix the database by hand, then delete that row or mark it rolled back.`,
      );
    }
    const migration = byName.get(row.migration_name);
    if (!migration) {
      log(`Warning: migration ${row.migration_name} is applied to the database but missing from the migrations folder.`);
      continue;
    }
    if (!checksumMatches(row.checksum, migration)) {
      throw new Error(
        `Migration ${row.migration_name} was modified after it was applied: ${migration.file} no longer matches ` +
          `the checksum recorded in _prisma_migrations. Restore the file and put the change in a new migration ` +
          `(npm run db:migration -- <name>).`,
      );
    }
  }
}

/** Applies one migration unless another process already has. Returns whether it ran. */
function applyOne(db: Database.Database, migration: LocalMigration): boolean {
  // DANGER: inside a transaction SQLite ignores `PRAGMA foreign_keys=OFF`, so the
  // RedefineTables pattern Prisma emits (DROP TABLE "X"; ALTER TABLE "new_X" RENAME TO "X")
  // would run with foreign keys on and cascade-delete every child row. Switch them off
  // before BEGIN and check them ourselves before COMMIT instead.
  db.pragma("foreign_keys = OFF");
  try {
    // IMMEDIATE takes the write lock now, so two processes starting together cannot both apply.
    db.exec("BEGIN IMMEDIATE");
    try {
      const existing = db
        .prepare("SELECT checksum FROM _prisma_migrations WHERE migration_name = ? AND rolled_back_at IS NULL")
        .get(migration.name) as { checksum: string } | undefined;
      if (existing) {
        if (!checksumMatches(existing.checksum, migration)) {
          throw new Error(`Migration ${migration.name} was modified after it was applied.`);
        }
        db.exec("ROLLBACK");
        return false;
      }

      // Prisma writes DateTime values to SQLite as Unix milliseconds.
      const startedAt = Date.now();
      try {
        db.exec(migration.bytes.toString("utf8"));
      } catch (error) {
        throw new Error(
          `Migration ${migration.name} failed and was rolled back; the database is unchanged. ` +
            `${(error as Error).message}`,
          { cause: error },
        );
      }

      const violations = db.prepare("PRAGMA foreign_key_check").all() as Array<{
        table: string;
        rowid: number | null;
        parent: string;
        fkid: number;
      }>;
      if (violations.length > 0) {
        const sample = violations
          .slice(0, 5)
          .map((v) => `${v.table} rowid ${v.rowid} -> ${v.parent}`)
          .join(", ");
        throw new Error(
          `Migration ${migration.name} was rolled back: it leaves ${violations.length} row(s) whose foreign key ` +
            `points at nothing (${sample}${violations.length > 5 ? ", …" : ""}).`,
        );
      }

      db.prepare(
        `INSERT INTO _prisma_migrations
           (id, checksum, started_at, finished_at, migration_name, logs, rolled_back_at, applied_steps_count)
         VALUES (?, ?, ?, ?, ?, NULL, NULL, 1)`,
      ).run(randomUUID(), migration.checksum, startedAt, Date.now(), migration.name);
      db.exec("COMMIT");
      return true;
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw error;
    }
  } finally {
    db.pragma("foreign_keys = ON");
  }
}
