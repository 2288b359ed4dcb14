import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type TranscriptListItem = { id: string; languageCode: string; cueCount: number; duration: string; encoding: string | null; canReread: boolean };
export type TranscriptImported = {
  transcriptId: string;
  count: number;
  duration: string;
  encoding: string;
  encodingSource: "bom" | "utf-8" | "detected" | "chosen";
  preview: string[];
  skipped: { line: number; reason: string }[];
};

/**
 * The recording page's transcripts: the list (each with the encoding its file was read in and a
 * way to read it again in another), the upload form, and what the last upload read and skipped.
 * Plain forms, so all of it works without JavaScript.
 */
export function TranscriptsPanel(props: {
  csrf: string;
  transcripts: TranscriptListItem[];
  languages: { code: string; name: string }[];
  encodings: { id: string; label: string }[];
  defaultLanguage: string;
  imported: TranscriptImported | undefined;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { csrf, errors, imported } = props;
  const languageName = (code: string) => props.languages.find((l) => l.code === code)?.name ?? code;
  const encodingLabel = (id: string) => props.encodings.find((e) => e.id === id)?.label ?? id;
  const encodingOptions = (
    <>
      {props.encodings.map((e) => (
        <option key={e.id} value={e.id}>
          {e.label}
        </option>
      ))}
    </>
  );
  return (
    <section className="admin-panel" aria-labelledby="transcripts-heading">
      <h2 id="transcripts-heading">{t("adminRecordings.transcripts.heading")}</h2>
      {imported ? (
        <div className="notice notice-success transcript-import" role="status">
          <p>{t("adminRecordings.transcripts.imported", { count: imported.count, duration: imported.duration })}</p>
          <p>
            {t("adminRecordings.transcripts.encodingUsed", { encoding: encodingLabel(imported.encoding) })} ({t(`adminRecordings.transcripts.encodingHow.${imported.encodingSource}`)})
          </p>
          {imported.preview.length ? (
            <>
              <p>{t("adminRecordings.transcripts.preview")}</p>
              <ul className="transcript-preview">
                {imported.preview.map((line, i) => (
                  <li key={i} dir="auto">
                    {line}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {imported.skipped.length ? (
            <>
              <p>{t("adminRecordings.transcripts.skipped", { count: imported.skipped.length })}</p>
              <ul className="problem-list transcript-skipped">
                {imported.skipped.slice(0, 50).map((s) => (
                  <li key={s.line}>{t("adminRecordings.transcripts.skippedLine", { line: s.line, reason: s.reason })}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {props.transcripts.length === 0 ? <p>{t("adminRecordings.transcripts.none")}</p> : null}
      {errors.reread ? (
        <p className="field-error" role="alert">
          {errors.reread}
        </p>
      ) : null}
      <ul className="recording-transcripts">
        {props.transcripts.map((x) => (
          <li key={x.id}>
            {t("adminRecordings.transcripts.summary", { language: languageName(x.languageCode), count: x.cueCount, duration: x.duration })}
            {x.encoding ? <> · {t("adminRecordings.transcripts.encodingUsed", { encoding: encodingLabel(x.encoding) })}</> : null}{" "}
            <Form method="post" className="inline-form">
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="transcriptId" value={x.id} />
              <button type="submit" name="intent" value="remove-transcript" aria-label={t("adminRecordings.transcripts.removeFor", { language: languageName(x.languageCode) })}>
                {t("adminRecordings.transcripts.remove")}
              </button>
            </Form>
            {x.canReread ? (
              <Form method="post" className="inline-form transcript-reread">
                <input type="hidden" name="csrf" value={csrf} />
                <input type="hidden" name="transcriptId" value={x.id} />
                <label htmlFor={`reread-${x.id}`}>{t("adminRecordings.transcripts.rereadAs")}</label>{" "}
                <select id={`reread-${x.id}`} name="encoding" defaultValue={x.encoding ?? "utf-8"}>
                  {encodingOptions}
                </select>{" "}
                <button type="submit" name="intent" value="reread-transcript">
                  {t("adminRecordings.transcripts.reread")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      <Form method="post" encType="multipart/form-data" className="stack">
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="intent" value="transcript" />
        <div className="field">
          <label htmlFor="transcript">{t("adminRecordings.transcripts.file")}</label>
          <input id="transcript" name="transcript" type="file" required accept=".vtt,.srt,.txt,text/vtt,text/plain" aria-invalid={errors.transcript ? true : undefined} aria-describedby={`transcript-hint${errors.transcript ? " transcript-error" : ""}`} />
          <p className="hint" id="transcript-hint">
            {t("adminRecordings.transcripts.fileHint")}
          </p>
          <p className="field-error" id="transcript-error" role={errors.transcript ? "alert" : undefined}>
            {errors.transcript}
          </p>
        </div>
        <div className="field">
          <label htmlFor="transcriptLanguage">{t("adminRecordings.transcripts.language")}</label>
          <select id="transcriptLanguage" name="transcriptLanguage" defaultValue={props.defaultLanguage}>
            {props.languages.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </select>
          <p className="field-error">{errors.transcriptLanguage}</p>
        </div>
        <div className="field">
          <label htmlFor="transcriptEncoding">{t("adminRecordings.transcripts.encoding")}</label>
          <select id="transcriptEncoding" name="encoding" defaultValue="auto" aria-describedby="transcriptEncoding-hint">
            <option value="auto">{t("adminRecordings.transcripts.encodingAuto")}</option>
            {encodingOptions}
          </select>
          <p className="hint" id="transcriptEncoding-hint">
            {t("adminRecordings.transcripts.encodingHint")}
          </p>
        </div>
        <div className="form-actions">
          <button type="submit">{t("adminRecordings.transcripts.upload")}</button>
        </div>
      </Form>
    </section>
  );
}
