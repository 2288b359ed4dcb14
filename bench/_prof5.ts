import Database from "better-sqlite3";
const db = new Database("/tmp/schedprof/s.db");
const now = new Date().toISOString().replace("Z", "+00:00");
const q = `SELECT r."timeZone" AS zone, COUNT(*) AS weight
FROM "Registration" r
JOIN "Session" s ON s."id" = r."sessionId"
WHERE r."status" <> 'cancelled'
  AND s."id" <> ?
  AND (s."eventId" = ?
    OR (s."endsAt" < ? AND s."eventId" IN (
        SELECT o."eventId" FROM "EventTopic" o
        JOIN "EventTopic" mine ON mine."topicId" = o."topicId"
        WHERE mine."eventId" = ? AND o."eventId" <> ?)))
GROUP BY r."timeZone"`;
const args = ["", "bench-event", now, "bench-event", "bench-event"];
const run = (label: string) => {
  console.log(db.prepare("EXPLAIN QUERY PLAN " + q).all(...args).map((r: any) => r.detail));
  for (let i = 0; i < 5; i++) db.prepare(q).all(...args);
  const t = performance.now();
  for (let i = 0; i < 50; i++) db.prepare(q).all(...args);
  console.log(label, (performance.now() - t) / 50, (db.prepare(q).all(...args) as any[]).length);
};
run("no extra index");
db.exec(`CREATE INDEX IF NOT EXISTS "Registration_sessionId_status_timeZone_idx" ON "Registration"("sessionId", "status", "timeZone")`);
db.exec("ANALYZE");
run("covering index");
db.exec(`DROP INDEX "Registration_sessionId_status_timeZone_idx"`);
db.exec(`CREATE INDEX IF NOT EXISTS "Registration_sessionId_timeZone_idx" ON "Registration"("sessionId", "timeZone", "status")`);
run("covering index 2");
db.exec(`DROP INDEX "Registration_sessionId_timeZone_idx"`);
db.exec("ANALYZE");
