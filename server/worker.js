// The mail worker on its own (`npm run worker`): for running it beside web processes started with
// WORKER=false, or several of them; rows are leased, so workers never send the same email twice.
// Business logic lives in app/; this file only composes.
import path from "node:path";
import { pathToFileURL } from "node:url";

// As in server/index.js: no NODE_ENV is the demo, which shares the web process's kept secret.
if (!process.env.NODE_ENV) {
  process.env.NODE_ENV = "production";
  process.env.DEMO = "true";
}
const buildPath = path.resolve("build/index.js");
const build = await import(pathToFileURL(buildPath).href);
const startup = build.entry.module;

startup.getEnv();
startup.migrateOnly((message) => console.log(`[db] ${message}`));
startup.startBackgroundWorker();
console.log("Mail worker running");

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received: finishing the emails being sent`);
  const forced = setTimeout(() => {
    console.error("Shutdown took too long; exiting");
    process.exit(1);
  }, 30_000);
  forced.unref();
  await startup.stopBackgroundWorker();
  await startup.closeDatabase();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
