import { describe, expect, it } from "vitest";
import { slugify } from "./slug.ts";

describe("slugify", () => {
  it("makes an address from a title in any Latin script, at most 80 characters", () => {
    expect(slugify("Évaluer la protection : étape 1")).toBe("evaluer-la-protection-etape-1");
    expect(slugify("  Zarządzanie informacją — część 2  ")).toBe("zarzadzanie-informacja-czesc-2");
    expect(slugify("a ".repeat(60)).length).toBeLessThanOrEqual(80);
    expect(slugify("a ".repeat(60))).not.toMatch(/-$/);
    expect(slugify("حماية الطفل")).toBe("");
  });
});
