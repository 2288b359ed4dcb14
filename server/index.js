// The process entry: migrates, seeds an empty database, serves the app and
// shuts down gracefully. Business logic lives in app/; this file only composes.
import path from "node:path";
import { pathToFileURL } from "node:url";

// React and Express pick their fast production code from NODE_ENV when first loaded,
// so it is set before anything else is imported. No NODE_ENV at all is a fresh clone's
// `npm start`: the demo, which may make its own SESSION_SECRET (app/utils/env.server.ts);
// NODE_ENV=production set by an operator requires one.
if (!process.env.NODE_ENV) {
  process.env.NODE_ENV = "production";
  process.env.DEMO = "true";
}
const { createApp } = await import("./app.js");

const buildPath = path.resolve("build/index.js");
// A configuration mistake (a missing or weak SESSION_SECRET, a bad PORT…) is said in one line
// that names the variable, without a stack trace, and the process stops.
const configurationError = (error) => {
  if (!(error instanceof Error) || !error.message.startsWith("Invalid environment configuration")) throw error;
  console.error(error.message);
  process.exit(1);
};
const build = await import(pathToFileURL(buildPath).href).catch(configurationError);
const startup = build.entry.module;

let env;
try {
  env = startup.getEnv();
} catch (error) {
  configurationError(error);
}
await startup.prepareDatabase((message) => console.log(`[db] ${message}`));

// The mail worker runs in this process unless WORKER=false (then run `npm run worker` beside it).
if (env.WORKER !== "false") startup.startBackgroundWorker();

const { app } = createApp({ build, logRequests: env.LOG_REQUESTS === "true" });
const server = app.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  console.log(`Learning events ready on http://localhost:${port} (public address ${env.BASE_URL})`);
});
// Node ends every request after 300 s, which cuts off a recording uploaded over a slow link.
// Allow the largest upload at 256 kbit/s; an upload with no byte for 60 s stops by itself
// (app/recordings/uploads.server.ts), and headers must still arrive within Node's 60 s.
server.requestTimeout = Math.max(300_000, Math.ceil(env.UPLOAD_MAX_BYTES / 32_768) * 1000);

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received: finishing open requests`);
  // In-flight requests finish; idle keep-alive sockets are closed now.
  const forced = setTimeout(() => {
    console.error("Shutdown took too long; exiting");
    process.exit(1);
  }, 10_000);
  forced.unref();
  server.close(async () => {
    await startup.stopBackgroundWorker();
    await startup.closeDatabase();
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
