// The layout's rules (eslint.config.js) really fire: each forbidden import is linted as if it sat
// in the file named, and must be reported; the allowed ones must not be.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => /no-restricted-imports/.test(m.ruleId ?? "")).map((m) => m.message);
}

describe("the layout's import rules", () => {
  it("app/utils imports no domain, except for types", async () => {
    expect(await problems("app/utils/new-helper.ts", 'import { formatSessionRange } from "~/time/time.ts";\nexport const x = formatSessionRange;\n')).toHaveLength(1);
    expect(await problems("app/utils/new-helper.ts", 'import { enqueue } from "../mail/outbox.server.ts";\nexport const x = enqueue;\n')).toHaveLength(1);
    expect(await problems("app/utils/new-helper.ts", 'import type { Chapter } from "~/recordings/chapters.ts";\nimport { parseCsv } from "./csv.ts";\nexport const x: Chapter[] = []; export const y = parseCsv;\n')).toEqual([]);
  });

  it("shared components and app/time import no domain", async () => {
    expect(await problems("app/components/new-widget.tsx", 'import { listAudit } from "~/organisers/audit.server.ts";\nexport const x = listAudit;\n')).toHaveLength(1);
    expect(await problems("app/time/new-zone.ts", 'import { getSiteSettings } from "~/organisers/settings.server.ts";\nexport const x = getSiteSettings;\n')).toHaveLength(1);
    expect(await problems("app/time/new-zone.ts", 'import { slugify } from "~/utils/slug.ts";\nexport const x = slugify;\n')).toEqual([]);
  });

  it("nothing outside app/routes imports a route module", async () => {
    expect(await problems("app/events/new-thing.server.ts", 'import { loader } from "~/routes/events._index/route.tsx";\nexport const x = loader;\n')).toHaveLength(1);
    expect(await problems("app/routes/new-page.tsx", 'import { loader } from "~/routes/events._index/route.tsx";\nexport const x = loader;\n')).toEqual([]);
  });
});
