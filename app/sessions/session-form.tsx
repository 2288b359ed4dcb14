/**
 * The session form: a date, a local time and a length in a zone the organiser chooses. A time the
 * clocks skip comes back with the valid times around it; a time that happens twice comes back with
 * a choice between its two offsets; moving a session people registered for asks for confirmation.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { sessionFormSchema } from "~/sessions/admin-session-schema.ts";
import { ErrorSummary, Field, FieldMessage, SubmitButton, str, type FieldErrors } from "~/components/admin-form.tsx";

export type SessionFormState = {
  values: Record<string, unknown>;
  result: SubmissionResult<string[]> | null;
  serverErrors: FieldErrors;
  ambiguous?: { earlier: string; later: string } | null;
  confirm?: { registrants: number } | null;
};

export function SessionForm(props: {
  formKey: string;
  values: Record<string, unknown>;
  zones: string[];
  /** Under the zone select: why this zone is preselected. */
  zoneHint?: string;
  languages: { code: string; name: string }[];
  csrf: string;
  isNew: boolean;
  state?: SessionFormState | null;
}) {
  const { t } = useTranslation();
  const state = props.state;
  const [form] = useForm({
    id: `session-form-${props.formKey}`,
    lastResult: state?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: sessionFormSchema }),
  });
  const errors: FieldErrors = { ...state?.serverErrors, ...form.allErrors };
  const v = state?.values ?? props.values;
  const time = str(v.time);
  return (
    <Form method="post" {...getFormProps(form)} className="admin-form">
      <input type="hidden" name="csrf" value={props.csrf} />
      <ErrorSummary errors={errors} />
      {state?.confirm ? (
        <div className="notice" role="alert">
          <h2>{t("adminEvents.session.confirmTitle")}</h2>
          <p>{t("adminEvents.session.confirmBody", { count: state.confirm.registrants })}</p>
          <SubmitButton intent="confirm" label={t("adminEvents.session.confirm")} pendingLabel={t("adminEvents.saving")} />
        </div>
      ) : null}
      <Field name="title" label={t("adminEvents.session.title")} hint={t("adminEvents.session.titleHint")} errors={errors}>
        {(a) => <input {...a} defaultValue={str(v.title)} maxLength={120} />}
      </Field>
      <div className="field-row">
        <Field name="date" label={t("adminEvents.session.date")} errors={errors}>
          {(a) => <input {...a} type="date" defaultValue={str(v.date)} required />}
        </Field>
        <Field name="time" label={t("adminEvents.session.time")} errors={errors}>
          {(a) => <input {...a} type="time" defaultValue={time} required />}
        </Field>
        <Field name="duration" label={t("adminEvents.session.duration")} errors={errors}>
          {(a) => <input {...a} type="number" min={5} max={1440} step={5} inputMode="numeric" defaultValue={str(v.duration)} required />}
        </Field>
      </div>
      <Field name="timeZone" label={t("adminEvents.session.timeZone")} hint={props.zoneHint} errors={errors}>
        {(a) => (
          <select {...a} defaultValue={str(v.timeZone) || "UTC"}>
            {props.zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        )}
      </Field>
      {!state?.ambiguous && str(v.occurrence) ? <input type="hidden" name="occurrence" value={str(v.occurrence)} /> : null}
      {state?.ambiguous ? (
        <fieldset className="occurrence" aria-describedby="f-occurrence-error">
          <legend>{t("adminEvents.session.whichOne", { time })}</legend>
          <div className="choice">
            <input type="radio" id="occurrence-earlier" name="occurrence" value="earlier" required />
            <label htmlFor="occurrence-earlier">{t("adminEvents.session.earlier", { time, offset: state.ambiguous.earlier })}</label>
          </div>
          <div className="choice">
            <input type="radio" id="occurrence-later" name="occurrence" value="later" />
            <label htmlFor="occurrence-later">{t("adminEvents.session.later", { time, offset: state.ambiguous.later })}</label>
          </div>
          <FieldMessage name="occurrence" errors={errors} />
        </fieldset>
      ) : null}
      <Field name="languageCode" label={t("adminEvents.session.language")} errors={errors}>
        {(a) => (
          <select {...a} defaultValue={str(v.languageCode) || "en"}>
            {props.languages.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="capacity" label={t("adminEvents.session.capacity")} hint={t("adminEvents.session.capacityHint")} errors={errors}>
        {(a) => <input {...a} type="number" min={1} max={100000} inputMode="numeric" defaultValue={str(v.capacity)} />}
      </Field>
      <Field name="joinUrl" label={t("adminEvents.session.joinUrl")} hint={t("adminEvents.session.joinUrlHint")} errors={errors}>
        {(a) => <input {...a} type="url" dir="ltr" defaultValue={str(v.joinUrl)} maxLength={500} />}
      </Field>
      <div className="form-actions">
        <SubmitButton intent="save" label={props.isNew ? t("adminEvents.session.create") : t("adminEvents.session.save")} pendingLabel={t("adminEvents.saving")} />
      </div>
    </Form>
  );
}
