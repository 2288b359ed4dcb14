import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localeDirection } from "~/i18n.ts";
import type { LibraryRecording } from "~/recordings/recordings.server.ts";
import { languageName } from "~/utils/language-names.ts";

export function ReplayCard({ recording }: { recording: LibraryRecording }) {
  const { t, i18n } = useTranslation();
  const { event } = recording;
  const content = event.contentLocale !== i18n.language ? { lang: event.contentLocale, dir: localeDirection(event.contentLocale) } : {};
  const title = recording.title || event.title;
  const languages = recording.transcriptLanguages.map((code) => languageName(code, i18n.language)).join(", ");
  return (
    <article className="event-card replay-card">
      <p className="card-meta">
        <span className="badge">{t(`eventType.${event.type}`)}</span>
        {/* The event's title, unless the recording already carries it. */}
        {title !== event.title ? <span {...content}>{event.title}</span> : null}
      </p>
      <h2 className="card-title">
        <Link to={`/recordings/${recording.id}`} aria-label={t("replay.replayLink", { title })}>
          {title}
        </Link>
      </h2>
      <p className="card-tags">
        {recording.durationSeconds ? <span>{t("replay.duration", { minutes: Math.max(1, Math.round(recording.durationSeconds / 60)) })}</span> : null}
        {recording.durationSeconds ? " · " : null}
        <span>{languages ? t("replay.transcriptsIn", { languages }) : t("replay.noTranscript")}</span>
        {recording.chapterCount ? <span>{` · ${t("replay.chapters", { count: recording.chapterCount })}`}</span> : null}
      </p>
    </article>
  );
}
