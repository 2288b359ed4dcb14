import type { CatalogueFilters } from "~/events/events.server.ts";

/** The same filters as a query string, for links that keep the reader's choices. */
export function catalogueSearch(filters: Partial<CatalogueFilters>, changes: Partial<Record<keyof CatalogueFilters, string | number | undefined>> = {}) {
  const params = new URLSearchParams();
  const merged = { ...filters, ...changes } as Record<string, unknown>;
  for (const key of ["when", "type", "topic", "language", "q", "page"]) {
    const value = merged[key];
    if (value === undefined || value === "" || (key === "when" && value === "upcoming") || (key === "page" && Number(value) === 1)) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}
