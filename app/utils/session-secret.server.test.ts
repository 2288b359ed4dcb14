import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkSessionSecret, demoSessionSecret } from "./session-secret.server.ts";

const dir = mkdtempSync(path.join(tmpdir(), "session-secret-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("checkSessionSecret", () => {
  it.each([
    ["short", "tooShort123"],
    ["the value once built in", "demo-secret-change-me-in-production"],
    ["a placeholder", "change-me-change-me-change-me-change-me"],
    ["one character repeated", "x".repeat(64)],
    ["a word repeated", "sunshine".repeat(6)],
  ])("refuses %s", (_label, value) => {
    expect(checkSessionSecret(value)).toMatch(/openssl rand/);
  });

  it("accepts what `openssl rand` makes", () => {
    expect(checkSessionSecret("q1ZbC2v9Yg3u0pJ8rT5xW7kL4nM6hF2dS1aE3oI9uY0=")).toBeNull();
    expect(checkSessionSecret("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")).toBeNull();
  });
});

describe("demoSessionSecret", () => {
  it("makes a strong secret once, owner-readable only, and returns the same one afterwards", () => {
    const first = demoSessionSecret(dir);
    expect(checkSessionSecret(first)).toBeNull();
    const file = path.join(dir, "session-secret");
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(demoSessionSecret(dir)).toBe(first);
  });

  it("refuses a kept file whose secret is weak rather than signing with it", () => {
    const other = mkdtempSync(path.join(tmpdir(), "session-secret-weak-"));
    writeFileSync(path.join(other, "session-secret"), "short\n");
    expect(() => demoSessionSecret(other)).toThrow(/session-secret/);
    rmSync(other, { recursive: true, force: true });
  });
});
