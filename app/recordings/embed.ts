// Embedded players (YouTube, Vimeo) driven through postMessage, without loading either
// provider's script API: the page stays free of third-party scripts, and nothing is fetched
// from the provider until the learner asks for the player.

export type EmbedProvider = "youtube" | "vimeo";

/** The only frame origins the site allows (server/app.js lists the same in `frame-src`). */
export const EMBED_ORIGINS: Record<EmbedProvider, string> = {
  // The privacy-enhanced host: no tracking cookies until the video plays.
  youtube: "https://www.youtube-nocookie.com",
  vimeo: "https://player.vimeo.com",
};

export function isEmbedProvider(value: unknown): value is EmbedProvider {
  return value === "youtube" || value === "vimeo";
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** The player's address, starting at `startSeconds`, able to take commands from `origin`. */
export function embedPlayerSrc(
  provider: EmbedProvider,
  id: string,
  options: { startSeconds?: number | null; autoplay?: boolean; origin?: string; language?: string },
): string {
  if (!SAFE_ID.test(id)) throw new Error(`Unsafe ${provider} video id: ${id}`);
  const start = Math.max(0, Math.floor(options.startSeconds ?? 0));
  if (provider === "youtube") {
    const params = new URLSearchParams({ enablejsapi: "1", rel: "0", playsinline: "1", cc_load_policy: "1" });
    if (options.autoplay) params.set("autoplay", "1");
    if (start > 0) params.set("start", String(start));
    if (options.origin) params.set("origin", options.origin);
    if (options.language) {
      params.set("hl", options.language);
      params.set("cc_lang_pref", options.language);
    }
    return `${EMBED_ORIGINS.youtube}/embed/${id}?${params}`;
  }
  const params = new URLSearchParams({ dnt: "1", playsinline: "1" });
  if (options.autoplay) params.set("autoplay", "1");
  if (options.language) params.set("texttrack", options.language);
  // Vimeo takes the start time in the fragment.
  return `${EMBED_ORIGINS.vimeo}/video/${id}?${params}${start > 0 ? `#t=${start}s` : ""}`;
}

/** Where a learner can watch the video on the provider's own site (the no-JavaScript fallback). */
export function embedWatchUrl(provider: EmbedProvider, id: string, startSeconds?: number | null): string {
  const start = Math.max(0, Math.floor(startSeconds ?? 0));
  if (provider === "youtube") return `https://www.youtube.com/watch?v=${encodeURIComponent(id)}${start > 0 ? `&t=${start}s` : ""}`;
  return `https://vimeo.com/${encodeURIComponent(id)}${start > 0 ? `#t=${start}s` : ""}`;
}

/** Messages that ask the player to report its time as it plays. */
export function embedListenMessages(provider: EmbedProvider): string[] {
  if (provider === "youtube") return [JSON.stringify({ event: "listening", id: 1, channel: "widget" })];
  return [JSON.stringify({ method: "addEventListener", value: "timeupdate" }), JSON.stringify({ method: "addEventListener", value: "play" })];
}

/** Messages that move the player to `seconds` and play from there. */
export function embedSeekMessages(provider: EmbedProvider, seconds: number): string[] {
  if (provider === "youtube") {
    return [
      JSON.stringify({ event: "command", func: "seekTo", args: [seconds, true] }),
      JSON.stringify({ event: "command", func: "playVideo", args: [] }),
    ];
  }
  return [JSON.stringify({ method: "setCurrentTime", value: seconds }), JSON.stringify({ method: "play" })];
}

/**
 * The playback time in a message from the player, or null for any other message.
 * `playing` is false when the player says it is paused (YouTube's playerState 1 = playing).
 */
export function readEmbedTime(provider: EmbedProvider, data: unknown): { seconds: number; playing: boolean } | null {
  let message: unknown = data;
  if (typeof data === "string") {
    try {
      message = JSON.parse(data);
    } catch {
      return null;
    }
  }
  if (!message || typeof message !== "object") return null;
  const m = message as Record<string, unknown>;
  if (provider === "youtube") {
    if (m.event !== "infoDelivery" || !m.info || typeof m.info !== "object") return null;
    const info = m.info as Record<string, unknown>;
    if (typeof info.currentTime !== "number" || !Number.isFinite(info.currentTime)) return null;
    return { seconds: info.currentTime, playing: info.playerState === undefined || info.playerState === 1 };
  }
  if (m.event !== "timeupdate" || !m.data || typeof m.data !== "object") return null;
  const seconds = (m.data as Record<string, unknown>).seconds;
  return typeof seconds === "number" && Number.isFinite(seconds) ? { seconds, playing: true } : null;
}
