// Starts the BUILT app as a person would run it (`node server/index.js`), on a free port with a
// fresh SQLite file under tests/.tmp, and stops it again. The server migrates the empty file and
// loads the demo catalogue on start, exactly as on a first install.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TMP_DIR = path.join(ROOT, "tests/.tmp");

export type RunningServer = {
  /** "http://127.0.0.1:<port>", also the server's BASE_URL. */
  url: string;
  port: number;
  databaseFile: string;
  /** Everything the process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
};

/** A port nobody listens on right now (server/index.js does not support PORT=0). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startServer(options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunningServer> {
  if (!existsSync(path.join(ROOT, "build/index.js"))) throw new Error("build/index.js is missing: run `npm run build` first (npm test does).");
  mkdirSync(TMP_DIR, { recursive: true });
  // "db-<pid>-…" so tests/global-setup.ts removes it if this run dies before stop().
  const databaseFile = path.join(TMP_DIR, `db-${process.pid}-e2e-${randomBytes(6).toString("hex")}.db`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";

  const child: ChildProcess = spawn(process.execPath, ["server/index.js"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      TZ: "UTC",
      NODE_ENV: "production",
      DATABASE_URL: `file:${databaseFile}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      BASE_URL: url,
      LOG_REQUESTS: "false",
      WORKER: "false",
      MAIL_DIR: path.join(TMP_DIR, `mail-${process.pid}`),
      // Production refuses to start without a strong secret; the test's own (tests/setup.ts), so
      // manage links the test derives work on the server.
      SESSION_SECRET: process.env.SESSION_SECRET ?? randomBytes(32).toString("base64url"),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const removeFiles = () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(databaseFile + suffix, { force: true });
  };

  const stop = async () => {
    if (!hasExited) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    removeFiles();
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (hasExited) {
      removeFiles();
      throw new Error(`The server exited before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200 && (await response.text()) === "ok") break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer /healthz in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, port, databaseFile, output: () => output, stop };
}
