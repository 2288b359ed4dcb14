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

const { createRemixRequest, sendRemixResponse } = remixExpress;
const CACHE_HEADER = "x-page-cache-ttl";

/**
 * The HTTP application around a Remix server build: static files with long-lived
 * caching for fingerprinted assets, security headers with a per-response CSP
 * nonce, request logging, /healthz and the anonymous page cache.
 */
export function createApp({ build, root = process.cwd(), logRequests = true }) {
  const startup = build.entry.module;
  const handleRequest = createRequestHandler(build, "production");
  const cache = createPageCache({ dataVersion: startup.dataVersion });
  const app = express();

  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(compression());

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
          "media-src": ["'self'"],
          "font-src": ["'self'"],
          "connect-src": ["'self'"],
          "frame-src": ["'none'"],
          "object-src": ["'none'"],
          "base-uri": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'self'"],
        },
      },
      // Plain-HTTP demo installs must keep working; TLS terminates in front of us.
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
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

  // Remix fingerprints everything under /build: cache it for a year.
  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

  app.all("*", async (req, res, next) => {
    try {
      const key = cache.keyFor(req);
      const nonce = res.locals.cspNonce;
      const hit = key ? cache.get(key) : null;
      if (hit) {
        sendCachedPage(req, res, hit);
        return;
      }
      const versionAtStart = key ? startup.dataVersion() : 0;
      const response = await handleRequest(createRemixRequest(req, res), { cspNonce: nonce, clientAddress: req.ip });
      const ttl = Number(response.headers.get(CACHE_HEADER) ?? 0);
      response.headers.delete(CACHE_HEADER);
      if (key && ttl > 0 && response.status === 200 && !response.headers.has("set-cookie") && response.body) {
        const body = Buffer.from(await response.text());
        const headers = Object.fromEntries(response.headers);
        cache.set(key, compressPage({ headers, body, csp: res.getHeader("Content-Security-Policy") }), ttl, versionAtStart);
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

/**
 * A cached page is compressed once, not on every hit. It keeps the CSP nonce it was
 * rendered with: the page and its nonce change together whenever the cache entry
 * is rebuilt, and content injected into a page cannot know a nonce drawn after it
 * was stored, so sharing one nonce among the readers of one cache entry does not
 * open a way around the policy.
 */
function compressPage({ headers, body, csp }) {
  return {
    status: 200,
    headers,
    csp,
    identity: body,
    gzip: zlib.gzipSync(body, { level: 6 }),
    br: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
  };
}

function sendCachedPage(req, res, page) {
  const encoding = req.acceptsEncodings("br", "gzip", "identity") || "identity";
  const body = page[encoding] ?? page.identity;
  res.status(page.status).set(page.headers).set("X-Cache", "hit");
  if (page.csp) res.set("Content-Security-Policy", page.csp);
  if (encoding !== "identity") res.set("Content-Encoding", encoding);
  res.set("Vary", "Accept-Encoding");
  res.set("Content-Length", String(body.length));
  res.end(body);
}
