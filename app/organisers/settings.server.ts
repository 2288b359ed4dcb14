import { recordAudit } from "~/organisers/audit.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { DEFAULT_REFERENCE_CITIES, isValidTimeZone } from "~/time/time.ts";
import { diffFormValues } from "~/utils/form-diff.ts";

type SiteSettings = {
  siteName: string;
  referenceCities: string[];
  defaultLocale: string;
  /** "Name <address>" used as the From of every email; empty = MAIL_FROM from the environment. */
  senderAddress: string;
  /**
   * A bare address that reaches a person: the Reply-To of every email and the ORGANIZER of
   * calendar invitations. Empty = no Reply-To, and invitations ask for no reply.
   */
  contactAddress: string;
};

const DEFAULTS: SiteSettings = {
  siteName: "Learning Events",
  referenceCities: [...DEFAULT_REFERENCE_CITIES],
  defaultLocale: "en",
  senderAddress: "",
  contactAddress: "",
};

let cache: { value: SiteSettings; at: number } | undefined;
const CACHE_MS = 30_000;

/** Site-wide settings; read on every page, so held briefly in memory. */
export async function getSiteSettings(db: Pick<typeof prisma, "siteSetting"> = prisma): Promise<SiteSettings> {
  if (cache && Date.now() - cache.at < CACHE_MS) return cache.value;
  const rows = await db.siteSetting.findMany({ select: { key: true, value: true } });
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
    if (row.key === "senderAddress" && typeof parsed === "string") value.senderAddress = parsed;
    if (row.key === "contactAddress" && typeof parsed === "string") value.contactAddress = parsed;
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

/** Saves every site setting in one transaction, with its audit entry, and drops the cached copy. */
export async function saveSiteSettings(actorId: string, settings: SiteSettings) {
  await prisma.$transaction(async (tx) => {
    clearSiteSettingsCache();
    const before = await getSiteSettings(tx);
    // Only what changed is written: a default never saved stays a default, and a save that
    // changed nothing leaves no line in the log.
    const keys = (Object.keys(settings) as (keyof SiteSettings)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(settings[key]));
    for (const key of keys) {
      const json = JSON.stringify(settings[key]);
      await tx.siteSetting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
    }
    if (keys.length) {
      await recordAudit(tx, { actorId, action: "updated", entityType: "site-settings", entityId: "site", details: { keys, changed: diffFormValues(before, settings) } });
    }
  });
  clearSiteSettingsCache();
}
