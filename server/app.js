/* global Request -- Node 20 has the Fetch API classes built in */
import crypto from "node:crypto";
import path from "node:path";
import zlib from "node:zlib";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import morgan from "morgan";
import { createRequestHandler } from "@remix-run/node";
import remixExpress from "@remix-run/express/dist/server.js";
import { createPageCache } from "./page-cache.js";
import { createRequestGuard } from "./request-guard.js";
import { buildAssets } from "./static-assets.js";

const { createRemixRequest, sendRemixResponse } = remixExpress;
const CACHE_HEADER = "x-page-cache-ttl";

/**
 * The HTTP application around a Remix server build: static files with long-lived
 * caching for fingerprinted assets, security headers with a per-response CSP
 * nonce, request logging, /healthz and the anonymous page cache.
 * `baseUrl` defaults to the build's BASE_URL; an https one turns HSTS on.
 * @param {{ build: any; root?: string; logRequests?: boolean; baseUrl?: string }} options
 */
export function createApp({ build, root = process.cwd(), logRequests = true, baseUrl = undefined }) {
  const startup = build.entry.module;
  const publicUrl = baseUrl ?? startup.getEnv().BASE_URL;
  const handleRequest = createRequestHandler(build, "production");
  const cache = createPageCache({ dataVersion: startup.dataVersion });
  const app = express();

  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  // Fast settings: pages are compressed per response (each has its own nonce), and
  // level 4 keeps nearly all of level 6's saving for a fraction of the CPU.
  app.use(compression({ level: 4, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } }));

  // Remix fingerprints everything under /build: cached for a year, compressed once at build time.
  app.use("/build", buildAssets(path.join(root, "public/build")));

  app.use((req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
          "style-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          // Organisers may link media hosted elsewhere (https only, checked when they save it).
          // Players fetch nothing before the learner presses play (preload="none").
          "media-src": ["'self'", "https:"],
          "font-src": ["'self'"],
          "connect-src": ["'self'"],
          // Only the YouTube and Vimeo players, loaded when a learner asks for one
          // (app/recordings/embed.ts holds the same list).
          "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
          "object-src": ["'none'"],
          "base-uri": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'self'"],
        },
      },
      // Plain-HTTP demo installs must keep working (TLS terminates in front of us), so HSTS is
      // sent only when the public address is https: then browsers must never fall back to http.
      strictTransportSecurity: publicUrl.startsWith("https:") ? { maxAge: 31_536_000, includeSubDomains: false } : false,
      crossOriginEmbedderPolicy: false,
      // Not helmet's "no-referrer": with it, browsers send `Origin: null` on same-origin form
      // posts, Remix rejects those as cross-site, and every form fails without JavaScript.
      // "same-origin" still sends nothing to other sites.
      referrerPolicy: { policy: "same-origin" },
    }),
  );

  if (logRequests) {
    app.use(morgan(":method :url :status :res[content-length] - :response-time ms", {
      skip: (req) => req.path === "/healthz",
    }));
  }

  app.get("/healthz", async (_req, res) => {
    const ok = await startup.checkDatabase();
    res.status(ok ? 200 : 503).type("text/plain").set("Cache-Control", "no-store").send(ok ? "ok" : "database unavailable");
  });

  // Methods, cross-site posts, content types and body sizes: refused here with a 4xx in words.
  app.use(createRequestGuard({ build }));

  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

  app.all("*", async (req, res, next) => {
    try {
      const key = cache.keyFor(req);
      const nonce = res.locals.cspNonce;
      const hit = key ? cache.get(key) : null;
      if (hit) {
        // Each response gets its own CSP nonce, even when the page came from the cache:
        // a nonce readers could learn in advance would let injected markup run.
        res.status(hit.status).set(hit.headers).set("X-Cache", "hit");
        res.send(hit.body.split(hit.nonce).join(nonce));
        return;
      }
      const versionAtStart = key ? startup.dataVersion() : 0;
      const response = await handleRequest(remixRequest(req, res), { cspNonce: nonce, clientAddress: req.ip });
      const ttl = Number(response.headers.get(CACHE_HEADER) ?? 0);
      response.headers.delete(CACHE_HEADER);
      if (key && ttl > 0 && response.status === 200 && !response.headers.has("set-cookie") && response.body) {
        const body = await response.text();
        const headers = Object.fromEntries(response.headers);
        cache.set(key, { status: 200, headers, body, nonce }, ttl, versionAtStart);
        res.status(200).set(headers).set("X-Cache", "miss").send(body);
        return;
      }
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  });

  return { app, cache };
}

/** The Remix Request for `req`; a body the request guard has already read is handed over as bytes. */
function remixRequest(req, res) {
  if (req.bufferedBody === undefined) return createRemixRequest(req, res);
  const bodiless = createRemixRequest(Object.assign(Object.create(req), { method: "GET" }), res);
  return new Request(bodiless, { method: req.method, body: req.bufferedBody, duplex: "half" });
}

