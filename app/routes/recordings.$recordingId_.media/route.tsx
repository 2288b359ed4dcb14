// /recordings/<id>/media: the uploaded file, with HTTP range requests so players can seek.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { serveRecordingFile } from "./serve.server.ts";

export function loader({ request, params }: LoaderFunctionArgs) {
  return serveRecordingFile(request, params.recordingId ?? "");
}
