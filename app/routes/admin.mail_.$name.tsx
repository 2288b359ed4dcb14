import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getMailMessage, mailboxEnabled } from "~/mail/mailbox.server.ts";
import { requireAdmin } from "~/organisers/auth.server.ts";

// URL: /admin/mail/:name — one message of the demo mailbox.
export const meta: MetaFunction = () => [{ title: "Mail" }];

const SHOWN_HEADERS = ["from", "to", "subject", "date", "message-id"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const message = mailboxEnabled() ? getMailMessage(params.name ?? "") : null;
  if (!message) throw data("This message does not exist (any more) in the local mailbox.", { status: 404 });
  const { mail } = message;
  return {
    name: params.name!,
    headers: SHOWN_HEADERS.filter((h) => mail.headers.has(h)).map((h) => [h, mail.headers.get(h)!] as const),
    subject: mail.subject,
    text: mail.text,
    // Shown as source text, never as live HTML: the site's CSP forbids frames (frame-src 'none'),
    // and escaped source is safe whatever a template or an organiser's message contains.
    html: mail.html,
    hasCalendar: mail.calendar !== null,
  };
}

export default function MailMessage() {
  const message = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/admin/mail/${encodeURIComponent(message.name)}`;
  return (
    <article className="mail-message">
      <p className="breadcrumb">
        <Link to="/admin/mail">{t("adminRegistrations.mail.back")}</Link>
      </p>
      <h1>{message.subject || t("adminRegistrations.mail.noSubject")}</h1>
      <dl className="mail-headers">
        {message.headers.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <ul className="inline-list">
        <li>
          <a href={`${base}/raw`} download={message.name}>
            {t("adminRegistrations.mail.downloadEml")}
          </a>
        </li>
        {message.hasCalendar ? (
          <li>
            <a href={`${base}/invite.ics`} download="invite.ics">
              {t("adminRegistrations.mail.downloadIcs")}
            </a>
          </li>
        ) : null}
      </ul>
      <h2>{t("adminRegistrations.mail.textPart")}</h2>
      {message.text ? <pre className="mail-text">{message.text}</pre> : <p className="muted">{t("adminRegistrations.mail.none")}</p>}
      {message.html ? (
        <details>
          <summary>{t("adminRegistrations.mail.htmlPart")}</summary>
          <pre className="mail-text mail-html">{message.html}</pre>
        </details>
      ) : null}
    </article>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
