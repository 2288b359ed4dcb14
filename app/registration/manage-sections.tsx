import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TimeZoneChooser } from "~/time/time-zone-chooser.tsx";
import { LOCALE_NAMES, SUPPORTED_LOCALES } from "~/i18n.ts";
import { detailsSchema } from "~/registration/registration-schema.ts";
import type { ZoneGroup } from "~/time/time-zone-choices.server.ts";

type ManagedSession = { id: string; title: string; date: string; time: string; zoneName: string; referenceLine: string };

function useBusy(intent: string) {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}

function SubmitButton({ intent, label, className }: { intent: string; label: string; className?: string }) {
  const { t } = useTranslation();
  const busy = useBusy(intent);
  return (
    <button type="submit" name="intent" value={intent} className={className} aria-disabled={busy || undefined}>
      {busy ? t("manage.working") : label}
    </button>
  );
}

export function SwitchSessionForm({ sessions, error }: { sessions: ManagedSession[]; error?: string | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="switch-heading" className="manage-section">
      <h2 id="switch-heading">{t("manage.switchHeading")}</h2>
      {sessions.length === 0 ? (
        <p>{t("manage.noOtherSessions")}</p>
      ) : (
        <Form method="post" className="stack">
          <fieldset className="session-choice" aria-describedby={error ? "switch-error" : undefined}>
            <legend>{t("manage.switchIntro")}</legend>
            {sessions.map((s, i) => (
              <div className="choice" key={s.id}>
                <input type="radio" id={`switch-${s.id}`} name="sessionId" value={s.id} defaultChecked={i === 0} />
                <label htmlFor={`switch-${s.id}`}>
                  <strong>{s.title}</strong> — {t("registration.sessionOption", { date: s.date, time: s.time, zone: s.zoneName })}
                  {s.referenceLine ? <span className="choice-detail"><bdi>{s.referenceLine}</bdi></span> : null}
                </label>
              </div>
            ))}
          </fieldset>
          {error ? <p id="switch-error" className="field-error" role="alert">{error}</p> : null}
          <div>
            <SubmitButton intent="switch" label={t("manage.switchSubmit")} />
          </div>
        </Form>
      )}
    </section>
  );
}

export function DetailsForm({
  defaults,
  zoneGroups,
  lastResult,
}: {
  defaults: { name: string; timeZone: string; locale: string };
  zoneGroups: ZoneGroup[];
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "details",
    lastResult,
    constraint: getZodConstraint(detailsSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: detailsSchema }),
  });
  const fieldProps = (field: (typeof fields)["name"] | (typeof fields)["timeZone"] | (typeof fields)["locale"]) => ({
    id: field.id,
    name: field.name,
    "aria-invalid": field.errors?.length ? true : undefined,
    "aria-describedby": field.errors?.length ? field.errorId : undefined,
  });
  const error = (field: { errorId: string; errors?: string[] }) => (
    <p id={field.errorId} className="field-error" aria-live="polite">
      {field.errors?.length ? t(field.errors[0]!) : null}
    </p>
  );
  return (
    <section aria-labelledby="details-heading" className="manage-section">
      <h2 id="details-heading">{t("manage.detailsHeading")}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <div className="field">
          <label htmlFor={fields.name.id}>{t("registration.name")}</label>
          <input type="text" autoComplete="name" defaultValue={String(fields.name.initialValue ?? "")} {...fieldProps(fields.name)} />
          {error(fields.name)}
        </div>
        <div className="field">
          <label htmlFor={fields.timeZone.id}>{t("registration.timeZone")}</label>
          <TimeZoneChooser groups={zoneGroups} defaultValue={String(fields.timeZone.initialValue ?? "UTC")} {...fieldProps(fields.timeZone)} />
          {error(fields.timeZone)}
        </div>
        <div className="field">
          <label htmlFor={fields.locale.id}>{t("registration.locale")}</label>
          <select defaultValue={String(fields.locale.initialValue ?? "en")} {...fieldProps(fields.locale)}>
            {SUPPORTED_LOCALES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LOCALE_NAMES[code]}
              </option>
            ))}
          </select>
          {error(fields.locale)}
        </div>
        <div>
          <SubmitButton intent="update" label={t("manage.saveDetails")} />
        </div>
      </Form>
    </section>
  );
}

export function ResendForm({ error }: { error?: string | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="resend-heading" className="manage-section">
      <h2 id="resend-heading">{t("manage.resendHeading")}</h2>
      <Form method="post">
        <SubmitButton intent="resend" label={t("registration.resend")} />
      </Form>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </section>
  );
}

/** Cancelling takes two steps that work without JavaScript: a link to the question, then a form. */
export function CancelSection({ confirm, here }: { confirm: boolean; here: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="cancel-heading" className="manage-section manage-cancel" id="cancel">
      <h2 id="cancel-heading">{confirm ? t("manage.cancelConfirmTitle") : t("manage.cancelHeading")}</h2>
      <p>{t("manage.cancelIntro")}</p>
      {confirm ? (
        <Form method="post" action={here} className="cancel-actions">
          <SubmitButton intent="cancel" label={t("manage.cancelConfirm")} className="button-danger" />
          <Link to={here} preventScrollReset>
            {t("manage.keep")}
          </Link>
        </Form>
      ) : (
        <p>
          <Link to={`${here}?cancel=1#cancel`}>{t("manage.cancelLink")}</Link>
        </p>
      )}
    </section>
  );
}
