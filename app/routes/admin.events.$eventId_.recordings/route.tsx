import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18n } from "~/i18n.server.ts";
import { requireEventOrganiser } from "~/organisers/access.server.ts";
import { formatDuration } from "~/recordings/chapters.ts";
import { createRecording, listEventRecordings, recordingFormOptions, validateRecordingForm, type FieldError } from "~/recordings/recordings-admin.server.ts";
import { requireCsrf } from "~/organisers/auth.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { UploadError, formatMegabytes, readUploadForm, removeStoredFiles } from "~/recordings/uploads.server.ts";
import { RecordingDetailsFields } from "./recording-details-fields.tsx";

// URL: /admin/events/:eventId/recordings — the event's recordings, and the form that adds one.
// Multipart bodies reach the action unread: readUploadForm streams the files with their own limits.
// Other bodies (the details form sent by script) may hold 20,000 characters of chapters.
export const handle = { requestBody: { stream: true, maxBytes: 1024 * 1024 } };

export const meta: MetaFunction = () => [{ title: "Recordings" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { eventId } = await requireEventOrganiser(request, params);
  const [{ event, languages }, recordings] = await Promise.all([recordingFormOptions(eventId), listEventRecordings(eventId)]);
  return data(
    {
      event: { id: event.id, title: event.title, primaryLanguageCode: event.primaryLanguageCode },
      sessions: event.sessions.map((s) => ({ id: s.id, label: s.title ? `${s.title} (${s.startsAt.toISOString().slice(0, 10)})` : s.startsAt.toISOString().slice(0, 16).replace("T", " ") + " UTC" })),
      languages,
      recordings: recordings.map((r) => ({ ...r, duration: r.durationSeconds === null ? "" : formatDuration(r.durationSeconds) })),
      maxMb: formatMegabytes(getEnv().UPLOAD_MAX_BYTES),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, eventId } = await requireEventOrganiser(request, params);
  const t = await i18n.getFixedT(request);
  let upload;
  try {
    upload = await readUploadForm(request, { media: "media", poster: "image" });
  } catch (error) {
    if (error instanceof UploadError) return data({ formError: error.message, errors: {} as Record<string, string> }, { status: error.status });
    throw error;
  }
  const { form, stored } = upload;
  try {
    await requireCsrf(request, form);
    const media = stored.find((s) => s.field === "media");
    const poster = stored.find((s) => s.field === "poster");
    const result = await validateRecordingForm(eventId, form, { creating: true, media });
    if ("errors" in result) {
      await removeStoredFiles(stored.map((s) => s.fileName));
      const errors = Object.fromEntries(Object.entries(result.errors).map(([k, e]: [string, FieldError]) => [k, t(`adminRecordings.errors.${e.key}`, e.params)]));
      return data({ formError: null, errors }, { status: 400 });
    }
    const recording = await createRecording({ actorId: organiser.id, eventId, details: result.details, source: result.source!, poster });
    return redirect(`/admin/events/${eventId}/recordings/${recording.id}?done=created`);
  } catch (error) {
    await removeStoredFiles(stored.map((s) => s.fileName));
    throw error;
  }
}

export default function EventRecordings() {
  const { event, sessions, languages, recordings, maxMb } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useRouteLoaderData<{ csrf: string }>("routes/admin") ?? { csrf: "" };
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const err = (name: string) => (errors[name] ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {});
  const message = (name: string) => (
    <p className="field-error" id={`${name}-error`}>
      {errors[name]}
    </p>
  );
  return (
    <div className="admin-recordings">
      <p>
        <Link to={`/admin/events/${event.id}`}>{t("adminRecordings.back")}</Link>
      </p>
      <h1>{t("adminRecordings.titleFor", { event: event.title })}</h1>
      {recordings.length === 0 ? (
        <p>{t("adminRecordings.none")}</p>
      ) : (
        <table className="admin-table recordings-table">
          <thead>
            <tr>
              {(["title", "session", "kind", "language", "duration", "transcripts", "status"] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`adminRecordings.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {recordings.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/admin/events/${event.id}/recordings/${r.id}`}>{r.title}</Link>
                </td>
                <td>{r.session ? (r.session.title ?? new Date(r.session.startsAt).toISOString().slice(0, 10)) : t("adminRecordings.wholeEvent")}</td>
                <td>{t(`adminRecordings.kinds.${r.kind}`, { defaultValue: r.kind })}</td>
                <td>{r.languageCode}</td>
                <td>{r.duration}</td>
                <td>{r.transcripts.length ? r.transcripts.map((x) => x.languageCode).join(", ") : t("adminRecordings.noTranscripts")}</td>
                <td>
                  <span className={`badge badge-${r.status}`}>{t(`adminRecordings.statuses.${r.status}`, { defaultValue: r.status })}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section className="admin-panel" aria-labelledby="add-recording">
        <h2 id="add-recording">{t("adminRecordings.add")}</h2>
        {actionData?.formError ? (
          <p className="notice notice-error" role="alert">
            {actionData.formError}
          </p>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="stack recording-form">
          <input type="hidden" name="csrf" value={csrf} />
          <div className="field">
            <label htmlFor="title">{t("adminRecordings.fields.title")}</label>
            <input id="title" name="title" required maxLength={200} {...err("title")} />
            {message("title")}
          </div>
          <div className="field">
            <label htmlFor="sessionId">{t("adminRecordings.fields.session")}</label>
            <select id="sessionId" name="sessionId" {...err("sessionId")}>
              <option value="">{t("adminRecordings.wholeEvent")}</option>
              {sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
            {message("sessionId")}
          </div>
          <fieldset {...err("source")}>
            <legend>{t("adminRecordings.fields.source")}</legend>
            {(["upload", "url", "embed"] as const).map((source) => (
              <div className="choice" key={source}>
                <input type="radio" id={`source-${source}`} name="source" value={source} defaultChecked={source === "upload"} />
                <label htmlFor={`source-${source}`}>{t(`adminRecordings.fields.sources.${source}`)}</label>
              </div>
            ))}
            {message("source")}
          </fieldset>
          <div className="field">
            <label htmlFor="media">{t("adminRecordings.fields.media")}</label>
            <input id="media" name="media" type="file" accept="audio/*,video/*" aria-describedby="media-hint" />
            <p className="hint" id="media-hint">
              {t("adminRecordings.fields.mediaHint", { mb: maxMb })}
            </p>
            {message("media")}
          </div>
          <div className="field">
            <label htmlFor="mediaUrl">{t("adminRecordings.fields.mediaUrl")}</label>
            <input id="mediaUrl" name="mediaUrl" type="url" placeholder="https://" {...err("mediaUrl")} />
            {message("mediaUrl")}
          </div>
          <div className="field">
            <label htmlFor="embedUrl">{t("adminRecordings.fields.embedUrl")}</label>
            <input id="embedUrl" name="embedUrl" type="url" placeholder="https://www.youtube.com/watch?v=…" {...err("embedUrl")} />
            {message("embedUrl")}
          </div>
          <RecordingDetailsFields languages={languages} defaults={{ languageCode: event.primaryLanguageCode }} errors={errors} />
          <div className="form-actions">
            <button type="submit">{t("adminRecordings.create")}</button>
          </div>
        </Form>
      </section>
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
