import { data } from "@remix-run/node";
import { z } from "zod";
import type { TFunction } from "i18next";
import { EVENT_TYPES, findLanguage, findTopic, type CatalogueFilters } from "~/events/events.server.ts";

const schema = z.object({
  when: z.enum(["upcoming", "past"]).default("upcoming"),
  type: z.enum(EVENT_TYPES).optional(),
  topic: z.string().regex(/^[a-z0-9-]{1,120}$/).optional(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/).optional(),
  q: z.string().max(200).optional(),
  page: z.string().regex(/^\d{1,6}$/).transform(Number).pipe(z.number().int().min(1)).default("1"),
});

type CatalogueParams = { ok: true; filters: CatalogueFilters } | { ok: false; message: string };

/**
 * Reads catalogue filters from a URL. Empty fields (an unchanged GET form) count as
 * absent; a value we cannot use comes back as a message that says which one and why,
 * for the caller to answer with a 400.
 */
export async function readCatalogueParams(url: URL, t: TFunction): Promise<CatalogueParams> {
  const raw = Object.fromEntries(
    ["when", "type", "topic", "language", "q", "page"].flatMap((key) => {
      const value = url.searchParams.get(key)?.trim();
      return value ? [[key, value]] : [];
    }),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    return { ok: false, message: t(`catalogue.badParam.${field}`, { value: raw[field] ?? "" }) };
  }
  const filters = parsed.data;
  if (filters.topic && !(await findTopic(filters.topic))) {
    return { ok: false, message: t("catalogue.badParam.unknownTopic", { value: filters.topic }) };
  }
  if (filters.language && !(await findLanguage(filters.language))) {
    return { ok: false, message: t("catalogue.badParam.unknownLanguage", { value: filters.language }) };
  }
  return { ok: true, filters };
}

/** For pages: the filters, or a 400 error page with the message. */
export async function parseCatalogueParams(url: URL, t: TFunction): Promise<CatalogueFilters> {
  const result = await readCatalogueParams(url, t);
  if (!result.ok) throw data(result.message, { status: 400 });
  return result.filters;
}

