// What the browser build puts on the public pages, read from esbuild's metafile (npm test builds
// first). The low-bandwidth budget (issue 6) rests on these: organiser strings, luxon, zod and
// markdown-it stay off the pages readers on slow connections open first, and a reader's language
// comes as its own chunk, never bundled into the page.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "../../app/i18n.ts";
import adminEn from "../../app/locales/admin/en.ts";
import en from "../../app/locales/en.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
type Output = { imports: { path: string; kind: string }[]; inputs: Record<string, unknown>; entryPoint?: string };
let outputs: Record<string, Output>;

beforeAll(() => {
  const file = path.join(ROOT, "build/metafile.js.json");
  if (!existsSync(file)) throw new Error("build/metafile.js.json is missing: run `npm run build` first (npm test does).");
  outputs = (JSON.parse(readFileSync(file, "utf8")) as { outputs: Record<string, Output> }).outputs;
});

/** The output file built from an entry point whose name contains `entry` ("routes/events.$slug/"). */
function outputOf(entry: string): string {
  const found = Object.entries(outputs).filter(([file, o]) => file.endsWith(".js") && o.entryPoint?.includes(entry));
  expect(found.map(([file]) => file), entry).toHaveLength(1);
  return found[0]![0];
}

/** Every chunk a page loads before it runs: static imports, followed; dynamic imports wait until asked. */
function staticClosure(files: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...files];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of outputs[file]!.imports) if (i.kind !== "dynamic-import" && i.path.endsWith(".js")) stack.push(i.path);
  }
  return seen;
}

/** The source modules inside a page's first JavaScript: the client entry, the root, the route. */
function pageInputs(route: string): string[] {
  const files = staticClosure([outputOf("app/entry.client.tsx"), outputOf("browser-route-module:root.tsx"), outputOf(`browser-route-module:${route}`)]);
  return [...files].flatMap((file) => Object.keys(outputs[file]!.inputs));
}

const PUBLIC_ROUTES = [
  "routes/_index.tsx", "routes/events._index/route.tsx", "routes/events.$slug/route.tsx", "routes/events.$slug_.register/route.tsx",
  "routes/recordings._index.tsx", "routes/recordings.$recordingId.tsx", "routes/search.tsx", "routes/settings.tsx",
  "routes/manage.$token/route.tsx", "routes/$.tsx",
];
// The pages the budget measures: nothing heavy that only their loaders need.
const BUDGET_ROUTES = ["routes/events.$slug/route.tsx", "routes/events._index/route.tsx", "routes/recordings.$recordingId.tsx"];

describe("the public pages' first JavaScript", () => {
  it.each(PUBLIC_ROUTES)("%s carries no locale strings, no organiser strings and no server module", (route) => {
    const inputs = pageInputs(route);
    expect(inputs.length, "the route was found and has modules").toBeGreaterThan(3);
    expect(inputs.filter((i) => i.startsWith("app/locales/admin/"))).toEqual([]);
    // Every language arrives as its own chunk when i18next asks for it (app/locales/loaders.ts).
    expect(inputs.filter((i) => /^app\/locales\/[a-z]{2}\.ts$/.test(i))).toEqual([]);
    // The compiler swaps *.server modules for empty stubs ("empty-module:…"); a real one is a leak.
    expect(inputs.filter((i) => /\.server\.tsx?$/.test(i) && !i.startsWith("empty-module:"))).toEqual([]);
  });

  it.each(BUDGET_ROUTES)("%s leaves luxon, zod and markdown-it out", (route) => {
    const inputs = pageInputs(route);
    for (const heavy of ["node_modules/luxon/", "node_modules/zod/", "node_modules/markdown-it/", "node_modules/@conform-to/zod/"]) {
      expect(inputs.filter((i) => i.startsWith(heavy)), heavy).toEqual([]);
    }
  });

  it("loads the registration form's schema and zod only on demand", () => {
    const lazy = outputOf("app/registration/registration-validation.ts");
    const event = outputOf("browser-route-module:routes/events.$slug/route.tsx");
    expect(staticClosure([event]).has(lazy)).toBe(false);
    const lazyInputs = [...staticClosure([lazy])].flatMap((file) => Object.keys(outputs[file]!.inputs));
    expect(lazyInputs).toContain("app/registration/registration-schema.ts");
    expect(lazyInputs.some((i) => i.startsWith("node_modules/zod/"))).toBe(true);
  });
});

describe("the locale chunks", () => {
  const adminSections = Object.keys(adminEn);
  const publicSections = Object.keys(en);

  it.each(SUPPORTED_LOCALES)("%s: the public chunk holds no organiser section, the admin chunk all of them", (locale) => {
    const publicChunk = readFileSync(path.join(ROOT, outputOf(`app/locales/${locale}.ts`)), "utf8");
    const adminChunk = readFileSync(path.join(ROOT, outputOf(`app/locales/admin/${locale}.ts`)), "utf8");
    const has = (code: string, section: string) => new RegExp(`\\b${section}\\s*:\\s*\\{`).test(code);
    expect(adminSections.length).toBeGreaterThan(3);
    expect(adminSections.filter((s) => has(publicChunk, s)), "organiser sections in the public chunk").toEqual([]);
    expect(publicSections.filter((s) => !has(publicChunk, s)), "public sections missing from the public chunk").toEqual([]);
    expect(adminSections.filter((s) => !has(adminChunk, s)), "organiser sections missing from the admin chunk").toEqual([]);
    // A public chunk that imported the admin one would bring it along.
    const adminFile = outputOf(`app/locales/admin/${locale}.ts`);
    expect(staticClosure([outputOf(`app/locales/${locale}.ts`)]).has(adminFile)).toBe(false);
  });
});
