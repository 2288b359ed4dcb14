import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { getMailMessage, mailboxEnabled } from "~/mail/mailbox.server.ts";
import { requireAdmin } from "~/organisers/auth.server.ts";

// URL: /admin/mail/:name/invite.ics — the calendar invitation a message carries.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const message = mailboxEnabled() ? getMailMessage(params.name ?? "") : null;
  if (!message?.mail.calendar) throw data("This message has no calendar invitation.", { status: 404 });
  return new Response(message.mail.calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="invite.ics"',
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
