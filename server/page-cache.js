// A small in-process cache for anonymous pages. A route opts in by sending the
// private header X-Page-Cache-TTL (seconds). Entries die when their TTL passes or
// when the database changes (any commit from any connection or process moves
// SQLite's data_version), so a cached page is never older than the data.

const MAX_ENTRIES = 500;
const VARY_COOKIES = ["lng", "tz", "light"];

function readCookies(header) {
  const out = {};
  if (!header) return out;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0) out[part.slice(0, index).trim()] = part.slice(index + 1).trim();
  }
  return out;
}

export function createPageCache({ dataVersion, now = () => Date.now() }) {
  const entries = new Map();

  function keyFor(req) {
    if (req.method !== "GET") return null;
    const cookies = readCookies(req.headers.cookie);
    // Signed-in organisers see personal pages: never cache for them.
    if (cookies["auth-session"]) return null;
    const language = (req.headers["accept-language"] ?? "").slice(0, 2).toLowerCase();
    return [req.originalUrl, language, ...VARY_COOKIES.map((name) => cookies[name] ?? "")].join("|");
  }

  function get(key) {
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.expires <= now() || entry.version !== dataVersion()) {
      entries.delete(key);
      return null;
    }
    return entry;
  }

  function set(key, entry, ttlSeconds, versionAtStart) {
    // A write that landed while the page rendered makes it stale already.
    if (versionAtStart !== dataVersion()) return;
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value);
    entries.set(key, { ...entry, version: versionAtStart, expires: now() + ttlSeconds * 1000 });
  }

  return { keyFor, get, set, clear: () => entries.clear(), get size() { return entries.size; } };
}
