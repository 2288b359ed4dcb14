import { afterEach, describe, expect, it } from "vitest";
import {
  clientAddressOf,
  createSlidingWindowLimiter,
  limitRegistrationAttempt,
  registrationsPerAddress,
  registrationsPerEmail,
} from "./rate-limit.server.ts";

const MINUTE = 60_000;

describe("createSlidingWindowLimiter", () => {
  it("allows `limit` hits per window and says when the oldest one slides out", () => {
    const limiter = createSlidingWindowLimiter({ limit: 3, windowMs: 10 * MINUTE });
    const t0 = 1_000_000;
    expect(limiter.hit("a", t0)).toEqual({ ok: true });
    expect(limiter.hit("a", t0 + MINUTE)).toEqual({ ok: true });
    expect(limiter.hit("a", t0 + 2 * MINUTE)).toEqual({ ok: true });
    expect(limiter.hit("a", t0 + 3 * MINUTE)).toEqual({ ok: false, retryAfterSeconds: 7 * 60 });
    // Other keys are counted apart.
    expect(limiter.hit("b", t0 + 3 * MINUTE)).toEqual({ ok: true });
    // A sliding window, not a fixed one: the first hit leaves at t0 + 10 min, freeing one place.
    expect(limiter.hit("a", t0 + 10 * MINUTE + 1)).toEqual({ ok: true });
    expect(limiter.hit("a", t0 + 10 * MINUTE + 2).ok).toBe(false);
  });

  it("does not count refused hits, and check() records nothing", () => {
    const limiter = createSlidingWindowLimiter({ limit: 1, windowMs: MINUTE });
    expect(limiter.check("k", 0)).toEqual({ ok: true });
    expect(limiter.hit("k", 0)).toEqual({ ok: true });
    for (let i = 1; i < 50; i++) expect(limiter.hit("k", i * 100).ok).toBe(false);
    expect(limiter.hit("k", MINUTE + 1)).toEqual({ ok: true });
  });

  it("keeps memory bounded under a flood of distinct keys", () => {
    const limiter = createSlidingWindowLimiter({ limit: 1, windowMs: MINUTE, maxKeys: 10 });
    for (let i = 0; i < 1000; i++) limiter.hit(`k${i}`, 0);
    // The earliest keys were forgotten, so they may hit again; the latest are still limited.
    expect(limiter.hit("k0", 1).ok).toBe(true);
    expect(limiter.hit("k999", 1).ok).toBe(false);
  });
});

describe("limitRegistrationAttempt", () => {
  afterEach(() => {
    registrationsPerAddress.reset();
    registrationsPerEmail.reset();
  });

  it("allows 10 attempts per address in 10 minutes", () => {
    for (let i = 0; i < 10; i++) expect(limitRegistrationAttempt("198.51.100.1", `p${i}@e.org`, i).ok).toBe(true);
    const refused = limitRegistrationAttempt("198.51.100.1", "p10@e.org", 10);
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 600 });
    expect(limitRegistrationAttempt("198.51.100.2", "p10@e.org", 10).ok).toBe(true);
  });

  it("allows 5 per email address per hour, in any letter case, from any address", () => {
    for (let i = 0; i < 5; i++) expect(limitRegistrationAttempt(`203.0.113.${i}`, "Same@Example.org", i * MINUTE).ok).toBe(true);
    const refused = limitRegistrationAttempt("203.0.113.99", " same@example.ORG ", 5 * MINUTE);
    expect(refused.ok).toBe(false);
    // Refused for its email, the attempt did not use up the new address's allowance.
    for (let i = 0; i < 10; i++) expect(limitRegistrationAttempt("203.0.113.99", `other${i}@e.org`, 6 * MINUTE).ok).toBe(true);
  });
});

describe("clientAddressOf", () => {
  it("prefers the address the server saw over a header a client can forge", () => {
    const request = new Request("http://x/", { headers: { "X-Forwarded-For": "1.1.1.1, 10.0.0.1" } });
    expect(clientAddressOf(request, "127.0.0.1")).toBe("127.0.0.1");
    expect(clientAddressOf(request)).toBe("1.1.1.1");
    expect(clientAddressOf(new Request("http://x/"))).toBe("unknown");
  });
});
