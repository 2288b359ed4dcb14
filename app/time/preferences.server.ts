import { isValidTimeZone } from "./time.ts";

// The viewer's time zone: detected in the browser (which writes this cookie) or
// chosen on the settings page. Absent until then, and pages fall back to the
// event's own zone with its name shown.
const TIME_ZONE_COOKIE = "tz";
const YEAR = 60 * 60 * 24 * 365;

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) {
      try {
        return decodeURIComponent(rest.join("="));
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function getViewerTimeZone(request: Request): string | null {
  const zone = readCookie(request, TIME_ZONE_COOKIE);
  return zone && isValidTimeZone(zone) ? zone : null;
}

export function serializeTimeZoneCookie(zone: string): string {
  return `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=${YEAR}; SameSite=Lax`;
}

// The light version (for slow or metered connections): images and media stay unloaded until the
// reader asks for each one. Remembered for a year; the page cache varies on this cookie.
const LIGHT_COOKIE = "light";

export function getLightMode(request: Request): boolean {
  return readCookie(request, LIGHT_COOKIE) === "1";
}

export function serializeLightCookie(on: boolean): string {
  return on ? `${LIGHT_COOKIE}=1; Path=/; Max-Age=${YEAR}; SameSite=Lax` : `${LIGHT_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
}
