// /recordings/<id>/captions/<lang>.vtt: one transcript as WebVTT, for <track kind="captions">.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPublicTranscriptCues } from "~/recordings/recordings.server.ts";
import { serializeWebVTT } from "~/recordings/subtitles.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const language = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\.vtt$/.exec(params.file ?? "")?.[1];
  const cues = language ? await getPublicTranscriptCues(params.recordingId ?? "", language) : null;
  if (!cues) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(serializeWebVTT(cues), {
    headers: {
      "Content-Type": "text/vtt; charset=utf-8",
      "Content-Language": language ?? "",
      "Cache-Control": "public, max-age=300",
    },
  });
}
