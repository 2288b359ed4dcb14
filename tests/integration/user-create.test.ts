// `npm run user:create` refuses the passwords the organiser pages refuse, with the same words.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";

const TSX = path.resolve("node_modules/.bin/tsx");

function userCreate(email: string, password: string) {
  return spawnSync(TSX, ["scripts/user-create.ts", "--email", email, "--password", password, "--role", "organiser", "--name", "Amina Hassan"], {
    env: { ...process.env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("npm run user:create", () => {
  it("refuses a common password, one built from the account's own email, and a repeated letter", async () => {
    const email = `cli-${randomBytes(4).toString("hex")}@example.org`;
    for (const [password, words] of [
      ["password1234", "common passwords"],
      [`${email}`, "email address or name"],
      ["aminahassan2026", "email address or name"],
      ["aaaaaaaaaaaa", "easy to guess"],
    ] as const) {
      const run = userCreate(email, password);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toContain(words);
    }
    expect(await prisma.organiser.count({ where: { email } })).toBe(0);
    const ok = userCreate(email, "saffron-glacier-tundra-7");
    expect(ok.status, ok.stderr).toBe(0);
    expect(await prisma.organiser.count({ where: { email } })).toBe(1);
  });
});
