import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { getMailMessage, mailboxEnabled } from "~/mail/mailbox.server.ts";
import { requireAdmin } from "~/organisers/auth.server.ts";

// URL: /admin/mail/:name/raw — the message as the .eml file it is, to open in a mail program.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const message = mailboxEnabled() ? getMailMessage(params.name ?? "") : null;
  if (!message) throw data("This message does not exist (any more) in the local mailbox.", { status: 404 });
  return new Response(message.raw, {
    headers: {
      "Content-Type": "message/rfc822",
      // The name passed readMailFile's pattern: letters, digits, . _ - only.
      "Content-Disposition": `attachment; filename="${params.name}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
