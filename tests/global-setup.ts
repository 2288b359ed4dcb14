import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrateDatabase } from "../app/utils/migrate.server.ts";

export const TMP_DIR = fileURLToPath(new URL("./.tmp", import.meta.url));
export const TEMPLATE_DB = path.join(TMP_DIR, "template.db");
const MIGRATIONS_DIR = fileURLToPath(new URL("../prisma/migrations", import.meta.url));

// Migrating once and copying the file per test file is far cheaper than migrating per file.
export default function setup(): void {
  mkdirSync(TMP_DIR, { recursive: true });
  removeOrphanedDatabases();

  // Built under a private name and renamed into place: several vitest runs share this tree,
  // and rename() means a concurrent run copies either the old or the new template, never half.
  const building = path.join(TMP_DIR, `template-${process.pid}.db`);
  removeDatabase(building);
  migrateDatabase(building, { migrationsDir: MIGRATIONS_DIR, log: () => {} });
  // Closing the last connection checkpoints the WAL into the main file, so the main file alone
  // is the whole database.
  if (existsSync(`${building}-wal`)) throw new Error(`The template database left a WAL file behind: ${building}-wal`);
  renameSync(building, TEMPLATE_DB);
}

// Files left by runs that crashed before their afterAll; a live run's files are left alone.
function removeOrphanedDatabases(): void {
  for (const name of readdirSync(TMP_DIR)) {
    const pid = /^(?:db|template)-(\d+)[-.]/.exec(name)?.[1];
    if (pid && !isAlive(Number(pid))) rmSync(path.join(TMP_DIR, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}
