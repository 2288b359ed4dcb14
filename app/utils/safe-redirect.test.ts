import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./safe-redirect.ts";

const SITE = "http://site.example";
/** Where a browser goes when the answer is a redirect to this value. */
const lands = (value: string) => new URL(value, SITE).origin;

describe("safeReturnTo", () => {
  it.each([
    "/\\evil.example",
    "/\t/evil.example",
    "/\r\n/evil.example",
    "//evil.example",
    "/\\/evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("keeps %j from leaving the site", (value) => {
    const result = safeReturnTo(value, "/admin");
    expect(lands(result)).toBe(SITE);
    expect(result).toBe("/admin");
  });

  it("keeps an ordinary path, its query and fragment", () => {
    expect(safeReturnTo("/events/case-management?lng=fr#sessions")).toBe("/events/case-management?lng=fr#sessions");
  });

  it("treats encoded slashes and backslashes as the path they are", () => {
    for (const value of ["/%5Cevil.example", "/%2F%2Fevil.example", "/%09/evil.example"]) expect(lands(safeReturnTo(value))).toBe(SITE);
  });

  it("refuses anything that is not a string", () => {
    expect(safeReturnTo(null, "/events")).toBe("/events");
    expect(safeReturnTo(["/admin"], "/events")).toBe("/events");
  });
});
