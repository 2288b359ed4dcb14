import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { databasePath, getEnv } from "./env.server.ts";

declare global {
  // Survives module reloads in development so we keep one connection.
  var __prisma: PrismaClient | undefined;
}

export function createPrismaClient(url = getEnv().DATABASE_URL): PrismaClient {
  // better-sqlite3 turns foreign keys on by default; `timeout` is SQLite's busy
  // timeout. WAL mode is persistent and set by the migration applier.
  const adapter = new PrismaBetterSqlite3({ url: `file:${databasePath(url)}`, timeout: 5000 });
  return new PrismaClient({ adapter });
}

export const prisma: PrismaClient = (globalThis.__prisma ??= createPrismaClient());
