// What the HTTP layer (server/request-guard.js, server/app.js) refuses before any route runs, over
// a real socket: every refusal is a 4xx with a sentence in the person's language, never a 500,
// and a huge body is refused without being read into memory.
import { readdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textOf } from "../helpers/html.ts";
import { rawRequest, signInAs, startApp, type RunningApp } from "../helpers/http-app.ts";

const UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "request-guard-"));
process.env.UPLOAD_DIR = UPLOAD_DIR;

const { prisma } = await import("~/utils/db.server.ts");
const { seedDemoCatalogue } = await import("../../prisma/seed/catalogue.ts");

let app: RunningApp;
let registerPath: string;

const registrations = () => prisma.registration.count();

beforeAll(async () => {
  await seedDemoCatalogue(prisma, {});
  app = await startApp();
  const event = await prisma.event.findFirstOrThrow({ where: { status: "published", sessions: { some: { startsAt: { gt: new Date() } } } }, select: { slug: true } });
  registerPath = `/events/${event.slug}/register`;
});

afterAll(async () => {
  await app.close();
});

function post(headers: Record<string, string>, body: string | Buffer = "email=a%40example.org") {
  return rawRequest(app.origin, { method: "POST", path: registerPath, headers: { Host: new URL(app.origin).host, ...headers }, body });
}

describe("methods", () => {
  it("answers TRACE, PUT and others with 405 in words and an Allow header", async () => {
    for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const response = await rawRequest(app.origin, { method, path: "/events" });
      expect(response.status, method).toBe(405);
      expect(response.headers.allow).toBe("GET, HEAD, POST");
      expect(textOf(response.body), method).toMatch(/not supported/);
    }
  });
});

describe("cross-site posts (CSRF)", () => {
  it("refuses another site's Origin and Origin: null with 403 in words, storing nothing", async () => {
    const before = await registrations();
    for (const origin of ["https://evil.example", "null", `${app.origin}.evil.example`, "http://127.0.0.1:1", "not a url"]) {
      const response = await post({ Origin: origin, "Content-Type": "application/x-www-form-urlencoded" });
      expect(response.status, origin).toBe(403);
      expect(textOf(response.body), origin).toMatch(/from another site/);
    }
    const fetchSite = await post({ "Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-www-form-urlencoded" });
    expect(fetchSite.status).toBe(403);
    expect(await registrations()).toBe(before);
  });

  it("accepts its own origin, and a post without Origin (old browsers, scripts)", async () => {
    const cases: Record<string, string>[] = [{ Origin: app.origin }, {}, { "Sec-Fetch-Site": "same-origin" }];
    for (const headers of cases) {
      const response = await post({ ...headers, "Content-Type": "application/x-www-form-urlencoded" });
      expect(response.status, JSON.stringify(headers)).toBeLessThan(500);
      expect(response.status, JSON.stringify(headers)).not.toBe(403);
    }
  });
});

describe("content types", () => {
  it("refuses JSON, text/plain and a missing type with 415 in the person's language", async () => {
    for (const type of ["application/json", "text/plain", "application/xml", ""]) {
      const headers: Record<string, string> = { Origin: app.origin, "Accept-Language": "fr" };
      if (type) headers["Content-Type"] = type;
      const response = await post(headers, type === "application/json" ? '{"email":"a@example.org"}' : "email=a@example.org");
      expect(response.status, type).toBe(415);
      expect(response.body).toContain('lang="fr"');
      expect(textOf(response.body)).toMatch(/format que nous n’acceptons pas/);
    }
    const arabic = await rawRequest(app.origin, { method: "POST", path: `${registerPath}?lng=ar`, headers: { Origin: app.origin, "Content-Type": "text/plain" }, body: "x" });
    expect(arabic.body).toContain('dir="rtl"');
  });

  it("refuses multipart it cannot parse with 400 in words", async () => {
    for (const [type, body] of [
      ["multipart/form-data; boundary=zz", "garbage without any boundary line"],
      ["multipart/form-data", "--x\r\n\r\n"],
      ["multipart/form-data; boundary=x", '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\ncut short'],
    ] as const) {
      const response = await post({ Origin: app.origin, "Content-Type": type }, body);
      expect(response.status, body).toBe(400);
      expect(textOf(response.body)).toMatch(/could not be read/);
    }
  });
});

describe("body size", () => {
  it("refuses a 300 MB form with 413 from its Content-Length, without reading it, and stays responsive", async () => {
    const memoryBefore = process.memoryUsage().rss;
    const size = 300 * 1024 * 1024;
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const started = Date.now();
    const refused = rawRequest(app.origin, {
      method: "POST",
      path: registerPath,
      headers: { Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(size) },
      body: async function* () {
        yield Buffer.from("name=");
        for (let sent = 5; sent < size; sent += chunk.length) yield chunk.subarray(0, Math.min(chunk.length, size - sent));
      },
    });
    const health = await fetch(`${app.origin}/healthz`);
    expect(health.status).toBe(200);
    const response = await refused;
    expect(response.status).toBe(413);
    expect(textOf(response.body)).toMatch(/too large \(64 KB at most\)/);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(process.memoryUsage().rss - memoryBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it("refuses a chunked form that grows past 64 KB, with 413 in words", async () => {
    const before = await registrations();
    const response = await rawRequest(app.origin, {
      method: "POST",
      path: registerPath,
      headers: { Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
      body: async function* () {
        for (let i = 0; i < 100; i++) yield Buffer.from(`f${i}=${"x".repeat(2000)}&`);
      },
    });
    expect(response.status).toBe(413);
    expect(textOf(response.body)).toMatch(/too large/);
    expect(await registrations()).toBe(before);
  });

  it("still reads a form of ordinary size", async () => {
    const response = await post({ Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" }, `name=${"x".repeat(60 * 1024)}`);
    expect(response.status).toBeLessThan(500);
    expect(response.status).not.toBe(413);
  });
});

describe("uploads through the HTTP layer", () => {
  let cookie: string;
  let recordingsPath: string;

  beforeAll(async () => {
    ({ cookie } = await signInAs(app.origin, "admin"));
    const event = await prisma.event.findFirstOrThrow({ select: { id: true } });
    recordingsPath = `/admin/events/${event.id}/recordings`;
  });

  it("streams an upload route's multipart body past the 64 KB form limit to the route's own limits", async () => {
    const boundary = "----upload";
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="big.mp3"\r\nContent-Type: audio/mpeg\r\n\r\n`),
      Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0]),
      Buffer.alloc(200 * 1024),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    // As a form without JavaScript sends it, and as Remix's single fetch does (".data").
    for (const target of [recordingsPath, `${recordingsPath}.data`]) {
      const response = await rawRequest(app.origin, {
        method: "POST",
        path: target,
        headers: { Origin: app.origin, Cookie: cookie, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": String(body.length) },
        body,
      });
      // Read in full by the route, which then refuses it for its missing CSRF token: not a 413.
      expect(response.status, target).not.toBe(413);
      expect(response.status, target).toBeLessThan(500);
    }
    expect(readdirSync(UPLOAD_DIR)).toEqual([]);
  });

  it("leaves no .incoming- file when the uploader disconnects mid-file", async () => {
    const boundary = "----abandoned";
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="talk.mp3"\r\nContent-Type: audio/mpeg\r\n\r\n`);
    const { request } = await import("node:http");
    const url = new URL(recordingsPath, app.origin);
    const client = request({
      host: url.hostname,
      port: url.port,
      method: "POST",
      path: url.pathname,
      headers: { Origin: app.origin, Cookie: cookie, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": String(50 * 1024 * 1024) },
    });
    client.on("error", () => {});
    client.write(Buffer.concat([head, Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0]), Buffer.alloc(512 * 1024)]));
    const incoming = () => readdirSync(UPLOAD_DIR).filter((name) => name.startsWith(".incoming-"));
    for (let i = 0; i < 200 && incoming().length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(incoming().length).toBe(1);
    client.destroy();
    for (let i = 0; i < 400 && readdirSync(UPLOAD_DIR).length > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(readdirSync(UPLOAD_DIR), `left in ${UPLOAD_DIR}`).toEqual([]);
  });
});

describe("routes that declare a larger body", () => {
  it("read an event form in five languages (300 KB) but not the same body sent to a public form", async () => {
    const { cookie } = await signInAs(app.origin, "admin");
    const arabic = encodeURIComponent("وصف الفعالية ".repeat(2000)); // ~150 KB encoded
    const body = `title=Big&translations.ar.description=${arabic}&translations.fr.description=${arabic}`;
    const headers = { Origin: app.origin, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" };
    const admin = await rawRequest(app.origin, { method: "POST", path: "/admin/events/new", headers, body });
    expect(admin.status).not.toBe(413);
    expect(admin.status).toBeLessThan(500);
    const limited = await rawRequest(app.origin, { method: "POST", path: registerPath, headers, body });
    expect(limited.status).toBe(413);
  });
});

describe("HSTS", () => {
  it("is sent when the public address is https, and not on a plain-http install", async () => {
    const https = await startApp({ baseUrl: "https://events.example.org" });
    try {
      const response = await fetch(`${https.origin}/events`);
      expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
    } finally {
      await https.close();
    }
    const plain = await fetch(`${app.origin}/events`);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });
});
