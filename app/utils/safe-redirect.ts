// Every returnTo / redirectTo read from a request goes through here, so a crafted link cannot
// send someone to another site after signing in or saving a setting.
const PROBE_ORIGIN = "http://same-site.invalid";

/**
 * `value` when it is a path on this site, else `fallback`. "Starts with one slash" is not
 * enough: browsers read `/\evil.example` as `//evil.example`, and drop tabs and newlines, so
 * `/\t/evil.example` becomes `//evil.example` too. Such values are refused outright, and what is
 * left is resolved the way a browser would and must stay on this origin.
 */
export function safeReturnTo(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2048) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (!value.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const url = new URL(value, PROBE_ORIGIN);
    if (url.origin !== PROBE_ORIGIN) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    // "//x" survives as a path only when the input had it, and a browser would leave the site.
    return path.startsWith("//") ? fallback : path;
  } catch {
    return fallback;
  }
}
