import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UploadError, readUploadForm, removeStoredFiles, storeUploadedStream, storedFilePath } from "./uploads.server.ts";

const MP3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, ...new Array(200).fill(0)]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(200).fill(0)]);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "uploads-test-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function multipart(fields: Record<string, string | { bytes: Uint8Array; name: string; type?: string }>) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string") body.append(key, value);
    else body.append(key, new Blob([new Uint8Array(value.bytes)], { type: value.type ?? "audio/mpeg" }), value.name);
  }
  return new Request("http://localhost/upload", { method: "POST", body });
}

async function refusal(promise: Promise<unknown>): Promise<UploadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadError);
  return error as UploadError;
}

describe("readUploadForm", () => {
  it("stores a recording under a generated name with the sniffed type, inside the upload directory", async () => {
    const { form, stored } = await readUploadForm(multipart({ csrf: "token", media: { bytes: MP3, name: "talk.mp3" } }), { media: "media" }, { dir });
    expect(form.get("csrf")).toBe("token");
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ field: "media", mimeType: "audio/mpeg", category: "audio", size: MP3.byteLength });
    expect(stored[0]!.fileName).toMatch(/^[a-f0-9]{32}\.mp3$/);
    expect(readdirSync(dir)).toEqual([stored[0]!.fileName]);
    const second = await readUploadForm(multipart({ media: { bytes: MP3, name: "talk.mp3" } }), { media: "media" }, { dir });
    expect(second.stored[0]!.fileName).not.toBe(stored[0]!.fileName);
  });

  it.each(["../../x.mp3", "C:\\x.mp3", "/etc/passwd.mp3", "..\\..\\evil.mp3", "a/../../../b.mp3"])(
    "never lets the name %s choose where the file lands",
    async (name) => {
      const { stored } = await readUploadForm(multipart({ media: { bytes: MP3, name } }), { media: "media" }, { dir });
      const fileName = stored[0]!.fileName;
      expect(fileName).toMatch(/^[a-f0-9]{32}\.mp3$/);
      expect(fileName).not.toContain("x");
      const file = storedFilePath(fileName, dir)!;
      expect(path.dirname(file)).toBe(path.resolve(dir));
      expect(existsSync(file)).toBe(true);
      expect(readdirSync(dir)).toEqual([fileName]);
      expect(existsSync(path.resolve(dir, "..", "x.mp3"))).toBe(false);
    },
  );

  it("refuses an oversize file with 413 and leaves nothing behind", async () => {
    const big = new Uint8Array(300_000);
    big.set(MP3.subarray(0, 10));
    const error = await refusal(readUploadForm(multipart({ media: { bytes: big, name: "long.mp3" } }), { media: "media" }, { dir, maxBytes: 100_000 }));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/^The file is larger than 0\.1 MB/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses a PNG named .mp3, and deletes the files the same form stored before it", async () => {
    const request = multipart({ media: { bytes: MP3, name: "ok.mp3" }, poster: { bytes: MP3, name: "poster.png", type: "image/png" } });
    const error = await refusal(readUploadForm(request, { media: "media", poster: "image" }, { dir }));
    expect(error.status).toBe(400);
    expect(error.message).toContain("it looks like an MP3 audio file");
    expect(readdirSync(dir)).toEqual([]);
    const lie = await refusal(readUploadForm(multipart({ media: { bytes: PNG, name: "song.mp3" } }), { media: "media" }, { dir }));
    expect(lie.message).toBe(
      "This file is not an audio or video file we can play (it looks like a PNG image). Upload MP3, M4A, MP4, WebM, Ogg, WAV or FLAC.",
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses an empty file and skips an empty file input", async () => {
    const error = await refusal(readUploadForm(multipart({ media: { bytes: new Uint8Array(), name: "empty.mp3" } }), { media: "media" }, { dir }));
    expect(error.message).toContain("it looks like an empty file");
    const skipped = await readUploadForm(multipart({ media: { bytes: new Uint8Array(), name: "" }, title: "x" }), { media: "media" }, { dir });
    expect(skipped.stored).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("reads text files into the form with only their base name, and stores nothing", async () => {
    const vtt = new TextEncoder().encode("WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n");
    const { form, stored } = await readUploadForm(multipart({ transcript: { bytes: vtt, name: "..\\..\\talk.vtt", type: "text/vtt" } }), { transcript: "text" }, { dir });
    const file = form.get("transcript") as File;
    expect(file.name).toBe("talk.vtt");
    expect(await file.text()).toContain("Hello");
    expect(stored).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("reads an ordinary urlencoded form too", async () => {
    const request = new Request("http://localhost/upload", { method: "POST", body: new URLSearchParams({ csrf: "t", intent: "publish" }) });
    const { form, stored } = await readUploadForm(request, { media: "media" }, { dir });
    expect(form.get("intent")).toBe("publish");
    expect(stored).toEqual([]);
  });
});

describe("storeUploadedStream", () => {
  it("leaves no half-written file when the very first chunk is already over the limit", async () => {
    // Refused before the write stream has opened its file: the file must not appear afterwards.
    for (let i = 0; i < 20; i++) {
      async function* oneBigChunk() {
        yield new Uint8Array(4096);
      }
      await refusal(storeUploadedStream(oneBigChunk(), "media", { dir, maxBytes: 1024 }));
      expect(readdirSync(dir), `attempt ${i + 1}`).toEqual([]);
    }
  });
});

/** A multipart request whose body sends `head` and then nothing more, until `signal` aborts. */
function stalledUpload(signal: AbortSignal) {
  const boundary = "----stalled";
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="talk.mp3"\r\nContent-Type: audio/mpeg\r\n\r\n`,
  );
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array([...head, ...MP3]));
    },
  });
  return new Request("http://localhost/upload", {
    method: "POST",
    headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
    body,
    signal,
    duplex: "half",
  } as RequestInit);
}

describe("hostile uploads", () => {
  it("stores a file whose name holds ; or = (Remix's parser alone refused such names with a 500)", async () => {
    for (const name of ["a;b.mp3", "x=y.mp3", "Q&A; part=2.mp3"]) {
      const { form, stored } = await readUploadForm(multipart({ title: "t;x=y", media: { bytes: MP3, name } }), { media: "media" }, { dir });
      expect(stored, name).toHaveLength(1);
      expect(form.get("title")).toBe("t;x=y");
    }
    expect(readdirSync(dir)).toHaveLength(3);
  });

  it("passes file bytes through unchanged, even when they look like part headers", async () => {
    const tricky = new Uint8Array([...MP3, ...new TextEncoder().encode('\r\nContent-Disposition: form-data; name="x;y"\r\n\r\n'), ...new Array(70_000).fill(7)]);
    const { stored } = await readUploadForm(multipart({ media: { bytes: tricky, name: "a;b.mp3" } }), { media: "media" }, { dir });
    const { readFileSync } = await import("node:fs");
    expect(new Uint8Array(readFileSync(path.join(dir, stored[0]!.fileName)))).toEqual(tricky);
  });

  it("refuses a body that is not the multipart it claims with a 400 UploadError", async () => {
    for (const body of ["--x\r\nno headers end", '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\ncut', "--x\r\nContent-Type: text/plain\r\n\r\nx\r\n--x--\r\n"]) {
      const request = new Request("http://localhost/upload", { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=x" }, body });
      const error = await refusal(readUploadForm(request, { media: "media" }, { dir }));
      expect(error.status, body).toBe(400);
    }
    const noBoundary = new Request("http://localhost/upload", { method: "POST", headers: { "Content-Type": "multipart/form-data" }, body: "x" });
    expect((await refusal(readUploadForm(noBoundary, { media: "media" }, { dir }))).status).toBe(400);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removes the partial file when the sender disconnects mid-upload", async () => {
    const controller = new AbortController();
    const reading = refusal(readUploadForm(stalledUpload(controller.signal), { media: "media" }, { dir }));
    // The first bytes have reached the disk under an .incoming- name…
    for (let i = 0; i < 100 && readdirSync(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(dir).some((name) => name.startsWith(".incoming-"))).toBe(true);
    controller.abort();
    await reading;
    expect(readdirSync(dir)).toEqual([]);
  });

  it("gives up an upload that stops arriving, and removes its file", async () => {
    const controller = new AbortController();
    const error = await refusal(readUploadForm(stalledUpload(controller.signal), { media: "media" }, { dir, idleMs: 300 }));
    expect(error.status).toBe(408);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("reads an unused file field to its end without keeping it", async () => {
    const boundary = "----unused";
    const size = 64 * 1024 * 1024;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="other"; filename="big.bin"\r\n\r\n`));
      },
      pull(controller) {
        if (sent >= size) {
          controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nkept\r\n--${boundary}--\r\n`));
          controller.close();
          return;
        }
        controller.enqueue(new Uint8Array(1024 * 1024).fill(0x61));
        sent += 1024 * 1024;
      },
    });
    const request = new Request("http://localhost/upload", {
      method: "POST",
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: "half",
    } as RequestInit);
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 5);
    const { form } = await readUploadForm(request, { media: "media" }, { dir });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    expect(form.get("title")).toBe("kept");
    expect(form.get("other")).toBeNull();
    // Buffered, the 64 MB of chunks and their 64 MB concatenation are all held at the end of the
    // part (128 MB); discarded, only what the garbage collector has not reclaimed yet remains.
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });

  it("holds all ordinary fields together to one budget", async () => {
    const fields: Record<string, string> = {};
    for (let i = 0; i < 10; i++) fields[`f${i}`] = "x".repeat(200);
    const error = await refusal(readUploadForm(multipart(fields), { media: "media" }, { dir, fieldMaxBytes: 1000 }));
    expect(error.status).toBe(413);
  });
});

describe("removeStoredFiles", () => {
  it("deletes only names this module generated", async () => {
    const { stored } = await readUploadForm(multipart({ media: { bytes: MP3, name: "a.mp3" } }), { media: "media" }, { dir });
    expect(storedFilePath("../outside.mp3", dir)).toBeNull();
    await removeStoredFiles(["../outside.mp3", stored[0]!.fileName, null], dir);
    expect(readdirSync(dir)).toEqual([]);
  });
});
