// A participant who uses only the keyboard (Tab, Shift+Tab, Enter, Space, arrow keys, typing; no
// mouse, no element handles that click or fill) registers for a webinar and replays a recording,
// in Chromium against the built server. At every stop the focused element must show a focus ring
// and must not be hidden under anything else; Tab must never get stuck.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { createPrismaClient } from "../../app/utils/db.server.ts";
import { launchBrowser } from "./browser.ts";
import { createOpenEvent, makeRecordingPlayable, type PlayableRecording } from "./fixtures.ts";
import { startServer, type RunningServer } from "./server.ts";

const UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "keyboard-e2e-"));
let server: RunningServer;
let browser: Browser;
let db: PrismaClient;
let context: BrowserContext;
let event: { id: string; slug: string; sessions: { id: string }[] };
let recording: PlayableRecording;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ env: { UPLOAD_DIR } }), launchBrowser()]);
  db = createPrismaClient(`file:${server.databaseFile}`);
  event = await createOpenEvent(db, "keyboard");
  recording = await makeRecordingPlayable(db, UPLOAD_DIR, { multilingual: true });
  context = await browser.newContext({ locale: "en-US", timezoneId: "Africa/Nairobi", viewport: { width: 1280, height: 800 } });
}, 120_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await db?.$disconnect();
  await server?.stop();
  rmSync(UPLOAD_DIR, { recursive: true, force: true });
});

/** What the keyboard user is on now, and whether they can see it. */
type Focus = {
  /** A path that identifies the element in the document. */
  key: string;
  tag: string;
  id: string;
  type: string;
  name: string;
  text: string;
  href: string;
  /** The text of the element's label, or its own text. */
  label: string;
  inMain: boolean;
  isBody: boolean;
  ring: string;
  hasRing: boolean;
  /** The middle of the element is inside the viewport and not under another element. */
  unobscured: boolean;
  /** Where the element is and what is on top of its middle, for failure messages. */
  where: string;
};

function readFocus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) {
      return { key: "body", tag: "body", id: "", type: "", name: "", text: "", href: "", label: "", inMain: false, isBody: true, ring: "", hasRing: false, unobscured: false, where: "" };
    }
    const parts: string[] = [];
    for (let node: Element | null = el; node && node !== document.documentElement; node = node.parentElement) {
      parts.unshift(`${node.tagName.toLowerCase()}:${node.parentElement ? Array.prototype.indexOf.call(node.parentElement.children, node) : 0}`);
    }
    const style = getComputedStyle(el);
    const outlineWidth = parseFloat(style.outlineWidth) || 0;
    // The app's focus ring is an outline; a clearly visible box-shadow ring would do too.
    const hasOutline = style.outlineStyle !== "none" && outlineWidth >= 2 && !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(style.outlineColor);
    const hasShadow = style.boxShadow !== "none" && /\d+px \d+px \d+px [2-9]|\b0px 0px 0px [2-9]/.test(style.boxShadow);
    const rect = el.getBoundingClientRect();
    const x = Math.min(Math.max(rect.left + rect.width / 2, 0), window.innerWidth - 1);
    const y = Math.min(Math.max(rect.top + rect.height / 2, 0), window.innerHeight - 1);
    const inViewport = rect.bottom > 0 && rect.top < window.innerHeight && rect.right > 0 && rect.left < window.innerWidth;
    const hit = document.elementFromPoint(x, y);
    const labelled = (el as HTMLInputElement).labels?.[0]?.textContent ?? "";
    return {
      key: parts.join("/"),
      tag: el.tagName.toLowerCase(),
      id: el.id,
      type: (el as HTMLInputElement).type ?? "",
      name: el.getAttribute("name") ?? "",
      text: (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 80),
      href: el.getAttribute("href") ?? "",
      label: (labelled || el.getAttribute("aria-label") || el.textContent || "").replace(/\s+/g, " ").trim(),
      inMain: !!el.closest("main"),
      isBody: false,
      ring: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`,
      hasRing: hasOutline || hasShadow,
      where: `at ${Math.round(rect.left)},${Math.round(rect.top)} ${Math.round(rect.width)}×${Math.round(rect.height)} in ${window.innerWidth}×${window.innerHeight}; on top: <${hit?.tagName.toLowerCase()} class="${hit?.className}">`,
      unobscured: inViewport && !!hit && (hit === el || el.contains(hit) || hit.contains(el) || (el as HTMLInputElement).labels?.[0]?.contains(hit) === true),
    };
  });
}

function expectVisibleFocus(focus: Focus) {
  expect(focus.isBody, "focus is on an element, not lost to the page").toBe(false);
  expect(focus.hasRing, `focus ring on <${focus.tag}> “${focus.label || focus.text}” (${focus.ring})`).toBe(true);
  expect(focus.unobscured, `<${focus.tag}> “${focus.label || focus.text}” is on screen and not covered (${focus.where})`).toBe(true);
}

async function press(page: Page, key: string): Promise<Focus> {
  await page.keyboard.press(key);
  return readFocus(page);
}

/** Presses Tab (or Shift+Tab) until `wanted` holds, checking the focus ring at every stop. */
async function tabUntil(page: Page, wanted: (focus: Focus) => boolean, what: string, options: { back?: boolean; max?: number } = {}): Promise<Focus> {
  const seen: string[] = [];
  for (let i = 0; i < (options.max ?? 60); i++) {
    let focus = await press(page, options.back ? "Shift+Tab" : "Tab");
    // Validation arriving while the reader tabs on adds messages above the field; the page
    // brings the field back into view on the next frame.
    if (!focus.isBody && !focus.unobscured) {
      await page.waitForTimeout(300);
      focus = await readFocus(page);
    }
    if (!focus.isBody) expectVisibleFocus(focus);
    seen.push(`<${focus.tag}> ${focus.label || focus.text || focus.name}`);
    if (wanted(focus)) return focus;
  }
  throw new Error(`Tab never reached ${what}; it went through:\n${seen.join("\n")}`);
}

async function waitForHydration(page: Page) {
  await page.waitForFunction(() => Object.keys(document.body).some((key) => key.startsWith("__reactFiber")));
}

async function openEventPage(): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/events/${event.slug}?lng=en`);
  await waitForHydration(page);
  // The browser's zone reaches the form through the tz cookie and a reload of the page's data;
  // start once that has happened, as a person who waits for the page would.
  await expect.poll(() => page.getByLabel("Time zone").inputValue()).toBe("Africa/Nairobi");
  return page;
}

describe("registering with the keyboard alone", () => {
  it("skips to the content, is told what is wrong and where, corrects it and registers", async () => {
    const page = await openEventPage();

    // 1. The first Tab lands on the skip link, which is shown, and Enter moves focus into <main>.
    const skip = await press(page, "Tab");
    expect(skip.text).toBe("Skip to main content");
    expect(skip.href).toBe("#main");
    expectVisibleFocus(skip);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    const firstInMain = await press(page, "Tab");
    expect(firstInMain.inMain, `the Tab after the skip link stays in the main content (got “${firstInMain.text}”)`).toBe(true);
    expectVisibleFocus(firstInMain);

    // 2. Through the form to its button, leaving everything empty, and submit.
    await tabUntil(page, (f) => f.tag === "button" && f.text === "Register", "the Register button");
    await page.keyboard.press("Enter");

    // 3. The errors are announced (role="alert") and focus moves to their summary.
    const summary = page.locator("form#registration .error-summary");
    await summary.waitFor();
    expect(await summary.getAttribute("role")).toBe("alert");
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
    expectVisibleFocus(await readFocus(page));
    expect(await summary.getByRole("heading").innerText()).toMatch(/^There are \d+ problems with your registration$/);
    const links = await summary.getByRole("link").evaluateAll((anchors) =>
      anchors.map((a) => {
        const id = decodeURIComponent((a.getAttribute("href") ?? "").replace(/^#/, ""));
        const field = document.getElementById(id) as HTMLInputElement | null;
        // A radio button or checkbox group carries its error on the fieldset.
        const holder = field?.getAttribute("aria-invalid") === "true" ? field : field?.closest("fieldset[aria-invalid='true']");
        const described = (holder?.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean).map((e) => document.getElementById(e));
        return {
          id,
          text: (a.textContent ?? "").trim(),
          isControl: !!field && ["INPUT", "SELECT", "TEXTAREA"].includes(field.tagName),
          errorText: (described.find((e) => e?.classList.contains("field-error"))?.textContent ?? "").trim(),
        };
      }),
    );
    // Session, name, email, the custom question and both consents.
    expect(links.map((l) => l.id).sort()).toEqual(
      expect.arrayContaining(["registration-sessionId", "registration-name", "registration-email", "registration-consentPrivacy", "registration-consentRecording"]),
    );
    expect(links.length).toBe(6);
    for (const link of links) {
      expect(link.isControl, `“${link.text}” points at a form field`).toBe(true);
      expect(link.errorText.length, `the field “${link.id}” is described by its error message`).toBeGreaterThan(0);
      expect(link.text, `the summary repeats the field's own message`).toContain(link.errorText);
    }

    // 4. Each link in the summary moves focus to its field; Shift+Tab leads back to the summary.
    let focus = await tabUntil(page, (f) => f.href === `#${links[0]!.id}`, "the first link of the error summary", { max: 3 });
    for (let i = 0; i < links.length; i++) {
      focus = await press(page, "Enter");
      expect(focus.id, `following “${links[i]!.text}” focuses its field`).toBe(links[i]!.id);
      expectVisibleFocus(focus);
      if (i + 1 < links.length) {
        const next = links[i + 1]!;
        await tabUntil(page, (f) => f.href === `#${next.id}`, `the summary link “${next.text}”`, { back: true, max: 40 });
      }
    }

    // 5. Correct everything with the keyboard: arrows and Space choose, typing fills.
    await tabUntil(page, (f) => f.href === "#registration-sessionId", "the session link of the summary", { back: true, max: 40 });
    focus = await press(page, "Enter");
    expect(focus.id).toBe("registration-sessionId");
    await page.keyboard.press("Space");
    focus = await press(page, "ArrowDown");
    expect(focus.label).toContain("Americas session");
    focus = await press(page, "ArrowUp");
    expect(focus.label).toContain("Asia-Pacific session");
    expect(await page.getByRole("radio", { name: /Asia-Pacific session/ }).isChecked()).toBe(true);

    await tabUntil(page, (f) => f.label.startsWith("Name"), "the Name field");
    await page.keyboard.type("Amina Hassan");
    await tabUntil(page, (f) => f.label.startsWith("Email"), "the Email field");
    const email = `keyboard.${Date.now()}@example.org`;
    await page.keyboard.type(email);
    await tabUntil(page, (f) => f.label.startsWith("Country"), "the Country field");
    await page.keyboard.type("Jordan");
    focus = await tabUntil(page, (f) => f.type === "radio" && f.name.startsWith("question_"), "the custom question");
    await page.keyboard.press("Space");
    expect(await page.getByRole("group", { name: /first CPMS webinar/ }).getByLabel("Yes").isChecked()).toBe(true);
    await tabUntil(page, (f) => f.id === "registration-consentPrivacy", "the privacy consent");
    await page.keyboard.press("Space");
    await tabUntil(page, (f) => f.id === "registration-consentRecording", "the recording consent");
    await page.keyboard.press("Space");
    await tabUntil(page, (f) => f.tag === "button" && f.text === "Register", "the Register button");
    await page.keyboard.press("Enter");

    // 6. The confirmation.
    await page.getByRole("heading", { level: 1, name: "Your registration" }).waitFor();
    await page.getByRole("status").getByText("You are registered.", { exact: false }).waitFor();
    const row = await db.registration.findFirstOrThrow({ where: { emailNormalized: email }, select: { name: true, sessionId: true, status: true, country: true } });
    expect(row).toEqual({ name: "Amina Hassan", sessionId: event.sessions[0]!.id, status: "confirmed", country: "Jordan" });
    await page.close();
  }, 120_000);

  it("never traps focus: Tab visits each element once and reaches the end of the page, Shift+Tab comes back", async () => {
    const page = await openEventPage();
    const last = await page.evaluate(() => {
      const candidates = [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]")].filter(
        (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden" && !el.closest("[aria-hidden=true]"),
      );
      const el = candidates.at(-1)!;
      return { text: (el.textContent ?? "").trim(), tag: el.tagName.toLowerCase() };
    });
    const visited: Focus[] = [];
    for (let i = 0; i < 200; i++) {
      const focus = await press(page, "Tab");
      if (focus.isBody || focus.key === visited[0]?.key) break;
      expectVisibleFocus(focus);
      expect(visited.some((v) => v.key === focus.key), `<${focus.tag}> “${focus.label || focus.text}” is visited only once`).toBe(false);
      visited.push(focus);
    }
    expect(visited.length).toBeGreaterThan(25);
    expect(visited[0]!.text).toBe("Skip to main content");
    const end = visited.at(-1)!;
    expect({ tag: end.tag, text: end.text }, "Tab reached the last focusable element of the page").toEqual(last);
    // And back again: Shift+Tab from past the end comes to the last element, then the one before.
    await tabUntil(page, (f) => f.key === end.key, "the last element again", { back: true, max: 3 });
    const back = await press(page, "Shift+Tab");
    expect(back.key).toBe(visited.at(-2)!.key);
    await page.close();
  }, 90_000);
});

describe("replaying with the keyboard alone", () => {
  it("reaches the transcript languages, chapters, the follow switch and the cues, and Enter plays from a cue", async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/recordings/${recording.id}?lng=en`);
    await page.getByLabel("Follow the recording in the transcript").waitFor();

    // An audio player cannot show captions, so it downloads none: the transcript below is the
    // text (a video's default captions track is checked in tests/integration/replay.test.ts).
    expect(await page.locator("audio track").count()).toBe(0);
    // The transcript is an ordered list of cues, each a list item with its time link and words.
    const list = page.getByRole("list").filter({ has: page.locator(".transcript-cue") });
    expect(await list.evaluate((el) => el.tagName)).toBe("OL");
    expect(await list.getByRole("listitem").count()).toBe(recording.cues.length);

    const skip = await press(page, "Tab");
    expect(skip.text).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

    const arabic = await tabUntil(page, (f) => f.href.includes("lang=ar"), "the Arabic transcript link");
    expect(arabic.text).toBe("العربية");
    const firstChapter = await tabUntil(page, (f) => f.key.includes("nav") && /^\d+:\d\d$/.test(f.text), "the first chapter link");
    const secondChapter = await press(page, "Tab");
    expectVisibleFocus(secondChapter);
    expect(secondChapter.text).toMatch(/^\d+:\d\d$/);
    expect(secondChapter.key).not.toBe(firstChapter.key);

    // The follow switch toggles with Space.
    await tabUntil(page, (f) => f.id === "replay-autoscroll", "the follow-the-recording switch");
    const autoScroll = page.getByLabel("Follow the recording in the transcript");
    expect(await autoScroll.isChecked()).toBe(true);
    await page.keyboard.press("Space");
    expect(await autoScroll.isChecked()).toBe(false);
    await page.keyboard.press("Space");
    expect(await autoScroll.isChecked()).toBe(true);

    // A cue a while into the recording: Enter moves the player there and keeps focus on the cue.
    const cueLink = await tabUntil(page, (f) => /#cue-\d+$/.test(f.href) && Number(/[?&]t=(\d+)/.exec(f.href)?.[1]) >= 20, "a cue 20 seconds in", { max: 40 });
    expect(cueLink.label).toMatch(/^Play from \d+:\d\d$/);
    const cueNumber = Number(/#cue-(\d+)$/.exec(cueLink.href)![1]);
    const start = recording.cues[cueNumber - 1]!.startMs / 1000;
    const before = page.url();
    await page.keyboard.press("Enter");
    await page.waitForFunction((s) => Math.abs((document.querySelector("audio")?.currentTime ?? -99) - s) <= 1.5, start);
    expect(page.url(), "the player moved instead of the page").toBe(before);
    expect((await readFocus(page)).key).toBe(cueLink.key);
    expect(await page.locator(`#cue-${cueNumber}`).getAttribute("aria-current")).toBe("true");

    // Back to the second chapter with Shift+Tab: Enter moves the player to its start.
    await tabUntil(page, (f) => f.key === secondChapter.key, "the second chapter link", { back: true });
    const chapterStart = Number(/[?&]t=(\d+)/.exec(secondChapter.href)![1]);
    expect(chapterStart).toBeGreaterThan(0);
    await page.keyboard.press("Enter");
    await page.waitForFunction((s) => Math.abs((document.querySelector("audio")?.currentTime ?? -99) - s) <= 1.5, chapterStart);
    await page.evaluate(() => document.querySelector("audio")?.pause());

    // The Arabic transcript, by keyboard: the list is now in Arabic, right to left.
    await tabUntil(page, (f) => f.key === arabic.key, "the Arabic transcript link", { back: true });
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("ol.transcript-cues").getAttribute("lang")).toBe("ar");
    expect(await page.locator("ol.transcript-cues").getAttribute("dir")).toBe("rtl");
    const languages = page.getByRole("navigation", { name: "Transcript language" });
    expect(await languages.getByRole("link", { name: "العربية" }).getAttribute("aria-current")).toBe("true");
    await page.close();
  }, 90_000);
});
