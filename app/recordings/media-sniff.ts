// Recognises uploaded files by their first bytes, never by their name or the browser's
// Content-Type: both come from the uploader and a renamed file would otherwise slip through.
// Isomorphic and pure, so the same check can run before a file is sent.

export type MediaCategory = "audio" | "video" | "image";

type SniffedType = {
  mimeType: string;
  /** Extension for the stored file, without the dot. */
  extension: string;
  category: MediaCategory;
  /** For messages: "an MP3 audio file". */
  label: string;
};

/** How many leading bytes `sniffMediaType` needs. */
export const SNIFF_BYTES = 64;

function ascii(bytes: Uint8Array, start: number, end: number): string {
  let out = "";
  for (let i = start; i < Math.min(end, bytes.length); i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function includesAscii(bytes: Uint8Array, text: string): boolean {
  return ascii(bytes, 0, bytes.length).includes(text);
}

/** An MPEG audio frame header: 11 sync bits, a real version and layer, a usable bitrate. */
function isMpegFrame(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const [b0, b1, b2] = [bytes[0]!, bytes[1]!, bytes[2]!];
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 0b11; // 01 is reserved
  const layer = (b1 >> 1) & 0b11; // 00 is reserved (and is what AAC's ADTS header uses)
  const bitrate = (b2 >> 4) & 0b1111; // 1111 is invalid
  const sampleRate = (b2 >> 2) & 0b11; // 11 is reserved
  return version !== 0b01 && layer !== 0b00 && bitrate !== 0b1111 && sampleRate !== 0b11;
}

export function sniffMediaType(bytes: Uint8Array): SniffedType | null {
  if (bytes.length < 4) return null;
  // Images first: a JPEG starts with FF D8, which an MPEG frame check must never claim.
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mimeType: "image/jpeg", extension: "jpg", category: "image", label: "a JPEG image" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { mimeType: "image/png", extension: "png", category: "image", label: "a PNG image" };
  }
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") {
    return { mimeType: "image/webp", extension: "webp", category: "image", label: "a WebP image" };
  }
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WAVE") {
    return { mimeType: "audio/wav", extension: "wav", category: "audio", label: "a WAV audio file" };
  }
  if (ascii(bytes, 0, 4) === "fLaC") return { mimeType: "audio/flac", extension: "flac", category: "audio", label: "a FLAC audio file" };
  if (ascii(bytes, 0, 4) === "OggS") {
    return includesAscii(bytes, "theora")
      ? { mimeType: "video/ogg", extension: "ogv", category: "video", label: "an Ogg video file" }
      : { mimeType: "audio/ogg", extension: "ogg", category: "audio", label: "an Ogg audio file" };
  }
  if (ascii(bytes, 4, 8) === "ftyp") {
    const brand = ascii(bytes, 8, 12);
    if (brand === "M4A " || brand === "M4B ") return { mimeType: "audio/mp4", extension: "m4a", category: "audio", label: "an M4A audio file" };
    return { mimeType: "video/mp4", extension: "mp4", category: "video", label: "an MP4 video file" };
  }
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    return includesAscii(bytes, "webm")
      ? { mimeType: "video/webm", extension: "webm", category: "video", label: "a WebM video file" }
      : { mimeType: "video/x-matroska", extension: "mkv", category: "video", label: "a Matroska video file" };
  }
  if (ascii(bytes, 0, 3) === "ID3" || isMpegFrame(bytes)) return { mimeType: "audio/mpeg", extension: "mp3", category: "audio", label: "an MP3 audio file" };
  return null;
}

/** What a file seems to be, for the refusal message: "it looks like a PNG image". */
export function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return "an empty file";
  const known = sniffMediaType(bytes);
  if (known) return known.label;
  const head = ascii(bytes, 0, 8);
  if (head.startsWith("%PDF")) return "a PDF document";
  if (head.startsWith("PK\u0003\u0004")) return "a ZIP archive or office document";
  if (head.startsWith("GIF8")) return "a GIF image (not supported)";
  if (head.startsWith("MZ") || head.startsWith("\u007fELF")) return "a program";
  if (/^\s*</.test(ascii(bytes, 0, 16))) return "an HTML or XML document";
  const printable = [...bytes].every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
  if (printable) return "a text file";
  return "a file of an unknown type";
}
