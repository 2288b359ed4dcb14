import { hash, verify } from "@node-rs/argon2";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "./audit.server.ts";

import { ROLES, type Role } from "~/utils/organiser-roles.ts";
export { ROLES, type Role };

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

/** The audit log's record of a successful sign-in. */
export async function recordSignIn(organiserId: string) {
  await prisma.$transaction((tx) =>
    recordAudit(tx, { actorId: organiserId, action: "signed-in", entityType: "organiser", entityId: organiserId }),
  );
}

export async function getOrganiser(id: string) {
  return prisma.organiser.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, timeZone: true },
  });
}

// ---------------------------------------------------------------------------------------------
// Account management: an organiser's own account, and admins managing everyone's.

export async function listOrganisers() {
  return prisma.organiser.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, role: true, createdAt: true, lockedUntil: true },
  });
}

/** Name and time zone (the default zone for entering session times). */
export async function updateOwnAccount(organiserId: string, input: { name: string; timeZone: string }) {
  await prisma.$transaction(async (tx) => {
    await tx.organiser.update({ where: { id: organiserId }, data: { name: input.name, timeZone: input.timeZone } });
    await tx.auditLog.create({
      data: { actorId: organiserId, action: "updated", entityType: "organiser", entityId: organiserId, details: JSON.stringify({ fields: ["name", "timeZone"] }) },
    });
  });
}

/** Changes the password only when the current one is right. */
export async function changeOwnPassword(organiserId: string, current: string, next: string): Promise<boolean> {
  const organiser = await prisma.organiser.findUnique({ where: { id: organiserId }, select: { passwordHash: true } });
  if (!organiser || !(await verify(organiser.passwordHash, current).catch(() => false))) return false;
  const passwordHash = await hashPassword(next);
  await prisma.$transaction(async (tx) => {
    await tx.organiser.update({ where: { id: organiserId }, data: { passwordHash, failedLogins: 0, lockedUntil: null } });
    await tx.auditLog.create({ data: { actorId: organiserId, action: "password-changed", entityType: "organiser", entityId: organiserId } });
  });
  return true;
}

export type CreateAccountResult = { ok: true; id: string } | { ok: false; reason: "email-taken" };

export async function createOrganiserAccount(actorId: string, input: { email: string; password: string; role: Role; name?: string }): Promise<CreateAccountResult> {
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.organiser.findUnique({ where: { email }, select: { id: true } })) return { ok: false as const, reason: "email-taken" as const };
      const organiser = await tx.organiser.create({ data: { email, passwordHash, role: input.role, name: input.name ?? "" }, select: { id: true } });
      await tx.auditLog.create({
        data: { actorId, action: "created", entityType: "organiser", entityId: organiser.id, details: JSON.stringify({ email, role: input.role }) },
      });
      return { ok: true as const, id: organiser.id };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { ok: false, reason: "email-taken" };
    throw error;
  }
}

export type RoleChangeResult = { ok: true } | { ok: false; reason: "not-found" | "last-admin" };

/** The last administrator cannot be demoted: someone must be able to manage accounts. */
export async function changeOrganiserRole(actorId: string, organiserId: string, role: Role): Promise<RoleChangeResult> {
  return prisma.$transaction(async (tx) => {
    const target = await tx.organiser.findUnique({ where: { id: organiserId }, select: { role: true } });
    if (!target) return { ok: false as const, reason: "not-found" as const };
    if (target.role === role) return { ok: true as const };
    if (target.role === "admin" && (await tx.organiser.count({ where: { role: "admin" } })) <= 1) {
      return { ok: false as const, reason: "last-admin" as const };
    }
    await tx.organiser.update({ where: { id: organiserId }, data: { role } });
    await tx.auditLog.create({
      data: { actorId, action: "role-changed", entityType: "organiser", entityId: organiserId, details: JSON.stringify({ from: target.role, to: role }) },
    });
    return { ok: true as const };
  });
}
