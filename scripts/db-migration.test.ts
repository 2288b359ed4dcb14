import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { EMPTY_MIGRATION, diffMigrationsToSchema, migrationLockText } from "./lib/schema-engine.ts";

describe("prisma/migrations", () => {
  // Fails when someone edits schema.prisma without `npm run db:migration -- <name>`.
  test("build exactly what prisma/schema.prisma describes", async () => {
    const sql = await diffMigrationsToSchema();
    expect(sql.trim(), "schema.prisma has changes no migration contains").toBe(EMPTY_MIGRATION);
  });
});

describe("diffMigrationsToSchema", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "db-migration-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("reports what the migrations lack, replaying multi-statement migrations on the shadow database", async () => {
    const schemaPath = path.join(dir, "schema.prisma");
    const migrationsDir = path.join(dir, "migrations");
    writeFileSync(
      schemaPath,
      `datasource db {\n  provider = "sqlite"\n}\n\nmodel Speaker {\n  id   String @id\n  name String\n  bio  String?\n}\n`,
    );
    mkdirSync(path.join(migrationsDir, "20250101000000_init"), { recursive: true });
    writeFileSync(path.join(migrationsDir, "migration_lock.toml"), migrationLockText("sqlite"));
    writeFileSync(
      path.join(migrationsDir, "20250101000000_init", "migration.sql"),
      `CREATE TABLE "Speaker" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);\nCREATE TABLE "Unused" ("id" TEXT NOT NULL PRIMARY KEY);\n`,
    );

    const sql = await diffMigrationsToSchema({ schemaPath, migrationsDir });
    expect(sql).toContain(`ALTER TABLE "Speaker" ADD COLUMN "bio" TEXT;`);
    expect(sql).toContain(`DROP TABLE "Unused"`);
  });

  test("names the migration that does not replay, with SQLite's reason", async () => {
    const schemaPath = path.join(dir, "schema.prisma");
    const migrationsDir = path.join(dir, "broken-migrations");
    mkdirSync(path.join(migrationsDir, "20250101000000_init"), { recursive: true });
    writeFileSync(path.join(migrationsDir, "migration_lock.toml"), migrationLockText("sqlite"));
    writeFileSync(
      path.join(migrationsDir, "20250101000000_init", "migration.sql"),
      `CREATE TABLE "Speaker" ("id" TEXT NOT NULL PRIMARY KEY);\nCREATE TABLE "Talk" ("id" TEXT NOT NULL PRIMARY KEY,);\n`,
    );

    await expect(diffMigrationsToSchema({ schemaPath, migrationsDir })).rejects.toThrow(
      /20250101000000_init[\s\S]*near "\)": syntax error/,
    );
  });
});
