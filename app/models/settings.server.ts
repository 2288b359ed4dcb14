import { prisma } from "~/utils/db.server.ts";
import { DEFAULT_REFERENCE_CITIES, isValidTimeZone } from "~/utils/time.ts";

export type SiteSettings = {
  siteName: string;
  referenceCities: string[];
  defaultLocale: string;
};

const DEFAULTS: SiteSettings = {
  siteName: "Learning Events",
  referenceCities: [...DEFAULT_REFERENCE_CITIES],
  defaultLocale: "en",
};

let cache: { value: SiteSettings; at: number } | undefined;
const CACHE_MS = 30_000;

/** Site-wide settings; read on every page, so held briefly in memory. */
export async function getSiteSettings(): Promise<SiteSettings> {
  if (cache && Date.now() - cache.at < CACHE_MS) return cache.value;
  const rows = await prisma.siteSetting.findMany({ select: { key: true, value: true } });
  const value = { ...DEFAULTS };
  for (const row of rows) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.value);
    } catch {
      continue;
    }
    if (row.key === "siteName" && typeof parsed === "string" && parsed.trim()) value.siteName = parsed;
    if (row.key === "defaultLocale" && typeof parsed === "string") value.defaultLocale = parsed;
    if (row.key === "referenceCities" && Array.isArray(parsed)) {
      const zones = parsed.filter((z): z is string => typeof z === "string" && isValidTimeZone(z));
      if (zones.length) value.referenceCities = zones;
    }
  }
  cache = { value, at: Date.now() };
  return value;
}

export function clearSiteSettingsCache() {
  cache = undefined;
}
