import { getFormProps, parse, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FieldLink } from "~/components/field-link.tsx";
import { TimeZoneChooser } from "~/time/time-zone-chooser.tsx";
import { LOCALE_NAMES, SUPPORTED_LOCALES } from "~/i18n.ts";
import { HONEYPOT_FIELD, questionField, type FormQuestion } from "~/registration/registration-fields.ts";
import type { ZoneGroup } from "~/time/time-zone-choices.server.ts";

type Validation = typeof import("./registration-validation.ts");

let validationModule: Promise<Validation | null> | undefined;

/** Fetches the schema and zod once per page; a failed download may be retried on the next focus. */
function loadValidation(): Promise<Validation | null> {
  validationModule ??= import("./registration-validation.ts").catch(() => {
    validationModule = undefined;
    return null;
  });
  return validationModule;
}

export type SessionChoice = {
  id: string;
  title: string;
  date: string;
  time: string;
  zoneName: string;
  referenceLine: string;
  language: string;
};

export type RegistrationFormProps = {
  action: string;
  sessions: SessionChoice[];
  questions: FormQuestion[];
  isRecorded: boolean;
  approvalRequired: boolean;
  /** A short list; the chooser offers the full one. */
  zoneGroups: ZoneGroup[];
  defaultTimeZone: string;
  defaultLocale: string;
  defaultSessionId?: string;
  lastResult?: SubmissionResult<string[]> | null;
  /** A message for the whole form (the session filled up, registration closed…). */
  formError?: string | null;
};

type AnyField = FieldMetadata<unknown, Record<string, unknown>, string[]>;

/**
 * The registration form: one schema with the server (conform + zod), so it validates as you type
 * when JavaScript runs and still works as a plain POST when it does not. Errors are tied to their
 * fields (aria-invalid, aria-describedby) and summarised at the top with links to each field.
 *
 * The schema and zod load when the reader first focuses the form, not with the page. Until they
 * arrive, leaving a field reports nothing (the field is checked once they do) and submitting goes
 * to the server, which validates with the same schema, as it does without JavaScript.
 */
export function RegistrationForm(props: RegistrationFormProps) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [validation, setValidation] = useState<Validation | null>(null);
  // Fields left before validation arrived, to check as soon as it does.
  const leftEarly = useRef(new Set<string>());
  const schema = useMemo(
    () =>
      validation?.createRegistrationSchema({ sessionIds: props.sessions.map((s) => s.id), questions: props.questions, isRecorded: props.isRecorded }),
    [validation, props.sessions, props.questions, props.isRecorded],
  );
  const [attempted, setAttempted] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [form, fieldsRaw] = useForm({
    id: "registration",
    lastResult: props.lastResult,
    constraint: validation && schema ? validation.getZodConstraint(schema) : undefined,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      validation && schema ? validation.parseWithZod(formData, { schema }) : parse(formData, { resolve: (value) => ({ value }) }),
    defaultValue: {
      sessionId: props.defaultSessionId ?? (props.sessions.length === 1 ? props.sessions[0]!.id : undefined),
      timeZone: props.defaultTimeZone,
      locale: props.defaultLocale,
    },
  });
  useEffect(() => {
    if (!validation) return;
    for (const name of leftEarly.current) form.validate({ name });
    leftEarly.current.clear();
    // The messages that appear above may push the field being filled in out of view.
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active instanceof HTMLElement && active.closest("form#registration")) active.scrollIntoView({ block: "nearest" });
    });
    // Once, when validation arrives; `form` is a new object on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [validation]);
  const fields = fieldsRaw as unknown as Record<string, AnyField>;
  const field = (name: string) => fields[name]!;
  const pending = navigation.state !== "idle" && navigation.formAction === props.action;

  const errors = Object.entries(form.allErrors).filter(([name, list]) => name !== "" && list.length);
  const labels: Record<string, string> = {
    sessionId: t("registration.session"),
    name: t("registration.name"),
    email: t("registration.email"),
    organisation: t("registration.organisation"),
    country: t("registration.country"),
    timeZone: t("registration.timeZone"),
    locale: t("registration.locale"),
    accessibilityNeeds: t("registration.accessibilityNeeds"),
    consentPrivacy: t("registration.consentsLegend"),
    consentRecording: t("registration.consentsLegend"),
    ...Object.fromEntries(props.questions.map((q) => [questionField(q.id), q.label])),
  };
  const showSummary = (attempted || Boolean(props.lastResult)) && errors.length > 0;

  return (
    <Form
      method="post"
      action={props.action}
      {...getFormProps(form)}
      onFocus={() => {
        if (!validation) void loadValidation().then((loaded) => loaded && setValidation(() => loaded));
      }}
      onBlur={(event) => {
        const name = (event.target as Partial<HTMLInputElement>).name;
        if (!validation && name && name !== HONEYPOT_FIELD) leftEarly.current.add(name);
      }}
      onSubmit={(event) => {
        // Conform validates a field by submitting with its own "__intent__" button; only a real
        // submission should bring up the summary.
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        if (submitter?.getAttribute("name") !== "__intent__") setAttempted(true);
        form.onSubmit(event);
        // Move focus to the summary so a screen reader hears what to fix.
        if (event.defaultPrevented && submitter?.getAttribute("name") !== "__intent__") {
          requestAnimationFrame(() => summaryRef.current?.focus());
        }
      }}
      className="registration-form"
    >
      {props.formError ? (
        <div className="form-error" role="alert">
          {props.formError}
        </div>
      ) : null}
      {showSummary ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="registration-error-summary">
          <h3 id="registration-error-summary">{t("registration.errorSummary", { count: errors.length })}</h3>
          <ul>
            {errors.map(([name, list]) => (
              <li key={name}>
                <FieldLink fieldId={fields[name]?.id ?? name}>
                  {labels[name] ? `${labels[name]}: ` : ""}
                  {t(list[0]!)}
                </FieldLink>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {props.approvalRequired ? <p className="notice">{t("registration.approvalNotice")}</p> : null}

      <SessionChoiceField field={field("sessionId")} sessions={props.sessions} />

      <TextField field={field("name")} label={t("registration.name")} required autoComplete="name" />
      <TextField
        field={field("email")}
        label={t("registration.email")}
        hint={t("registration.emailHint")}
        required
        type="email"
        autoComplete="email"
       
      />
      <TextField field={field("organisation")} label={t("registration.organisation")} autoComplete="organization" />
      <TextField field={field("country")} label={t("registration.country")} autoComplete="country-name" />

      <FieldShell field={field("timeZone")} label={t("registration.timeZone")} hint={t("registration.timeZoneHint")} required>
        {(aria) => (
          <TimeZoneChooser
            {...aria}
            // Remounts when the browser's zone, detected after the first paint, reaches the server.
            key={props.defaultTimeZone}
            name={field("timeZone").name}
            groups={props.zoneGroups}
            defaultValue={props.lastResult ? String(field("timeZone").initialValue ?? props.defaultTimeZone) : props.defaultTimeZone}
            more={{ returnTo: props.action }}
          />
        )}
      </FieldShell>
      <FieldShell field={field("locale")} label={t("registration.locale")} hint={t("registration.localeHint")} required>
        {(aria) => (
          <select {...aria} name={field("locale").name} defaultValue={String(field("locale").initialValue ?? props.defaultLocale)}>
            {SUPPORTED_LOCALES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LOCALE_NAMES[code]}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <FieldShell field={field("accessibilityNeeds")} label={t("registration.accessibilityNeeds")} hint={t("registration.accessibilityHint")}>
        {(aria) => (
          <textarea {...aria} name={field("accessibilityNeeds").name} rows={3} defaultValue={String(field("accessibilityNeeds").initialValue ?? "")} />
        )}
      </FieldShell>

      {props.questions.length ? (
        <fieldset className="question-group">
          <legend>{t("registration.questionsLegend")}</legend>
          {props.questions.map((q) => (
            <QuestionField key={q.id} question={q} field={field(questionField(q.id))} />
          ))}
        </fieldset>
      ) : null}

      <fieldset className="consents">
        <legend>{t("registration.consentsLegend")}</legend>
        <CheckboxField field={field("consentPrivacy")} label={t("registration.consentPrivacy")} />
        {/* A new tab, so reading the notice does not lose what was typed (without JavaScript too). */}
        <p className="hint">
          <a href="/privacy" target="_blank" rel="noopener">
            {t("registration.privacyLink")}
          </a>
        </p>
        {props.isRecorded ? <CheckboxField field={field("consentRecording")} label={t("registration.consentRecording")} /> : null}
      </fieldset>

      {/* Bots fill every field; people never see this one. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="registration-website">{t("registration.honeypot")}</label>
        <input id="registration-website" type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <div className="form-actions">
        <button type="submit" aria-disabled={pending || undefined} onClick={(e) => pending && e.preventDefault()}>
          {pending ? t("registration.submitting") : t("registration.submit")}
        </button>
        <span role="status" className="visually-hidden">
          {pending ? t("registration.submitting") : ""}
        </span>
      </div>
    </Form>
  );
}

type Aria = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  "aria-required"?: true;
};

function describedBy(field: AnyField, hint: boolean): string | undefined {
  const ids = [hint ? field.descriptionId : null, field.errors?.length ? field.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldError({ field }: { field: AnyField }) {
  const { t } = useTranslation();
  // Always rendered, so the live region exists before a message appears in it.
  return (
    <p id={field.errorId} className="field-error" aria-live="polite">
      {field.errors?.length ? t(field.errors[0]!) : null}
    </p>
  );
}

function Label({ htmlFor, text, required }: { htmlFor: string; text: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={htmlFor}>
      {text} <span className="label-note">{required ? t("registration.required") : t("registration.optional")}</span>
    </label>
  );
}

function FieldShell({
  field,
  label,
  hint,
  required,
  children,
}: {
  field: AnyField;
  label: string;
  hint?: string;
  required?: boolean;
  children: (aria: Aria) => ReactNode;
}) {
  const aria: Aria = {
    id: field.id,
    ...(field.errors?.length ? { "aria-invalid": true as const } : {}),
    ...(describedBy(field, Boolean(hint)) ? { "aria-describedby": describedBy(field, Boolean(hint)) } : {}),
    ...(required ? { "aria-required": true as const } : {}),
  };
  return (
    <div className="field">
      <Label htmlFor={field.id} text={label} required={required} />
      {hint ? (
        <p id={field.descriptionId} className="hint">
          {hint}
        </p>
      ) : null}
      {children(aria)}
      <FieldError field={field} />
    </div>
  );
}

function TextField({
  field,
  label,
  hint,
  required,
  type = "text",
  autoComplete,
}: {
  field: AnyField;
  label: string;
  hint?: string;
  required?: boolean;
  type?: string;
  autoComplete?: string;
}) {
  return (
    <FieldShell field={field} label={label} hint={hint} required={required}>
      {(aria) => (
        // No maxLength attribute: the browser would silently cut a pasted text; the schema says
        // what is wrong instead.
        <input {...aria} type={type} name={field.name} autoComplete={autoComplete} defaultValue={String(field.initialValue ?? "")} />
      )}
    </FieldShell>
  );
}

function CheckboxField({ field, label }: { field: AnyField; label: string }) {
  return (
    <div className="field field-checkbox">
      <input
        type="checkbox"
        id={field.id}
        name={field.name}
        value="on"
        defaultChecked={field.initialValue === "on"}
        aria-invalid={field.errors?.length ? true : undefined}
        aria-describedby={field.errors?.length ? field.errorId : undefined}
        aria-required
      />
      <label htmlFor={field.id}>{label}</label>
      <FieldError field={field} />
    </div>
  );
}

function SessionChoiceField({ field, sessions }: { field: AnyField; sessions: SessionChoice[] }) {
  const { t } = useTranslation();
  if (sessions.length === 1) {
    const only = sessions[0]!;
    return (
      <div className="field">
        <input type="hidden" name={field.name} value={only.id} />
        <p className="chosen-session">
          <strong>{only.title}</strong>: {t("registration.sessionOption", { date: only.date, time: only.time, zone: only.zoneName })}
        </p>
        <FieldError field={field} />
      </div>
    );
  }
  return (
    <fieldset
      className="session-choice"
      aria-invalid={field.errors?.length ? true : undefined}
      aria-describedby={field.errors?.length ? field.errorId : undefined}
    >
      <legend>
        {t("registration.sessionLegend")} <span className="label-note">{t("registration.required")}</span>
      </legend>
      {sessions.map((session, index) => (
        <div className="choice" key={session.id}>
          <input
            type="radio"
            id={index === 0 ? field.id : `${field.id}-${session.id}`}
            name={field.name}
            value={session.id}
            defaultChecked={field.initialValue === session.id}
          />
          <label htmlFor={index === 0 ? field.id : `${field.id}-${session.id}`}>
            <strong>{session.title}</strong> — {t("registration.sessionOption", { date: session.date, time: session.time, zone: session.zoneName })}
            <span className="choice-detail">
              {session.language}
              {session.referenceLine ? <> · <bdi>{session.referenceLine}</bdi></> : null}
            </span>
          </label>
        </div>
      ))}
      <FieldError field={field} />
    </fieldset>
  );
}

function QuestionField({ question, field }: { question: FormQuestion; field: AnyField }) {
  const { t } = useTranslation();
  const invalid = field.errors?.length ? true : undefined;
  const described = invalid ? field.errorId : undefined;
  if (question.kind === "text") {
    return (
      <FieldShell field={field} label={question.label} required={question.required}>
        {(aria) => <textarea {...aria} name={field.name} rows={2} defaultValue={String(field.initialValue ?? "")} />}
      </FieldShell>
    );
  }
  const multiple = question.kind === "multiple";
  const options = question.kind === "yesno" ? [["yes", t("registration.yes")], ["no", t("registration.no")]] : question.options.map((o) => [o, o]);
  const initial = field.initialValue;
  const isChecked = (value: string) => (Array.isArray(initial) ? initial.includes(value) : initial === value);
  return (
    <fieldset className="choice-group" aria-invalid={invalid} aria-describedby={described}>
      <legend>
        {question.label} <span className="label-note">{question.required ? t("registration.required") : t("registration.optional")}</span>
      </legend>
      {options.map(([value, label], index) => {
        const id = index === 0 ? field.id : `${field.id}-${index}`;
        return (
          <div className="choice" key={value}>
            <input type={multiple ? "checkbox" : "radio"} id={id} name={field.name} value={value} defaultChecked={isChecked(value!)} />
            <label htmlFor={id}>{label}</label>
          </div>
        );
      })}
      <FieldError field={field} />
    </fieldset>
  );
}
