// Organiser uploads (recordings, posters, transcripts), streamed from a multipart request.
//
// - A stored file gets a generated name: random hex plus the extension of the type sniffed from its
//   first bytes. The uploader's file name never reaches the file system, so "../../x.mp3" or
//   "C:\x.mp3" cannot choose where a file lands, and a renamed file is judged by what it is.
// - The byte limit is enforced while streaming: the upload stops at the first byte too many and
//   the partial file is deleted, instead of filling the disk first and checking afterwards.
// - Files are written under an ".incoming-" name and renamed once checked, so a half-written or
//   refused upload never looks like a stored one. An upload whose sender disconnects (the
//   request's signal aborts) or goes quiet for UPLOAD_IDLE_MS is stopped and its file deleted:
//   otherwise the read would wait forever and leave the partial file behind.
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { getEnv } from "~/utils/env.server.ts";
import { SNIFF_BYTES, describeBytes, sniffMediaType, type MediaCategory } from "./media-sniff.ts";

/** What a file field accepts: a playable recording, a poster image, or a small text file read into memory. */
type UploadKind = "media" | "image" | "text";

export type StoredUpload = {
  field: string;
  /** Generated name under the upload directory: what Recording.filePath stores. */
  fileName: string;
  mimeType: string;
  category: MediaCategory;
  size: number;
};

type UploadOptions = { dir?: string; maxBytes?: number; textMaxBytes?: number; fieldMaxBytes?: number; idleMs?: number };

/** A refusal a person can fix: 413 for too large, 400 for the wrong kind of file. */
export class UploadError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = "UploadError";
    this.status = status;
  }
}

const STORED_NAME = /^[a-f0-9]{32}\.[a-z0-9]{2,5}$/;
const TEXT_MAX_BYTES = 5 * 1024 * 1024;
const FIELD_MAX_BYTES = 1024 * 1024;
/** No byte for this long and the upload is given up (a browser on a slow link still sends every few seconds). */
const UPLOAD_IDLE_MS = 60_000;

export function uploadDir(): string {
  return path.resolve(getEnv().UPLOAD_DIR);
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? String(Math.floor(mb)) : String(Math.round(mb * 10) / 10);
}

function tooLarge(maxBytes: number) {
  return new UploadError(413, `The file is larger than ${formatMegabytes(maxBytes)} MB. Upload a smaller or more compressed file.`);
}

function wrongType(kind: UploadKind, head: Uint8Array) {
  const looksLike = describeBytes(head);
  return kind === "image"
    ? new UploadError(400, `This file is not an image we can show (JPEG, PNG or WebP); it looks like ${looksLike}.`)
    : new UploadError(400, `This file is not an audio or video file we can play (it looks like ${looksLike}). Upload MP3, M4A, MP4, WebM, Ogg, WAV or FLAC.`);
}

/** The absolute path of a stored file, or null for any name this module did not generate. */
export function storedFilePath(fileName: string, dir = uploadDir()): string | null {
  if (!STORED_NAME.test(fileName)) return null;
  const resolved = path.resolve(dir, fileName);
  return path.dirname(resolved) === path.resolve(dir) ? resolved : null;
}

/** Deletes stored files; a name that is not one of ours, or a file already gone, is ignored. */
export async function removeStoredFiles(fileNames: (string | null | undefined)[], dir = uploadDir()): Promise<void> {
  for (const name of fileNames) {
    const file = name ? storedFilePath(name, dir) : null;
    if (file) await rm(file, { force: true });
  }
}

/**
 * The chunks of `data`, stopping with an error when `signal` aborts or when no chunk arrives
 * within `idleMs`, instead of waiting for a sender that is gone.
 */
async function* untilStalled(data: AsyncIterable<Uint8Array>, signal: AbortSignal | undefined, idleMs: number): AsyncGenerator<Uint8Array> {
  const iterator = data[Symbol.asyncIterator]();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  try {
    for (;;) {
      if (signal?.aborted) throw new UploadError(400, "The upload was interrupted before it finished. Try again.");
      const next = iterator.next();
      next.catch(() => {}); // a read still pending when the race is lost must not surface later
      const stopped = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new UploadError(408, "The upload stopped arriving. Check the connection and try again.")), idleMs);
        onAbort = () => reject(new UploadError(400, "The upload was interrupted before it finished. Try again."));
        signal?.addEventListener("abort", onAbort, { once: true });
      });
      const result = await Promise.race([next, stopped]);
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
      if (result.done) return;
      yield result.value;
    }
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
    void iterator.return?.()?.catch?.(() => {});
  }
}

/**
 * Streams one file into `dir` and checks it. `data` is the part's body; the uploader's name and
 * Content-Type are deliberately not parameters.
 */
export async function storeUploadedStream(
  data: AsyncIterable<Uint8Array>,
  kind: Exclude<UploadKind, "text">,
  options: { dir?: string; maxBytes?: number; signal?: AbortSignal; idleMs?: number } = {},
): Promise<Omit<StoredUpload, "field">> {
  const dir = path.resolve(options.dir ?? uploadDir());
  const maxBytes = options.maxBytes ?? getEnv().UPLOAD_MAX_BYTES;
  await mkdir(dir, { recursive: true });
  const id = randomBytes(16).toString("hex");
  const incoming = path.join(dir, `.incoming-${id}`);
  const out = createWriteStream(incoming, { flags: "wx" });
  const head = new Uint8Array(SNIFF_BYTES);
  let headLength = 0;
  let size = 0;
  try {
    for await (const chunk of untilStalled(data, options.signal, options.idleMs ?? UPLOAD_IDLE_MS)) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      if (headLength < SNIFF_BYTES) {
        const take = chunk.subarray(0, SNIFF_BYTES - headLength);
        head.set(take, headLength);
        headLength += take.byteLength;
      }
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    const sniffed = sniffMediaType(head.subarray(0, headLength));
    const wanted: MediaCategory[] = kind === "image" ? ["image"] : ["audio", "video"];
    if (!sniffed || !wanted.includes(sniffed.category)) throw wrongType(kind, head.subarray(0, headLength));
    const fileName = `${id}.${sniffed.extension}`;
    await rename(incoming, path.join(dir, fileName));
    return { fileName, mimeType: sniffed.mimeType, category: sniffed.category, size };
  } catch (error) {
    // A stream destroyed before its file was even opened (a first chunk already over the limit)
    // still creates the file: wait until it has closed, then remove whatever is there.
    // A write still in flight fails with ERR_STREAM_DESTROYED: expected here, not the error to report.
    if (!out.closed) {
      const closed = new Promise<void>((resolve) => out.once("close", () => resolve()));
      out.on("error", () => {});
      out.destroy();
      await closed;
    }
    await rm(incoming, { force: true });
    throw error;
  }
}

/** Errors of Remix's multipart parser (@web3-storage/multipart-parser) about the body itself. */
function isParserError(error: unknown): error is Error {
  return error instanceof Error && /^malformed (multipart|content-disposition)|Could not parse content as FormData/i.test(error.message);
}

/**
 * The multipart body with each part's Content-Disposition made readable by Remix's parser, which
 * splits that header on every ";" and "=" even inside a quoted file name ("Q&A; part 2.mp3"):
 * inside quoted values both become "_". Only the header lines after each boundary are touched;
 * file bytes pass through unchanged. The file name is never used to store a file anyway.
 */
function readableDispositions(body: ReadableStream<Uint8Array>, boundary: string): ReadableStream<Uint8Array> {
  const delimiter = Buffer.from(`--${boundary}`);
  const headersEnd = Buffer.from("\r\n\r\n");
  let pending = Buffer.alloc(0);
  let inHeaders = false;
  const rewrite = (block: Buffer) =>
    Buffer.from(
      block
        .toString("latin1")
        .replace(/^(content-disposition:)(.*)$/gim, (_, name: string, value: string) => name + value.replace(/"((?:[^"\\]|\\.)*)"/g, (quoted) => quoted.replace(/[;=]/g, "_"))),
      "latin1",
    );
  const drain = (controller: TransformStreamDefaultController<Uint8Array>, final: boolean) => {
    for (;;) {
      if (inHeaders) {
        const end = pending.indexOf(headersEnd);
        if (end === -1) {
          // Part headers are small; anything longer is left to the parser to refuse.
          if (final || pending.length > 16 * 1024) {
            controller.enqueue(pending);
            pending = Buffer.alloc(0);
            inHeaders = false;
          }
          return;
        }
        controller.enqueue(rewrite(pending.subarray(0, end + headersEnd.length)));
        pending = pending.subarray(end + headersEnd.length);
        inHeaders = false;
        continue;
      }
      const at = pending.indexOf(delimiter);
      if (at === -1) {
        // Keep what could be the start of a delimiter split across chunks.
        const keep = final ? 0 : Math.min(pending.length, delimiter.length - 1);
        if (pending.length > keep) controller.enqueue(pending.subarray(0, pending.length - keep));
        pending = pending.subarray(pending.length - keep);
        return;
      }
      controller.enqueue(pending.subarray(0, at + delimiter.length));
      pending = pending.subarray(at + delimiter.length);
      inHeaders = true;
    }
  };
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        pending = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
        drain(controller, false);
      },
      flush(controller) {
        drain(controller, true);
        if (pending.length > 0) controller.enqueue(pending);
      },
    }),
  );
}

/** Reads a part to its end without keeping it: a file field the form does not use. */
async function discard(data: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const chunk of data) void chunk;
}

async function readLimited(data: AsyncIterable<Uint8Array>, limit: number, error: () => Error): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > limit) throw error();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads an organiser form that may be multipart. File fields named in `files` are stored ("media",
 * "image") or read into the form as a File ("text"); other file fields are read and dropped
 * without being kept in memory. The ordinary fields together may hold `fieldMaxBytes`. A body
 * that is not valid multipart is refused with a 400 UploadError.
 * Ordinary fields land in the returned FormData, so the caller checks the CSRF token from it as
 * usual — and deletes `stored` (removeStoredFiles) when it refuses the request. On any error
 * every file stored so far is deleted before the error is thrown.
 */
export async function readUploadForm(
  request: Request,
  files: Record<string, UploadKind>,
  options: UploadOptions = {},
): Promise<{ form: FormData; stored: StoredUpload[] }> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) return { form: await request.formData(), stored: [] };
  const stored: StoredUpload[] = [];
  const dir = options.dir ?? uploadDir();
  const fieldMax = options.fieldMaxBytes ?? FIELD_MAX_BYTES;
  let fieldBytes = 0;
  const stream = { dir, signal: request.signal, idleMs: options.idleMs };
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (filename === undefined) {
      // One budget for all the fields, so a thousand fields cannot each take the limit.
      const value = await readLimited(data, fieldMax - fieldBytes, () => new UploadError(413, "The form's fields are too long."));
      fieldBytes += value.byteLength;
      return value.toString("utf8");
    }
    const kind = files[name];
    if (!kind) {
      await discard(untilStalled(data, request.signal, options.idleMs ?? UPLOAD_IDLE_MS));
      return undefined;
    }
    if (kind === "text") {
      const limit = options.textMaxBytes ?? TEXT_MAX_BYTES;
      const buffer = await readLimited(data, limit, () => tooLarge(limit));
      // No file chosen: browsers send an empty part with an empty name.
      if (filename === "" && buffer.byteLength === 0) return undefined;
      // Only the base name survives (the extension picks the transcript format); it never names a stored file.
      return new File([new Uint8Array(buffer)], path.basename(filename.replace(/\\/g, "/")), { type: "text/plain" });
    }
    const maxBytes = options.maxBytes ?? getEnv().UPLOAD_MAX_BYTES;
    if (filename === "") {
      // An empty file input. Drain it (a browser sends no bytes) without storing anything.
      await readLimited(data, maxBytes, () => tooLarge(maxBytes));
      return undefined;
    }
    stored.push({ field: name, ...(await storeUploadedStream(data, kind, { ...stream, maxBytes })) });
    return undefined;
  };
  const boundary = /;\s*boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  const readable =
    boundary && request.body
      ? new Request(request.url, {
          method: request.method,
          headers: request.headers,
          body: readableDispositions(request.body, boundary),
          duplex: "half",
        } as RequestInit)
      : request;
  try {
    return { form: await unstable_parseMultipartFormData(readable, handler), stored };
  } catch (error) {
    await removeStoredFiles(stored.map((s) => s.fileName), dir);
    if (error instanceof UploadError || !isParserError(error)) throw error;
    // The parser's own errors mean the body is not multipart as its header says (no boundary,
    // a cut-off part, a header it cannot read): the sender's fault, told in words, not a 500.
    // It splits Content-Disposition on every ";" and "=", even inside a quoted file name.
    if (/content-disposition/i.test(error.message)) {
      throw new UploadError(400, "The file's name could not be read: rename the file without ; or = in its name and upload it again.");
    }
    throw new UploadError(400, "The upload could not be read; it may have been cut short. Try again.");
  }
}
