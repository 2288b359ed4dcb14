// The privacy notice the registration form's consent cites: /privacy exists in every language
// with a default text, organisers write their own per language in /admin/settings/privacy, and
// the consent box and the footer link to it. Through the built request handler and real SQLite.
import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { authSessionStorage } from "~/organisers/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { documentPart, textOf } from "../helpers/html.ts";
import { BASE_URL, loadBuild } from "../helpers/remix.ts";
import { createEvent, createSession } from "../mail/fixtures.ts";

let handle: (request: Request) => Promise<Response>;
let admin = { cookie: "", csrf: "" };

async function page(pathname: string, cookie = "") {
  const response = await handle(new Request(new URL(pathname, BASE_URL), { headers: cookie ? { Cookie: cookie } : {} }));
  return { status: response.status, html: documentPart(await response.text()) };
}

async function saveNotices(texts: Record<string, string>) {
  const body = new URLSearchParams({ csrf: admin.csrf, ...texts });
  return handle(
    new Request(new URL("/admin/settings/privacy", BASE_URL), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: admin.cookie, Origin: BASE_URL, Host: new URL(BASE_URL).host },
      body: body.toString(),
    }),
  );
}

beforeAll(async () => {
  handle = createRequestHandler(await loadBuild(), "production");
  const organiser = await prisma.organiser.create({ data: { email: "privacy-admin@example.org", passwordHash: "x", role: "admin" } });
  const session = await authSessionStorage.getSession();
  const csrf = randomBytes(32).toString("base64url");
  session.set("organiserId", organiser.id);
  session.set("csrf", csrf);
  admin = { cookie: (await authSessionStorage.commitSession(session)).split(";")[0]!, csrf };
});

describe("/privacy", () => {
  it("answers in every language with a default notice that says what, why, who, how long and how to delete", async () => {
    const en = await page("/privacy?lng=en");
    expect(en.status).toBe(200);
    const text = textOf(en.html);
    for (const part of ["What we collect", "Why", "Who sees them", "How long we keep them", "deleted", "manage your registration"]) expect(text).toContain(part);
    const ar = await page("/privacy?lng=ar");
    expect(ar.status).toBe(200);
    expect(ar.html).toMatch(/<html[^>]*dir="rtl"/);
    expect(textOf(ar.html)).toContain("إشعار الخصوصية");
    expect(textOf(ar.html)).toContain("البيانات التي نجمعها");
    for (const lng of ["fr", "es", "pl"]) {
      const { status, html } = await page(`/privacy?lng=${lng}`);
      expect(status).toBe(200);
      expect(textOf(html)).not.toContain("What we collect");
    }
  });

  it("names the contact address set in /admin/settings, and none while it is unset", async () => {
    expect((await page("/privacy?lng=en")).html).not.toContain("mailto:");
    // Through the settings form, which also drops the settings the server holds in memory.
    const settings = (contactAddress: string) =>
      handle(
        new Request(new URL("/admin/settings", BASE_URL), {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: admin.cookie, Origin: BASE_URL, Host: new URL(BASE_URL).host },
          body: new URLSearchParams([["csrf", admin.csrf], ["siteName", "Learning Events"], ["referenceCities", "london"], ["defaultLocale", "en"], ["contactAddress", contactAddress]]).toString(),
        }),
      );
    expect((await settings("team@example.org")).status).toBe(302);
    try {
      const { html } = await page("/privacy?lng=fr");
      expect(html).toContain('href="mailto:team@example.org"');
      expect(textOf(html)).toMatch(/Écrire à l’équipe d’organisation\s:\s+team@example\.org/);
    } finally {
      await settings("");
    }
  });

  it("is linked from the consent box and the footer", async () => {
    const event = await createEvent(prisma);
    await createSession(prisma, event.id, { startsAt: new Date(Date.now() + 30 * 86_400_000) });
    const { status, html } = await page(`/events/${event.slug}/register`);
    expect(status).toBe(200);
    const consent = /<fieldset class="consents">[\s\S]*?<\/fieldset>/.exec(html)?.[0] ?? "";
    expect(consent).toMatch(/<a href="\/privacy"[^>]*>Read the privacy notice/);
    const footer = /<footer[\s\S]*?<\/footer>/.exec(html)?.[0] ?? "";
    expect(footer).toContain('href="/privacy"');
  });

  it("shows the organisers' own text per language, sanitised, and the default again once emptied", async () => {
    const form = await page("/admin/settings/privacy", admin.cookie);
    expect(form.status).toBe(200);
    expect(textOf(form.html)).toContain("Notice in Français");
    // Anonymous visitors cannot change it.
    const anonymous = await handle(new Request(new URL("/admin/settings/privacy", BASE_URL), { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE_URL, Host: new URL(BASE_URL).host }, body: "fr=x" }));
    expect(anonymous.status).not.toBe(200);
    expect(await prisma.siteSetting.count({ where: { key: { startsWith: "privacyNotice." } } })).toBe(0);

    const response = await saveNotices({ fr: "## Nos engagements\nÉcrivez à dpo@example.org.<script>alert(1)</script>", en: "" });
    expect(response.status).toBe(302);
    const fr = await page("/privacy?lng=fr");
    expect(textOf(fr.html)).toContain("Nos engagements");
    expect(textOf(fr.html)).toContain("dpo@example.org");
    expect(fr.html).not.toContain("<script>alert(1)");
    // Other languages keep the default.
    expect(textOf((await page("/privacy?lng=en")).html)).toContain("What we collect");
    expect(await prisma.auditLog.count({ where: { entityId: "privacy-notice" } })).toBe(1);

    await saveNotices({ fr: "" });
    expect(textOf((await page("/privacy?lng=fr")).html)).toContain("Ce que nous recueillons");
    expect(await prisma.siteSetting.count({ where: { key: { startsWith: "privacyNotice." } } })).toBe(0);
  });

  it("refuses a notice longer than the limit and stores nothing", async () => {
    const response = await saveNotices({ es: "x".repeat(20_001) });
    expect(response.status).toBe(400);
    expect(await prisma.siteSetting.count({ where: { key: "privacyNotice.es" } })).toBe(0);
  });
});
