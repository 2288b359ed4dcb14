// Bytes a first visit to a page transfers, measured in Chromium: a fresh browser
// context (empty cache, no cookies), every response's encodedDataLength from the
// DevTools protocol (headers + compressed body, what DevTools calls "transferred").
import { chromium } from "playwright-core";

export type Group = "html" | "css" | "js" | "other";
export type PageWeight = {
  bytes: Record<Group | "total", number>;
  /** Requests that got a response; cancelled ones stay listed in `responses` with status 0. */
  requests: number;
  thirdPartyRequests: string[];
  responses: { url: string; type: string; status: number; encoding: string; bytes: number }[];
};

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

function groupOf(type: string): Group {
  if (type === "Document") return "html";
  if (type === "Stylesheet") return "css";
  if (type === "Script") return "js";
  return "other";
}

export type PageWeightRun = {
  javaScriptEnabled: boolean;
  /** The browser's language (Accept-Language and navigator.language); en-GB unless given. */
  locale?: string;
};

export async function measurePageWeight(url: string, runs: PageWeightRun[]): Promise<PageWeight[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
  try {
    const origin = new URL(url).origin;
    const out: PageWeight[] = [];
    for (const { javaScriptEnabled, locale = "en-GB" } of runs) {
      // A visitor in London; no tz cookie yet, so with JavaScript the page detects the zone
      // and revalidates, which is part of what a first visit costs.
      const context = await browser.newContext({ javaScriptEnabled, timezoneId: "Europe/London", locale });
      try {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        const seen = new Map<string, { url: string; type: string; status: number; encoding: string; bytes: number }>();
        const thirdParty: string[] = [];
        cdp.on("Network.requestWillBeSent", (event) => {
          const requestUrl: string = event.request.url;
          if (!requestUrl.startsWith("data:") && new URL(requestUrl).origin !== origin) thirdParty.push(requestUrl);
          seen.set(event.requestId, { url: requestUrl, type: event.type ?? "Other", status: 0, encoding: "", bytes: 0 });
        });
        cdp.on("Network.responseReceived", (event) => {
          const entry = seen.get(event.requestId);
          if (!entry) return;
          entry.status = event.response.status;
          const headers = event.response.headers as Record<string, string>;
          entry.encoding = Object.entries(headers).find(([k]) => k.toLowerCase() === "content-encoding")?.[1] ?? "";
        });
        cdp.on("Network.loadingFinished", (event) => {
          const entry = seen.get(event.requestId);
          if (entry) entry.bytes = event.encodedDataLength;
        });
        await cdp.send("Network.enable");
        await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
        await page.goto(url, { waitUntil: "load", timeout: 30_000 });
        await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => {});
        await page.waitForTimeout(300);
        const responses = [...seen.values()].filter((r) => !r.url.startsWith("data:"));
        const bytes = { html: 0, css: 0, js: 0, other: 0, total: 0 };
        for (const r of responses) {
          bytes[groupOf(r.type)] += r.bytes;
          bytes.total += r.bytes;
        }
        // With JavaScript off Chromium still starts the modulepreload hints and cancels them (status 0, 0 bytes).
        const completed = responses.filter((r) => r.status > 0).length;
        out.push({ bytes, requests: completed, thirdPartyRequests: thirdParty, responses });
      } finally {
        await context.close();
      }
    }
    return out;
  } finally {
    await browser.close();
  }
}
