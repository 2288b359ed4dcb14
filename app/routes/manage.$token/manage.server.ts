import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { i18n } from "~/i18n.server.ts";
import {
  cancelRegistration,
  getRegistrationForManage,
  getRegistrationOptions,
  resendConfirmation,
  switchSession,
  updateRegistrationDetails,
} from "~/registration/registrations.server.ts";
import { listRecordingsForSession } from "~/recordings/recordings.server.ts";
import { getSiteSettings } from "~/organisers/settings.server.ts";
import { findRegistrationIdByToken } from "~/registration/manage-token.server.ts";
import { detailsSchema } from "~/registration/registration-schema.ts";
import { timeZoneGroups, zoneGroupLabels } from "~/time/time-zone-choices.server.ts";
import {
  formatReferenceLine,
  formatSessionRange,
  parseReferenceCities,
  timesInCities,
  zoneDisplayName,
} from "~/time/time.ts";

/**
 * The token in the URL is a bearer credential: keep these pages out of every cache and keep the
 * URL out of Referer headers sent to other sites. "same-origin", not "no-referrer": the latter
 * makes browsers send `Origin: null` with this page's own forms, which Remix rejects, so
 * switching or cancelling would fail without JavaScript.
 */
export const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" };

type T = Awaited<ReturnType<typeof i18n.getFixedT>>;

async function registrationFor(request: Request, token: string | undefined): Promise<{ id: string; t: T; locale: string }> {
  const locale = await i18n.getLocale(request);
  const t = await i18n.getFixedT(locale);
  const id = await findRegistrationIdByToken(token ?? "");
  if (!id) throw data(t("manage.invalid"), { status: 404, headers: PRIVATE_HEADERS });
  return { id, t, locale };
}

export async function manageLoader({ request, params }: LoaderFunctionArgs) {
  const { id, t, locale } = await registrationFor(request, params.token);
  const registration = await getRegistrationForManage(id);
  if (!registration) throw data(t("manage.invalid"), { status: 404, headers: PRIVATE_HEADERS });
  const { session } = registration;
  const { event } = session;
  const settings = await getSiteSettings();
  const cities = event.referenceCities
    ? parseReferenceCities(event.referenceCities)
    : parseReferenceCities(JSON.stringify(settings.referenceCities));
  const dayLabels = { nextDay: t("time.nextDay"), previousDay: t("time.previousDay") };
  const [options, recordings] = await Promise.all([getRegistrationOptions(event.slug), listRecordingsForSession(event.slug, session.id)]);
  const open = new Set(options?.openSessionIds ?? []);
  const describe = (s: { id: string; title: string | null; startsAt: Date; endsAt: Date }, index: number) => {
    const when = formatSessionRange(s.startsAt, s.endsAt, registration.timeZone, locale);
    return {
      id: s.id,
      title: s.title ?? t("event.sessionNumber", { number: index + 1 }),
      date: when.date,
      time: when.time,
      zoneName: when.zoneName,
      referenceLine: formatReferenceLine(timesInCities(s.startsAt, cities, registration.timeZone, locale), dayLabels),
    };
  };
  const index = event.sessions.findIndex((s) => s.id === session.id);
  const translation = event.translations.find((tr) => tr.locale === locale);
  const active = ["confirmed", "waitlisted", "pending"].includes(registration.status);
  const url = new URL(request.url);
  return data(
    {
      registration: {
        name: registration.name,
        email: registration.email,
        status: registration.status,
        timeZone: registration.timeZone,
        locale: registration.locale,
        active,
      },
      event: { slug: event.slug, title: translation?.title ?? event.title, status: event.status },
      session: { ...describe(session, Math.max(0, index)), status: session.status, isPast: session.endsAt < new Date() },
      zoneName: zoneDisplayName(registration.timeZone, locale),
      otherSessions: active ? event.sessions.flatMap((s, i) => (s.id !== session.id && open.has(s.id) ? [describe(s, i)] : [])) : [],
      zoneGroups: timeZoneGroups(locale, zoneGroupLabels(t), { current: registration.timeZone }),
      recordings: recordings.map((r) => ({ id: r.id, title: r.title || event.title, minutes: r.durationSeconds ? Math.round(r.durationSeconds / 60) : null })),
      justRegistered: url.searchParams.get("registered") === "1",
      done: url.searchParams.get("done"),
      confirmCancel: url.searchParams.get("cancel") === "1" && active,
    },
    { headers: PRIVATE_HEADERS },
  );
}

export async function manageAction({ request, params }: ActionFunctionArgs) {
  const { id, t } = await registrationFor(request, params.token);
  const here = `/manage/${params.token}`;
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const done = (what: string) => redirect(`${here}?done=${what}`, { status: 303, headers: PRIVATE_HEADERS });
  const refused = (message: string, status = 409) => data({ intent, error: message, result: null }, { status, headers: PRIVATE_HEADERS });

  switch (intent) {
    case "cancel": {
      const result = await cancelRegistration(id, { by: "participant" });
      return result.outcome === "not-found" ? refused(t("manage.invalid"), 404) : done("cancelled");
    }
    case "switch": {
      const sessionId = String(formData.get("sessionId") ?? "").slice(0, 64);
      if (!sessionId) return refused(t("registration.errors.sessionRequired"), 400);
      const result = await switchSession(id, sessionId);
      if (result.outcome === "switched") return done("switched");
      if (result.outcome === "not-found") return refused(t("registration.errors.sessionUnknown"), 400);
      if (result.outcome === "not-open-yet") return refused(t("registration.outcome.not-open-yet-undated"));
      const key = `manage.outcome.${result.outcome}`;
      return refused(i18nHas(t, key) ? t(key) : t(`registration.outcome.${result.outcome}`));
    }
    case "update": {
      const submission = parseWithZod(formData, { schema: detailsSchema });
      if (submission.status !== "success") {
        return data({ intent, error: null, result: submission.reply() }, { status: 400, headers: PRIVATE_HEADERS });
      }
      await updateRegistrationDetails(id, submission.value);
      return done("updated");
    }
    case "resend": {
      const result = await resendConfirmation(id);
      if (result.outcome === "rate-limited") {
        const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
        return data(
          { intent, error: t("registration.resendLimited", { count: minutes }), result: null },
          { status: 429, headers: { ...PRIVATE_HEADERS, "Retry-After": String(result.retryAfterSeconds) } },
        );
      }
      return result.outcome === "sent" ? done("resent") : refused(t("manage.outcome.not-active"));
    }
    default:
      return refused(t("errors.badRequest"), 400);
  }
}

function i18nHas(t: T, key: string): boolean {
  return t(key, { defaultValue: "\u0000" }) !== "\u0000";
}
