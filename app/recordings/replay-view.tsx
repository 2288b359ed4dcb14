import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Clock } from "~/recordings/replay-clock.tsx";
import { TranscriptList, type TranscriptCueView } from "~/recordings/transcript-list.tsx";
import { localeDirection } from "~/i18n.ts";
import {
  EMBED_ORIGINS,
  embedListenMessages,
  embedPlayerSrc,
  embedSeekMessages,
  embedWatchUrl,
  readEmbedTime,
  type EmbedProvider,
} from "~/recordings/embed.ts";
import { languageName } from "~/utils/language-names.ts";
import type { Chapter } from "~/recordings/chapters.ts";

export type ReplayMedia = { element: "audio" | "video"; src: string; mimeType: string | null; posterUrl: string | null };
type ReplayEmbed = { provider: EmbedProvider; id: string; title: string };
const EMBED_PROVIDER_NAMES: Record<EmbedProvider, string> = { youtube: "YouTube", vimeo: "Vimeo" };

// How often, in seconds of playback, the learning record is brought up to date.
const PROGRESS_EVERY_SECONDS = 15;

type Props = {
  recordingId: string;
  media: ReplayMedia | null;
  /** A YouTube or Vimeo video, loaded only when the learner asks (`play`, or a click). */
  embed: ReplayEmbed | null;
  play: boolean;
  /** The page with the player loaded (`?play=1`), for readers without JavaScript. */
  playHref: string;
  /** The site's public origin, so the embedded player knows whose messages to answer. */
  siteOrigin: string;
  captionLanguages: string[];
  defaultCaptionLanguage: string | null;
  chapters: Chapter[];
  transcript: { languageCode: string; cues: TranscriptCueView[] } | null;
  startAt: number | null;
  progressToken: string | null;
  /** The page's URL with these parameters changed, for links that work without JavaScript. */
  hrefWith: (changes: Record<string, string | null>, hash?: string) => string;
  transcriptSwitcher: React.ReactNode;
  downloads: React.ReactNode;
};

/** Index of the last cue that has started at `ms` (cues are sorted by start), or -1. */
function cueIndexAt(starts: number[], ms: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (starts[mid] <= ms) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

export function ReplayView(props: Props) {
  const { recordingId, media, embed, captionLanguages, defaultCaptionLanguage, chapters, transcript, startAt, progressToken, hrefWith } = props;
  const { t, i18n } = useTranslation();
  const mediaRef = useRef<HTMLAudioElement & HTMLVideoElement>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);
  // Where the embedded player starts; null until the learner asks for it, so that nothing is
  // requested from the provider before then.
  const [embedStart, setEmbedStart] = useState<number | null>(embed && props.play ? (startAt ?? 0) : null);
  const embedLoaded = embed !== null && embedStart !== null;
  const listRef = useRef<HTMLDivElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [autoScroll, setAutoScroll] = useState(true);
  const autoScrollRef = useRef(autoScroll);
  autoScrollRef.current = autoScroll;
  const fetcher = useFetcher();
  const submitRef = useRef(fetcher.submit);
  submitRef.current = fetcher.submit;

  useEffect(() => setHydrated(true), []);

  const cues = transcript?.cues;
  // Links to moments are made to be copied and shared, so they never carry the personal ?r= token.
  const cueHref = useCallback((seconds: number, n: number) => hrefWith({ t: String(seconds), r: null }, `cue-${n}`), [hrefWith]);

  // Highlight the current cue, seek on clicks, honour ?t=, and keep the learning record.
  useEffect(() => {
    const element = mediaRef.current;
    const frame = frameRef.current;
    const container = listRef.current;
    if (!container) return;
    const starts = (cues ?? []).map((cue) => cue.startMs);
    // Picks up a highlight left by the previous run of this effect (e.g. before the player loaded).
    let current: HTMLElement | null = container.querySelector<HTMLElement>(".transcript-cue.is-current");

    const highlight = (seconds: number) => {
      // Links to a moment carry whole seconds (?t=75 for a cue at 75.4 s): within that second the
      // cue the link points at is the current one, not the one before it.
      const rounding = startAt !== null && seconds >= startAt && seconds < startAt + 1 ? 999 : 0;
      const index = cueIndexAt(starts, seconds * 1000 + rounding);
      const next = index >= 0 ? container.querySelector<HTMLElement>(`#cue-${index + 1}`) : null;
      if (next === current) return;
      current?.classList.remove("is-current");
      current?.removeAttribute("aria-current");
      current = next;
      if (!next) return;
      next.classList.add("is-current");
      next.setAttribute("aria-current", "true");
      const list = next.closest<HTMLElement>(".transcript-cues");
      if (autoScrollRef.current && list) {
        list.scrollTo({ top: Math.max(0, next.offsetTop - list.clientHeight / 3), behavior: "smooth" });
      }
    };

    const postToFrame = (messages: string[]) => {
      if (!frame || !embed) return;
      for (const message of messages) frame.contentWindow?.postMessage(message, EMBED_ORIGINS[embed.provider]);
    };

    /** Moves whichever player the page has to `seconds`; false when there is none to move. */
    const seek = (seconds: number) => {
      if (element) {
        element.currentTime = seconds;
        void element.play().catch(() => {});
      } else if (frame && embed) postToFrame(embedSeekMessages(embed.provider, seconds));
      else if (embed) setEmbedStart(seconds); // loads the player there
      else return false;
      highlight(seconds);
      return true;
    };

    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const target = event.target as HTMLElement;
      // A learner selecting words to copy them is not asking to seek.
      if (!target.closest("a") && (window.getSelection()?.toString() ?? "") !== "") return;
      const seekable = target.closest<HTMLElement>("[data-seek]") ?? target.closest<HTMLElement>(".transcript-cue")?.querySelector<HTMLElement>("[data-seek]");
      if (!seekable || !seek(Number(seekable.dataset.seek))) return;
      event.preventDefault();
    };
    container.addEventListener("click", onClick);

    let reached = 0;
    let sent = 0;
    const report = () => {
      const seconds = Math.floor(reached);
      if (!progressToken || seconds <= sent) return;
      sent = seconds;
      submitRef.current({ r: progressToken, secondsWatched: String(seconds) }, { method: "post" });
    };
    let lastReport = 0;
    const onTime = (seconds: number, playing: boolean) => {
      highlight(seconds);
      if (!playing) return;
      reached = Math.max(reached, seconds);
      lastReport = lastReport || seconds;
      if (Math.abs(seconds - lastReport) >= PROGRESS_EVERY_SECONDS) {
        lastReport = seconds;
        report();
      }
    };
    const cleanups: (() => void)[] = [() => container.removeEventListener("click", onClick)];

    if (element) {
      const onMediaTime = () => onTime(element.currentTime, !element.paused && !element.seeking);
      const onSeeked = () => {
        lastReport = element.currentTime;
        highlight(element.currentTime);
      };
      const applyStart = () => {
        if (startAt !== null) element.currentTime = startAt;
      };
      element.addEventListener("timeupdate", onMediaTime);
      element.addEventListener("seeked", onSeeked);
      element.addEventListener("pause", report);
      element.addEventListener("ended", report);
      if (startAt !== null) {
        if (element.readyState >= 1) applyStart();
        else element.addEventListener("loadedmetadata", applyStart, { once: true });
      }
      cleanups.push(() => {
        element.removeEventListener("timeupdate", onMediaTime);
        element.removeEventListener("seeked", onSeeked);
        element.removeEventListener("pause", report);
        element.removeEventListener("ended", report);
        element.removeEventListener("loadedmetadata", applyStart);
      });
    } else if (frame && embed) {
      const onMessage = (event: MessageEvent) => {
        if (event.origin !== EMBED_ORIGINS[embed.provider] || event.source !== frame.contentWindow) return;
        const time = readEmbedTime(embed.provider, event.data);
        if (!time) return;
        onTime(time.seconds, time.playing);
        if (!time.playing) report();
      };
      const listen = () => postToFrame(embedListenMessages(embed.provider));
      window.addEventListener("message", onMessage);
      frame.addEventListener("load", listen);
      // A player rendered by the server (?play=1) may have loaded before this ran; a player still
      // loading drops this message (wrong origin) and gets the one sent on "load".
      listen();
      cleanups.push(() => {
        window.removeEventListener("message", onMessage);
        frame.removeEventListener("load", listen);
        report();
      });
    }
    if (startAt !== null) highlight(startAt);
    return () => cleanups.forEach((cleanup) => cleanup());
  }, [cues, startAt, progressToken, embed, embedLoaded]);

  const captionTracks = captionLanguages.map((code) => (
    <track
      key={code}
      kind="captions"
      srcLang={code}
      label={languageName(code, i18n.language)}
      src={`/recordings/${recordingId}/captions/${code}.vtt`}
      default={code === defaultCaptionLanguage}
    />
  ));
  // A link to a moment asks for the start of the file too, so fetch metadata at once then.
  const preload = startAt !== null ? "metadata" : "none";
  const fallback = (
    <p>
      {t("replay.noMediaSupport")}
      {media ? (
        <>
          {" "}
          <a href={media.src}>{media.src}</a>
        </>
      ) : null}
    </p>
  );

  const providerName = embed ? EMBED_PROVIDER_NAMES[embed.provider] : "";
  const embedPlayer = embed ? (
    <div className="replay-player replay-embed" id="player">
      {embedStart !== null ? (
        <iframe
          ref={frameRef}
          src={embedPlayerSrc(embed.provider, embed.id, { startSeconds: embedStart, autoplay: true, origin: props.siteOrigin, language: i18n.language })}
          title={t("replay.embedFrameTitle", { title: embed.title, provider: providerName })}
          allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
          allowFullScreen
        />
      ) : (
        <div className="embed-facade">
          <p>{t("replay.embedNotice", { provider: providerName })}</p>
          <p>
            <a
              className="button-link"
              href={props.playHref}
              onClick={(event) => {
                event.preventDefault();
                setEmbedStart(startAt ?? 0);
              }}
            >
              {t("replay.embedPlay", { provider: providerName })}
            </a>{" "}
            <a href={embedWatchUrl(embed.provider, embed.id, startAt)} rel="noopener noreferrer">
              {t("replay.embedWatchOn", { provider: providerName })}
            </a>
          </p>
        </div>
      )}
      {progressToken ? <p className="replay-note">{t("replay.progressNote")}</p> : null}
    </div>
  ) : null;

  return (
    <div className="replay-layout" ref={listRef}>
      {embedPlayer}
      {media ? (
        <div className="replay-player">
          {media.element === "video" ? (
            <video ref={mediaRef} controls preload={preload} poster={media.posterUrl ?? undefined} playsInline>
              <source src={media.src} type={media.mimeType ?? undefined} />
              {captionTracks}
              {fallback}
            </video>
          ) : (
            // No captions track: an audio player cannot show one, and a default track would be
            // downloaded anyway (about 50 KB for two hours); the transcript beside it is the text.
            <audio ref={mediaRef} controls preload={preload}>
              <source src={media.src} type={media.mimeType ?? undefined} />
              {fallback}
            </audio>
          )}
          {progressToken ? <p className="replay-note">{t("replay.progressNote")}</p> : null}
        </div>
      ) : null}
      <section className="replay-transcript" aria-labelledby="transcript-heading">
        <h2 id="transcript-heading">{t("replay.transcript")}</h2>
        {props.transcriptSwitcher}
        {chapters.length ? (
          <nav aria-labelledby="chapters-heading" className="replay-chapters">
            <h3 id="chapters-heading">{t("replay.chaptersHeading")}</h3>
            <ol>
              {chapters.map((chapter, i) => (
                <li key={`${chapter.startSeconds}-${chapter.title}`}>
                  {/* The link's name is the time; the title beside it describes it to screen readers. */}
                  <a href={hrefWith({ t: String(chapter.startSeconds), r: null })} data-seek={chapter.startSeconds} aria-describedby={`chapter-${i + 1}`}>
                    <Clock seconds={chapter.startSeconds} />
                  </a>{" "}
                  <span id={`chapter-${i + 1}`}>{chapter.title}</span>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        {(media || embedLoaded) && hydrated ? (
          <p className="field-checkbox replay-autoscroll">
            <input id="replay-autoscroll" type="checkbox" checked={autoScroll} onChange={(event) => setAutoScroll(event.target.checked)} />
            <label htmlFor="replay-autoscroll">{t("replay.autoScroll")}</label>
          </p>
        ) : null}
        {transcript && transcript.cues.length ? (
          <TranscriptList cues={transcript.cues} hrefFor={cueHref} languageCode={transcript.languageCode} dir={localeDirection(transcript.languageCode)} />
        ) : (
          <p>{transcript ? t("replay.noCues") : t("replay.noTranscript")}</p>
        )}
        {props.downloads}
      </section>
    </div>
  );
}
