// The built app inside the real HTTP layer (server/app.js: Express, the request guard, helmet),
// listening on a free local port in this test process, so tests send real bytes over a socket
// and the body parsing under test is the one production runs. The test's Prisma client and the
// build share the SQLite file tests/setup.ts chose.
import { randomBytes } from "node:crypto";
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../../server/app.js";
import { loadBuild, type BuildModule } from "./remix.ts";

export type RunningApp = { origin: string; build: BuildModule; server: Server; close(): Promise<void> };

export async function startApp(options: { baseUrl?: string } = {}): Promise<RunningApp> {
  const build = await loadBuild();
  const { app } = createApp({ build, logRequests: false, baseUrl: options.baseUrl });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    build,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Creates an organiser with a random strong password and signs in through the sign-in form. */
export async function signInAs(origin: string, role: "admin" | "organiser"): Promise<{ cookie: string; email: string; id: string }> {
  const { createOrganiser } = await import("~/organisers/organisers.server.ts");
  const email = `${role}-${randomBytes(4).toString("hex")}@example.org`;
  const password = `Battery-${randomBytes(12).toString("base64url")}!`;
  const organiser = await createOrganiser({ email, password, role, name: `Test ${role}` });
  const response = await fetch(`${origin}/admin/login`, {
    method: "POST",
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, returnTo: "/admin" }),
    redirect: "manual",
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .join("; ");
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in failed (${response.status}): ${await response.text()}`);
  return { cookie, email, id: (organiser as { id: string }).id };
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string; error?: string };

/**
 * Sends a request byte for byte (fetch would refuse a TRACE, fix a Content-Length, or encode
 * the body): the headers exactly as given, then `body` in chunks when it is a generator.
 */
export function rawRequest(
  origin: string,
  input: { method: string; path: string; headers?: Record<string, string>; body?: Buffer | string | (() => AsyncGenerator<Buffer>) },
): Promise<RawResponse> {
  const url = new URL(input.path, origin);
  return new Promise((resolve) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method: input.method, path: `${url.pathname}${url.search}`, headers: input.headers ?? {} },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", (error) => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8"), error: String(error) }));
      },
    );
    request.on("error", (error) => resolve({ status: 0, headers: {}, body: "", error: String(error) }));
    const body = input.body;
    if (typeof body === "function") {
      void (async () => {
        try {
          for await (const chunk of body()) {
            if (!request.write(chunk)) await new Promise((r) => request.once("drain", r));
          }
          request.end();
        } catch {
          request.destroy();
        }
      })();
    } else {
      request.end(body);
    }
  });
}
