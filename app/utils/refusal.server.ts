// The page for a request refused before any route runs (server/request-guard.js): too large, in a
// format no form sends, unreadable, from another site, or a method we do not serve. It is a small
// self-contained page in the person's language (from their language cookie, ?lng= or
// Accept-Language), because the refusal happens before Remix could render the site around it.
import { DEFAULT_LOCALE, isLocale, localeDirection } from "~/i18n.ts";
import { i18n } from "~/i18n.server.ts";

type RefusalReason = "tooLarge" | "contentType" | "malformed" | "origin" | "method";

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export async function refusalResponse(request: Request, status: number, reason: RefusalReason, details: { limitBytes?: number } = {}) {
  const detected = await i18n.getLocale(request);
  const locale = isLocale(detected) ? detected : DEFAULT_LOCALE;
  const t = await i18n.getFixedT(locale);
  const title = t("refused.title");
  const message = t(`refused.${reason}`, { limit: Math.floor((details.limitBytes ?? 0) / 1024) });
  const html = `<!DOCTYPE html>
<html lang="${locale}" dir="${localeDirection(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="/events">${escape(t("refused.backToEvents"))}</a></p></main></body>
</html>
`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Language": locale },
  });
}
