import { describe, expect, it } from "vitest";
import { embedPlayerSrc, embedSeekMessages, embedWatchUrl, readEmbedTime } from "./embed.ts";

describe("embedPlayerSrc", () => {
  it("points YouTube at the privacy-enhanced host, with the script API on and the start time", () => {
    const url = new URL(embedPlayerSrc("youtube", "dQw4w9WgXcQ", { startSeconds: 95.7, autoplay: true, origin: "https://learn.example.org", language: "fr" }));
    expect(url.origin + url.pathname).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ enablejsapi: "1", start: "95", autoplay: "1", origin: "https://learn.example.org", cc_lang_pref: "fr" });
  });

  it("gives Vimeo its start time in the fragment and asks it not to track", () => {
    const url = new URL(embedPlayerSrc("vimeo", "76979871", { startSeconds: 30 }));
    expect(url.origin + url.pathname).toBe("https://player.vimeo.com/video/76979871");
    expect(url.searchParams.get("dnt")).toBe("1");
    expect(url.hash).toBe("#t=30s");
    expect(new URL(embedPlayerSrc("vimeo", "76979871", { startSeconds: 0 })).hash).toBe("");
  });

  it("refuses an id that could break out of the path", () => {
    expect(() => embedPlayerSrc("youtube", "../../evil?x=", {})).toThrow(/Unsafe/);
  });
});

describe("player messages", () => {
  it("asks each provider to seek and play", () => {
    expect(embedSeekMessages("youtube", 42).map((m) => JSON.parse(m))).toEqual([
      { event: "command", func: "seekTo", args: [42, true] },
      { event: "command", func: "playVideo", args: [] },
    ]);
    expect(embedSeekMessages("vimeo", 42).map((m) => JSON.parse(m))).toEqual([{ method: "setCurrentTime", value: 42 }, { method: "play" }]);
  });

  it("reads the playback time from the players' messages and ignores everything else", () => {
    expect(readEmbedTime("youtube", JSON.stringify({ event: "infoDelivery", info: { currentTime: 12.5, playerState: 1 } }))).toEqual({ seconds: 12.5, playing: true });
    expect(readEmbedTime("youtube", JSON.stringify({ event: "infoDelivery", info: { currentTime: 12.5, playerState: 2 } }))).toEqual({ seconds: 12.5, playing: false });
    expect(readEmbedTime("youtube", JSON.stringify({ event: "infoDelivery", info: { volume: 100 } }))).toBeNull();
    expect(readEmbedTime("vimeo", { event: "timeupdate", data: { seconds: 7, percent: 0.1 } })).toEqual({ seconds: 7, playing: true });
    expect(readEmbedTime("vimeo", "not json")).toBeNull();
    expect(readEmbedTime("youtube", { event: "timeupdate", data: { seconds: 7 } })).toBeNull();
  });

  it("links to the video on the provider's site at the same moment", () => {
    expect(embedWatchUrl("youtube", "dQw4w9WgXcQ", 61)).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=61s");
    expect(embedWatchUrl("vimeo", "76979871", null)).toBe("https://vimeo.com/76979871");
  });
});
