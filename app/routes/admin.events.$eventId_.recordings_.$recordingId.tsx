import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18n } from "~/i18n.server.ts";
import { requireEventOrganiser } from "~/organisers/access.server.ts";
import {
  deleteRecording,
  importTranscript,
  recordingFormOptions,
  removeTranscript,
  requireEventRecording,
  rereadTranscript,
  setRecordingPublished,
  updateRecording,
  validateRecordingForm,
  type FieldError,
  type TranscriptImport,
} from "~/recordings/recordings-admin.server.ts";
import { formatChapterLines, formatDuration } from "~/recordings/chapters.ts";
import { requireCsrf } from "~/organisers/auth.server.ts";
import { TranscriptParseError } from "~/recordings/subtitles.ts";
import { TEXT_ENCODINGS, isTextEncoding } from "~/utils/text-encoding.server.ts";
import { UploadError, readUploadForm, removeStoredFiles } from "~/recordings/uploads.server.ts";
import { RecordingDetailsFields } from "./admin.events.$eventId_.recordings/recording-details-fields.tsx";
import { TranscriptsPanel, type TranscriptImported } from "./admin.events.$eventId_.recordings/transcripts-panel.tsx";

// URL: /admin/events/:eventId/recordings/:recordingId — edit, publish or delete one recording and
// upload its transcripts.
// Multipart bodies reach the action unread: readUploadForm streams the files with their own limits.
// Other bodies (the details form sent by script) may hold 20,000 characters of chapters.
export const handle = { requestBody: { stream: true, maxBytes: 1024 * 1024 } };

export const meta: MetaFunction = () => [{ title: "Recording" }];

async function requireAccess(request: Request, params: LoaderFunctionArgs["params"]) {
  const { organiser, eventId } = await requireEventOrganiser(request, params);
  const recording = await requireEventRecording(eventId, params.recordingId);
  return { organiser, eventId, recording };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { eventId, recording } = await requireAccess(request, params);
  const { event, languages } = await recordingFormOptions(eventId);
  return data(
    {
      event: { id: event.id, title: event.title },
      sessions: event.sessions.map((s) => ({ id: s.id, label: s.title ?? s.startsAt.toISOString().slice(0, 16).replace("T", " ") + " UTC" })),
      languages,
      encodings: TEXT_ENCODINGS.map((e) => ({ id: e.id, label: e.label })),
      recording: {
        ...recording,
        duration: recording.durationSeconds === null ? "" : formatDuration(recording.durationSeconds),
        chaptersText: formatChapterLines(recording.chapters),
        transcripts: recording.transcripts.map((x) => ({
          id: x.id,
          languageCode: x.languageCode,
          cueCount: x._count.cues,
          duration: formatDuration(Math.round((x.cues[0]?.endMs ?? 0) / 1000)),
          encoding: x.sourceEncoding,
          canReread: x.sourceName !== null,
        })),
      },
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

type ActionData = { formError: string | null; errors: Record<string, string>; imported?: TranscriptImported };

// What the organiser sees after an upload: the skipped cues' reasons stay in English, as the
// parser's messages are (the line number is what they act on).
function importedData(result: TranscriptImport): TranscriptImported {
  return {
    transcriptId: result.transcriptId,
    count: result.cueCount,
    duration: formatDuration(Math.round(result.durationMs / 1000)),
    encoding: result.encoding,
    encodingSource: result.encodingSource,
    preview: result.preview,
    skipped: result.skipped.map((s) => ({ line: s.line, reason: s.reason })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, eventId, recording } = await requireAccess(request, params);
  const t = await i18n.getFixedT(request);
  const reply = (body: ActionData, status: number) => data(body, { status });
  let upload;
  try {
    upload = await readUploadForm(request, { poster: "image", transcript: "text" });
  } catch (error) {
    if (error instanceof UploadError) return reply({ formError: error.message, errors: {} }, error.status);
    throw error;
  }
  const { form, stored } = upload;
  const base = `/admin/events/${eventId}/recordings/${recording.id}`;
  try {
    await requireCsrf(request, form);
    const intent = String(form.get("intent") ?? "");
    if (intent !== "save") await removeStoredFiles(stored.map((s) => s.fileName));
    switch (intent) {
      case "save": {
        const result = await validateRecordingForm(eventId, form, { creating: false });
        if ("errors" in result) {
          await removeStoredFiles(stored.map((s) => s.fileName));
          return reply({ formError: null, errors: Object.fromEntries(Object.entries(result.errors).map(([k, e]: [string, FieldError]) => [k, t(`adminRecordings.errors.${e.key}`, e.params)])) }, 400);
        }
        const poster = stored.find((s) => s.field === "poster");
        await updateRecording({ actorId: organiser.id, eventId, recordingId: recording.id, details: result.details, poster, removePoster: form.get("removePoster") === "on" });
        return redirect(`${base}?done=saved`);
      }
      case "publish":
      case "unpublish": {
        const { notified } = await setRecordingPublished({ actorId: organiser.id, eventId, recordingId: recording.id, published: intent === "publish" });
        return redirect(intent === "publish" ? `${base}?done=published&count=${notified}` : `${base}?done=unpublished`);
      }
      case "delete":
        await deleteRecording({ actorId: organiser.id, eventId, recordingId: recording.id });
        return redirect(`/admin/events/${eventId}/recordings`);
      case "transcript": {
        const file = form.get("transcript");
        const languageCode = String(form.get("transcriptLanguage") ?? "");
        const encoding = String(form.get("encoding") ?? "auto");
        if (!(file instanceof File) || file.size === 0) return reply({ formError: null, errors: { transcript: t("adminRecordings.errors.transcriptFile") } }, 400);
        const { languages } = await recordingFormOptions(eventId);
        if (!languages.some((l) => l.code === languageCode)) return reply({ formError: null, errors: { transcriptLanguage: t("adminRecordings.errors.languageRequired") } }, 400);
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const result = await importTranscript({ actorId: organiser.id, recordingId: recording.id, languageCode, fileName: file.name, bytes, encoding: isTextEncoding(encoding) ? encoding : null });
          if (!result) return reply({ formError: null, errors: { transcript: t("adminRecordings.errors.transcriptFile") } }, 400);
          return reply({ formError: null, errors: {}, imported: importedData(result) }, 200);
        } catch (error) {
          // "Line 12: …": the parser's own message names the line and what is wrong.
          if (error instanceof TranscriptParseError) return reply({ formError: null, errors: { transcript: error.message } }, 400);
          throw error;
        }
      }
      case "reread-transcript": {
        const encoding = String(form.get("encoding") ?? "");
        if (!isTextEncoding(encoding)) return reply({ formError: t("adminRecordings.errors.badRequest"), errors: {} }, 400);
        try {
          const result = await rereadTranscript({ actorId: organiser.id, recordingId: recording.id, transcriptId: String(form.get("transcriptId") ?? ""), encoding });
          if (!result) return reply({ formError: null, errors: { reread: t("adminRecordings.errors.transcriptFile") } }, 400);
          return reply({ formError: null, errors: {}, imported: importedData(result) }, 200);
        } catch (error) {
          if (error instanceof TranscriptParseError) return reply({ formError: null, errors: { reread: error.message } }, 400);
          throw error;
        }
      }
      case "remove-transcript":
        await removeTranscript({ actorId: organiser.id, recordingId: recording.id, transcriptId: String(form.get("transcriptId") ?? "") });
        return redirect(`${base}?done=removed`);
      default:
        return reply({ formError: t("adminRecordings.errors.badRequest"), errors: {} }, 400);
    }
  } catch (error) {
    await removeStoredFiles(stored.map((s) => s.fileName));
    throw error;
  }
}

export default function RecordingAdmin() {
  const { event, sessions, languages, encodings, recording } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { csrf } = useRouteLoaderData<{ csrf: string }>("routes/admin") ?? { csrf: "" };
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const notices = { created: "adminRecordings.created", saved: "adminRecordings.saved", unpublished: "adminRecordings.unpublished", removed: "adminRecordings.transcripts.removed" } as const;
  const done = searchParams.get("done");
  const source = recording.filePath ? `${recording.mimeType ?? ""}` : recording.embedProvider ? `${recording.embedProvider}: ${recording.embedId}` : (recording.mediaUrl ?? "");
  return (
    <div className="admin-recordings">
      <p>
        <Link to={`/admin/events/${event.id}/recordings`}>{t("adminRecordings.backToList")}</Link>
      </p>
      <h1>{recording.title}</h1>
      {done === "published" || (done && done in notices) ? (
        <p className="notice notice-success" role="status">
          {done === "published" ? t("adminRecordings.published", { count: Number(searchParams.get("count") ?? 0) }) : t(notices[done as keyof typeof notices])}
        </p>
      ) : null}
      {actionData?.formError ? (
        <p className="notice notice-error" role="alert">
          {actionData.formError}
        </p>
      ) : null}
      <p>
        {t("adminRecordings.status", { status: t(`adminRecordings.statuses.${recording.status}`, { defaultValue: recording.status }) })} ·{" "}
        {t(`adminRecordings.kinds.${recording.kind}`, { defaultValue: recording.kind })} · <span className="muted">{source}</span>
      </p>
      <Form method="post" className="inline-form">
        <input type="hidden" name="csrf" value={csrf} />
        {recording.status === "published" ? (
          <button type="submit" name="intent" value="unpublish">
            {t("adminRecordings.unpublish")}
          </button>
        ) : (
          <button type="submit" name="intent" value="publish">
            {t("adminRecordings.publish")}
          </button>
        )}
      </Form>

      <TranscriptsPanel
        csrf={csrf}
        transcripts={recording.transcripts}
        languages={languages}
        encodings={encodings}
        defaultLanguage={recording.languageCode}
        imported={actionData?.imported}
        errors={errors}
      />

      <section className="admin-panel" aria-labelledby="details-heading">
        <h2 id="details-heading">{t("adminRecordings.details")}</h2>
        <Form method="post" encType="multipart/form-data" className="stack recording-form">
          <input type="hidden" name="csrf" value={csrf} />
          <div className="field">
            <label htmlFor="title">{t("adminRecordings.fields.title")}</label>
            <input id="title" name="title" required maxLength={200} defaultValue={recording.title} aria-invalid={errors.title ? true : undefined} />
            <p className="field-error">{errors.title}</p>
          </div>
          <div className="field">
            <label htmlFor="sessionId">{t("adminRecordings.fields.session")}</label>
            <select id="sessionId" name="sessionId" defaultValue={recording.sessionId ?? ""}>
              <option value="">{t("adminRecordings.wholeEvent")}</option>
              {sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
            <p className="field-error">{errors.sessionId}</p>
          </div>
          <RecordingDetailsFields
            languages={languages}
            defaults={{ languageCode: recording.languageCode, duration: recording.duration, chapters: recording.chaptersText }}
            errors={errors}
            hasPoster={!!recording.posterUrl}
          />
          <div className="form-actions">
            <button type="submit" name="intent" value="save">
              {t("adminRecordings.save")}
            </button>
          </div>
        </Form>
      </section>

      <Form method="post" className="admin-panel danger-zone">
        <input type="hidden" name="csrf" value={csrf} />
        <p className="hint">{t("adminRecordings.deleteHint")}</p>
        <button type="submit" name="intent" value="delete" className="button-danger">
          {t("adminRecordings.delete")}
        </button>
      </Form>
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
