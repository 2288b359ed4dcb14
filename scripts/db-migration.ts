// Generates the next Prisma migration without the Prisma CLI's native schema engine, which
// these machines cannot download (see DESIGN.md, "Facts about Prisma here").
//
//   npm run db:migration -- <name>     write prisma/migrations/<timestamp>_<name>/migration.sql
//   npm run db:migration -- --check    exit 1 when schema.prisma and the migrations disagree
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  MIGRATIONS_DIR,
  diffMigrationsToSchema,
  isEmptyMigration,
  migrationLockText,
} from "./lib/schema-engine.ts";

const USAGE = "Usage: npm run db:migration -- <name>\n       npm run db:migration -- --check";

// Prisma's CLI slugifies the name the same way ("AddSpeakers" becomes "add_speakers").
function migrationSlug(name: string): string {
  return name
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

// UTC, like the engine: 20250101093000.
function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }

  const sql = await diffMigrationsToSchema();

  if (argv.includes("--check")) {
    if (isEmptyMigration(sql)) {
      console.log("prisma/schema.prisma and prisma/migrations agree.");
      return 0;
    }
    console.error(
      "Drift: prisma/schema.prisma differs from what prisma/migrations builds.\n" +
        "Generate a migration with `npm run db:migration -- <name>`. The missing SQL is:\n\n" +
        sql,
    );
    return 1;
  }

  const name = migrationSlug(argv.filter((arg) => !arg.startsWith("-")).join("_"));
  if (!name) {
    console.error(`A migration name is required.\n${USAGE}`);
    return 2;
  }

  if (isEmptyMigration(sql)) {
    console.log("Already in sync: schema.prisma has no change that the migrations lack. Nothing written.");
    return 0;
  }

  const folder = `${timestamp()}_${name}`;
  const dir = path.join(MIGRATIONS_DIR, folder);
  if (existsSync(dir)) throw new Error(`The migration directory already exists at ${dir}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql, "utf8");
  await writeFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), migrationLockText("sqlite"), "utf8");
  console.log(`Wrote prisma/migrations/${folder}/migration.sql\nApply it with \`npm run db:migrate\`.`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
