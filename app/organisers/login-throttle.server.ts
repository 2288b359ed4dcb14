import { createHash } from "node:crypto";
import { prisma } from "~/utils/db.server.ts";

/**
 * Counts password attempts per key in the database, so the count holds across parallel requests
 * and processes. An attempt is reserved (the count raised by a conditional UPDATE) BEFORE the
 * password is checked: parallel guesses cannot all read "0 failures" and all be checked, as they
 * could when the count was read, the hash verified and the count written back.
 */
export type ThrottleRule = { key: string; maxFailures: number; lockMinutes: number };

type Reservation = { ok: true; keys: string[] } | { ok: false; retryAfterMinutes: number };

const MINUTE = 60_000;

/** Keys are hashed: the table then holds no email address, known or not. */
export function throttleKey(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex");
}

/**
 * Reserves one attempt under every rule, or none: a refused attempt is not counted, so an
 * attacker refused by one rule does not use up another's allowance.
 */
export async function reserveAttempt(rules: ThrottleRule[], now = new Date()): Promise<Reservation> {
  const reserved: ThrottleRule[] = [];
  for (const rule of rules) {
    if (await reserveOne(rule, now)) {
      reserved.push(rule);
      continue;
    }
    await Promise.all(reserved.map((r) => releaseAttempt(r.key)));
    return { ok: false, retryAfterMinutes: await minutesLocked(rule, now) };
  }
  return { ok: true, keys: reserved.map((r) => r.key) };
}

async function reserveOne(rule: ThrottleRule, now: Date): Promise<boolean> {
  const { key, maxFailures, lockMinutes } = rule;
  // An ended lock, or failures older than a lock period, start a fresh count.
  await prisma.loginThrottle.updateMany({
    where: { key, OR: [{ lockedUntil: { lte: now } }, { lockedUntil: null, updatedAt: { lte: new Date(now.getTime() - lockMinutes * MINUTE) } }] },
    data: { failures: 0, lockedUntil: null, updatedAt: now },
  });
  for (let attempt = 0; attempt < 2; attempt++) {
    // One statement, so atomic: UPDATE … SET failures = failures + 1 WHERE failures < max.
    const { count } = await prisma.loginThrottle.updateMany({
      where: { key, lockedUntil: null, failures: { lt: maxFailures } },
      data: { failures: { increment: 1 }, updatedAt: now },
    });
    if (count === 1) return true;
    // The row exists: it is locked, or its last allowed attempts are being checked right now.
    if (await prisma.loginThrottle.findUnique({ where: { key }, select: { key: true } })) return false;
    try {
      await prisma.loginThrottle.create({ data: { key, failures: 1, updatedAt: now } });
      return true;
    } catch (error) {
      // Another request created the row first: count on it, once more round the loop.
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  return false;
}

async function minutesLocked(rule: ThrottleRule, now: Date): Promise<number> {
  const row = await prisma.loginThrottle.findUnique({ where: { key: rule.key }, select: { lockedUntil: true } });
  // Refused while the last allowed attempts are still being checked: the lock is about to start.
  const until = row?.lockedUntil ?? new Date(now.getTime() + rule.lockMinutes * MINUTE);
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
}

/** The password was wrong: every rule whose count reached its maximum locks for its period. */
export async function recordFailure(rules: ThrottleRule[], now = new Date()) {
  for (const { key, maxFailures, lockMinutes } of rules) {
    await prisma.loginThrottle.updateMany({
      where: { key, lockedUntil: null, failures: { gte: maxFailures } },
      data: { lockedUntil: new Date(now.getTime() + lockMinutes * MINUTE), updatedAt: now },
    });
  }
  // Guesses at made-up addresses leave rows too: forget those a day old and no longer locked.
  await prisma.loginThrottle.deleteMany({
    where: { updatedAt: { lt: new Date(now.getTime() - 24 * 60 * MINUTE) }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
  });
}

/** The password was right: the reserved attempt was no failure. */
export async function releaseAttempt(key: string) {
  await prisma.loginThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}

/** Forgets a key's failures (a successful sign-in from that client). */
export async function clearThrottle(key: string) {
  await prisma.loginThrottle.deleteMany({ where: { key } });
}
