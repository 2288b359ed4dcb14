import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

// Whoever knows the secret can sign cookies for any organiser and make any manage link, so a
// guessable one is as bad as none. `openssl rand -base64 32` gives 44 characters, 256 bits.
const MIN_LENGTH = 32;
// Entropy estimated from the characters themselves: a random hex string of 32 scores ~115.
const MIN_BITS = 100;
// Values copied from examples and docs (including the one this project once had built in), and
// a short piece repeated.
const KNOWN_VALUES = /change.?me|demo-secret|example|password|secret|^(.{1,16})\1+$/i;

/** What is wrong with a configured SESSION_SECRET, or null when it is strong enough. */
export function checkSessionSecret(value: string): string | null {
  const advice = "make one with `openssl rand -base64 32`";
  if (value.length < MIN_LENGTH) return `must be at least ${MIN_LENGTH} random characters; ${advice}`;
  if (KNOWN_VALUES.test(value) || estimatedBits(value) < MIN_BITS) {
    return `looks guessable (a placeholder, a word or a repeated pattern); ${advice}`;
  }
  return null;
}

/** Shannon entropy of the characters times the length: low for repeats and for words. */
function estimatedBits(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let perChar = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    perChar -= p * Math.log2(p);
  }
  return perChar * value.length;
}

/**
 * The secret of a demo or development install: made at random on first start and kept in
 * `<dataDir>/session-secret` (readable by the owner only), then reused, so restarts keep people
 * signed in and manage links working. Two processes starting together agree on one.
 */
export function demoSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  // Written aside, then linked into place: link() fails if another process got there first, and
  // nobody ever reads a half-written file.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, `${secret}\n`, { mode: 0o600 });
  // The mode above is filtered by the umask; make sure nobody else can read it.
  chmodSync(draft, 0o600);
  try {
    linkSync(draft, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readSecret(file) ?? secret;
  } finally {
    rmSync(draft, { force: true });
  }
}

function readSecret(file: string): string | null {
  try {
    const value = readFileSync(file, "utf8").trim();
    if (value && checkSessionSecret(value)) throw new Error(`${file}: the secret ${checkSessionSecret(value)}`);
    return value || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
