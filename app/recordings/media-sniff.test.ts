import { describe, expect, it } from "vitest";
import { describeBytes, sniffMediaType } from "./media-sniff.ts";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)).concat(new Array(32).fill(0)));

describe("sniffMediaType", () => {
  it.each([
    ["MP3 with an ID3 tag", bytes("ID3", [4, 0, 0]), "audio/mpeg", "mp3"],
    ["MP3 frame sync (MPEG-1 layer III, 128 kbit/s)", bytes([0xff, 0xfb, 0x90, 0x64]), "audio/mpeg", "mp3"],
    ["MP4 video", bytes([0, 0, 0, 0x20], "ftypisom"), "video/mp4", "mp4"],
    ["M4A audio", bytes([0, 0, 0, 0x20], "ftypM4A "), "audio/mp4", "m4a"],
    ["WebM", bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], "webm"), "video/webm", "webm"],
    ["Matroska", bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88], "matroska"), "video/x-matroska", "mkv"],
    ["Ogg audio", bytes("OggS", [0, 2], "vorbis"), "audio/ogg", "ogg"],
    ["WAV", bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "), "audio/wav", "wav"],
    ["FLAC", bytes("fLaC", [0, 0, 0, 0x22]), "audio/flac", "flac"],
    ["JPEG", bytes([0xff, 0xd8, 0xff, 0xe0]), "image/jpeg", "jpg"],
    ["PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "image/png", "png"],
    ["WebP", bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "), "image/webp", "webp"],
  ])("recognises %s", (_name, input, mimeType, extension) => {
    expect(sniffMediaType(input)).toMatchObject({ mimeType, extension });
  });

  it("does not take AAC's ADTS header or a JPEG for an MP3 frame", () => {
    expect(sniffMediaType(bytes([0xff, 0xf1, 0x50, 0x80]))).toBeNull();
    expect(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xdb]))?.mimeType).toBe("image/jpeg");
  });

  it("judges content, not the name: a PNG or a text file renamed to .mp3 is what it is", () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(sniffMediaType(png)?.category).toBe("image");
    expect(describeBytes(png)).toBe("a PNG image");
    const text = new TextEncoder().encode("This is not a podcast, it is a shopping list.\n");
    expect(sniffMediaType(text)).toBeNull();
    expect(describeBytes(text)).toBe("a text file");
  });

  it("refuses an empty or tiny file", () => {
    expect(sniffMediaType(new Uint8Array())).toBeNull();
    expect(describeBytes(new Uint8Array())).toBe("an empty file");
    expect(sniffMediaType(new Uint8Array([0x49, 0x44]))).toBeNull();
  });
});
