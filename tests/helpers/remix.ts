// Calls the built Remix app (build/index.js, written by `npm run build`) with real Requests,
// in-process. The build bundles its own copy of app/utils/db.server.ts, which creates its
// Prisma client when the build is first imported, from DATABASE_URL as tests/setup.ts set it
// for this test file: the build and the test's own client read and write the same SQLite file.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";

export const BASE_URL = "http://localhost:3000";
const BUILD_PATH = path.resolve("build/index.js");

export type BuildModule = ServerBuild & {
  entry: ServerBuild["entry"] & {
    module: ServerBuild["entry"]["module"] & {
      getEnv(): { DATABASE_URL: string; BASE_URL: string };
      dataVersion(): number;
      checkDatabase(): Promise<boolean>;
    };
  };
};

export async function loadBuild(): Promise<BuildModule> {
  if (!existsSync(BUILD_PATH)) throw new Error(`${BUILD_PATH} is missing: run \`npm run build\` first (npm test does).`);
  return (await import(pathToFileURL(BUILD_PATH).href)) as BuildModule;
}

export type Fetcher = (pathname: string, init?: { cookie?: string; headers?: Record<string, string> }) => Promise<Response>;

export async function createFetcher(): Promise<{ build: BuildModule; get: Fetcher }> {
  const build = await loadBuild();
  const handle = createRequestHandler(build, "production");
  const get: Fetcher = (pathname, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set("Cookie", init.cookie);
    return handle(new Request(new URL(pathname, BASE_URL), { headers }));
  };
  return { build, get };
}
