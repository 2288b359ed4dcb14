// The bad-input battery: every form and query parameter of the app, public and /admin (signed in
// as an administrator), fed oversized, malformed and hostile input through the real HTTP layer
// (server/app.js over a socket, so the request guard and the body parsing are production's).
//
// Nothing here lists forms or fields. Pages are found by following links from a few start pages,
// plus every route of the Remix build manifest (build.routes) with its URL parameters filled from
// the database; forms and their controls are read from the pages' HTML. A new form joins the
// battery by existing, and a route with an action that no page reaches fails the first test.
//
// For every request: no 5xx, a response with words (or a redirect), no header carrying injected
// text; for every refused request (4xx): nothing stored (row counts and last update of every
// table, before and after).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEvent, createRegistration, createSession } from "../mail/fixtures.ts";
import { decodeEntities, documentPart, textOf } from "../helpers/html.ts";
import { rawRequest, signInAs, startApp, type RunningApp } from "../helpers/http-app.ts";

process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "bad-input-"));

const { prisma } = await import("~/utils/db.server.ts");
const { manageTokenFor } = await import("~/registration/manage-token.server.ts");
const { seedDemoCatalogue } = await import("../../prisma/seed/catalogue.ts");

// ---------------------------------------------------------------------------------------------
// Hostile values, each put into every visible field of a form at once. "mixed" packs several
// attacks into one value (NUL, CRLF header injection, RTL override, markup, SQL, a path) to keep
// the request count, and so the run time, down.
const HOSTILE: Record<string, string> = {
  mixed: `nul\u0000\r\nSet-Cookie: injected=1\r\nX-Injected: yes \u202Egnp.exe\u202C\u2067 <script>alert(1)</script>"'><img src=x onerror=alert(1)> ' OR 1=1 --; DROP TABLE "Event"; ../../../../etc/passwd`,
  crlf: "line\r\nSet-Cookie: injected=1\r\nX-Injected: yes",
  nul: "nul\u0000byte",
  rtl: "\u202Egnp.exe\u202C \u2067abc\u2069 \u200F",
  number: "-1e309",
  bigInt: "9007199254740993",
  date: "2026-02-30T25:61",
  redirect: "/\\evil.example",
  blank: "   \t ",
  emoji: "👩🏽‍💻\uFFFF\uFEFF\u00AD",
  long: "ab ".repeat(3000),
};
/** In forms: the mixed attack stands for its parts. */
const FORM_HOSTILE = ["mixed", "number", "bigInt", "date", "redirect", "blank", "emoji", "long"];
/** Fewer for query parameters: every page is rendered for each. */
const QUERY_HOSTILE = ["mixed", "number", "date", "redirect"];
/** Percent-escapes that are not UTF-8, and raw bytes that are not either. */
const INVALID_UTF8 = "%FF%FE%C0%AF%ED%A0%80";
const INVALID_UTF8_RAW = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]);

// ---------------------------------------------------------------------------------------------
// Reading pages: links, forms and their controls (our own markup: regular expressions suffice).
type Control = { name: string; type: string; value: string; hidden: boolean; options: string[] };
type FoundForm = { page: string; method: "get" | "post"; action: string; enctype: string; controls: Control[]; submitter?: { name: string; value: string } };

const attrs = (tag: string) => {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([^\s=<>/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
};

function readForms(page: string, html: string): FoundForm[] {
  const forms: FoundForm[] = [];
  for (const match of documentPart(html).matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const form = attrs(match[1]!);
    const inner = match[2]!;
    const controls: Control[] = [];
    const submitters: { name: string; value: string }[] = [];
    for (const m of inner.matchAll(/<(input|button)\b([^>]*)>/gi)) {
      const a = attrs(m[2]!);
      const type = (a.type ?? (m[1]!.toLowerCase() === "button" ? "submit" : "text")).toLowerCase();
      if (!a.name || "disabled" in a) continue;
      if (type === "submit" || type === "image") {
        submitters.push({ name: a.name, value: a.value ?? "" });
        continue;
      }
      if ((type === "checkbox" || type === "radio") && !("checked" in a)) {
        controls.push({ name: a.name, type, value: "", hidden: false, options: [a.value ?? "on"] });
        continue;
      }
      controls.push({ name: a.name, type, value: type === "file" ? "" : (a.value ?? ""), hidden: type === "hidden", options: [] });
    }
    for (const m of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const a = attrs(m[1]!);
      if (!a.name) continue;
      const options = [...m[2]!.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)].map((o) => ({ a: attrs(o[1]!), text: textOf(o[2]!) }));
      const chosen = options.find((o) => "selected" in o.a) ?? options[0];
      controls.push({ name: a.name, type: "select", value: chosen ? (chosen.a.value ?? chosen.text) : "", hidden: false, options: options.map((o) => o.a.value ?? o.text) });
    }
    for (const m of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      const a = attrs(m[1]!);
      if (a.name) controls.push({ name: a.name, type: "textarea", value: decodeEntities(m[2]!), hidden: false, options: [] });
    }
    const method = (form.method ?? "get").toLowerCase() === "post" ? "post" : "get";
    const action = new URL(form.action || page, "http://app.invalid").pathname + (form.action ? new URL(form.action, "http://app.invalid").search : "");
    const base = { page, method, action, enctype: (form.enctype ?? "application/x-www-form-urlencoded").toLowerCase(), controls } as const;
    // Each named submit button is its own submission (intent=cancel, intent=save…).
    if (submitters.length === 0) forms.push({ ...base });
    for (const submitter of submitters) forms.push({ ...base, submitter });
  }
  return forms;
}

function readLinks(html: string): string[] {
  return [...documentPart(html).matchAll(/<a\b[^>]*\bhref="([^"]+)"/gi)].map((m) => decodeEntities(m[1]!));
}

// ---------------------------------------------------------------------------------------------
// The routes of the build, as patterns, to group URLs and to find routes no page links to.
type RouteInfo = { id: string; path: string; pattern: RegExp; hasAction: boolean; hasPage: boolean };

type ManifestRoute = { path?: string; parentId?: string; index?: boolean; module: Record<string, unknown> };

function manifestRoutes(routes: Record<string, ManifestRoute>): RouteInfo[] {
  const fullPath = (id: string): string => {
    const parts: string[] = [];
    for (let r: ManifestRoute | undefined = routes[id]; r; r = r.parentId ? routes[r.parentId] : undefined) if (r.path) parts.unshift(r.path);
    return `/${parts.join("/")}`;
  };
  return Object.entries(routes)
    .filter(([id, r]) => id !== "root" && (r.path !== undefined || r.index))
    .map(([id, r]) => {
      const full = fullPath(id);
      const source = full
        .split("/")
        .map((segment) => (segment === "*" ? ".*" : segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("/");
      return { id, path: full, pattern: new RegExp(`^${source || "/"}/?$`), hasAction: Boolean(r.module.action), hasPage: Boolean(r.module.default) };
    })
    // The most specific pattern first: fewer parameters and splats win.
    .sort((a, b) => Number(a.path.includes("*")) - Number(b.path.includes("*")) || (a.path.match(/:/g)?.length ?? 0) - (b.path.match(/:/g)?.length ?? 0));
}

const routeOf = (routes: RouteInfo[], pathname: string) => routes.find((r) => r.pattern.test(pathname));

// ---------------------------------------------------------------------------------------------
// "Nothing stored": row count and latest update of every table.
function snapshotter(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name <> '_prisma_migrations'`).all() as { name: string }[])
    .map((t) => t.name)
    // Throttling state is meant to be written by refused sign-ins.
    .filter((name) => !/throttle|attempt|ratelimit/i.test(name));
  const queries = tables.map((name) => {
    const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name);
    const updated = columns.includes("updatedAt") ? `, MAX("updatedAt") AS u` : "";
    return { name, statement: db.prepare(`SELECT COUNT(*) AS n${updated} FROM "${name}"`) };
  });
  return {
    take: () => Object.fromEntries(queries.map((q) => [q.name, JSON.stringify(q.statement.get())])),
    close: () => db.close(),
  };
}

// ---------------------------------------------------------------------------------------------
let app: RunningApp;
let adminCookie: string;
let routes: RouteInfo[];
let snapshots: ReturnType<typeof snapshotter>;
const pages = new Map<string, string>(); // url -> html
const forms: FoundForm[] = [];
const failures: string[] = [];
const errorsLogged: string[] = [];
const originalConsoleError = console.error;

// The sign-in page sends a signed-in organiser away, so it is visited signed out.
const cookieFor = (url: string) => (url.startsWith("/admin") && !url.startsWith("/admin/login") ? adminCookie : "");

function check(label: string, response: { status: number; headers: Record<string, string | string[] | undefined> | Headers; body: string }) {
  const where = `${label} → ${response.status}`;
  if (response.status >= 500 || response.status === 0) failures.push(`${where}: ${textOf(documentPart(response.body)).slice(0, 200)}`);
  const headers = response.headers instanceof Headers ? [...response.headers.entries()] : Object.entries(response.headers);
  for (const [name, value] of headers) {
    if (/injected/i.test(`${name}: ${String(value)}`)) failures.push(`${where}: header injected: ${name}: ${String(value)}`);
  }
  const isRedirect = response.status >= 300 && response.status < 400;
  if (!isRedirect && response.status !== 204 && response.status !== 304) {
    const words = textOf(documentPart(response.body)).match(/\p{L}{2,}/gu) ?? [];
    if (words.length < 3) failures.push(`${where}: no words in the response`);
  }
}

async function send(label: string, url: string, init: { method?: string; body?: BodyInit; contentType?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { Origin: app.origin, ...init.headers };
  const cookie = cookieFor(url);
  if (cookie) headers.Cookie = cookie;
  if (init.contentType) headers["Content-Type"] = init.contentType;
  const response = await fetch(new URL(url, app.origin), { method: init.method ?? "GET", headers, body: init.body, redirect: "manual" });
  const body = await response.text();
  check(label, { status: response.status, headers: response.headers, body });
  return { status: response.status, body };
}

/** Sends one submission and checks that, if refused, it stored nothing. */
// Submissions run one at a time, so the state after one is the state before the next.
let lastSnapshot: Record<string, string> | null = null;
async function submit(label: string, url: string, init: Parameters<typeof send>[2]) {
  const before = lastSnapshot ?? snapshots.take();
  const response = await send(label, url, { method: "POST", ...init });
  const after = snapshots.take();
  lastSnapshot = after;
  if (response.status >= 400) {
    for (const table of Object.keys(before)) {
      if (before[table] !== after[table]) failures.push(`${label} → ${response.status} but ${table} changed: ${before[table]} → ${after[table]}`);
    }
  }
  return response;
}

beforeAll(async () => {
  await seedDemoCatalogue(prisma, {});
  app = await startApp();
  ({ cookie: adminCookie } = await signInAs(app.origin, "admin"));
  routes = manifestRoutes(app.build.routes as never);
  snapshots = snapshotter(process.env.DATABASE_URL!.replace(/^file:/, ""));
  console.error = (...args: unknown[]) => {
    errorsLogged.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(" "));
    originalConsoleError(...args);
  };
}, 120_000);

afterAll(async () => {
  console.error = originalConsoleError;
  snapshots?.close();
  await app?.close();
});

describe("the bad-input battery", () => {
  beforeEach(() => {
    failures.length = 0;
    errorsLogged.length = 0;
  });
  afterEach(() => {
    // A stack trace in the log is a crash somewhere, even when the response hid it.
    expect(errorsLogged.filter((line) => /\n\s+at /.test(line)).join("\n---\n")).toBe("");
  });

  it("finds the pages and forms of every route with an action", { timeout: 120_000 }, async () => {
    // A registration with a known manage link, on an event of its own so the battery may change it.
    const event = await createEvent(prisma, { title: "Battery event" });
    await prisma.event.update({ where: { id: event.id }, data: { status: "published" } });
    const session = await createSession(prisma, event.id);
    const registration = await createRegistration(prisma, session.id, { status: "confirmed" });
    const recording = await prisma.recording.findFirst({ where: { status: "published", event: { status: "published" } }, select: { id: true } });
    const params: Record<string, string> = {
      slug: event.slug,
      eventId: event.id,
      sessionId: session.id,
      token: manageTokenFor(registration.id),
      recordingId: recording?.id ?? "none",
    };
    const starts = ["/", "/events", "/recordings", "/search?q=child", "/settings", "/admin", "/admin/login", `/events/${event.slug}`];
    // Every page route of the manifest, its parameters filled from the database.
    for (const route of routes) {
      if (!route.hasPage && !route.hasAction) continue;
      const filled = route.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `:${name}`);
      if (!filled.includes(":") && !filled.includes("*")) starts.push(filled);
    }

    const queue = [...new Set(starts)];
    const perRoute = new Map<string, number>();
    while (queue.length > 0 && pages.size < 160) {
      const url = queue.shift()!;
      if (pages.has(url)) continue;
      const route = routeOf(routes, new URL(url, app.origin).pathname);
      const seen = perRoute.get(route?.id ?? url) ?? 0;
      if (seen >= 2) continue;
      perRoute.set(route?.id ?? url, seen + 1);
      const response = await fetch(new URL(url, app.origin), { headers: { Cookie: cookieFor(url) }, redirect: "manual" });
      const html = await response.text();
      check(`GET ${url}`, { status: response.status, headers: response.headers, body: html });
      if (!(response.headers.get("content-type") ?? "").includes("text/html")) continue;
      pages.set(url, html);
      forms.push(...readForms(url, html));
      for (const href of readLinks(html)) {
        const target = new URL(href, new URL(url, app.origin));
        if (target.origin !== app.origin || /^\/(build|admin\/logout)/.test(target.pathname) || /\.(ics|csv|vtt|srt|mp3|mp4|webm|png|jpe?g)$/.test(target.pathname)) continue;
        if (/\/(media|poster|captions|transcript)\b/.test(target.pathname)) continue;
        queue.push(target.pathname + target.search);
      }
    }

    const reached = new Set([...pages.keys(), ...forms.map((f) => f.action)].map((url) => routeOf(routes, new URL(url, app.origin).pathname)?.id));
    const unreached = routes.filter((r) => r.hasAction && !reached.has(r.id)).map((r) => r.path);
    expect(unreached, "routes with an action that no page or form reached: give them a start page or a parameter value").toEqual([]);
    expect(forms.filter((f) => f.method === "post").length).toBeGreaterThan(15);
    expect(failures.join("\n")).toBe("");
  });

  it("answers every query parameter's hostile values without a 5xx", { timeout: 120_000 }, async () => {
    const targets = new Map<string, { path: string; params: string[] }>();
    for (const url of pages.keys()) {
      const parsed = new URL(url, app.origin);
      const key = routeOf(routes, parsed.pathname)?.id ?? parsed.pathname;
      const names = new Set([...(targets.get(key)?.params ?? []), ...parsed.searchParams.keys(), "lng", "page", "returnTo"]);
      targets.set(key, { path: targets.get(key)?.path ?? parsed.pathname, params: [...names] });
    }
    for (const form of forms.filter((f) => f.method === "get")) {
      const key = routeOf(routes, form.action)?.id ?? form.action;
      const names = new Set([...(targets.get(key)?.params ?? []), ...form.controls.map((c) => c.name)]);
      targets.set(key, { path: targets.get(key)?.path ?? form.action, params: [...names] });
    }
    const jobs: (() => Promise<unknown>)[] = [];
    for (const { path: pathname, params } of targets.values()) {
      for (const name of QUERY_HOSTILE) {
        const value = HOSTILE[name]!;
        const query = new URLSearchParams(params.map((p) => [p, value]));
        jobs.push(() => send(`GET ${pathname} ${name}`, `${pathname}?${query}`));
      }
      const arrays = params.flatMap((p) => [`${encodeURIComponent(p)}=1`, `${encodeURIComponent(p)}=2`, `${encodeURIComponent(p)}[]=x`]).join("&");
      jobs.push(() => send(`GET ${pathname} arrays`, `${pathname}?${arrays}`));
      jobs.push(() => send(`GET ${pathname} invalid UTF-8`, `${pathname}?${params.map((p) => `${encodeURIComponent(p)}=${INVALID_UTF8}`).join("&")}`));
      jobs.push(() => send(`GET ${pathname} huge`, `${pathname}?${params[0]}=${"x".repeat(12_000)}`));
    }
    await inParallel(jobs, 4);
    expect(failures.join("\n")).toBe("");
  });

  it("refuses wrong content types, huge, malformed and cross-site bodies to every action with a 4xx, storing nothing", { timeout: 120_000 }, async () => {
    const actions = new Map<string, string>();
    for (const form of forms.filter((f) => f.method === "post")) {
      const id = routeOf(routes, form.action)?.id ?? form.action;
      if (!actions.has(id)) actions.set(id, form.action);
    }
    // Routes whose action no form shows (called by scripts) get the same treatment.
    for (const url of pages.keys()) {
      const route = routeOf(routes, new URL(url, app.origin).pathname);
      if (route?.hasAction && !actions.has(route.id)) actions.set(route.id, new URL(url, app.origin).pathname);
    }
    const before = snapshots.take();
    const jobs: (() => Promise<unknown>)[] = [];
    const expectRefused = (label: string, response: { status: number; body: string; headers: Record<string, string | string[] | undefined> }) => {
      check(label, response);
      if (response.status < 400 || response.status >= 500) failures.push(`${label} → ${response.status}, expected a 4xx refusal`);
    };
    for (const action of actions.values()) {
      const headers = { Origin: app.origin, Cookie: cookieFor(action), Host: new URL(app.origin).host };
      const post = (label: string, extra: Record<string, string>, body: string | Buffer, method = "POST") =>
        jobs.push(async () => expectRefused(`${method} ${action} ${label}`, await rawRequest(app.origin, { method, path: action, headers: { ...headers, ...extra }, body })));
      post("JSON", { "Content-Type": "application/json" }, '{"email":"a@example.org","csrf":"x"}');
      post("text/plain", { "Content-Type": "text/plain" }, "email=a@example.org");
      post("XML", { "Content-Type": "application/xml" }, "<a/>");
      post("no content type", {}, "email=a");
      post("huge", { "Content-Type": "application/x-www-form-urlencoded" }, `a=${"x".repeat(8 * 1024 * 1024)}`);
      post("malformed multipart", { "Content-Type": "multipart/form-data; boundary=b" }, '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\ncut');
      post("multipart without boundary", { "Content-Type": "multipart/form-data" }, "--b\r\n\r\n");
      post("cross-site", { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" }, "a=1");
      post("Origin: null", { "Content-Type": "application/x-www-form-urlencoded", Origin: "null" }, "a=1");
      post("TRACE", {}, "", "TRACE");
      post("PUT", { "Content-Type": "application/x-www-form-urlencoded" }, "a=1", "PUT");
      post("DELETE", {}, "", "DELETE");
    }
    await inParallel(jobs, 6);
    const after = snapshots.take();
    expect(after).toEqual(before);
    expect(failures.join("\n")).toBe("");
  });

  it("survives hostile values in every field of every form, storing nothing from what it refuses", { timeout: 240_000 }, async () => {
    lastSnapshot = null;
    // Destructive buttons last, so that the other forms still find their event open.
    const destructive = (f: FoundForm) => /cancel|delete|remove|decline|revoke/i.test(`${f.submitter?.value ?? ""} ${f.action}`);
    const perShape = new Map<string, number>();
    const posts = forms
      .filter((f) => f.method === "post" && !/\/admin\/logout$/.test(f.action))
      .filter((f) => {
        const shape = `${routeOf(routes, f.action)?.id} ${f.submitter?.value ?? ""} ${f.controls.map((c) => c.name).sort().join(",")}`;
        const n = perShape.get(shape) ?? 0;
        perShape.set(shape, n + 1);
        return n === 0;
      })
      .sort((a, b) => Number(destructive(a)) - Number(destructive(b)));

    for (const form of posts) {
      const visible = form.controls.filter((c) => !c.hidden && c.type !== "file");
      const files = form.controls.filter((c) => c.type === "file");
      const label = (what: string) => `POST ${form.action} [${form.submitter?.value ?? "submit"}] ${what}`;
      const entries = (value: (c: Control) => string | null, extra: [string, string][] = []): [string, string][] => {
        const out: [string, string][] = [];
        for (const c of form.controls) {
          if (c.type === "file") continue;
          const v = value(c);
          if (v !== null) out.push([c.name, v]);
        }
        if (form.submitter) out.push([form.submitter.name, form.submitter.value]);
        return [...out, ...extra];
      };
      const encode = (pairs: [string, string][], fileName?: string): { body: BodyInit; contentType?: string } => {
        if (form.enctype !== "multipart/form-data") return { body: new URLSearchParams(pairs).toString(), contentType: "application/x-www-form-urlencoded" };
        const data = new FormData();
        for (const [k, v] of pairs) data.append(k, v);
        for (const f of files) data.append(f.name, new Blob([new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 1, 2, 3])]), fileName ?? "talk.mp3");
        return { body: data };
      };
      const defaults = (c: Control) => (c.type === "checkbox" || c.type === "radio") && c.value === "" ? null : c.value;

      if (visible.length > 0) {
        await submit(label("missing fields"), form.action, encode(entries((c) => (c.hidden ? c.value : null))));
        for (const name of FORM_HOSTILE) {
          const value = HOSTILE[name]!;
          await submit(label(name), form.action, encode(entries((c) => (c.hidden ? c.value : value))));
        }
        await submit(label("arrays"), form.action, encode(entries((c) => (c.hidden ? c.value : "x")).concat(visible.map((c) => [c.name, c.value || "y"]))));
        // Bytes that are not UTF-8, escaped and raw.
        const hidden = entries((c) => (c.hidden ? c.value : null));
        const prefix = hidden.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
        const escaped = visible.map((c) => `${encodeURIComponent(c.name)}=${INVALID_UTF8}`).join("&");
        await submit(label("invalid UTF-8 escapes"), form.action, { body: `${prefix}&${escaped}`, contentType: "application/x-www-form-urlencoded" });
        const raw = Buffer.concat([Buffer.from(`${prefix}&${encodeURIComponent(visible[0]!.name)}=`), INVALID_UTF8_RAW]);
        await submit(label("raw invalid UTF-8"), form.action, { body: new Uint8Array(raw), contentType: "application/x-www-form-urlencoded" });
        // Not chosen from the offered options.
        await submit(label("unlisted options"), form.action, encode(entries((c) => (c.type === "select" || c.type === "checkbox" || c.type === "radio" ? "not-an-option" : defaults(c)))));
      }
      // The page's hidden fields (CSRF token, ids, intent) tampered with.
      if (form.controls.some((c) => c.hidden)) {
        await submit(label("hidden fields tampered"), form.action, encode(entries((c) => (c.hidden ? HOSTILE.crlf! : defaults(c)))));
      }
      if (files.length > 0) {
        await submit(label("file name with ; and ="), form.action, encode(entries(defaults), 'a;b=c".mp3'));
      }
    }
    console.log(`bad-input battery: ${pages.size} pages, ${forms.length} forms, ${posts.length} form shapes posted`);
    expect(posts.length).toBeGreaterThan(10);
    expect(failures.join("\n")).toBe("");
  });
});

async function inParallel(jobs: (() => Promise<unknown>)[], width: number) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
}
