import Database from "better-sqlite3";
import { seedDemoCatalogue } from "../prisma/seed/catalogue.ts";
import { prisma } from "./utils/db.server.ts";
import { databasePath, getEnv } from "./utils/env.server.ts";
import { startMailWorker, type MailWorker, type MailWorkerOptions } from "./mail/mail-worker.server.ts";
import { closeMailer } from "./mail/mailer.server.ts";
import { migrateDatabase } from "./utils/migrate.server.ts";

/** Migrates the database and, on the first start of an empty one, loads the demo catalogue. */
export async function prepareDatabase(log: (message: string) => void = console.log) {
  const env = getEnv();
  const { applied } = migrateDatabase(databasePath(env.DATABASE_URL), { log });
  if (applied.length) log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  if (env.SEED_ON_EMPTY === "true" && (await prisma.event.count()) === 0) {
    log("Empty database: loading the demo catalogue");
    const result = await seedDemoCatalogue(prisma, { log });
    log(`Demo catalogue ready (${result.created} rows created)`);
  }
}

/** For /healthz: a real round trip to the database. */
export async function checkDatabase(): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

export async function closeDatabase() {
  await prisma.$disconnect();
}

let versionReader: import("better-sqlite3").Database | undefined;

/**
 * SQLite's data_version for a connection of our own: it moves whenever any other
 * connection (Prisma's, a worker's, a CLI's) commits, which is exactly when a
 * cached page may be stale.
 */
export function dataVersion(): number {
  versionReader ??= new Database(databasePath(getEnv().DATABASE_URL), { readonly: true, fileMustExist: true });
  return versionReader.pragma("data_version", { simple: true }) as number;
}

/** Applies pending migrations only (the standalone mail worker must not seed the demo catalogue). */
export function migrateOnly(log: (message: string) => void = console.log) {
  const { applied } = migrateDatabase(databasePath(getEnv().DATABASE_URL), { log });
  if (applied.length) log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
}

let mailWorker: MailWorker | undefined;

/** Starts this process's mail worker (once); server/index.js and server/worker.js call it. */
export function startBackgroundWorker(options: MailWorkerOptions = {}): MailWorker {
  mailWorker ??= startMailWorker(options);
  return mailWorker;
}

/** Waits for the email being sent, gives back unsent leases and closes the SMTP pool. */
export async function stopBackgroundWorker() {
  const worker = mailWorker;
  mailWorker = undefined;
  await worker?.stop();
  closeMailer();
}

export { getEnv };
