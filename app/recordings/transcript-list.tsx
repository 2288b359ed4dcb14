import { memo } from "react";
import { useTranslation } from "react-i18next";
import { Clock, formatClock } from "~/recordings/replay-clock.tsx";

export type TranscriptCueView = { startMs: number; endMs: number; speaker: string | null; text: string };

/**
 * The transcript as a numbered list, readable without JavaScript: each cue starts with a link to
 * its moment (`?t=SECONDS#cue-N`), which can be copied and shared. Memoised: the player
 * highlights the current cue by touching the DOM, so playback never re-renders 1,500 cues.
 */
export const TranscriptList = memo(function TranscriptList({
  cues,
  hrefFor,
  languageCode,
  dir,
}: {
  cues: TranscriptCueView[];
  hrefFor: (seconds: number, cueNumber: number) => string;
  languageCode: string;
  dir: "ltr" | "rtl";
}) {
  const { t } = useTranslation();
  return (
    // role="list": Safari drops the list semantics of a list styled with list-style: none.
    <ol className="transcript-cues" role="list" lang={languageCode} dir={dir}>
      {cues.map((cue, index) => {
        const seconds = Math.floor(cue.startMs / 1000);
        return (
          <li key={index} id={`cue-${index + 1}`} className="transcript-cue">
            <a className="cue-time" href={hrefFor(seconds, index + 1)} data-seek={cue.startMs / 1000} aria-label={t("replay.cueLink", { time: formatClock(seconds) })}>
              <Clock seconds={seconds} />
            </a>{" "}
            {cue.speaker ? <strong className="cue-speaker">{cue.speaker}: </strong> : null}
            <span className="cue-text">{cue.text}</span>
          </li>
        );
      })}
    </ol>
  );
});
