// /recordings/<id>/poster/<name>: the poster image an organiser uploaded for a recording.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { serveRecordingPoster } from "./recordings.$recordingId_.media/serve.server.ts";

export function loader({ params }: LoaderFunctionArgs) {
  return serveRecordingPoster(params.recordingId ?? "", params.name ?? "");
}
