/**
 * Small building blocks shared by the organiser forms: labelled fields whose errors come from
 * conform (client) or the action's reply (server, so they show without JavaScript too), and a
 * summary of every error at the top of the form.
 */
import { useNavigation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FieldLink } from "~/components/field-link.tsx";
import { translateError } from "~/utils/form-errors.ts";

export type FieldErrors = Record<string, string[] | null | undefined>;

/** Field names with dots and brackets become ids safe for aria-describedby and href="#…". */
export function fieldId(name: string) {
  return `f-${name.replace(/[^a-zA-Z0-9_-]+/g, "-")}`;
}

function useErrorText() {
  const { t } = useTranslation();
  return (message: string) => translateError(t as (key: string, params?: Record<string, unknown>) => string, message);
}

export function FieldMessage({ name, errors }: { name: string; errors: FieldErrors }) {
  const text = useErrorText();
  const list = errors[name];
  return (
    <p className="field-error" id={`${fieldId(name)}-error`}>
      {list?.length ? text(list[0]!) : null}
    </p>
  );
}

/** Props for an input so its label, hint and error are announced together. */
export function describe(name: string, errors: FieldErrors, hint = false) {
  const invalid = !!errors[name]?.length;
  const ids = [hint ? `${fieldId(name)}-hint` : null, invalid ? `${fieldId(name)}-error` : null].filter(Boolean).join(" ");
  return { id: fieldId(name), name, "aria-invalid": invalid || undefined, "aria-describedby": ids || undefined };
}

export function Field(props: { name: string; label: string; hint?: string; errors: FieldErrors; wide?: boolean; children: (a11y: ReturnType<typeof describe>) => ReactNode }) {
  return (
    <div className={props.wide ? "field field-wide" : "field"}>
      <label htmlFor={fieldId(props.name)}>{props.label}</label>
      {props.children(describe(props.name, props.errors, !!props.hint))}
      {props.hint ? (
        <p className="hint" id={`${fieldId(props.name)}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldMessage name={props.name} errors={props.errors} />
    </div>
  );
}

export function Checkbox(props: { name: string; label: string; defaultChecked?: boolean; value?: string; id?: string }) {
  const id = props.id ?? fieldId(props.value ? `${props.name}-${props.value}` : props.name);
  // Never `value={undefined}`: React 18 hydrates that as value="", so a ticked box posts
  // "name=" with JavaScript on, which the schema reads as unticked. "on" is what the HTML
  // default would post, and what the schemas read as true.
  return (
    <div className="choice">
      <input type="checkbox" id={id} name={props.name} value={props.value ?? "on"} defaultChecked={props.defaultChecked} />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation();
  const text = useErrorText();
  const entries = Object.entries(errors).filter(([, list]) => list?.length);
  const shown = entries.length > 0;
  const ref = useRef<HTMLDivElement>(null);
  // When a submission comes back with errors, start the keyboard and screen reader user there.
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  if (!shown) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="error-summary-title">{t("adminEvents.errorSummary")}</h2>
      <ul>
        {entries.map(([name, list]) => (
          <li key={name}>
            {name ? <FieldLink fieldId={fieldId(name)}>{text(list![0]!)}</FieldLink> : text(list![0]!)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The submit button of a form: says it is working while its own intent is being submitted. */
export function SubmitButton(props: { intent?: string; label: string; pendingLabel?: string; className?: string; formNoValidate?: boolean }) {
  const navigation = useNavigation();
  const { t } = useTranslation();
  const pending =
    navigation.state === "submitting" && (props.intent === undefined || navigation.formData?.get("intent") === props.intent);
  return (
    <button
      type="submit"
      name={props.intent ? "intent" : undefined}
      value={props.intent}
      className={props.className}
      formNoValidate={props.formNoValidate}
      aria-disabled={pending || undefined}
      onClick={(e) => {
        if (pending) e.preventDefault();
      }}
    >
      {pending ? (props.pendingLabel ?? t("adminEvents.working")) : props.label}
    </button>
  );
}

/** Reads a posted value as a string ("" when absent). */
export function str(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

/** Reads a posted value as a list (one checkbox posts a string, several an array). */
export function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" && value ? [value] : [];
}

export function bool(value: unknown): boolean {
  return value === true || value === "on";
}

export function obj(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
