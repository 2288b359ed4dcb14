/* global Request, Response -- Node 20 has the Fetch API classes built in */
import remixExpress from "@remix-run/express/dist/server.js";

const { createRemixHeaders } = remixExpress;

/** Every form body but an upload's: the largest real form (an event in five languages) is far below. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;
const ALLOWED_METHODS = ["GET", "HEAD", "POST"];
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];
// After a refusal the rest of the body is read and thrown away, so the person's browser sees the
// answer rather than a reset connection; a sender that keeps going longer than this is cut off.
const DRAIN_MS = 5_000;

/**
 * Checks each request before Remix sees it, so that what no page can use is refused with a 4xx
 * and a sentence in the person's language instead of reaching an action and failing there (500):
 *
 * - methods other than GET, HEAD and POST (TRACE, PUT…): 405;
 * - POSTs from another site (CSRF): 403. Same origin means the Origin header names the host the
 *   request was addressed to (X-Forwarded-Host, else Host; the same comparison Remix makes after
 *   us, so the two never disagree). `Origin: null` (sandboxed frames, file: pages, privacy
 *   redirects) is refused. A POST without Origin is accepted unless Sec-Fetch-Site says
 *   cross-site: browsers since 2020 send Origin on every POST, and those that do not are old
 *   browsers or scripts (curl, monitoring), which cannot ride on a visitor's cookies anyway;
 *   organiser forms carry a CSRF token besides;
 * - a body that is not a form (JSON, text/plain…): 415;
 * - a body over the route's limit: 413, checked on Content-Length before anything is read and
 *   while reading a chunked body, which is then held in memory (64 KB at most by default);
 * - a multipart body that cannot be parsed: 400.
 *
 * A route that streams uploads itself declares it with `handle.requestBody = { stream: true }`;
 * its multipart bodies pass through unread (app/recordings/uploads.server.ts enforces their limits).
 * A route that needs a larger buffered body declares `handle.requestBody = { maxBytes }`.
 */
export function createRequestGuard({ build, defaultLimit = DEFAULT_BODY_LIMIT }) {
  const refusalResponse = build.entry.module.refusalResponse;
  const rules = bodyRules(build.routes);

  async function refuse(req, res, status, reason, options = {}) {
    let response;
    try {
      response = await refusalResponse(asRemixRequest(req), status, reason, { limitBytes: options.limitBytes });
    } catch (error) {
      console.error(error);
      response = new Response(`Request refused (${status}).`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    const body = await response.text();
    res.status(status).set(Object.fromEntries(response.headers)).set(options.headers ?? {});
    // Nothing may recompress a page sent while the body is still arriving.
    res.set("Cache-Control", "no-store, no-transform").set("Content-Length", String(Buffer.byteLength(body)));
    if (req.complete || req.method === "GET" || req.method === "HEAD") {
      res.end(body);
      return;
    }
    // The body was not (fully) read: answer now, throw the rest away, then close the connection.
    res.set("Connection", "close");
    res.write(body);
    const finish = () => {
      clearTimeout(timer);
      if (!res.writableEnded) res.end();
    };
    const timer = setTimeout(finish, DRAIN_MS);
    timer.unref();
    req.once("end", finish).once("close", finish);
    req.resume();
  }

  return async function requestGuard(req, res, next) {
    try {
      if (!ALLOWED_METHODS.includes(req.method)) {
        return await refuse(req, res, 405, "method", { headers: { Allow: ALLOWED_METHODS.join(", ") } });
      }
      if (req.method !== "POST") return next();
      if (!isSameOrigin(req)) return await refuse(req, res, 403, "origin");
      const type = mediaType(req.get("content-type"));
      if (!FORM_TYPES.includes(type)) return await refuse(req, res, 415, "contentType");
      const rule = ruleFor(rules, req.path);
      if (rule?.stream && type === "multipart/form-data") return next();
      const limit = rule?.maxBytes ?? defaultLimit;
      const declared = req.get("content-length");
      if (declared !== undefined && Number(declared) > limit) return await refuse(req, res, 413, "tooLarge", { limitBytes: limit });
      const body = await readBody(req, limit);
      if (body === "aborted") return undefined;
      if (body === "too large") return await refuse(req, res, 413, "tooLarge", { limitBytes: limit });
      if (type === "multipart/form-data" && !(await parsesAsForm(req.get("content-type"), body))) {
        return await refuse(req, res, 400, "malformed");
      }
      req.bufferedBody = body;
      return next();
    } catch (error) {
      return next(error);
    }
  };
}

/** A GET Request with the original URL and headers, for choosing the refusal page's language. */
function asRemixRequest(req) {
  const headers = createRemixHeaders(req.headers);
  let url;
  try {
    url = new URL(req.originalUrl, `${req.protocol}://${req.get("host") ?? "localhost"}`);
  } catch {
    url = new URL("http://localhost/");
  }
  return new Request(url, { headers });
}

function mediaType(contentType) {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

function isSameOrigin(req) {
  const origin = req.get("origin");
  if (origin === undefined) {
    const site = req.get("sec-fetch-site");
    return site === undefined || site === "same-origin" || site === "none";
  }
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" and anything else that is not an origin
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  const host = req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host");
  return Boolean(host) && url.host === host.toLowerCase();
}

/** Reads the whole body, or stops at the first byte over `limit`. */
function readBody(req, limit) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    const done = (result) => {
      req.off("data", onData).off("end", onEnd).off("close", onClose).off("error", onClose);
      resolve(result);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        done("too large");
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => done(Buffer.concat(chunks));
    const onClose = () => done("aborted");
    req.on("data", onData).on("end", onEnd).on("close", onClose).on("error", onClose);
  });
}

async function parsesAsForm(contentType, body) {
  try {
    await new Request("http://localhost/", { method: "POST", headers: { "Content-Type": contentType }, body }).formData();
    return true;
  } catch {
    return false;
  }
}

/** Each route's own body rule (its `handle.requestBody`), with the full URL pattern it answers. */
export function bodyRules(routes) {
  const fullPath = (route) => {
    const parts = [];
    for (let r = route; r; r = r.parentId ? routes[r.parentId] : undefined) if (r.path) parts.unshift(r.path);
    return parts.join("/");
  };
  return Object.values(routes)
    .filter((route) => route.module?.handle?.requestBody)
    .map((route) => ({ pattern: toPattern(fullPath(route)), rule: route.module.handle.requestBody }));
}

function toPattern(path) {
  const segments = path
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      if (segment === "*") return ".*";
      if (segment.startsWith(":")) return "[^/]+";
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
  // Single fetch posts to "<path>.data"; a trailing slash is the same route.
  return new RegExp(`^/${segments.join("/")}(?:\\.data|/)?$`);
}

function ruleFor(rules, path) {
  return rules.find((entry) => entry.pattern.test(path))?.rule;
}
