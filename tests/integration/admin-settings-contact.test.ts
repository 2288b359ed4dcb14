// The contact address in /admin/settings (the Reply-To of every email and the ORGANIZER of
// invitations), through the built app: shown, validated as an email address, saved.
import { createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { hashPassword } from "~/organisers/organisers.server.ts";
import { BASE_URL, loadBuild } from "../helpers/remix.ts";

let handle: (request: Request) => Promise<Response>;
let cookie: string;
let csrf: string;
const PASSWORD = "correct horse battery staple";

const get = (path: string) => handle(new Request(new URL(path, BASE_URL), { headers: { Cookie: cookie } }));

function save(contactAddress: string) {
  const body = new URLSearchParams([
    ["csrf", csrf],
    ["siteName", "CPMS learning"],
    ["referenceCities", "london"],
    ["defaultLocale", "en"],
    ["senderAddress", "CPMS Learning <no-reply@example.org>"],
    ["contactAddress", contactAddress],
  ]);
  return handle(
    new Request(new URL("/admin/settings", BASE_URL), {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    }),
  );
}

const stored = async () => (await prisma.siteSetting.findUnique({ where: { key: "contactAddress" } }))?.value ?? null;

beforeAll(async () => {
  const build = await loadBuild();
  handle = createRequestHandler(build, "production");
  const email = "settings-admin@example.org";
  await prisma.organiser.create({ data: { email, passwordHash: await hashPassword(PASSWORD), role: "admin" } });
  const response = await handle(
    new Request(new URL("/admin/login", BASE_URL), {
      method: "POST",
      body: new URLSearchParams({ email, password: PASSWORD, returnTo: "/admin" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
  );
  expect(response.status).toBe(302);
  cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
  const page = await get("/admin/settings");
  expect(page.status).toBe(200);
  csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  expect(csrf).not.toBe("");
});

describe("/admin/settings: contact address", () => {
  it("is a field of the form, refuses what is not an email address and saves one that is", async () => {
    const form = await (await get("/admin/settings")).text();
    expect(form).toMatch(/<input[^>]*name="contactAddress"[^>]*type="email"|<input[^>]*type="email"[^>]*name="contactAddress"/);
    expect(form).toContain("Contact address for replies");

    for (const bad of ["not an address", "Team <team@example.org>", "a@b\r\nBcc: x@example.org"]) {
      const refused = await save(bad);
      expect(refused.status, bad).toBe(400);
      expect(await refused.text(), bad).toContain("Enter an email address such as learning@example.org.");
      expect(await stored(), bad).toBeNull();
    }

    const saved = await save("  learning-team@example.org ");
    expect(saved.status).toBe(302);
    expect(await stored()).toBe(JSON.stringify("learning-team@example.org"));
    expect(await (await get("/admin/settings")).text()).toContain('value="learning-team@example.org"');

    // Emptying it is allowed: then emails carry no Reply-To.
    expect((await save("")).status).toBe(302);
    expect(await stored()).toBe(JSON.stringify(""));
  });
});
