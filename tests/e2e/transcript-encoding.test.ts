// An organiser uploads an Arabic SRT saved in Windows-1256 (as Windows Notepad and older subtitle
// tools write it) through the recording page, in Chromium with JavaScript on and off: the page
// says which encoding was used and shows the Arabic text as written, and "Read again" in another
// encoding works from the stored file, without uploading it again.
import { randomUUID } from "node:crypto";
import iconv from "iconv-lite";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { launchBrowser } from "./browser.ts";
import { createOpenEvent, createOrganiserAccount, signInContext } from "./fixtures.ts";
import { startServer, type RunningServer } from "./server.ts";

let server: RunningServer;
let browser: Browser;
let db: PrismaClient;
const email = `transcripts-${randomUUID()}@example.org`;
const password = "a long organiser password";

const FIRST = "مرحبا بكم في ورشة العمل حول معايير حماية الطفل";
const SECOND = "سنتحدث اليوم عن الحماية في حالات الطوارئ";
const SRT = `1\r\n00:00:01,000 --> 00:00:04,000\r\n${FIRST}\r\n\r\n2\r\n00:00:05,000 --> 00:00:08,000\r\n${SECOND}\r\n`;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const { createPrismaClient } = await import("../../app/utils/db.server.ts");
  db = createPrismaClient(`file:${server.databaseFile}`);
  await createOrganiserAccount(db, email, password);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
  await server?.stop();
});

for (const javaScriptEnabled of [true, false]) {
  it(`reads a Windows-1256 Arabic SRT right and says so (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
    const event = await createOpenEvent(db, "transcript-encoding");
    const recording = await db.recording.create({
      data: { eventId: event.id, kind: "embed", title: "Replay", embedProvider: "youtube", embedId: "dQw4w9WgXcQ", mediaUrl: "https://youtu.be/dQw4w9WgXcQ", languageCode: "en" },
    });
    const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled, locale: "en-GB" });
    try {
      await signInContext(context, server.url, email, password);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`/admin/events/${event.id}/recordings/${recording.id}`);
      await page.getByRole("heading", { name: "Transcripts" }).waitFor();

      const bytes = iconv.encode(SRT, "windows-1256");
      // The fixture really is Windows-1256: not UTF-8, and one byte per Arabic letter.
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
      await page.getByLabel("Transcript file").setInputFiles({ name: "arabic.srt", mimeType: "application/x-subrip", buffer: bytes });
      await page.getByLabel("Transcript language").selectOption("ar");
      await page.getByRole("button", { name: "Upload transcript" }).click();

      const result = page.locator(".transcript-import");
      await result.waitFor();
      await expect.poll(() => result.innerText()).toContain("Read as Windows-1256 (Arabic)");
      expect(await result.locator(".transcript-preview li").allInnerTexts()).toEqual([FIRST, SECOND]);
      expect(await result.innerText()).not.toContain("\uFFFD");

      const cues = await db.transcriptCue.findMany({ where: { transcript: { recordingId: recording.id, languageCode: "ar" } }, orderBy: { position: "asc" } });
      expect(cues.map((c) => c.text)).toEqual([FIRST, SECOND]);

      // The list shows the stored encoding once the page has its new data (JavaScript on: after
      // revalidation, which re-renders the list's forms).
      const listed = (label: string) => page.locator(".recording-transcripts li").filter({ hasText: `Read as ${label}` }).waitFor();
      await listed("Windows-1256 (Arabic)");

      // Reading it again as Windows-1252 shows the organiser what a wrong choice looks like…
      const reread = page.locator(".transcript-reread");
      await reread.getByLabel("Text wrong? Read the file again as").selectOption("windows-1252");
      await reread.getByRole("button", { name: "Read again" }).click();
      await expect.poll(() => page.locator(".transcript-import").innerText()).toContain("Read as Windows-1252 (Western European) (as you chose)");
      await listed("Windows-1252 (Western European)");
      // …and choosing Windows-1256 brings the Arabic back, from the stored file.
      await page.locator(".transcript-reread").getByLabel("Text wrong? Read the file again as").selectOption("windows-1256");
      await page.locator(".transcript-reread").getByRole("button", { name: "Read again" }).click();
      await expect.poll(() => page.locator(".transcript-import").innerText()).toContain("Read as Windows-1256 (Arabic) (as you chose)");
      expect(await page.locator(".transcript-preview li").allInnerTexts()).toEqual([FIRST, SECOND]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
}
