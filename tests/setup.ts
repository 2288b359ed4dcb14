import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

// Each test file gets its own copy of the migrated template (built by tests/global-setup.ts),
// so files run in parallel without seeing each other's rows.
const TMP_DIR = fileURLToPath(new URL("./.tmp", import.meta.url));
const TEMPLATE_DB = path.join(TMP_DIR, "template.db");

if (!existsSync(TEMPLATE_DB)) {
  throw new Error(`${TEMPLATE_DB} is missing: run the tests through vitest so tests/global-setup.ts builds it.`);
}

const dbFile = path.join(TMP_DIR, `db-${process.pid}-${randomBytes(6).toString("hex")}.db`);
copyFileSync(TEMPLATE_DB, dbFile);

process.env.DATABASE_URL = `file:${dbFile}`;
process.env.NODE_ENV = "test";
// A strong random secret per test file, shared by the test code and the app it calls (in
// process, or spawned by tests/e2e/server.ts), so both sign the same cookies and manage links.
process.env.SESSION_SECRET = randomBytes(32).toString("base64url");
// Vitest copies Vite's import.meta.env into process.env, so BASE_URL arrives as "/" (Vite's
// public base path) and app/utils/env.server.ts rightly rejects it as not an absolute URL.
if (!/^https?:\/\//.test(process.env.BASE_URL ?? "")) process.env.BASE_URL = "http://localhost:3000";

// app/utils/db.server.ts keeps its client on globalThis to survive dev reloads; a client left
// over from a previous file in this worker would still point at that file's database.
type PrismaHolder = { __prisma?: { $disconnect(): Promise<void> } };
const holder = globalThis as unknown as PrismaHolder;
delete holder.__prisma;

afterAll(async () => {
  await holder.__prisma?.$disconnect();
  delete holder.__prisma;
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(dbFile + suffix, { force: true });
});
