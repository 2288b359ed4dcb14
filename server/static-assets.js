import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import express from "express";

const TYPES = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };

function listFiles(dir, base = dir, out = new Set()) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) listFiles(full, base, out);
    else out.add(`/${path.relative(base, full).split(path.sep).join("/")}`);
  }
  return out;
}

/**
 * Remix's fingerprinted /build files: cached for a year, and sent as the brotli or gzip copy
 * that scripts/compress-assets.js wrote at build time when the browser accepts it. Only the
 * headers a script or stylesheet needs: the page's CSP and the rest mean nothing on them and
 * cost ~600 bytes a response.
 */
export function buildAssets(dir) {
  // The build does not change while the server runs: list its files once.
  const present = listFiles(dir);
  const serve = express.static(dir, {
    immutable: true,
    maxAge: "1y",
    // A fingerprinted file never changes: nothing to revalidate or resume, so no ETag,
    // Last-Modified or Accept-Ranges (a few hundred bytes on each of ~20 responses a page).
    etag: false,
    lastModified: false,
    acceptRanges: false,
    setHeaders: (res) => {
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    },
  });
  return (req, res, next) => {
    const type = TYPES[path.extname(req.path)];
    if ((req.method === "GET" || req.method === "HEAD") && type && present.has(req.path)) {
      // Browsers list gzip first with the same weight as br: prefer the smaller one ourselves.
      const encoding = req.acceptsEncodings("br") === "br" ? "br" : req.acceptsEncodings("gzip") === "gzip" ? "gzip" : null;
      const suffix = encoding === "br" ? ".br" : encoding === "gzip" ? ".gz" : null;
      res.vary("Accept-Encoding");
      if (suffix && present.has(`${req.path}${suffix}`)) {
        res.setHeader("Content-Type", type);
        res.setHeader("Content-Encoding", encoding);
        req.url = `${req.path}${suffix}`;
      }
    }
    serve(req, res, next);
  };
}
