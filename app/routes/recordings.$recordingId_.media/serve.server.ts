import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { getPublicRecordingFile, getPublicRecordingPoster } from "~/recordings/recordings.server.ts";
import { getEnv } from "~/utils/env.server.ts";

type ByteRange = { start: number; end: number };

/**
 * One "bytes=" range against a file of `size` bytes: a range, "unsatisfiable", or null to
 * ignore the header and send the whole file (malformed or multi-range, which RFC 9110 allows).
 */
export function parseRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) return "unsatisfiable";
  if (end < start) return null;
  return { start, end };
}

/** The file for a name stored in Recording.filePath, only if it really lies inside UPLOAD_DIR. */
async function confinedFile(filePath: string): Promise<{ file: string; size: number; modified: Date } | null> {
  try {
    const root = await realpath(path.resolve(getEnv().UPLOAD_DIR));
    // realpath also resolves symbolic links, so a link pointing outside is refused too.
    const file = await realpath(path.resolve(root, filePath));
    const relative = path.relative(root, file);
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return null;
    const info = await stat(file);
    return info.isFile() ? { file, size: info.size, modified: info.mtime } : null;
  } catch {
    return null;
  }
}

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function serveRecordingFile(request: Request, recordingId: string): Promise<Response> {
  const recording = await getPublicRecordingFile(recordingId);
  if (!recording) return notFound();
  const found = await confinedFile(recording.filePath);
  if (!found) return notFound();
  const headers = new Headers({
    "Content-Type": recording.mimeType ?? "application/octet-stream",
    "Accept-Ranges": "bytes",
    "Last-Modified": found.modified.toUTCString(),
    // no-transform keeps the compression middleware away from byte ranges.
    "Cache-Control": "public, max-age=3600, no-transform",
  });
  const range = parseRange(request.headers.get("Range"), found.size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${found.size}`);
    headers.set("Content-Type", "text/plain; charset=utf-8");
    return new Response("Requested range not satisfiable", { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: found.size - 1 };
  const length = found.size === 0 ? 0 : end - start + 1;
  headers.set("Content-Length", String(length));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${found.size}`);
  const status = range ? 206 : 200;
  if (request.method === "HEAD" || length === 0) return new Response(null, { status, headers });
  const stream = createReadableStreamFromReadable(createReadStream(found.file, { start, end }));
  return new Response(stream, { status, headers });
}

const POSTER_TYPES: Record<string, string> = { ".jpg": "image/jpeg", ".png": "image/png", ".webp": "image/webp" };

/** A recording's poster image; the upload stored it under a generated name with its sniffed type's extension. */
export async function serveRecordingPoster(recordingId: string, name: string): Promise<Response> {
  const type = POSTER_TYPES[path.extname(name).toLowerCase()];
  if (!type || !/^[A-Za-z0-9._-]+$/.test(name)) return notFound();
  const poster = await getPublicRecordingPoster(recordingId, name);
  const found = poster ? await confinedFile(poster.filePath) : null;
  if (!found) return notFound();
  const stream = createReadableStreamFromReadable(createReadStream(found.file));
  return new Response(stream, {
    headers: { "Content-Type": type, "Content-Length": String(found.size), "Cache-Control": "public, max-age=86400" },
  });
}
