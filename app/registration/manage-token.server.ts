import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { prisma } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";

/**
 * The personal link in every email: /manage/<token>. The token is derived from the registration
 * id with an HMAC keyed by SESSION_SECRET (256 bits, base64url), so it can be rebuilt for every
 * email without being stored; the database keeps only its SHA-256, so a leaked database does not
 * leak working links. Changing SESSION_SECRET invalidates every manage link.
 */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function manageTokenFor(registrationId: string): string {
  return createHmac("sha256", getEnv().SESSION_SECRET).update(`manage:${registrationId}`).digest("base64url");
}

export function hashManageToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function manageUrlFor(registrationId: string): string {
  return `${getEnv().BASE_URL}/manage/${manageTokenFor(registrationId)}`;
}

/** The registration a manage link belongs to, or null for anything unknown, malformed or tampered. */
export async function findRegistrationIdByToken(token: string): Promise<string | null> {
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return null;
  const row = await prisma.registration.findUnique({
    where: { manageTokenHash: hashManageToken(token) },
    select: { id: true },
  });
  if (!row) return null;
  // Belt and braces: the token must still be the one this server derives for the id (a rotated
  // secret retires old links even though their hashes are still stored).
  const expected = Buffer.from(manageTokenFor(row.id));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? row.id : null;
}
