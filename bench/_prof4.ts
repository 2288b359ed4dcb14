process.env.DATABASE_URL = `file:/tmp/schedprof/s.db`;
const { prisma } = await import("../app/utils/db.server.ts");
const { Prisma } = await import("../app/generated/prisma/client.ts");
const time = async (label: string, fn: () => Promise<unknown> | unknown, n = 50) => {
  for (let i = 0; i < 5; i++) await fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) await fn();
  console.log(label, ((performance.now() - t) / n).toFixed(2), "ms");
};
const eventId = "bench-event"; const now = new Date();
const q1 = () => prisma.session.findMany({ where: { OR: [{ eventId }, { eventId: { not: eventId }, endsAt: { lt: now }, event: { topics: { some: { topic: { events: { some: { eventId } } } } } } }] }, orderBy: { startsAt: "desc" }, take: 2000, select: { id: true } });
await time("sessions", q1);
const ids = (await q1()).map((s) => s.id);
await time("group count(*)", () => prisma.$queryRaw`SELECT r."timeZone" AS zone, COUNT(*) AS weight FROM "Registration" r WHERE r."sessionId" IN (${Prisma.join(ids)}) AND r."status" <> 'cancelled' GROUP BY r."timeZone"`);
await time("group distinct", () => prisma.$queryRaw`SELECT r."timeZone" AS zone, COUNT(DISTINCT r."emailNormalized") AS weight FROM "Registration" r WHERE r."sessionId" IN (${Prisma.join(ids)}) AND r."status" <> 'cancelled' GROUP BY r."timeZone"`);
await time("select 1", () => prisma.$queryRaw`SELECT 1`);
