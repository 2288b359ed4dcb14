import { useTranslation } from "react-i18next";

/** Language, duration, chapters and poster: the fields the add and edit forms share. */
export function RecordingDetailsFields(props: {
  languages: { code: string; name: string }[];
  defaults: { languageCode?: string; duration?: string; chapters?: string };
  errors: Record<string, string>;
  hasPoster?: boolean;
}) {
  const { t } = useTranslation();
  const { errors } = props;
  const described = (name: string, hint: boolean) => {
    const ids = [hint ? `${name}-hint` : "", errors[name] ? `${name}-error` : ""].filter(Boolean).join(" ");
    return { "aria-invalid": errors[name] ? (true as const) : undefined, "aria-describedby": ids || undefined };
  };
  return (
    <>
      <div className="field">
        <label htmlFor="languageCode">{t("adminRecordings.fields.language")}</label>
        <select id="languageCode" name="languageCode" defaultValue={props.defaults.languageCode} {...described("languageCode", false)}>
          {props.languages.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </select>
        <p className="field-error" id="languageCode-error">
          {errors.languageCode}
        </p>
      </div>
      <div className="field">
        <label htmlFor="duration">{t("adminRecordings.fields.duration")}</label>
        <input id="duration" name="duration" inputMode="numeric" placeholder="1:05:00" defaultValue={props.defaults.duration} {...described("duration", true)} />
        <p className="hint" id="duration-hint">
          {t("adminRecordings.fields.durationHint")}
        </p>
        <p className="field-error" id="duration-error">
          {errors.duration}
        </p>
      </div>
      <div className="field field-wide">
        <label htmlFor="chapters">{t("adminRecordings.fields.chapters")}</label>
        <textarea id="chapters" name="chapters" rows={5} defaultValue={props.defaults.chapters} {...described("chapters", true)} />
        <p className="hint" id="chapters-hint">
          {t("adminRecordings.fields.chaptersHint")}
        </p>
        <p className="field-error" id="chapters-error">
          {errors.chapters}
        </p>
      </div>
      <div className="field">
        <label htmlFor="poster">{t("adminRecordings.fields.poster")}</label>
        <input id="poster" name="poster" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby="poster-hint" />
        <p className="hint" id="poster-hint">
          {t("adminRecordings.fields.posterHint")}
        </p>
      </div>
      {props.hasPoster ? (
        <div className="choice">
          <input type="checkbox" id="removePoster" name="removePoster" value="on" />
          <label htmlFor="removePoster">{t("adminRecordings.fields.removePoster")}</label>
        </div>
      ) : null}
    </>
  );
}
