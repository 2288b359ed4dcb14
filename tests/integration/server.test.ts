// The HTTP application around the build (server/app.js): health check, security headers,
// compression, static assets and the anonymous page cache, over a real socket.
import type { AddressInfo } from "node:net";
import http, { type Server } from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/utils/db.server.ts";
import { EMBED_ORIGINS } from "../../app/recordings/embed.ts";
import { seedDemoCatalogue } from "../../prisma/seed/catalogue.ts";
import { createApp } from "../../server/app.js";
import { documentPart, textOf } from "../helpers/html.ts";
import { loadBuild } from "../helpers/remix.ts";

let server: Server;
let origin: string;

beforeAll(async () => {
  await seedDemoCatalogue(prisma, {});
  const build = await loadBuild();
  const { app } = createApp({ build, logRequests: false });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function get(pathname: string, headers: Record<string, string> = {}) {
  return fetch(`${origin}${pathname}`, { headers, redirect: "manual" });
}

function cspNonce(response: Response): string {
  const csp = response.headers.get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  if (!nonce) throw new Error(`No nonce in the CSP: ${csp}`);
  return nonce;
}

/** The nonce attribute of every <script> in the page ("" for a script without one). */
function scriptNonces(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => /\bnonce="([^"]*)"/.exec(m[1]!)?.[1] ?? "");
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

describe("/healthz", () => {
  it("says ok when the database answers, and is never cached", async () => {
    const response = await get("/healthz");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("ok");
  });
});

describe("security headers", () => {
  it("send a CSP whose nonce is on every script of the page; other origins only for media and the two video players", async () => {
    const response = await get("/events");
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = cspNonce(response);
    expect(nonce.length).toBeGreaterThanOrEqual(16);
    const html = await response.text();
    const nonces = scriptNonces(html);
    expect(nonces.length).toBeGreaterThan(1);
    expect(new Set(nonces)).toEqual(new Set([nonce]));

    const policy = directives(csp);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'self'"]);
    // Organisers' https media links, and the YouTube and Vimeo players a learner asks for.
    expect(policy.get("media-src")).toEqual(["'self'", "https:"]);
    expect(policy.get("frame-src")).toEqual(Object.values(EMBED_ORIGINS));
    for (const [name, sources] of policy) {
      if (name === "media-src" || name === "frame-src") continue;
      for (const source of sources) {
        expect(source, `${name} ${source}`).toMatch(/^('self'|'none'|'nonce-[^']+'|data:)$/);
      }
    }
    // No page loads anything from another origin either.
    const doc = documentPart(html);
    expect(doc).not.toMatch(/<(script|link|img|iframe)\b[^>]*(src|href)="(https?:)?\/\//i);
  });

  it("send the other headers a browser needs", async () => {
    const response = await get("/events");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(response.headers.get("referrer-policy")).toBeTruthy();
    expect(response.headers.get("x-powered-by")).toBeNull();
    // The route's private instruction to the cache stays inside the server.
    expect(response.headers.get("x-page-cache-ttl")).toBeNull();
  });

  it("give each response its own nonce", async () => {
    const a = cspNonce(await get("/events/no-such-event"));
    const b = cspNonce(await get("/events/no-such-event"));
    expect(a).not.toBe(b);
  });
});

describe("transport", () => {
  it("compresses pages with gzip", async () => {
    const response = await get("/events", { "Accept-Encoding": "gzip" });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(await response.text()).toContain("</html>");
  });

  it("serves fingerprinted /build assets for a year, immutable", async () => {
    const html = await (await get("/events")).text();
    const assets = [...new Set([...html.matchAll(/(?:src|href)="(\/build\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!))];
    expect(assets.some((a) => a.endsWith(".js"))).toBe(true);
    expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
    for (const asset of assets.slice(0, 5)) {
      const response = await get(asset, { "Accept-Encoding": "gzip" });
      expect(response.status, asset).toBe(200);
      expect(response.headers.get("cache-control"), asset).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("content-type"), asset).toMatch(/javascript|css/);
    }
  });

  it("sends /build assets as the brotli or gzip copy made at build time, with only the headers they need", async () => {
    const html = await (await get("/events")).text();
    const asset = /src="(\/build\/[^"]+\.js)"/.exec(html)?.[1] ?? /href="(\/build\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const plain = Buffer.from(await (await get(asset!, { "Accept-Encoding": "identity" })).arrayBuffer());
    // Chrome lists gzip first, all with the same weight: the smaller brotli copy is chosen.
    const br = await fetch(`${origin}${asset}`, { headers: { "Accept-Encoding": "gzip, deflate, br, zstd" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toMatch(/Accept-Encoding/i);
    expect(br.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(br.headers.get("content-security-policy")).toBeNull();
    expect(br.headers.get("x-content-type-options")).toBe("nosniff");
    // fetch decodes the body: it must be the very file.
    expect(Buffer.from(await br.arrayBuffer()).equals(plain)).toBe(true);
    const raw = await new Promise<{ encoding: string | undefined; length: number }>((resolve, reject) => {
      http.get(`${origin}${asset}`, { headers: { "Accept-Encoding": "gzip, deflate, br" } }, (res) => {
        let length = 0;
        res.on("data", (chunk: Buffer) => (length += chunk.length));
        res.on("end", () => resolve({ encoding: res.headers["content-encoding"], length }));
      }).on("error", reject);
    });
    // Brotli at quality 11 (build time) beats the per-request setting by a clear margin.
    const perRequest = zlib.brotliCompressSync(plain, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }).length;
    expect(raw.encoding).toBe("br");
    expect(raw.length).toBeLessThan(perRequest);
    expect((await get(asset!, { "Accept-Encoding": "gzip" })).headers.get("content-encoding")).toBe("gzip");
  });

  it("answers an unknown address with the site's 404 page, not a 500", async () => {
    for (const pathname of ["/no/such/page", "/events/no-such-event", "/build/no-such-file.js"]) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(404);
      expect(response.headers.get("content-type"), pathname).toMatch(/^text\/html/);
      expect(await response.text(), pathname).toContain("Page not found");
    }
  });
});

describe("the anonymous page cache", () => {
  it("serves the second anonymous request from the cache, its CSP nonce matching its scripts", async () => {
    const first = await get("/events?when=past");
    expect(first.headers.get("x-cache")).toBe("miss");
    const firstNonce = cspNonce(first);
    const firstHtml = await first.text();

    for (const encoding of ["gzip", "br", "identity"]) {
      const second = await get("/events?when=past", { "Accept-Encoding": encoding });
      expect(second.headers.get("x-cache"), encoding).toBe("hit");
      expect(second.headers.get("content-type"), encoding).toMatch(/^text\/html/);
      const secondNonce = cspNonce(second);
      const secondHtml = await second.text();
      expect(new Set(scriptNonces(secondHtml)), encoding).toEqual(new Set([secondNonce]));
      // Otherwise the same page.
      expect(secondHtml.split(secondNonce).join("N"), encoding).toBe(firstHtml.split(firstNonce).join("N"));
    }
  });

  it("gives a cached page a different nonce in the header and the body on every response", async () => {
    const first = await get("/events?when=past&type=webinar");
    const firstNonce = cspNonce(first);
    await first.text();
    const second = await get("/events?when=past&type=webinar");
    expect(second.headers.get("x-cache")).toBe("hit");
    const secondNonce = cspNonce(second);
    const secondHtml = await second.text();
    expect(secondNonce).not.toBe(firstNonce);
    expect(secondHtml).not.toContain(firstNonce);
    expect(new Set(scriptNonces(secondHtml))).toEqual(new Set([secondNonce]));
  });

  it("drops a page as soon as the database changes", async () => {
    await get("/events");
    const cached = await get("/events");
    expect(cached.headers.get("x-cache")).toBe("hit");
    const html = await cached.text();
    const slug = /<h2 class="card-title"[^>]*>\s*<a[^>]*href="\/events\/([^"]+)"/.exec(html)?.[1];
    expect(slug).toBeTruthy();

    const title = `Renamed while cached ${Date.now()}`;
    await prisma.event.update({ where: { slug }, data: { title } });
    const after = await get("/events");
    expect(after.headers.get("x-cache")).toBe("miss");
    expect(await after.text()).toContain(title);
    const event = await get(`/events/${slug}`);
    expect(await event.text()).toContain(title);
  });

  it("keeps pages for different time zones apart", async () => {
    await get("/events");
    const bangkok = await get("/events", { Cookie: "tz=Asia%2FBangkok" });
    expect(bangkok.headers.get("x-cache")).toBe("miss");
    const again = await get("/events", { Cookie: "tz=Asia%2FBangkok" });
    expect(again.headers.get("x-cache")).toBe("hit");
  });

  it("never caches for a signed-in organiser", async () => {
    for (let i = 0; i < 3; i++) {
      const response = await get("/events", { Cookie: "auth-session=signed-in-organiser" });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-cache")).toBeNull();
    }
    // Nor hands them a page cached for anonymous readers.
    await get("/events?type=webinar");
    const organiser = await get("/events?type=webinar", { Cookie: "tz=UTC; auth-session=abc" });
    expect(organiser.headers.get("x-cache")).toBeNull();
  });

  it("never caches a response that sets a cookie, or an error", async () => {
    for (let i = 0; i < 2; i++) {
      const response = await get("/events?lng=ar");
      expect(response.headers.get("set-cookie")).toMatch(/^lng=/);
      expect(response.headers.get("x-cache")).not.toBe("hit");
    }
    for (let i = 0; i < 2; i++) {
      const response = await get("/events?type=foo");
      expect(response.status).toBe(400);
      expect(response.headers.get("x-cache")).toBeNull();
    }
  });
});

describe("the light version", () => {
  function postSettings(fields: Record<string, string>) {
    return fetch(`${origin}/settings`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
      body: new URLSearchParams(fields).toString(),
      redirect: "manual",
    });
  }

  it("is switched on from the footer of any page and back to that page, and off again", async () => {
    const html = documentPart(await (await get("/events?type=webinar")).text());
    expect(html).toMatch(/<form method="post" action="\/settings" class="light-switch"/);
    expect(html).toContain('name="returnTo" value="/events?type=webinar"');
    const on = await postSettings({ intent: "light", light: "on", returnTo: "/events?type=webinar" });
    expect(on.status).toBe(302);
    expect(on.headers.get("location")).toBe("/events?type=webinar");
    expect(on.headers.get("set-cookie")).toMatch(/^light=1; Path=\/; Max-Age=31536000; SameSite=Lax/);
    const lightPage = await (await get("/events", { Cookie: "light=1" })).text();
    expect(textOf(lightPage)).toContain("Light version is on");
    const off = await postSettings({ intent: "light", light: "off", returnTo: "//evil.example" });
    expect(off.headers.get("location")).toBe("/events");
    expect(off.headers.get("set-cookie")).toMatch(/^light=; Path=\/; Max-Age=0/);
  });

  it("refuses an unknown choice with a message and changes nothing", async () => {
    const response = await postSettings({ intent: "light", light: "maybe" });
    expect(response.status).toBe(400);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(textOf(await response.text())).toContain("Choose the light or the full version.");
  });

  it("leaves images out of event descriptions, even when the full page is in the cache", async () => {
    const event = await prisma.event.findFirstOrThrow({ where: { status: "published" }, select: { id: true, slug: true, description: true } });
    await prisma.event.update({ where: { id: event.id }, data: { description: `${event.description}\n\n![Camp layout](/favicon.svg)` } });
    try {
      const full = await get(`/events/${event.slug}`);
      const fullHtml = documentPart(await full.text());
      expect(fullHtml).toContain('<img src="/favicon.svg" alt="Camp layout" loading="lazy" decoding="async">');
      const again = await get(`/events/${event.slug}`);
      expect(again.headers.get("x-cache")).toBe("hit");
      const light = documentPart(await (await get(`/events/${event.slug}`, { Cookie: "light=1" })).text());
      expect(light).not.toMatch(/<img\b/);
      expect(light).toContain('<a class="light-image" href="/favicon.svg">Image: Camp layout (open it)</a>');
    } finally {
      await prisma.event.update({ where: { id: event.id }, data: { description: event.description } });
    }
  });
});
