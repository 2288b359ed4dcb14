// The crawl: every route of the built app, opened in Chromium by a visitor, an admin and an
// organiser, with JavaScript on and off, in English and in Arabic. The route list comes from
// the build's manifest, so a new route joins without anyone listing it; its parameters come
// from the demo catalogue, from rows made for the purpose (tests/e2e/crawl-data.ts) and from
// the links on the pages visited. A page fails on an error page, an uncaught error, a console
// error, a 5xx (its own or a request it makes), text such as "NaN" or "undefined", or a
// same-origin link that answers 4xx/5xx. A route nobody reached fails too, unless it is listed
// below with the reason it cannot be opened.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { matchRoutes } from "@remix-run/react";
import { request, type APIRequestContext, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { createCrawlData, type CrawlData } from "./crawl-data.ts";
import { startServer, type RunningServer } from "./server.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const LANGUAGES = ["en", "ar"] as const;
const ROLES = ["visitor", "admin", "organiser"] as const;
type Lng = (typeof LANGUAGES)[number];
type Role = (typeof ROLES)[number];

/** Pages open at once: enough to keep the server and the browser busy on two cores. */
const CONCURRENCY = 4;
/** Distinct URLs opened per route (beyond the start pages) for each role, language and JavaScript setting. */
const PER_ROUTE = 1;
/** Text that only appears when a value was rendered that should not have been. */
const BROKEN_TEXT = /\bNaN\b|\bundefined\b|\[object Object\]|Invalid DateTime|Invalid Date/;

/**
 * Routes in the build that the crawl does not open, each with its reason. Anything else must be
 * reached: a new page whose parameters the crawl cannot fill fails the coverage test below.
 */
const NOT_CRAWLED: Record<string, string> = {
  "routes/admin.logout": "signing out is a POST from a button; its GET only redirects to /admin",
};

type ManifestRoute = { id: string; parentId?: string; path?: string; index?: boolean; module: { default?: unknown; loader?: unknown } };
type RouteInfo = { id: string; pattern: string; hasUi: boolean; isAdmin: boolean; isLayoutOnly: boolean };
type RouteNode = { id: string; path?: string; index?: boolean; children?: RouteNode[] };

let server: RunningServer;
let browser: Browser;
let data: CrawlData;
let routes: Map<string, RouteInfo>;
let routeTree: RouteNode[];
const UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "crawl-e2e-"));

type Combo = { role: Role; js: boolean; lng: Lng; context: BrowserContext; label: string };
type Failure = { path: string; combo: string; problem: string; from: string };
const failures: Failure[] = [];
/** route id → the "JS on/off · lng" settings in which a page of it was opened. */
const visitedRoutes = new Map<string, Set<string>>();
/** Route ids answered to a link check or a visit, for routes without a page (.ics, .csv…). */
const fetchedRoutes = new Set<string>();
let pagesOpened = 0;
let linksChecked = 0;
let crawlSeconds = 0;

beforeAll(async () => {
  const MAIL_DIR = path.join(UPLOAD_DIR, "mail");
  // Known to the test too: manage links are derived from it.
  const SESSION_SECRET = randomBytes(32).toString("base64url");
  [server, browser] = await Promise.all([startServer({ env: { UPLOAD_DIR, MAIL_DIR, SESSION_SECRET } }), launchBrowser()]);
  data = await createCrawlData({ databaseFile: server.databaseFile, uploadDir: UPLOAD_DIR, mailDir: MAIL_DIR, sessionSecret: SESSION_SECRET });
  ({ routes, routeTree } = await readManifest());
  const started = performance.now();
  await crawl();
  crawlSeconds = Math.round((performance.now() - started) / 1000);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(UPLOAD_DIR, { recursive: true, force: true });
});

/** The route table of the built server, with each route's full URL pattern. */
async function readManifest() {
  const build = (await import(pathToFileURL(path.join(ROOT, "build/index.js")).href)) as { routes: Record<string, ManifestRoute> };
  const all = Object.values(build.routes);
  const byId = new Map(all.map((r) => [r.id, r]));
  const patternOf = (route: ManifestRoute): string => {
    const parent = route.parentId ? byId.get(route.parentId) : undefined;
    const base = parent ? patternOf(parent) : "";
    return route.path ? `${base.replace(/\/$/, "")}/${route.path}` : base || "/";
  };
  const result = new Map<string, RouteInfo>();
  for (const route of all) {
    const children = all.filter((r) => r.parentId === route.id);
    let isAdmin = false;
    for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? byId.get(r.parentId) : undefined) if (r.id === "routes/admin") isAdmin = true;
    result.set(route.id, {
      id: route.id,
      pattern: patternOf(route),
      hasUi: Boolean(route.module.default),
      isAdmin,
      // A layout with an index child is never the page itself: its index route is.
      isLayoutOnly: route.id === "root" || children.some((c) => c.index),
    });
  }
  const toNode = (route: ManifestRoute): RouteNode => {
    const children = all.filter((r) => r.parentId === route.id).map(toNode);
    return { id: route.id, path: route.path, index: route.index, ...(children.length ? { children } : {}) };
  };
  return { routes: result, routeTree: [toNode(byId.get("root")!)] };
}

/** The deepest route that answers `pathname`, as Remix matches it. */
function routeFor(pathname: string): RouteInfo | undefined {
  const matches = matchRoutes(routeTree as Parameters<typeof matchRoutes>[0], pathname);
  const id = (matches?.at(-1)?.route as RouteNode | undefined)?.id;
  return id ? routes.get(id) : undefined;
}

/** The URL without its fragment and language choice, parameters sorted: one key per page. */
function normalise(href: string): string {
  const url = new URL(href);
  url.hash = "";
  url.searchParams.delete("lng");
  url.searchParams.sort();
  return url.pathname + url.search;
}

/** The pages each role starts from: every route whose parameters the crawl can fill. */
function startPages(role: Role): { path: string; expectStatus?: number; resource?: boolean }[] {
  // Sets of parameters that belong together (a session of that event, a recording of that event).
  const admin: Record<string, string>[] = [
    { eventId: data.event.id, sessionId: data.event.sessionId },
    { eventId: data.recorded.id, recordingId: data.recorded.recordingId },
  ];
  const params: Record<Role, Record<string, string>[]> = {
    visitor: [{ slug: data.event.slug, sessionId: data.event.sessionId, recordingId: data.recorded.recordingId, token: data.manageToken }],
    admin,
    organiser: admin,
  };
  const pages: { path: string; expectStatus?: number; resource?: boolean }[] = [];
  for (const route of routes.values()) {
    if (route.isLayoutOnly || NOT_CRAWLED[route.id] || route.isAdmin !== (role !== "visitor")) continue;
    if (route.pattern.endsWith("*")) {
      // The catch-all answers addresses nothing else matches: its page is "not found".
      if (role === "visitor") pages.push({ path: route.pattern.replace("*", "crawl/no-such-page"), expectStatus: 404 });
      continue;
    }
    const names = [...route.pattern.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    // An organiser starts from the dashboard and the event shared with them, and follows links:
    // the admin-only pages are not theirs to open.
    if (role === "organiser" && names.length === 0 && route.pattern !== "/admin") continue;
    for (const set of params[role]) {
      if (!names.every((name) => set[name])) continue;
      // By hand: generatePath leaves ":sessionId.ics" alone (it reads the dot as part of the name).
      const filled = route.pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(set[name]!));
      // A route without a page (.ics, .csv, media) is fetched, as a link to it would be.
      pages.push({ path: filled, resource: !route.hasUi });
    }
  }
  if (role === "visitor") pages.push({ path: `/search?q=${encodeURIComponent("child protection")}` });
  return pages;
}

async function crawl() {
  const desktop = { viewport: { width: 1280, height: 900 }, timezoneId: "Africa/Nairobi" };
  // Signed in once per role; every context of that role starts from the same cookies.
  const states: Partial<Record<Role, Awaited<ReturnType<BrowserContext["storageState"]>>>> = {};
  // Imported only now: fixtures.ts reaches the app's database module, which must first be
  // pointed at the server's database (crawl-data.ts does that).
  const { signInContext } = await import("./fixtures.ts");
  for (const role of ["admin", "organiser"] as const) {
    const context = await browser.newContext();
    await signInContext(context, server.url, data[role].email, data[role].password);
    states[role] = await context.storageState();
    await context.close();
  }
  const combos: Combo[] = [];
  // CRAWL_ONLY=admin or CRAWL_ONLY="admin · JS on · ar": one part of the crawl, while debugging.
  const only = process.env.CRAWL_ONLY;
  for (const role of ROLES)
    for (const js of [true, false])
      for (const lng of LANGUAGES) {
        if (only && !`${role} · JS ${js ? "on" : "off"} · ${lng}`.startsWith(only)) continue;
        const context = await browser.newContext({ ...desktop, locale: lng === "ar" ? "ar" : "en-GB", javaScriptEnabled: js, storageState: states[role] });
        combos.push({ role, js, lng, context, label: `${role} · JS ${js ? "on" : "off"} · ${lng}` });
      }
  // Links are checked outside the browser contexts, so a language link cannot switch a
  // context's language; each role checks a URL once.
  const checkers = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, await request.newContext({ baseURL: server.url, storageState: states[role] })] as const)),
  ) as Record<Role, APIRequestContext>;
  const checked = new Set<string>();

  type Task = { combo: Combo; path: string; from: string; expectStatus?: number };
  const queue: Task[] = [];
  const queued = new Set<string>();
  const perRoute = new Map<string, number>();
  const enqueue = (task: Task) => {
    const key = `${task.combo.label}|${task.path}`;
    if (queued.has(key)) return;
    const route = routeFor(new URL(task.path, server.url).pathname);
    const quotaKey = `${task.combo.label}|${route?.id}`;
    if (!task.expectStatus && task.from !== "(start page)") {
      if ((perRoute.get(quotaKey) ?? 0) >= PER_ROUTE) return;
    }
    perRoute.set(quotaKey, (perRoute.get(quotaKey) ?? 0) + 1);
    queued.add(key);
    queue.push(task);
  };

  // Links are checked a few at a time beside the pages, and at most a few query variants of one
  // address (the scheduling assistant links every free slot of the week).
  const variants = new Map<string, number>();
  const linkQueue: (() => Promise<void>)[] = [];
  let linksActive = 0;
  /** Lets the page queue notice that the last link check finished. */
  let wake = () => {};
  const pumpLinks = () => {
    while (linksActive < 2 && linkQueue.length) {
      const job = linkQueue.shift()!;
      linksActive++;
      void job().finally(() => {
        linksActive--;
        pumpLinks();
        wake();
      });
    }
  };
  const checkLink = (role: Role, target: string, from: string) => {
    const key = `${role}|${target}`;
    if (checked.has(key)) return;
    const variantKey = `${role}|${target.split("?")[0]}`;
    if ((variants.get(variantKey) ?? 0) >= 2) return;
    variants.set(variantKey, (variants.get(variantKey) ?? 0) + 1);
    checked.add(key);
    linkQueue.push(async () => {
      linksChecked++;
      const route = routeFor(new URL(target, server.url).pathname);
      if (route) fetchedRoutes.add(route.id);
      try {
        const response = await checkers[role].get(target, { maxRedirects: 10, timeout: 30_000 });
        if (response.status() >= 400) failures.push({ path: target, combo: role, problem: `broken link: answers ${response.status()}`, from });
        await response.dispose();
      } catch (error) {
        failures.push({ path: target, combo: role, problem: `broken link: ${firstLine((error as Error).message)}`, from });
      }
    });
    pumpLinks();
  };

  const inScope = (role: Role, pathname: string) =>
    role === "visitor" ? !pathname.startsWith("/admin") || pathname === "/admin/login" : pathname === "/admin" || pathname.startsWith("/admin/");

  const visit = async (task: Task) => {
    const { combo } = task;
    const problems: string[] = [];
    const started = performance.now();
    let page: Page;
    try {
      page = await combo.context.newPage();
    } catch (error) {
      failures.push({ path: task.path, combo: combo.label, problem: `no tab could be opened: ${(error as Error).message.split("\n")[0]}`, from: task.from });
      return;
    }
    page.setDefaultTimeout(20_000);
    pagesOpened++;
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      // The page itself answering its expected status is not an error of the page.
      if (task.expectStatus && /Failed to load resource.*status of 404/.test(message.text())) return;
      const where = message.location().url;
      problems.push(`console error: ${firstLine(message.text())}${where ? ` (at ${where.replace(server.url, "")})` : ""}`);
    });
    page.on("pageerror", (error) => problems.push(`uncaught error: ${firstLine(error.message)}`));
    page.on("response", (response) => {
      if (response.status() >= 500) problems.push(`${response.status()} from ${response.url().replace(server.url, "")}`);
    });
    try {
      const url = new URL(task.path, server.url);
      url.searchParams.set("lng", combo.lng);
      const response = await page.goto(url.href);
      const status = response?.status() ?? 0;
      const route = routeFor(url.pathname);
      if (route) fetchedRoutes.add(route.id);
      const finalRoute = routeFor(new URL(page.url()).pathname);
      for (const r of [route, finalRoute]) {
        if (!r) continue;
        const settings = visitedRoutes.get(r.id) ?? new Set<string>();
        settings.add(`JS ${combo.js ? "on" : "off"} · ${combo.lng}`);
        visitedRoutes.set(r.id, settings);
      }
      if (task.expectStatus ? status !== task.expectStatus : status >= 400) {
        problems.push(`answers ${status}${task.expectStatus ? ` (expected ${task.expectStatus})` : ""}`);
      }
      const isPage = (await response?.headerValue("content-type"))?.includes("text/html") ?? false;
      if (isPage) {
        if (combo.js) {
          await waitForHydration(page, problems);
          // Effects that run after hydration (formatting in the reader's zone…) render now.
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
        }
        const [errorTitle] = await page.locator(".error-page h1").allTextContents();
        if (errorTitle !== undefined && !task.expectStatus) problems.push(`error page: "${errorTitle.trim()}"`);
        const text = await page.locator("body").innerText();
        const broken = BROKEN_TEXT.exec(text);
        if (broken) {
          const around = text.slice(Math.max(0, broken.index - 40), broken.index + 40).replace(/\s+/g, " ");
          problems.push(`shows "${broken[0]}": "…${around}…"`);
        }
        // Links, and the files a page points at (captions, posters, media) that a click or the
        // player would fetch.
        const hrefs = await page.$$eval("a[href], track[src], video[poster], source[src], audio[src], img[src]", (elements) =>
          elements.map((e) => (e instanceof HTMLAnchorElement ? e.href : e instanceof HTMLVideoElement ? e.poster : (e as HTMLImageElement).src)),
        );
        const from = normalise(page.url());
        // The "not found" page may point at itself (a language switch); that is no broken link.
        const links = [...new Set(hrefs.filter((href) => href.startsWith(server.url)).map(normalise))].filter((link) => !task.expectStatus || link !== from);
        for (const link of links) checkLink(combo.role, link, from);
        for (const link of links) {
          const linked = routeFor(new URL(link, server.url).pathname);
          if (linked?.hasUi && !NOT_CRAWLED[linked.id] && inScope(combo.role, new URL(link, server.url).pathname)) {
            enqueue({ combo, path: link, from });
          }
        }
      }
    } catch (error) {
      problems.push(`could not be opened: ${firstLine((error as Error).message)}`);
    } finally {
      await page.close();
    }
    for (const problem of new Set(problems)) failures.push({ path: task.path, combo: combo.label, problem, from: task.from });
    if (process.env.CRAWL_LOG) console.info(`${Math.round(performance.now() - started)} ms ${combo.label} ${task.path} (${queue.length} queued)`);
  };

  for (const combo of combos) {
    for (const start of startPages(combo.role)) {
      if (start.resource) checkLink(combo.role, start.path, "(start page)");
      else enqueue({ combo, ...start, from: "(start page)" });
    }
  }
  let active = 0;
  await new Promise<void>((resolve) => {
    const pump = () => {
      while (active < CONCURRENCY && queue.length) {
        const task = queue.shift()!;
        active++;
        // A page that hangs is reported and left behind, so one page cannot stall the crawl.
        let timer: NodeJS.Timeout | undefined;
        const hung = new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            failures.push({ path: task.path, combo: task.combo.label, problem: "did not finish loading and checking within 90 s", from: task.from });
            resolve();
          }, 90_000);
        });
        void Promise.race([visit(task), hung]).finally(() => {
          clearTimeout(timer);
          active--;
          pump();
        });
      }
      if (active === 0 && queue.length === 0 && linksActive === 0 && linkQueue.length === 0) resolve();
    };
    wake = pump;
    pump();
  });
  await Promise.all([...combos.map((c) => c.context.close()), ...Object.values(checkers).map((c) => c.dispose())]);
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.slice(0, 300);
}

/** Once React has hydrated the document, its nodes carry React's private fiber keys. */
async function waitForHydration(page: Page, problems: string[]) {
  try {
    await page.waitForFunction(() => Object.keys(document.body).some((key) => key.startsWith("__reactFiber")), undefined, { timeout: 10_000 });
  } catch {
    problems.push("never hydrated (the app's scripts did not start within 10 s)");
  }
}

/** Failures grouped by page and problem, each with the settings it appeared in and the page linking to it. */
function report(list: Failure[]): string {
  const byPath = new Map<string, Map<string, { combos: Set<string>; from: Set<string> }>>();
  for (const f of list) {
    const problems = byPath.get(f.path) ?? new Map<string, { combos: Set<string>; from: Set<string> }>();
    const entry = problems.get(f.problem) ?? { combos: new Set<string>(), from: new Set<string>() };
    entry.combos.add(f.combo);
    entry.from.add(f.from);
    problems.set(f.problem, entry);
    byPath.set(f.path, problems);
  }
  return [...byPath]
    .map(([where, problems]) => {
      const lines = [...problems].map(([problem, { combos, from }]) => {
        const sources = [...from].slice(0, 3).join(", ") + (from.size > 3 ? ` and ${from.size - 3} more` : "");
        return `    - ${problem}\n      as ${[...combos].join("; ")}\n      reached from ${sources}`;
      });
      return `  ${where}\n${lines.join("\n")}`;
    })
    .join("\n");
}

describe("the crawl of every route", () => {
  test("no page shows an error, logs one, answers 5xx, shows NaN/undefined, or links to a broken address", () => {
    console.info(`Crawl: ${pagesOpened} pages opened, ${linksChecked} links checked in ${crawlSeconds} s`);
    expect(failures.length, `Problems found by the crawl:\n${report(failures)}`).toBe(0);
  });

  test("every route in the build was reached (or is listed with the reason it is not)", () => {
    const settings = ["on", "off"].flatMap((js) => LANGUAGES.map((lng) => `JS ${js} · ${lng}`));
    const missing: string[] = [];
    for (const route of routes.values()) {
      if (route.isLayoutOnly || NOT_CRAWLED[route.id]) continue;
      if (route.hasUi) {
        const seen = visitedRoutes.get(route.id) ?? new Set<string>();
        const notSeen = settings.filter((s) => !seen.has(s));
        if (notSeen.length) missing.push(`  ${route.pattern} (${route.id}): page never opened with ${notSeen.join(", ")}`);
      } else if (!fetchedRoutes.has(route.id)) {
        missing.push(`  ${route.pattern} (${route.id}): no page links to it and its parameters could not be filled`);
      }
    }
    expect(
      missing.length,
      `Routes the crawl did not reach: fill their parameters (tests/e2e/crawl-data.ts), link to them, or list them in NOT_CRAWLED with a reason:\n${missing.join("\n")}`,
    ).toBe(0);
    // The list of exceptions stays true: each one names a route that exists.
    for (const id of Object.keys(NOT_CRAWLED)) expect(routes.has(id), `NOT_CRAWLED names ${id}, which is not in the build`).toBe(true);
  });
});
