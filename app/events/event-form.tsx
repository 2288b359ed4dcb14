/**
 * The organiser's event form, for new and existing events. It is a plain POST form: "Preview"
 * and "Add another question" are submit buttons the action answers by re-rendering the form with
 * the values as typed, so everything works without JavaScript; with it, conform validates with
 * the same schema as the server before anything is sent.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { LOCALE_NAMES } from "~/i18n.ts";
import { EVENT_TYPES, LANGUAGE_KINDS, QUESTION_KINDS, TRANSLATION_LOCALES, eventFormSchema } from "~/events/admin-event-schema.ts";
import { KNOWN_CITIES } from "~/time/time.ts";
import { Checkbox, ErrorSummary, Field, FieldMessage, SubmitButton, bool, list, obj, str, type FieldErrors } from "~/components/admin-form.tsx";

type EventFormOptions = {
  pillars: { id: string; title: string; number: number; children: { id: string; title: string; number: number }[] }[];
  series: { id: string; title: string }[];
  speakers: { id: string; name: string; affiliation: string }[];
  languages: { code: string; name: string }[];
  zones: string[];
};

/** What the action returns when it re-renders the form (preview, add a question, or a 400). */
export type EventFormState = {
  values: Record<string, unknown>;
  result: SubmissionResult<string[]> | null;
  serverErrors: FieldErrors;
  previewHtml: string | null;
  blankQuestions: number;
};

type EventFormProps = {
  formKey: string;
  values: Record<string, unknown>;
  options: EventFormOptions;
  csrf: string;
  isNew: boolean;
  lastResult?: SubmissionResult<string[]> | null;
  serverErrors?: FieldErrors;
  previewHtml?: string | null;
  blankQuestions?: number;
};

export function EventForm(props: EventFormProps) {
  const { t } = useTranslation();
  const [form] = useForm({
    id: `event-form-${props.formKey}`,
    lastResult: props.lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    // "Preview" and "Add another question" only redraw the form: conform validates every submit,
    // so those buttons (formNoValidate) get a schema that accepts anything.
    onValidate: ({ formData, submitter }) =>
      parseWithZod(formData, { schema: submitter && "formNoValidate" in submitter && submitter.formNoValidate ? z.any() : eventFormSchema }),
  });
  const errors: FieldErrors = { ...props.serverErrors, ...form.allErrors };
  const v = props.values;
  const support = obj(v.support);
  const translations = obj(v.translations);
  const topics = new Set(list(v.topics));
  const speakers = new Set(list(v.speakers));
  const cities = new Set(list(v.referenceCities));
  const questions = (Array.isArray(v.questions) ? v.questions : []).map(obj).filter((q) => str(q.id) || str(q.label));
  const blanks = Math.max(1, props.blankQuestions ?? 1);
  const rows = [...questions, ...Array.from({ length: blanks }, () => ({}) as Record<string, unknown>)];

  return (
    <Form method="post" {...getFormProps(form)} className="admin-form">
      <input type="hidden" name="csrf" value={props.csrf} />
      <ErrorSummary errors={errors} />

      <fieldset>
        <legend>{t("adminEvents.form.basics")}</legend>
        <Field name="type" label={t("adminEvents.form.type")} errors={errors}>
          {(a) => (
            <select {...a} defaultValue={str(v.type) || "webinar"}>
              {EVENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`eventType.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="title" label={t("adminEvents.form.title")} errors={errors}>
          {(a) => <input {...a} defaultValue={str(v.title)} maxLength={200} required />}
        </Field>
        <Field name="slug" label={t("adminEvents.form.slug")} hint={t("adminEvents.form.slugHint")} errors={errors}>
          {(a) => <input {...a} defaultValue={str(v.slug)} maxLength={100} pattern="[a-z0-9]+(-[a-z0-9]+)*" dir="ltr" />}
        </Field>
        <Field name="summary" label={t("adminEvents.form.summary")} errors={errors}>
          {(a) => <textarea {...a} defaultValue={str(v.summary)} rows={2} maxLength={500} />}
        </Field>
        <Field name="description" label={t("adminEvents.form.description")} errors={errors}>
          {(a) => <textarea {...a} defaultValue={str(v.description)} rows={10} maxLength={20000} />}
        </Field>
        <div className="form-actions">
          <SubmitButton intent="preview" label={t("adminEvents.form.preview")} formNoValidate className="button-secondary" />
        </div>
        {props.previewHtml !== undefined && props.previewHtml !== null ? (
          <section className="preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{t("adminEvents.form.previewHeading")}</h2>
            {props.previewHtml ? (
              <div className="prose" dangerouslySetInnerHTML={{ __html: props.previewHtml }} />
            ) : (
              <p className="muted">{t("adminEvents.form.previewEmpty")}</p>
            )}
          </section>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>{t("adminEvents.form.topics")}</legend>
        <div className="choice-columns">
          {props.options.pillars.map((pillar) => (
            <fieldset key={pillar.id} className="choice-group">
              <legend>{pillar.title}</legend>
              <Checkbox name="topics" value={pillar.id} label={pillar.title} defaultChecked={topics.has(pillar.id)} />
              {pillar.children.map((standard) => (
                <Checkbox key={standard.id} name="topics" value={standard.id} label={`${standard.number}. ${standard.title}`} defaultChecked={topics.has(standard.id)} />
              ))}
            </fieldset>
          ))}
        </div>
        <FieldMessage name="topics" errors={errors} />
        <Field name="seriesId" label={t("adminEvents.form.series")} errors={errors}>
          {(a) => (
            <select {...a} defaultValue={str(v.seriesId)}>
              <option value="">{t("adminEvents.form.noSeries")}</option>
              {props.options.series.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t("adminEvents.form.speakers")}</legend>
        {props.options.speakers.length === 0 ? <p className="muted">{t("adminEvents.form.noSpeakers")}</p> : null}
        <div className="choice-columns">
          {props.options.speakers.map((s) => (
            <Checkbox key={s.id} name="speakers" value={s.id} label={s.affiliation ? `${s.name} (${s.affiliation})` : s.name} defaultChecked={speakers.has(s.id)} />
          ))}
        </div>
        <FieldMessage name="speakers" errors={errors} />
        <p>
          <a href="/admin/speakers">{t("adminEvents.form.manageSpeakers")}</a>
        </p>
      </fieldset>

      <fieldset>
        <legend>{t("adminEvents.form.languages")}</legend>
        <Field name="primaryLanguageCode" label={t("adminEvents.form.primaryLanguage")} errors={errors}>
          {(a) => (
            <select {...a} defaultValue={str(v.primaryLanguageCode) || "en"}>
              {props.options.languages.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {/* The primary language needs no support: the action drops it, so the form does not offer it. */}
        {props.options.languages.filter((l) => l.code !== (str(v.primaryLanguageCode) || "en")).map((l) => (
          <Field key={l.code} name={`support.${l.code}`} label={t("adminEvents.form.supportFor", { language: l.name })} errors={errors}>
            {(a) => (
              <select {...a} defaultValue={str(support[l.code])}>
                <option value="">{t("adminEvents.form.kindNone")}</option>
                {LANGUAGE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`adminEvents.form.kind.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t("adminEvents.form.referenceCities")}</legend>
        <p className="hint">{t("adminEvents.form.referenceCitiesHint")}</p>
        <div className="choice-columns">
          {KNOWN_CITIES.map((c) => (
            <Checkbox key={c.id} name="referenceCities" value={c.id} label={c.city} defaultChecked={cities.has(c.id)} />
          ))}
        </div>
        <FieldMessage name="referenceCities" errors={errors} />
      </fieldset>

      <fieldset>
        <legend>{t("adminEvents.form.registration")}</legend>
        <Field name="timeZone" label={t("adminEvents.form.timeZone")} hint={t("adminEvents.form.timeZoneHint")} errors={errors}>
          {(a) => (
            <select {...a} defaultValue={str(v.timeZone) || "UTC"}>
              {props.options.zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="capacity" label={t("adminEvents.form.capacity")} hint={t("adminEvents.form.capacityHint")} errors={errors}>
          {(a) => <input {...a} type="number" min={1} max={100000} inputMode="numeric" defaultValue={str(v.capacity)} />}
        </Field>
        <Checkbox name="waitlistEnabled" label={t("adminEvents.form.waitlistEnabled")} defaultChecked={bool(v.waitlistEnabled)} />
        <Checkbox name="approvalRequired" label={t("adminEvents.form.approvalRequired")} defaultChecked={bool(v.approvalRequired)} />
        <Checkbox name="allowLateRegistration" label={t("adminEvents.form.allowLateRegistration")} defaultChecked={bool(v.allowLateRegistration)} />
        <Field name="opensAt" label={t("adminEvents.form.opensAt")} errors={errors}>
          {(a) => <input {...a} type="datetime-local" defaultValue={str(v.opensAt)} />}
        </Field>
        <Field name="closesAt" label={t("adminEvents.form.closesAt")} errors={errors}>
          {(a) => <input {...a} type="datetime-local" defaultValue={str(v.closesAt)} />}
        </Field>
        <Field name="reminders" label={t("adminEvents.form.reminders")} hint={t("adminEvents.form.remindersHint")} errors={errors}>
          {(a) => <input {...a} defaultValue={str(v.reminders)} maxLength={200} dir="ltr" />}
        </Field>
        <Checkbox name="isRecorded" label={t("adminEvents.form.isRecorded")} defaultChecked={bool(v.isRecorded)} />
        <Field name="joinUrl" label={t("adminEvents.form.joinUrl")} hint={t("adminEvents.form.joinUrlHint")} errors={errors}>
          {(a) => <input {...a} type="url" defaultValue={str(v.joinUrl)} maxLength={500} dir="ltr" />}
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t("adminEvents.form.questions")}</legend>
        {rows.map((q, i) => {
          const base = `questions[${i}]`;
          return (
            <fieldset key={`${str(q.id)}-${i}`} className="question-row">
              <legend>{q.id ? t("adminEvents.form.question", { number: i + 1 }) : t("adminEvents.form.newQuestion")}</legend>
              {q.id ? <input type="hidden" name={`${base}.id`} value={str(q.id)} /> : null}
              <Field name={`${base}.label`} label={t("adminEvents.form.questionLabel")} errors={errors}>
                {(a) => <input {...a} defaultValue={str(q.label)} maxLength={300} />}
              </Field>
              <Field name={`${base}.kind`} label={t("adminEvents.form.questionKind")} errors={errors}>
                {(a) => (
                  <select {...a} defaultValue={str(q.kind) || "text"}>
                    {QUESTION_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`adminEvents.form.questionKinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field name={`${base}.options`} label={t("adminEvents.form.questionOptions")} hint={t("adminEvents.form.questionOptionsHint")} errors={errors}>
                {(a) => <textarea {...a} defaultValue={str(q.options)} rows={3} />}
              </Field>
              <Checkbox name={`${base}.required`} label={t("adminEvents.form.questionRequired")} defaultChecked={bool(q.required)} />
              {q.id ? <Checkbox name={`${base}.remove`} label={t("adminEvents.form.questionRemove")} defaultChecked={bool(q.remove)} /> : null}
            </fieldset>
          );
        })}
        <input type="hidden" name="blankQuestions" value={blanks} />
        <SubmitButton intent="add-question" label={t("adminEvents.form.addQuestion")} formNoValidate className="button-secondary" />
      </fieldset>

      <fieldset>
        <legend>{t("adminEvents.form.translations")}</legend>
        <p className="hint">{t("adminEvents.form.translationsHint")}</p>
        {TRANSLATION_LOCALES.map((locale) => {
          const tr = obj(translations[locale]);
          const language = LOCALE_NAMES[locale];
          const open = !!str(tr.title) || Object.keys(errors).some((k) => k.startsWith(`translations.${locale}.`));
          return (
            <details key={locale} open={open}>
              <summary>{t("adminEvents.form.translationFor", { language })}</summary>
              <Field name={`translations.${locale}.title`} label={t("adminEvents.form.translationTitle", { language })} errors={errors}>
                {(a) => <input {...a} lang={locale} defaultValue={str(tr.title)} maxLength={200} />}
              </Field>
              <Field name={`translations.${locale}.summary`} label={t("adminEvents.form.translationSummary", { language })} errors={errors}>
                {(a) => <textarea {...a} lang={locale} defaultValue={str(tr.summary)} rows={2} maxLength={500} />}
              </Field>
              <Field name={`translations.${locale}.description`} label={t("adminEvents.form.translationDescription", { language })} errors={errors}>
                {(a) => <textarea {...a} lang={locale} defaultValue={str(tr.description)} rows={5} />}
              </Field>
            </details>
          );
        })}
      </fieldset>

      <div className="form-actions">
        <SubmitButton intent="save" label={props.isNew ? t("adminEvents.form.create") : t("adminEvents.form.save")} pendingLabel={t("adminEvents.saving")} />
      </div>
    </Form>
  );
}

