import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { prisma } from "~/utils/db.server.ts";
import { passwordProblem, type PasswordProblem } from "~/organisers/password-strength.server.ts";
import { recordAudit } from "./audit.server.ts";
import { clearThrottle, recordFailure, releaseAttempt, reserveAttempt, throttleKey, type ThrottleRule } from "./login-throttle.server.ts";

import { ROLES, type Role } from "~/organisers/organiser-roles.ts";
import { diffFormValues } from "~/utils/form-diff.ts";
import { normalizeEmail } from "~/utils/email-address.ts";
export { ROLES, type Role };

// Argon2id (algorithm 2) with the OWASP-recommended memory cost.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
// Per email address and client: 5 wrong passwords lock that client out of that address for
// 15 minutes. Per email address from everywhere: a far higher ceiling against guessing from many
// machines, which one person cannot reach from one place to lock an organiser out.
const PER_CLIENT = { maxFailures: 5, lockMinutes: 15 };
const PER_ADDRESS = { maxFailures: 50, lockMinutes: 15 };
// Unknown addresses are verified against this hash, made once at start with the same cost, so
// they take as long as known ones and timing does not reveal accounts.
const dummyHash = hash(randomBytes(16).toString("hex"), ARGON2);

export async function hashPassword(password: string) {
  return hash(password, ARGON2);
}

/** Throws when the password is too weak (`npm run user:create` checks first, with words). */
export async function createOrganiser(input: { email: string; password: string; role: Role; name?: string }) {
  const problem = passwordProblem(input.password, input);
  if (problem) throw new Error(`refused password: ${problem}`);
  const passwordHash = await hashPassword(input.password);
  return prisma.organiser.create({
    data: { email: normalizeEmail(input.email), passwordHash, role: input.role, name: input.name ?? "" },
    select: { id: true, email: true, role: true },
  });
}

type LoginResult =
  | { ok: true; organiser: { id: string; role: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

/**
 * Checks a password. Every answer is the same for an address with an account and one without:
 * the same words, the same hash work, the same throttling. `client` is the client's address.
 */
export async function verifyLogin(email: string, password: string, client: string, now = new Date()): Promise<LoginResult> {
  const address = normalizeEmail(email);
  const rules: ThrottleRule[] = [
    { key: throttleKey("client", client, address), ...PER_CLIENT },
    { key: throttleKey("address", address), ...PER_ADDRESS },
  ];
  const reservation = await reserveAttempt(rules, now);
  if (!reservation.ok) return { ok: false, reason: "locked", retryAfterMinutes: reservation.retryAfterMinutes };
  const organiser = await prisma.organiser.findUnique({ where: { email: address }, select: { id: true, role: true, passwordHash: true, sessionVersion: true } });
  const valid = await verify(organiser?.passwordHash ?? (await dummyHash), password).catch(() => false);
  if (organiser && valid) {
    // This client proved itself; the address's count only loses this attempt, so a guesser
    // elsewhere does not get a fresh allowance each time the organiser signs in.
    await clearThrottle(rules[0]!.key);
    await releaseAttempt(rules[1]!.key);
    return { ok: true, organiser: { id: organiser.id, role: organiser.role, sessionVersion: organiser.sessionVersion } };
  }
  await recordFailure(rules, now);
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
    select: { id: true, email: true, name: true, role: true, timeZone: true, sessionVersion: true },
  });
}

/** Sign-out: every auth-session cookie of this organiser stops working, on every device. */
export async function endOrganiserSessions(organiserId: string) {
  await prisma.organiser.updateMany({ where: { id: organiserId }, data: { sessionVersion: { increment: 1 } } });
}

// ---------------------------------------------------------------------------------------------
// Account management: an organiser's own account, and admins managing everyone's.

export async function listOrganisers() {
  return prisma.organiser.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, role: true, createdAt: true },
  });
}

/** Name and time zone (the default zone for entering session times). */
export async function updateOwnAccount(organiserId: string, input: { name: string; timeZone: string }) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.organiser.findUniqueOrThrow({ where: { id: organiserId }, select: { name: true, timeZone: true } });
    const data = { name: input.name, timeZone: input.timeZone };
    await tx.organiser.update({ where: { id: organiserId }, data });
    // A save that changed nothing is not an action worth a line in the log.
    const changed = diffFormValues(before, data);
    if (changed.length) await recordAudit(tx, { actorId: organiserId, action: "updated", entityType: "organiser", entityId: organiserId, details: { changed } });
  });
}

type PasswordChangeResult =
  | { ok: true; sessionVersion: number }
  | { ok: false; reason: "wrong-password" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number }
  | { ok: false; reason: "weak"; problem: PasswordProblem };

// Guessing the current password from a stolen sign-in must be as slow as guessing at sign-in.
const CURRENT_PASSWORD = { maxFailures: 5, lockMinutes: 15 };

/**
 * Changes the password only when the current one is right and the new one is strong. Every
 * other sign-in of this organiser ends (the session version goes up); the caller re-issues the
 * current cookie with the returned version.
 */
export async function changeOwnPassword(organiserId: string, current: string, next: string, now = new Date()): Promise<PasswordChangeResult> {
  const organiser = await prisma.organiser.findUnique({ where: { id: organiserId }, select: { email: true, name: true, passwordHash: true } });
  if (!organiser) return { ok: false, reason: "wrong-password" };
  const problem = passwordProblem(next, organiser);
  if (problem) return { ok: false, reason: "weak", problem };
  const rule: ThrottleRule = { key: throttleKey("current-password", organiserId), ...CURRENT_PASSWORD };
  const reservation = await reserveAttempt([rule], now);
  if (!reservation.ok) return { ok: false, reason: "locked", retryAfterMinutes: reservation.retryAfterMinutes };
  if (!(await verify(organiser.passwordHash, current).catch(() => false))) {
    await recordFailure([rule], now);
    return { ok: false, reason: "wrong-password" };
  }
  await clearThrottle(rule.key);
  const passwordHash = await hashPassword(next);
  return prisma.$transaction(async (tx) => {
    const { sessionVersion } = await tx.organiser.update({
      where: { id: organiserId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await tx.auditLog.create({ data: { actorId: organiserId, action: "password-changed", entityType: "organiser", entityId: organiserId } });
    return { ok: true as const, sessionVersion };
  });
}

type CreateAccountResult = { ok: true; id: string } | { ok: false; reason: "email-taken" } | { ok: false; reason: "weak"; problem: PasswordProblem };

export async function createOrganiserAccount(actorId: string, input: { email: string; password: string; role: Role; name?: string }): Promise<CreateAccountResult> {
  const email = normalizeEmail(input.email);
  const problem = passwordProblem(input.password, input);
  if (problem) return { ok: false, reason: "weak", problem };
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

type RoleChangeResult = { ok: true } | { ok: false; reason: "not-found" | "last-admin" };

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
