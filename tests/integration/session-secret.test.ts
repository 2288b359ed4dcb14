// SESSION_SECRET: no secret is built into the code. A cookie or manage link signed with the value
// the code once fell back to must not work; production refuses to start without a strong secret;
// the demo makes one, keeps it beside its database (owner-only) and reuses it.
import { spawn } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCookieSessionStorage, createRequestHandler } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../e2e/server.ts";
import { BASE_URL, loadBuild } from "../helpers/remix.ts";

// This file runs the app as an install that sets no SESSION_SECRET (tests/setup.ts sets one for
// every other file), so it must be unset before the app is first imported: hence the dynamic
// imports below (static ones run before this line).
delete process.env.SESSION_SECRET;
const { createEvent, createRegistration, createSession } = await import("../mail/fixtures.ts");
const { prisma } = await import("~/utils/db.server.ts");
const { getEnv } = await import("~/utils/env.server.ts");

// What signed every cookie and manage link of an install without SESSION_SECRET until now.
const OLD_FALLBACK = "demo-secret-change-me-in-production";

let handle: (request: Request) => Promise<Response>;
beforeAll(async () => {
  handle = createRequestHandler(await loadBuild(), "production");
});

function get(pathname: string, cookie?: string) {
  return handle(new Request(new URL(pathname, BASE_URL), { headers: cookie ? { Cookie: cookie } : {} }));
}

describe("without SESSION_SECRET (development and tests)", () => {
  it("refuses an admin cookie signed with the old built-in secret", async () => {
    const admin = await prisma.organiser.create({ data: { email: `forged-${randomBytes(4).toString("hex")}@example.org`, passwordHash: "x", role: "admin" } });
    const forger = createCookieSessionStorage({ cookie: { name: "auth-session", path: "/", sameSite: "lax", httpOnly: true, secrets: [OLD_FALLBACK] } });
    const session = await forger.getSession();
    session.set("organiserId", admin.id);
    session.set("sessionVersion", 0);
    const cookie = (await forger.commitSession(session)).split(";")[0]!;
    const response = await get("/admin/users", cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/admin\/login/);
  });

  it("refuses a manage link made with the old built-in secret, and honours the real one", async () => {
    const event = await createEvent(prisma);
    const session = await createSession(prisma, event.id, { startsAt: new Date(Date.now() + 5 * 86_400_000) });
    const registration = await createRegistration(prisma, session.id);
    const forged = createHmac("sha256", OLD_FALLBACK).update(`manage:${registration.id}`).digest("base64url");
    expect((await get(`/manage/${forged}`)).status).toBe(404);
    const { manageTokenFor } = await import("~/registration/manage-token.server.ts");
    expect((await get(`/manage/${manageTokenFor(registration.id)}`)).status).toBe(200);
  });

  it("makes a random secret, keeps it beside the database readable by its owner only, and reuses it", () => {
    const secret = getEnv().SESSION_SECRET;
    expect(secret).not.toBe(OLD_FALLBACK);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const file = path.join(path.dirname(getEnv().DATABASE_URL.replace(/^file:/, "")), "session-secret");
    expect(readFileSync(file, "utf8").trim()).toBe(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

// ---------------------------------------------------------------------------------------------
// The real process entry (server/index.js), as an operator or a fresh clone starts it.

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

type Run = { code: number | null; output: string; healthy: boolean };

/** Starts server/index.js; resolves when it exits, or once /healthz answers (then stops it). */
async function runServer(env: Record<string, string>, dataDir: string): Promise<Run> {
  const port = await freePort();
  const child = spawn(process.execPath, ["server/index.js"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DATABASE_URL: `file:${path.join(dataDir, "app.db")}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_REQUESTS: "false",
      WORKER: "false",
      SEED_ON_EMPTY: "false",
      MAIL_DIR: path.join(dataDir, "mail"),
      ...env,
    } as Record<string, string> as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let code: number | null | undefined;
  void exited.then((c) => (code = c));
  const deadline = Date.now() + 45_000;
  while (code === undefined && Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) {
        child.kill("SIGTERM");
        await exited;
        return { code: null, output, healthy: true };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  if (code === undefined) child.kill("SIGKILL");
  return { code: (await exited) ?? null, output, healthy: false };
}

function dataDir() {
  const dir = mkdtempSync(path.join(tmpdir(), "secret-start-"));
  dirs.push(dir);
  return dir;
}

describe("server/index.js", () => {
  it("does not start in production without SESSION_SECRET, and says how to make one", async () => {
    const dir = dataDir();
    const run = await runServer({ NODE_ENV: "production" }, dir);
    expect(run.healthy).toBe(false);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain("SESSION_SECRET");
    expect(run.output).toContain("openssl rand");
    expect(run.output).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it.each([
    ["short", "Xk3-q9Lm"],
    ["the old built-in value", OLD_FALLBACK],
    ["a repeated character", "a".repeat(48)],
    ["a repeated word", "password".repeat(5)],
  ])("does not start in production with a weak SESSION_SECRET (%s)", async (_label, secret) => {
    const run = await runServer({ NODE_ENV: "production", SESSION_SECRET: secret }, dataDir());
    expect(run.healthy).toBe(false);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain("SESSION_SECRET");
  });

  it("starts in production with a strong SESSION_SECRET and writes no secret file", async () => {
    const dir = dataDir();
    const run = await runServer({ NODE_ENV: "production", SESSION_SECRET: randomBytes(32).toString("base64") }, dir);
    expect(run.healthy, run.output).toBe(true);
    expect(() => statSync(path.join(dir, "session-secret"))).toThrow();
  });

  it("runs the demo (no NODE_ENV) with a secret made on first start and kept for the next", async () => {
    const dir = dataDir();
    const first = await runServer({}, dir);
    expect(first.healthy, first.output).toBe(true);
    const file = path.join(dir, "session-secret");
    const secret = readFileSync(file, "utf8").trim();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = await runServer({}, dir);
    expect(second.healthy, second.output).toBe(true);
    expect(readFileSync(file, "utf8").trim()).toBe(secret);
  });
});
