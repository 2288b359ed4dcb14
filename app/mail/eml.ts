/**
 * Reads the .eml files the demo mailer writes (nodemailer's output): headers with RFC 2047
 * encoded words, nested multipart bodies, quoted-printable and base64 parts. Enough for showing
 * our own messages to an organiser; not a general-purpose mail parser.
 */

type EmlPart = { contentType: string; params: Record<string, string>; disposition: string; filename: string | null; body: string };
type ParsedEml = {
  headers: Map<string, string>;
  subject: string;
  from: string;
  to: string;
  date: Date | null;
  text: string | null;
  html: string | null;
  calendar: string | null;
  parts: EmlPart[];
};

function splitHead(raw: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return { head: raw, body: "" };
  return { head: raw.slice(0, match.index), body: raw.slice(match.index + match[0].length) };
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  // Unfold continuation lines, then split.
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

function bytesToUtf8(bytes: Uint8Array, charset = "utf-8"): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

function decodeBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text.replace(/[^A-Za-z0-9+/=]/g, "")), (c) => c.charCodeAt(0));
}

function decodeQuotedPrintable(text: string, underscoreIsSpace = false): Uint8Array {
  const source = (underscoreIsSpace ? text.replace(/_/g, " ") : text).replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "=" && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const b of new TextEncoder().encode(ch)) bytes.push(b);
    }
  }
  return Uint8Array.from(bytes);
}

/** "=?UTF-8?Q?R=C3=A9union?=" → "Réunion"; whitespace between two encoded words is dropped. */
export function decodeHeader(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_whole, charset: string, encoding: string, text: string) =>
      bytesToUtf8(encoding.toUpperCase() === "B" ? decodeBase64(text) : decodeQuotedPrintable(text, true), charset),
    );
}

function parseParams(value: string): { value: string; params: Record<string, string> } {
  const [first, ...rest] = value.split(";");
  const params: Record<string, string> = {};
  for (const piece of rest) {
    const eq = piece.indexOf("=");
    if (eq < 0) continue;
    params[piece.slice(0, eq).trim().toLowerCase()] = piece.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
  }
  return { value: (first ?? "").trim().toLowerCase(), params };
}

function collectParts(raw: string, parts: EmlPart[], depth = 0) {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const type = parseParams(headers.get("content-type") ?? "text/plain; charset=utf-8");
  if (type.value.startsWith("multipart/") && type.params.boundary && depth < 5) {
    const delimiter = `--${type.params.boundary}`;
    const sections = body.split(delimiter).slice(1);
    for (const section of sections) {
      if (section.startsWith("--")) break;
      collectParts(section.replace(/^\r?\n/, ""), parts, depth + 1);
    }
    return;
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const content = body.replace(/\r?\n$/, "");
  const bytes =
    encoding === "base64" ? decodeBase64(content) : encoding === "quoted-printable" ? decodeQuotedPrintable(content) : new TextEncoder().encode(content);
  const disposition = parseParams(headers.get("content-disposition") ?? "inline");
  parts.push({
    contentType: type.value,
    params: type.params,
    disposition: disposition.value,
    filename: disposition.params.filename ?? type.params.name ?? null,
    body: bytesToUtf8(bytes, type.params.charset ?? "utf-8"),
  });
}

export function parseEml(raw: string): ParsedEml {
  const { head } = splitHead(raw);
  const headers = parseHeaders(head);
  for (const [key, value] of headers) headers.set(key, decodeHeader(value));
  const parts: EmlPart[] = [];
  collectParts(raw, parts);
  const inline = (type: string) => parts.find((p) => p.contentType === type && p.disposition !== "attachment")?.body ?? null;
  const date = headers.get("date") ? new Date(headers.get("date")!) : null;
  return {
    headers,
    subject: headers.get("subject") ?? "",
    from: headers.get("from") ?? "",
    to: headers.get("to") ?? "",
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    text: inline("text/plain"),
    html: inline("text/html"),
    calendar: parts.find((p) => p.contentType === "text/calendar" || p.contentType === "application/ics")?.body ?? null,
    parts,
  };
}
