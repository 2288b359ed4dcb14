import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { SessionAdminHeader } from "~/sessions/session-admin-header.tsx";
import { i18n } from "~/i18n.server.ts";
import { requireSessionAdmin, sessionHeader } from "~/sessions/session-page-context.server.ts";
import { audienceCounts, messageRegistrants, newMessageId } from "~/registration/session-registrations.server.ts";
import { requireCsrf } from "~/organisers/auth.server.ts";
import { AUDIENCES, MESSAGE_ID_PATTERN } from "~/registration/registrant-message.ts";

// URL: /admin/events/:eventId/sessions/:sessionId/message — write to a session's registrants.
// A 10,000-character message in Arabic is about 60 KB percent-encoded: over the guard's 64 KB default with the rest.
export const handle = { requestBody: { maxBytes: 256 * 1024 } };

export const meta: MetaFunction = () => [{ title: "Message registrants" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireSessionAdmin(request, params);
  const [header, counts] = await Promise.all([sessionHeader(request, session), audienceCounts(session.id)]);
  const sent = Number.parseInt(new URL(request.url).searchParams.get("sent") ?? "", 10);
  // A new id per page view: the form carries it, so submitting the same form twice sends once.
  return data({ header, counts, messageId: newMessageId(), sent: Number.isFinite(sent) ? sent : null }, { headers: { "Cache-Control": "private, no-store" } });
}

const schema = z.object({
  subject: z.string().trim().min(1, "subjectRequired").max(200, "subjectTooLong").refine((s) => !/[\r\n]/.test(s), "subjectOneLine"),
  body: z.string().trim().min(1, "bodyRequired").max(10_000, "bodyTooLong"),
  audience: z.enum(AUDIENCES, { message: "audienceRequired" }),
  messageId: z.string().regex(MESSAGE_ID_PATTERN, "expired"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, session } = await requireSessionAdmin(request, params);
  const form = await request.formData();
  await requireCsrf(request, form);
  const t = await i18n.getFixedT(request);
  const values = { subject: String(form.get("subject") ?? ""), body: String(form.get("body") ?? ""), audience: String(form.get("audience") ?? "") };
  const parsed = schema.safeParse({ ...values, messageId: form.get("messageId") ?? "" });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= t(`adminRegistrations.message.errors.${issue.message}`);
    return data({ errors, values, alreadySent: false }, { status: 400 });
  }
  const result = await messageRegistrants({ sessionId: session.id, actorId: organiser.id, ...parsed.data });
  if (result.recipients === 0) {
    return data({ errors: { audience: t("adminRegistrations.message.errors.nobody") }, values, alreadySent: false }, { status: 400 });
  }
  if (result.created === 0) {
    // The same form was submitted again (double click, back and resend): it was sent the first time.
    return data({ errors: {} as Record<string, string>, values, alreadySent: true }, { status: 409 });
  }
  return redirect(`/admin/events/${session.event.id}/sessions/${session.id}/message?sent=${result.created}`);
}

export default function MessageRegistrants() {
  const { header, counts, messageId, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useRouteLoaderData<{ csrf: string }>("routes/admin") ?? { csrf: "" };
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values;
  const describedBy = (field: string) => (errors[field] ? `${field}-error` : undefined);
  return (
    <div className="session-admin">
      <SessionAdminHeader header={header} />
      <h2>{t("adminRegistrations.message.title")}</h2>
      <p className="hint">{t("adminRegistrations.message.intro")}</p>
      {sent !== null ? (
        <p className="notice notice-success" role="status">
          {t("adminRegistrations.message.sent", { count: sent })}
        </p>
      ) : null}
      {actionData?.alreadySent ? (
        <p className="notice" role="status">
          {t("adminRegistrations.message.alreadySent")}
        </p>
      ) : null}
      <Form method="post" className="stack message-form">
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="messageId" value={messageId} />
        <fieldset aria-describedby={describedBy("audience")}>
          <legend>{t("adminRegistrations.message.audience")}</legend>
          {AUDIENCES.map((audience) => (
            <div className="choice" key={audience}>
              <input
                type="radio"
                id={`audience-${audience}`}
                name="audience"
                value={audience}
                defaultChecked={(values?.audience ?? "all") === audience}
              />
              <label htmlFor={`audience-${audience}`}>{t(`adminRegistrations.message.audiences.${audience}`, { count: counts[audience] })}</label>
            </div>
          ))}
          <p className="field-error" id="audience-error">{errors.audience}</p>
        </fieldset>
        <div className="field">
          <label htmlFor="subject">{t("adminRegistrations.message.subject")}</label>
          <input id="subject" name="subject" required maxLength={200} defaultValue={values?.subject} aria-invalid={errors.subject ? true : undefined} aria-describedby={describedBy("subject")} />
          <p className="field-error" id="subject-error">{errors.subject}</p>
        </div>
        <div className="field">
          <label htmlFor="body">{t("adminRegistrations.message.body")}</label>
          <textarea id="body" name="body" required rows={10} maxLength={10_000} defaultValue={values?.body} aria-invalid={errors.body ? true : undefined} aria-describedby={`body-hint${errors.body ? " body-error" : ""}`} />
          <p className="hint" id="body-hint">{t("adminRegistrations.message.bodyHint")}</p>
          <p className="field-error" id="body-error">{errors.body}</p>
        </div>
        <p className="field-error">{errors.messageId}</p>
        <div className="form-actions">
          <button type="submit" disabled={busy} aria-disabled={busy || undefined}>
            {busy ? t("adminRegistrations.message.sending") : t("adminRegistrations.message.send")}
          </button>
        </div>
      </Form>
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
