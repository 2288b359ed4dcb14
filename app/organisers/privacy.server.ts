import { SUPPORTED_LOCALES, type Locale } from "~/i18n.ts";
import { DEFAULT_PRIVACY_NOTICES } from "~/locales/privacy-notice.server.ts";
import { recordAudit } from "~/organisers/audit.server.ts";
import { prisma } from "~/utils/db.server.ts";

// One SiteSetting row per language ("privacyNotice.fr"); no row means the default text.
const keyFor = (locale: Locale) => `privacyNotice.${locale}`;
export const PRIVACY_NOTICE_MAX = 20_000;

type PrivacyNotice = { markdown: string; isDefault: boolean };

function asLocale(locale: string): Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : "en";
}

function readStored(value: string | undefined): string | null {
  if (value === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === "string" && parsed.trim() ? parsed : null;
  } catch {
    return null;
  }
}

/** Every language's notice as the organisers see it to edit: their text, or the default. */
export async function getPrivacyNotices(): Promise<Record<Locale, PrivacyNotice>> {
  const rows = await prisma.siteSetting.findMany({ where: { key: { in: SUPPORTED_LOCALES.map(keyFor) } }, select: { key: true, value: true } });
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  return Object.fromEntries(
    SUPPORTED_LOCALES.map((locale) => {
      const stored = readStored(byKey.get(keyFor(locale)));
      return [locale, stored ? { markdown: stored, isDefault: false } : { markdown: DEFAULT_PRIVACY_NOTICES[locale], isDefault: true }];
    }),
  ) as Record<Locale, PrivacyNotice>;
}

/** The notice in the reader's language, with the site's name filled in. */
export async function getPrivacyNotice(locale: string, siteName: string): Promise<PrivacyNotice> {
  const lang = asLocale(locale);
  const row = await prisma.siteSetting.findUnique({ where: { key: keyFor(lang) }, select: { value: true } });
  const stored = readStored(row?.value);
  const markdown = (stored ?? DEFAULT_PRIVACY_NOTICES[lang]).replaceAll("{{siteName}}", siteName);
  return { markdown, isDefault: stored === null };
}

/**
 * Saves the organisers' notices. An empty text, or one left as the default, removes the row, so
 * that language follows the default (and its later corrections) instead of a frozen copy.
 */
export async function savePrivacyNotices(actorId: string, notices: Record<Locale, string>) {
  const changed: Locale[] = [];
  await prisma.$transaction(async (tx) => {
    for (const locale of SUPPORTED_LOCALES) {
      const text = (notices[locale] ?? "").replace(/\r\n?/g, "\n").trim();
      const key = keyFor(locale);
      const before = await tx.siteSetting.findUnique({ where: { key }, select: { value: true } });
      if (!text || text === DEFAULT_PRIVACY_NOTICES[locale].trim()) {
        if (before) {
          await tx.siteSetting.delete({ where: { key } });
          changed.push(locale);
        }
        continue;
      }
      const json = JSON.stringify(text);
      if (before?.value === json) continue;
      await tx.siteSetting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
      changed.push(locale);
    }
    if (changed.length) {
      await recordAudit(tx, { actorId, action: "updated", entityType: "site-settings", entityId: "privacy-notice", details: { languages: changed } });
    }
  });
  return { changed };
}
