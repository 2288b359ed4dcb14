import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { loadRegistrationForm } from "~/registration/registration-form.server.ts";
import { i18n } from "~/i18n.server.ts";
import {
  findActiveRegistration,
  getRegistrationOptions,
  registerForSession,
  resendConfirmation,
  type RegisterResult,
} from "~/registration/registrations.server.ts";
import { manageTokenFor } from "~/registration/manage-token.server.ts";
import { clientAddressOf, limitRegistrationAttempt } from "~/registration/rate-limit.server.ts";
import { HONEYPOT_FIELD, answersFromForm, createRegistrationSchema } from "~/registration/registration-schema.ts";
import { loadPublicEventForViewer } from "~/events/public-event.server.ts";

/**
 * Pages here echo what a person typed: never store them anywhere on the way. Referrers go to this
 * site only ("no-referrer" would make the form's own post arrive with `Origin: null`, which
 * Remix rejects, so correcting a mistake would fail without JavaScript).
 */
export const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" };

export async function registerLoader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const { locale, t, event, sessions, viewerZone, displayZone } = await loadPublicEventForViewer(request, slug);
  const form = await loadRegistrationForm(slug, sessions, { t, locale, timeZone: displayZone, viewerZone });
  if (!form) throw data(t("event.notFound", { slug }), { status: 404 });
  const requested = new URL(request.url).searchParams.get("session");
  return data(
    {
      event: { slug: event.slug, title: event.title },
      form: { ...form, defaultSessionId: form.sessions.some((s) => s.id === requested) ? requested! : undefined },
    },
    { headers: PRIVATE_HEADERS },
  );
}

function outcomeMessage(t: Awaited<ReturnType<typeof i18n.getFixedT>>, result: Exclude<RegisterResult, { outcome: "registered" | "already-registered" }>, locale: string) {
  if (result.outcome === "not-open-yet") {
    if (!("opensAt" in result) || !result.opensAt) return t("registration.outcome.not-open-yet-undated");
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: "UTC", timeZoneName: "short" }).format(result.opensAt);
    return t("registration.outcome.not-open-yet", { date });
  }
  return t(`registration.outcome.${result.outcome}`);
}

export async function registerAction({ request, params, context }: ActionFunctionArgs) {
  const locale = await i18n.getLocale(request);
  const t = await i18n.getFixedT(locale);
  const slug = params.slug ?? "";
  const formData = await request.formData();
  const address = clientAddressOf(request, typeof context.clientAddress === "string" ? context.clientAddress : undefined);

  if (formData.get("intent") === "resend") return resend(formData, t);

  // A filled honeypot is a bot: answer as if all went well and keep nothing.
  if (String(formData.get(HONEYPOT_FIELD) ?? "") !== "") {
    return data({ kind: "received" as const }, { headers: PRIVATE_HEADERS });
  }

  const options = await getRegistrationOptions(slug);
  if (!options) throw data(t("event.notFound", { slug }), { status: 404, headers: PRIVATE_HEADERS });
  // Every session of the event passes the schema; whether it is open is the model's call, so a
  // closed session gets its own message (409) rather than "unknown session" (400).
  const schema = createRegistrationSchema({
    sessionIds: options.sessions.map((s) => s.id),
    questions: options.questions,
    isRecorded: options.isRecorded,
  });
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return data({ kind: "form" as const, result: submission.reply(), formError: null }, { status: 400, headers: PRIVATE_HEADERS });
  }
  const values = submission.value;

  const limited = limitRegistrationAttempt(address, values.email);
  if (!limited.ok) return tooMany(limited.retryAfterSeconds);

  const result = await registerForSession({
    sessionId: values.sessionId,
    name: values.name,
    email: values.email,
    organisation: values.organisation,
    country: values.country,
    timeZone: values.timeZone,
    locale: values.locale,
    accessibilityNeeds: values.accessibilityNeeds,
    answers: answersFromForm(values, options.questions),
    consentPrivacy: values.consentPrivacy,
    consentRecording: values.consentRecording ?? false,
  });
  if (result.outcome === "registered") {
    // Post/redirect/get: a reload of the confirmation page cannot register twice.
    return redirect(`/manage/${manageTokenFor(result.registrationId)}?registered=1`, { status: 303, headers: PRIVATE_HEADERS });
  }
  if (result.outcome === "already-registered") {
    return data({ kind: "already" as const, sessionId: values.sessionId, email: values.email }, { status: 409, headers: PRIVATE_HEADERS });
  }
  const status = result.outcome === "not-found" ? 404 : result.outcome === "consent-required" || result.outcome === "invalid-answers" ? 400 : 409;
  return data(
    { kind: "form" as const, result: submission.reply(), formError: outcomeMessage(t, result, locale) },
    { status, headers: PRIVATE_HEADERS },
  );
}

function tooMany(retryAfterSeconds: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return data(
    { kind: "rate-limited" as const, minutes },
    { status: 429, headers: { ...PRIVATE_HEADERS, "Retry-After": String(retryAfterSeconds) } },
  );
}

async function resend(formData: FormData, t: Awaited<ReturnType<typeof i18n.getFixedT>>) {
  const sessionId = String(formData.get("sessionId") ?? "").slice(0, 64);
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const registration = sessionId && email ? await findActiveRegistration(sessionId, email) : null;
  // The same answer whether or not the address is registered: the email goes only to the
  // registered address, and this page must not confirm who registered.
  if (registration) {
    const result = await resendConfirmation(registration.id);
    if (result.outcome === "rate-limited") {
      const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
      return data(
        { kind: "resend-limited" as const, message: t("registration.resendLimited", { count: minutes }) },
        { status: 429, headers: { ...PRIVATE_HEADERS, "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
  }
  return data({ kind: "resent" as const }, { headers: PRIVATE_HEADERS });
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as the HTTP server saw it (server/app.js may pass req.ip). */
    clientAddress?: string;
  }
}
