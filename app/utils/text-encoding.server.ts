// Turns the bytes of an uploaded text file (subtitles, transcripts) into text. Windows editors and
// older subtitle tools still save in a legacy code page (an Arabic SRT in Windows-1256 is common),
// and some save UTF-16; reading everything as UTF-8 turns such a file into "�����" with no sign of
// what went wrong. The order follows the WHATWG "decode" algorithm plus a detector:
//   1. a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE);
//   2. bytes that are valid UTF-8 are UTF-8 (legacy text almost never is), after a look for
//      UTF-16 without a mark;
//   3. otherwise jschardet guesses among the encodings we offer, helped by the file's language.
// The organiser sees which encoding was used and how it was chosen, and can pick another.
import iconv from "iconv-lite";
import jschardet from "jschardet";

/** The encodings offered to organisers, by iconv-lite name, with the label people know them by. */
export const TEXT_ENCODINGS = [
  { id: "utf-8", label: "UTF-8" },
  { id: "utf-16le", label: "UTF-16 LE" },
  { id: "utf-16be", label: "UTF-16 BE" },
  { id: "windows-1252", label: "Windows-1252 (Western European)" },
  { id: "iso-8859-1", label: "ISO-8859-1 (Latin-1)" },
  { id: "iso-8859-15", label: "ISO-8859-15 (Latin-9)" },
  { id: "windows-1256", label: "Windows-1256 (Arabic)" },
  { id: "iso-8859-6", label: "ISO-8859-6 (Arabic)" },
  { id: "windows-1250", label: "Windows-1250 (Central European)" },
  { id: "iso-8859-2", label: "ISO-8859-2 (Central European)" },
  { id: "windows-1251", label: "Windows-1251 (Cyrillic)" },
  { id: "koi8-r", label: "KOI8-R (Cyrillic)" },
  { id: "windows-1253", label: "Windows-1253 (Greek)" },
  { id: "windows-1254", label: "Windows-1254 (Turkish)" },
  { id: "windows-1255", label: "Windows-1255 (Hebrew)" },
  { id: "windows-874", label: "Windows-874 (Thai)" },
  { id: "shift_jis", label: "Shift_JIS (Japanese)" },
  { id: "gb18030", label: "GB18030 (Chinese, simplified)" },
  { id: "big5", label: "Big5 (Chinese, traditional)" },
  { id: "euc-kr", label: "EUC-KR (Korean)" },
] as const;

export type TextEncodingId = (typeof TEXT_ENCODINGS)[number]["id"];

export function isTextEncoding(value: string): value is TextEncodingId {
  return TEXT_ENCODINGS.some((e) => e.id === value);
}

export function encodingLabel(id: string): string {
  return TEXT_ENCODINGS.find((e) => e.id === id)?.label ?? id;
}

/** How the encoding was chosen: a byte order mark, valid UTF-8, the detector, or the organiser. */
export type EncodingSource = "bom" | "utf-8" | "detected" | "chosen";

type DecodedText = { text: string; encoding: TextEncodingId; source: EncodingSource; confidence: number | null };

// The legacy code page a language's files are most often saved in on Windows: the tie-breaker when
// the detector is unsure (a short subtitle file gives it little to go on).
const LEGACY_BY_LANGUAGE: Record<string, TextEncodingId> = {
  ar: "windows-1256",
  fa: "windows-1256",
  ur: "windows-1256",
  pl: "windows-1250",
  cs: "windows-1250",
  sk: "windows-1250",
  hu: "windows-1250",
  hr: "windows-1250",
  ro: "windows-1250",
  sl: "windows-1250",
  ru: "windows-1251",
  uk: "windows-1251",
  bg: "windows-1251",
  sr: "windows-1251",
  el: "windows-1253",
  tr: "windows-1254",
  he: "windows-1255",
  th: "windows-874",
  ja: "shift_jis",
  zh: "gb18030",
  ko: "euc-kr",
};

// jschardet's names for the encodings above (it reports "Windows-1256", "ISO-8859-6", "SHIFT_JIS"…).
const DETECTOR_NAMES: Record<string, TextEncodingId> = {
  "windows-1252": "windows-1252",
  "iso-8859-1": "iso-8859-1",
  "iso-8859-15": "iso-8859-15",
  "windows-1256": "windows-1256",
  "iso-8859-6": "iso-8859-6",
  "windows-1250": "windows-1250",
  "iso-8859-2": "iso-8859-2",
  "windows-1251": "windows-1251",
  "koi8-r": "koi8-r",
  "windows-1253": "windows-1253",
  "windows-1254": "windows-1254",
  "windows-1255": "windows-1255",
  "windows-874": "windows-874",
  "cp874": "windows-874",
  "tis-620": "windows-874",
  "shift_jis": "shift_jis",
  "cp932": "shift_jis",
  "gb2312": "gb18030",
  "gb18030": "gb18030",
  "big5": "big5",
  "euc-kr": "euc-kr",
  "cp949": "euc-kr",
};

const DETECT_ONLY = ["windows-1252", "iso-8859-1", "iso-8859-15", "windows-1256", "iso-8859-6", "windows-1250", "iso-8859-2", "windows-1251", "koi8-r", "windows-1253", "windows-1254", "windows-1255", "cp874", "shift_jis", "gb18030", "big5", "euc-kr"];

function bomEncoding(bytes: Uint8Array): { encoding: TextEncodingId; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

function validUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

// UTF-16 without a mark: text in Latin letters and digits (timing lines) puts a zero in every
// other byte, which no single-byte file has.
function bomlessUtf16(bytes: Uint8Array): TextEncodingId | null {
  const sample = bytes.subarray(0, 4096);
  if (sample.length < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const half = sample.length / 2;
  if (oddZeros > half * 0.3 && evenZeros < half * 0.05) return "utf-16le";
  if (evenZeros > half * 0.3 && oddZeros < half * 0.05) return "utf-16be";
  return null;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Decodes `bytes`. With `chosen`, that encoding is used as the organiser asked; otherwise it is
 * found as described at the top of this file. `language` (an ISO 639-1 code such as "ar") is the
 * language the text is in, when known.
 */
export function decodeText(bytes: Uint8Array, options: { chosen?: TextEncodingId | null; language?: string | null } = {}): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (options.chosen) {
    const bom = bomEncoding(bytes);
    // A mark of the chosen encoding is not text; a mark of another one is left for the organiser to see.
    const start = bom && bom.encoding === options.chosen ? bom.length : 0;
    return { text: stripBom(iconv.decode(buffer.subarray(start), options.chosen)), encoding: options.chosen, source: "chosen", confidence: null };
  }
  const bom = bomEncoding(bytes);
  if (bom) return { text: iconv.decode(buffer.subarray(bom.length), bom.encoding), encoding: bom.encoding, source: "bom", confidence: null };
  // Before the UTF-8 check: zero bytes are valid UTF-8, so UTF-16 without a mark would pass it.
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return { text: iconv.decode(buffer, utf16), encoding: utf16, source: "detected", confidence: null };
  const utf8 = validUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", source: "utf-8", confidence: null };

  const hint = LEGACY_BY_LANGUAGE[(options.language ?? "").toLowerCase().split(/[-_]/)[0] ?? ""] ?? "windows-1252";
  const candidates = jschardet
    .detectAll(buffer, { detectEncodings: DETECT_ONLY, minimumThreshold: 0.1 })
    .map((c) => ({ encoding: DETECTOR_NAMES[(c.encoding ?? "").toLowerCase()], confidence: c.confidence }))
    .filter((c): c is { encoding: TextEncodingId; confidence: number } => c.encoding !== undefined);
  const top = candidates[0];
  const hinted = candidates.find((c) => c.encoding === hint);
  // A confident detector wins; an unsure one is overruled by the language's usual code page when
  // that is among its guesses, or when it has no good guess at all.
  const pick = top && top.confidence >= 0.5 ? top : hinted ?? (top && top.confidence >= 0.2 ? top : { encoding: hint, confidence: top?.confidence ?? 0 });
  return { text: iconv.decode(buffer, pick.encoding), encoding: pick.encoding, source: "detected", confidence: Math.round(pick.confidence * 100) / 100 };
}
