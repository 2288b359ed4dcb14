// `npm run seed`: migrates the DATABASE_URL database and loads the demo catalogue.
// Safe to run again: entries that already exist are left as they are.
//
//   npm run seed
//   npm run seed -- --now 2026-03-01T12:00:00Z   (dates computed from another instant)
import { parseArgs } from "node:util";
import { prisma } from "../app/utils/db.server.ts";
import { databasePath } from "../app/utils/env.server.ts";
import { migrateDatabase } from "../app/utils/migrate.server.ts";
import { seedDemoCatalogue } from "./seed/catalogue.ts";

const { values } = parseArgs({ options: { now: { type: "string" } } });
const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`--now: "${values.now}" is not a date; use an ISO 8601 instant such as 2026-03-01T12:00:00Z`);
  process.exit(2);
}

const started = performance.now();
try {
  const dbPath = databasePath();
  console.log(`Database: ${dbPath}`);
  const { applied } = migrateDatabase(dbPath, { log: (message) => console.log(message) });
  if (applied.length === 0) console.log("Schema up to date");

  const result = await seedDemoCatalogue(prisma, { now, log: (message) => console.log(message) });

  const [events, upcoming, sessions, recordings, cues] = await Promise.all([
    prisma.event.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.event.count({ where: { status: "published", sessions: { some: { startsAt: { gt: now } } } } }),
    prisma.session.count(),
    prisma.recording.count(),
    prisma.transcriptCue.count(),
  ]);
  const byStatus = events.map((e) => `${e._count._all} ${e.status}`).join(", ");
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Done in ${seconds}s: ${result.created} rows created, ${result.skipped} entries already present.\n` +
      `Catalogue: events ${byStatus} (${upcoming} published with upcoming sessions); ` +
      `${sessions} sessions; ${recordings} recordings with ${cues} transcript cues.`,
  );
} catch (error) {
  console.error("Seeding failed:", error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
