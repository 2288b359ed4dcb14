/**
 * Sliding-window rate limits for registration abuse.
 *
 * Kept in memory per process: cheap, no table to clean, and good enough for one Node process
 * (what `npm start` runs). Behind several processes each one counts on its own, so the effective
 * limit is multiplied by the number of processes; move the windows to a shared store (a table or
 * Redis) before scaling out. The per-registration "send my confirmation again" limit is NOT kept
 * here: it is counted from the outbox in the database, so it holds across processes and restarts.
 */
import { getEnv } from "~/utils/env.server.ts";

type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

type SlidingWindowLimiter = {
  /** Records one hit for `key` when allowed; a refused hit is not recorded. */
  hit(key: string, now?: number): RateLimitResult;
  /** Whether a hit would be allowed, without recording one. */
  check(key: string, now?: number): RateLimitResult;
  reset(): void;
};

export function createSlidingWindowLimiter({ limit, windowMs, maxKeys = 50_000 }: { limit: number; windowMs: number; maxKeys?: number }): SlidingWindowLimiter {
  const hits = new Map<string, number[]>();

  function recent(key: string, now: number): number[] {
    const list = (hits.get(key) ?? []).filter((at) => at > now - windowMs);
    if (list.length) hits.set(key, list);
    else hits.delete(key);
    return list;
  }

  function verdict(list: number[], now: number): RateLimitResult {
    if (list.length < limit) return { ok: true };
    // The window reopens when the oldest hit that still counts slides out of it.
    const oldest = list[list.length - limit];
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
  }

  return {
    check(key, now = Date.now()) {
      return verdict(recent(key, now), now);
    },
    hit(key, now = Date.now()) {
      const list = recent(key, now);
      const result = verdict(list, now);
      if (!result.ok) return result;
      // Bounded memory under a flood of distinct keys: forget the oldest key first.
      if (!hits.has(key) && hits.size >= maxKeys) hits.delete(hits.keys().next().value as string);
      hits.set(key, [...list, now]);
      return result;
    },
    reset() {
      hits.clear();
    },
  };
}

const MINUTE = 60_000;

/** 10 registration attempts per client address per 10 minutes (a shared office NAT still fits). */
export const registrationsPerAddress = createSlidingWindowLimiter({ limit: 10, windowMs: 10 * MINUTE });
/** 5 registrations per email address per hour, across sessions and events. */
export const registrationsPerEmail = createSlidingWindowLimiter({ limit: 5, windowMs: 60 * MINUTE });

/**
 * Checks both limits for one registration attempt and records it only when both allow it, so an
 * attempt refused for its email does not also eat into the address's allowance.
 */
export function limitRegistrationAttempt(clientAddress: string, email: string, now = Date.now()): RateLimitResult {
  // RATE_LIMITS=off: a load test sends thousands of registrations from one address.
  if (getEnv().RATE_LIMITS === "off") return { ok: true };
  const byAddress = registrationsPerAddress.check(clientAddress, now);
  if (!byAddress.ok) return byAddress;
  const byEmail = registrationsPerEmail.check(email.trim().toLowerCase(), now);
  if (!byEmail.ok) return byEmail;
  registrationsPerAddress.hit(clientAddress, now);
  registrationsPerEmail.hit(email.trim().toLowerCase(), now);
  return { ok: true };
}

/**
 * The client's address for the per-address limit. Prefers the address the HTTP server saw
 * (`trusted`, from the load context, which Express derives honouring X-Forwarded-For only from
 * a loopback proxy). Without it, falls back to X-Forwarded-For, which a client can forge: then
 * the per-email limit is the one that holds.
 */
export function clientAddressOf(request: Request, trusted?: string): string {
  if (trusted) return trusted;
  const forwarded = request.headers.get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || "unknown";
}
