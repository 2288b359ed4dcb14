import { hash, verify } from "@node-rs/argon2";
import { prisma } from "~/utils/db.server.ts";

export const ROLES = ["admin", "organiser"] as const;
export type Role = (typeof ROLES)[number];

// Argon2id (algorithm 2) with the OWASP-recommended memory cost.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;
// Verified against when the email is unknown, so timing does not reveal accounts.
let dummyHash: Promise<string> | undefined;

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

export async function hashPassword(password: string) {
  return hash(password, ARGON2);
}

export async function createOrganiser(input: { email: string; password: string; role: Role; name?: string }) {
  const passwordHash = await hashPassword(input.password);
  return prisma.organiser.create({
    data: { email: normaliseEmail(input.email), passwordHash, role: input.role, name: input.name ?? "" },
    select: { id: true, email: true, role: true },
  });
}

export type LoginResult =
  | { ok: true; organiser: { id: string; role: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

/**
 * Checks a password. After MAX_FAILURES wrong passwords in a row the account is
 * locked for LOCK_MINUTES; each failure also costs a growing delay so guessing is slow.
 */
export async function verifyLogin(email: string, password: string, now = new Date()): Promise<LoginResult> {
  const organiser = await prisma.organiser.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, role: true, passwordHash: true, failedLogins: true, lockedUntil: true },
  });
  if (!organiser) {
    dummyHash ??= hashPassword("not-a-real-password");
    await verify(await dummyHash, password).catch(() => false);
    return { ok: false, reason: "invalid" };
  }
  if (organiser.lockedUntil && organiser.lockedUntil > now) {
    return { ok: false, reason: "locked", retryAfterMinutes: Math.ceil((organiser.lockedUntil.getTime() - now.getTime()) / 60_000) };
  }
  const valid = await verify(organiser.passwordHash, password).catch(() => false);
  if (valid) {
    if (organiser.failedLogins > 0 || organiser.lockedUntil) {
      await prisma.organiser.update({ where: { id: organiser.id }, data: { failedLogins: 0, lockedUntil: null } });
    }
    return { ok: true, organiser: { id: organiser.id, role: organiser.role } };
  }
  const failures = organiser.failedLogins + 1;
  const locked = failures >= MAX_FAILURES;
  await prisma.organiser.update({
    where: { id: organiser.id },
    data: {
      failedLogins: locked ? 0 : failures,
      lockedUntil: locked ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null,
    },
  });
  await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 200 * failures)));
  if (locked) return { ok: false, reason: "locked", retryAfterMinutes: LOCK_MINUTES };
  return { ok: false, reason: "invalid" };
}

export async function getOrganiser(id: string) {
  return prisma.organiser.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, timeZone: true },
  });
}
