// A participant registers in Chromium against the built server, opens the manage link from the
// email they receive, switches session and cancels. Elements are found by label and role.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { parse, startSmtpSink, type SmtpSink } from "../mail/smtp-sink.ts";
import { launchBrowser } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";

const HOUR = 3_600_000;
let server: RunningServer;
let browser: Browser;
let db: PrismaClient;
let sink: SmtpSink;
let context: BrowserContext;
let deliverMail: () => Promise<unknown>;
let stopMail: () => Promise<void>;

beforeAll(async () => {
  [server, browser, sink] = await Promise.all([startServer(), launchBrowser(), startSmtpSink()]);
  // The mail worker runs here, against the server's database, so the test decides when mail goes
  // out. Its links must point at the server under test: set BASE_URL before any app module reads
  // the environment (app modules are imported only below, for that reason).
  process.env.BASE_URL = server.url;
  const { createPrismaClient } = await import("../../app/utils/db.server.ts");
  db = createPrismaClient(`file:${server.databaseFile}`);
  const [{ startMailWorker }, { createMailer }] = await Promise.all([
    import("../../app/mail/mail-worker.server.ts"),
    import("../../app/mail/mailer.server.ts"),
  ]);
  const mailer = createMailer({ smtpUrl: sink.url });
  const worker = startMailWorker({ db, mailer, intervalMs: 0, reminders: false, log: () => {} });
  deliverMail = () => worker.runOnce();
  stopMail = async () => {
    await worker.stop();
    mailer.close();
  };
}, 120_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await stopMail?.();
  await db?.$disconnect();
  await sink?.close();
  await server?.stop();
});

async function createEvent() {
  const now = Date.now();
  return db.event.create({
    data: {
      slug: `browser-registration-${now}`,
      type: "webinar",
      status: "published",
      title: "Browser registration walk",
      summary: "A webinar with two sessions.",
      primaryLanguageCode: "en",
      timeZone: "Europe/Zurich",
      capacity: 30,
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/browser-walk",
      sessions: {
        create: [3, 10].map((days, i) => ({
          title: i === 0 ? "Asia-Pacific session" : "Americas session",
          startsAt: new Date(now + days * 24 * HOUR),
          endsAt: new Date(now + days * 24 * HOUR + HOUR),
          timeZone: "Europe/Zurich",
          languageCode: "en",
        })),
      },
      questions: { create: [{ kind: "yesno", label: "Is this your first CPMS webinar?", required: true }] },
    },
    select: { slug: true, sessions: { orderBy: { startsAt: "asc" }, select: { id: true } } },
  });
}

async function mailTo(address: string, subjectPattern: RegExp) {
  for (let attempt = 0; attempt < 20; attempt++) {
    await deliverMail();
    for (const message of sink.messages) {
      if (!message.to.includes(address)) continue;
      const parsed = await parse(message);
      if (subjectPattern.test(parsed.subject ?? "")) return parsed;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No email to ${address} matching ${subjectPattern}; got: ${sink.messages.map((m) => m.to.join(",")).join(" | ")}`);
}

describe("registering in the browser", () => {
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ locale: "en-US", timezoneId: "Africa/Nairobi", viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  it("registers, opens the emailed manage link, switches session and cancels", async () => {
    const event = await createEvent();
    const email = `walk.${Date.now()}@example.org`;
    await page.goto(`${server.url}/events/${event.slug}`);
    // The browser's zone reaches the form through the tz cookie (set by the page's script).
    await expect.poll(() => page.getByLabel("Time zone").inputValue()).toBe("Africa/Nairobi");

    const form = page.locator("form#registration");
    // Validation as you type: a bad email is flagged when the field is left.
    await form.getByLabel("Email").fill("not-an-email");
    await form.getByLabel("Name").click();
    await form.getByText("Enter an email address in the form name@example.org.").waitFor();
    expect(await form.getByLabel("Email").getAttribute("aria-invalid")).toBe("true");

    await form.getByRole("radio", { name: /Asia-Pacific session/ }).check();
    await form.getByLabel("Name").fill("Amina Hassan");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Organisation").fill("Child Protection AoR");
    await form.getByLabel("Country").fill("Kenya");
    await form.getByLabel("Preferred language").selectOption("en");
    await form.getByLabel("Accessibility or interpretation needs").fill("Live captions, please");
    await form.getByRole("group", { name: /first CPMS webinar/ }).getByLabel("Yes").check();
    await form.getByLabel(/privacy notice/).check();
    await form.getByLabel(/this session is recorded/).check();
    await form.getByRole("button", { name: "Register" }).click();

    await page.getByRole("heading", { level: 1, name: "Your registration" }).waitFor();
    await page.getByText("You are registered. A confirmation email with a calendar invitation is on its way.").waitFor();
    expect(page.url()).toMatch(/\/manage\/[A-Za-z0-9_-]{43}\?registered=1$/);

    const confirmation = await mailTo(email, /./);
    const link = new RegExp(`${server.url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/manage/[A-Za-z0-9_-]{43}`).exec(
      `${confirmation.text ?? ""} ${confirmation.html || ""}`,
    )?.[0];
    expect(link, "the confirmation email carries the manage link").toBeTruthy();

    // A fresh browser context: the link alone is enough, no account and no cookie.
    await page.context().clearCookies();
    await page.goto(link!);
    await page.getByText("Asia-Pacific session").waitFor();
    await page.getByText("Confirmed", { exact: true }).waitFor();

    await page.getByRole("radio", { name: /Americas session/ }).check();
    await page.getByRole("button", { name: "Switch session" }).click();
    await page.getByText("Your registration has moved to the new session.").waitFor();
    await page.locator(".manage-summary").getByText("Americas session").waitFor();
    const row = await db.registration.findFirstOrThrow({ where: { emailNormalized: email }, select: { sessionId: true, status: true } });
    expect(row).toEqual({ sessionId: event.sessions[1]!.id, status: "confirmed" });

    await page.getByRole("link", { name: "Cancel my registration" }).click();
    await page.getByRole("heading", { name: "Cancel your registration?" }).waitFor();
    await page.getByRole("button", { name: "Yes, cancel my registration" }).click();
    await page.getByText("Your registration is cancelled.").first().waitFor();
    await page.locator(".manage-summary").getByText("Cancelled", { exact: true }).waitFor();
    expect(await page.getByRole("link", { name: /Download the calendar file/ }).count()).toBe(0);
    expect((await db.registration.findFirstOrThrow({ where: { emailNormalized: email } })).status).toBe("cancelled");
  }, 90_000);
});
