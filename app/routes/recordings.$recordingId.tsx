import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ReplayView, type ReplayMedia } from "~/recordings/replay-view.tsx";
import { localeDirection } from "~/i18n.ts";
import { i18n } from "~/i18n.server.ts";
import { getPublicRecording, recordReplayProgress } from "~/recordings/recordings.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { languageName } from "~/utils/language-names.ts";
import { findRegistrationIdByToken } from "~/registration/manage-token.server.ts";
import { getLightMode } from "~/time/preferences.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) =>
  loaderData ? [{ title: loaderData.recording.title || loaderData.recording.event.title }] : [{ title: "Not found" }];

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

type Mode = "full" | "audio" | "transcript";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const locale = await i18n.getLocale(request);
  const t = await i18n.getFixedT(locale);
  const recording = await getPublicRecording(params.recordingId ?? "", url.searchParams.get("lang"), locale);
  if (!recording) throw data(t("replay.notFound"), { status: 404 });
  const requestedMode = url.searchParams.get("mode");
  // The light version opens a recording as its transcript; the player is one choice away.
  const defaultMode: Mode = getLightMode(request) ? "transcript" : "full";
  const mode: Mode = requestedMode === "audio" || requestedMode === "transcript" || requestedMode === "full" ? requestedMode : defaultMode;
  const tParam = url.searchParams.get("t");
  const startAt = tParam && /^\d{1,6}$/.test(tParam) ? Number(tParam) : null;
  // ?r=<manage token> (from the manage page or an email) turns on the learning record.
  const token = url.searchParams.get("r");
  const progressToken = token && (await findRegistrationIdByToken(token)) ? token : null;
  // ?play=1 loads an embedded YouTube or Vimeo player: asked for, never by default.
  const play = url.searchParams.get("play") === "1" && recording.embed !== null && mode !== "transcript";
  const siteOrigin = new URL(getEnv().BASE_URL).origin;
  const captionLanguages = recording.transcriptLanguages;
  const defaultCaptionLanguage = captionLanguages.includes(locale) ? locale : (captionLanguages[0] ?? null);
  return data(
    { recording, mode, defaultMode, startAt, progressToken, play, siteOrigin, captionLanguages, defaultCaptionLanguage },
    // Personal links are not cached; everyone else gets the shared page.
    { headers: progressToken || token ? {} : { "X-Page-Cache-TTL": "60" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const token = form.get("r");
  const seconds = Number(form.get("secondsWatched"));
  if (typeof token !== "string" || !Number.isFinite(seconds) || seconds < 0) return data({ ok: false }, { status: 400 });
  const registrationId = await findRegistrationIdByToken(token);
  if (!registrationId) return data({ ok: false }, { status: 403 });
  const stored = await recordReplayProgress({ recordingId: params.recordingId ?? "", registrationId, secondsWatched: seconds });
  if (stored === null) return data({ ok: false }, { status: 404 });
  return { ok: true, secondsWatched: stored };
}

// A progress report changes nothing on the page: do not reload a long transcript every 15 s. Nor
// does the time-zone detection's revalidation on a first visit (same address, no form): nothing
// here depends on the viewer's zone, and a two-hour transcript is ~70 KB to fetch again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, formMethod, currentUrl, nextUrl, defaultShouldRevalidate }) => {
  if (formData?.has("secondsWatched")) return false;
  if (!formMethod && currentUrl.href === nextUrl.href) return false;
  return defaultShouldRevalidate;
};

function mediaFor(recording: { kind: string; mediaSource: string | null; mimeType: string | null; posterUrl: string | null }, mode: Mode): ReplayMedia | null {
  if (mode === "transcript" || !recording.mediaSource) return null;
  if (recording.kind !== "audio" && recording.kind !== "video") return null;
  const element = recording.kind === "video" && mode !== "audio" ? "video" : "audio";
  return { element, src: recording.mediaSource, mimeType: recording.mimeType, posterUrl: recording.posterUrl };
}

export default function ReplayPage() {
  const { recording, mode, defaultMode, startAt, progressToken, play, siteOrigin, captionLanguages, defaultCaptionLanguage } = useLoaderData<typeof loader>();
  const { t, i18n: instance } = useTranslation();
  const { event, transcript } = recording;
  const title = recording.title || event.title;
  const eventContent = event.contentLocale !== instance.language ? { lang: event.contentLocale, dir: localeDirection(event.contentLocale) } : {};
  const media = mediaFor(recording, mode);
  const embed = useMemo(
    () => (recording.embed && mode !== "transcript" ? { ...recording.embed, title } : null),
    [recording.embed, mode, title],
  );
  const hasMedia = recording.embed !== null || (recording.mediaSource !== null && (recording.kind === "audio" || recording.kind === "video"));
  const lang = transcript?.languageCode ?? null;
  const base = `/recordings/${recording.id}`;

  const hrefWith = useCallback(
    (changes: Record<string, string | null>, hash?: string) => {
      const params = new URLSearchParams();
      if (lang) params.set("lang", lang);
      params.set("mode", mode);
      if (play) params.set("play", "1");
      if (progressToken) params.set("r", progressToken);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) params.delete(key);
        else params.set(key, value);
      }
      if (params.get("mode") === defaultMode) params.delete("mode");
      const search = params.toString();
      return `${base}${search ? `?${search}` : ""}${hash ? `#${hash}` : ""}`;
    },
    [base, lang, mode, defaultMode, play, progressToken],
  );

  const switcher =
    recording.transcriptLanguages.length > 1 ? (
      <nav aria-label={t("replay.transcriptLanguage")} className="replay-languages">
        <ul className="inline-list">
          {recording.transcriptLanguages.map((code) => (
            <li key={code}>
              <Link to={hrefWith({ lang: code, t: null })} lang={code} hrefLang={code} aria-current={code === lang ? "true" : undefined} preventScrollReset>
                {languageName(code, code)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    ) : null;

  const downloads =
    lang !== null ? (
      <p className="replay-downloads">
        <span>{t("replay.downloads")}: </span>
        <a href={`${base}/transcript/${lang}.txt`} download>
          {t("replay.downloadText", { language: languageName(lang, instance.language) })}
        </a>
        {" · "}
        <a href={`${base}/transcript/${lang}.vtt`} download>
          {t("replay.downloadVtt", { language: languageName(lang, instance.language) })}
        </a>
      </p>
    ) : null;

  return (
    <article className="replay-page">
      <p className="breadcrumb">
        <Link to="/recordings">{t("replay.backToLibrary")}</Link>
        {" · "}
        {t("replay.fromEvent")}{" "}
        <Link to={`/events/${event.slug}`} {...eventContent}>
          {event.title}
        </Link>
      </p>
      <h1>{title}</h1>
      {hasMedia ? (
        <nav aria-label={t("replay.lightChoice")} className="replay-modes">
          <span>{t("replay.lightChoice")}</span>
          <ul className="inline-list">
            {recording.kind === "video" && mode !== "audio" ? (
              <li>
                <Link to={hrefWith({ mode: "audio", t: null })}>{t("replay.audioOnly")}</Link>
              </li>
            ) : null}
            {mode !== "transcript" ? (
              <li>
                <Link to={hrefWith({ mode: "transcript", t: null, play: null })}>{t("replay.transcriptOnly")}</Link>
              </li>
            ) : null}
            {mode !== "full" ? (
              <li>
                <Link to={hrefWith({ mode: "full", t: null })}>{recording.kind === "video" ? t("replay.fullPlayer") : t("replay.withPlayer")}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      {hasMedia && mode === "transcript" ? (
        <p className="notice">{defaultMode === "transcript" ? t("replay.lightNote") : t("replay.transcriptOnlyNote")}</p>
      ) : null}
      {!hasMedia ? <p className="notice">{t("replay.noPlayer")}</p> : null}
      <ReplayView
        recordingId={recording.id}
        media={media}
        embed={embed}
        play={play}
        playHref={hrefWith({ play: "1", t: startAt === null ? null : String(startAt) }, "player")}
        siteOrigin={siteOrigin}
        captionLanguages={captionLanguages}
        defaultCaptionLanguage={defaultCaptionLanguage}
        chapters={recording.chapters}
        transcript={transcript}
        startAt={startAt}
        progressToken={progressToken}
        hrefWith={hrefWith}
        transcriptSwitcher={switcher}
        downloads={downloads}
      />
    </article>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
