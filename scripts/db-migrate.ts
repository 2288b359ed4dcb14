// `npm run db:migrate`: applies pending migrations to the DATABASE_URL database, the same
// applier the server runs at start-up.
import { migrateDatabase } from "../app/utils/migrate.server.ts";
import { databasePath, getEnv } from "../app/utils/env.server.ts";

try {
  const dbPath = databasePath(getEnv().DATABASE_URL);
  const { applied } = migrateDatabase(dbPath);
  console.log(
    applied.length === 0
      ? `${dbPath} is up to date; no pending migrations.`
      : `Applied ${applied.length} migration(s) to ${dbPath}.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
