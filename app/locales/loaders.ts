// Browser-side: each locale is its own chunk so a reader downloads only theirs.
type Resource = { default: Record<string, unknown> };
export const localeLoaders: Record<string, () => Promise<Resource>> = {
  en: () => import("./en.ts"),
  fr: () => import("./fr.ts"),
  es: () => import("./es.ts"),
  ar: () => import("./ar.ts"),
  pl: () => import("./pl.ts"),
};
