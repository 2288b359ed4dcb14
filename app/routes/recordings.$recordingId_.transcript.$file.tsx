// /recordings/<id>/transcript/<lang>.txt and …/<lang>.vtt: the transcript to keep and read offline.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPublicTranscriptCues } from "~/recordings/recordings.server.ts";
import { formatVttTimestamp, serializeWebVTT, type Cue } from "~/recordings/subtitles.ts";

/** "[00:01:05] Speaker: words", the form parseTimestampedText reads back. */
export function transcriptAsText(cues: readonly Cue[]): string {
  return cues
    .map((cue) => {
      const time = formatVttTimestamp(cue.startMs).slice(0, 8);
      const text = cue.text.replace(/\s*[\r\n]+\s*/g, " ");
      return `[${time}] ${cue.speaker ? `${cue.speaker}: ` : ""}${text}`;
    })
    .join("\n")
    .concat("\n");
}

export async function loader({ params }: LoaderFunctionArgs) {
  const match = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\.(txt|vtt)$/.exec(params.file ?? "");
  const cues = match ? await getPublicTranscriptCues(params.recordingId ?? "", match[1]) : null;
  if (!match || !cues) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const [, language, format] = match;
  const body = format === "vtt" ? serializeWebVTT(cues) : transcriptAsText(cues);
  return new Response(body, {
    headers: {
      "Content-Type": format === "vtt" ? "text/vtt; charset=utf-8" : "text/plain; charset=utf-8",
      "Content-Language": language,
      "Content-Disposition": `attachment; filename="transcript-${params.recordingId}.${language}.${format}"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
