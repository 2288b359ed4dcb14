/**
 * The shared frame of every email, as HTML (plain TSX rendered to static markup) and as text.
 *
 * Mail clients drop <style> blocks and external CSS unpredictably, so every style is inline; the
 * body is one centred column at most 600 px wide that shrinks on a phone, 16 px text, and buttons
 * big enough to tap. Links are also written out in full in the text part, which many of our
 * participants read on slow connections or in text-only clients.
 */
import type { CSSProperties, ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Block, EmailContext, EmailDocument } from "./types.ts";

const colors = {
  text: "#1f2933",
  muted: "#52606d",
  accent: "#0b5cad",
  border: "#d9e2ec",
  card: "#f5f7fa",
  page: "#eef1f4",
};
const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', Arial, sans-serif";

function Url({ href, children, style }: { href: string; children?: ReactNode; style?: CSSProperties }) {
  // dir="ltr" keeps a URL readable inside right-to-left text.
  return (
    <a href={href} dir="ltr" style={{ color: colors.accent, wordBreak: "break-all", ...style }}>
      {children ?? href}
    </a>
  );
}

function Button({ href, label }: { href: string; label: string }) {
  return (
    <table role="presentation" cellPadding={0} cellSpacing={0} style={{ margin: "16px 0" }}>
      <tbody>
        <tr>
          <td style={{ background: colors.accent, borderRadius: 6 }}>
            <a
              href={href}
              style={{
                display: "inline-block",
                padding: "12px 22px",
                color: "#ffffff",
                fontWeight: 600,
                fontSize: 16,
                textDecoration: "none",
              }}
            >
              {label}
            </a>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function HtmlBlock({ block, dir }: { block: Block; dir: "ltr" | "rtl" }) {
  switch (block.type) {
    case "paragraph":
      return <p style={{ margin: "0 0 16px" }}>{block.text}</p>;
    case "note":
      return (
        <p
          style={{
            margin: "0 0 16px",
            padding: "8px 12px",
            // Logical properties (border-inline-start) are ignored by many mail clients.
            [dir === "rtl" ? "borderRight" : "borderLeft"]: `4px solid ${colors.border}`,
            color: colors.muted,
          }}
        >
          {block.text}
        </p>
      );
    case "button":
      return <Button href={block.href} label={block.label} />;
    case "custom":
      return <>{block.html}</>;
  }
}

function EmailHtml({ doc, ctx }: { doc: EmailDocument; ctx: EmailContext }) {
  const { m } = ctx;
  const align = ctx.dir === "rtl" ? "right" : "left";
  const joinUrl = doc.join ? ctx.joinUrl : null;
  return (
    <html lang={ctx.locale} dir={ctx.dir}>
      <head>
        <meta httpEquiv="Content-Type" content="text/html; charset=utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{doc.subject}</title>
      </head>
      <body style={{ margin: 0, padding: 0, background: colors.page, color: colors.text, fontFamily: font }}>
        <div style={{ display: "none", maxHeight: 0, overflow: "hidden", opacity: 0 }}>{doc.preheader}</div>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ background: colors.page }}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: "16px 8px" }}>
                <table
                  role="presentation"
                  width="100%"
                  cellPadding={0}
                  cellSpacing={0}
                  dir={ctx.dir}
                  style={{ maxWidth: 600, background: "#ffffff", borderRadius: 8, border: `1px solid ${colors.border}` }}
                >
                  <tbody>
                    <tr>
                      <td style={{ padding: "24px 20px", fontSize: 16, lineHeight: 1.5, textAlign: align }}>
                        <h1 style={{ margin: "0 0 16px", fontSize: 22, lineHeight: 1.3 }}>{doc.heading}</h1>
                        <p style={{ margin: "0 0 16px" }}>{greeting(ctx)}</p>
                        {doc.intro.map((block, i) => (
                          <HtmlBlock key={i} block={block} dir={ctx.dir} />
                        ))}
                        <table
                          role="presentation"
                          width="100%"
                          cellPadding={0}
                          cellSpacing={0}
                          style={{ background: colors.card, borderRadius: 6, margin: "8px 0 16px" }}
                        >
                          <tbody>
                            <tr>
                              <td style={{ padding: 16, textAlign: align }}>
                                <p style={{ margin: "0 0 8px", fontWeight: 700, fontSize: 18 }}>{ctx.sessionTitle}</p>
                                <p style={{ margin: "0 0 8px" }}>
                                  <strong>{m.common.yourTime}{m.common.colon}</strong> {ctx.when}
                                </p>
                                {ctx.referenceLine ? (
                                  <p style={{ margin: 0, color: colors.muted, fontSize: 14 }}>
                                    {m.common.otherCities}{m.common.colon} {ctx.referenceLine}
                                  </p>
                                ) : null}
                                {joinUrl ? (
                                  <>
                                    <Button href={joinUrl} label={m.common.joinButton} />
                                    <p style={{ margin: 0, fontSize: 14, color: colors.muted }}>
                                      {m.common.joinLabel}{m.common.colon} <Url href={joinUrl} />
                                      <br />
                                      {m.common.joinPrivate}
                                    </p>
                                  </>
                                ) : null}
                              </td>
                            </tr>
                          </tbody>
                        </table>
                        {(doc.after ?? []).map((block, i) => (
                          <HtmlBlock key={i} block={block} dir={ctx.dir} />
                        ))}
                        <p style={{ margin: "0 0 8px" }}>
                          {m.common.eventPage}{m.common.colon} <Url href={ctx.eventUrl} />
                        </p>
                        {ctx.manageUrl ? (
                          <p style={{ margin: "0 0 16px" }}>
                            <Url href={ctx.manageUrl}>{manageWords(ctx).label}</Url>
                            <br />
                            <span style={{ fontSize: 14, color: colors.muted }}>{manageWords(ctx).hint}</span>
                          </p>
                        ) : null}
                      </td>
                    </tr>
                    <tr>
                      <td
                        style={{
                          padding: "12px 20px 20px",
                          borderTop: `1px solid ${colors.border}`,
                          fontSize: 13,
                          color: colors.muted,
                          textAlign: align,
                        }}
                      >
                        {ctx.fill(m.common.footer, { event: ctx.eventTitle })}
                      </td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

/**
 * The manage link's words. Once the registration or the session is cancelled (or the registration
 * declined) there is nothing left to manage or cancel: the link only shows what happened.
 */
function manageWords(ctx: EmailContext): { label: string; hint: string } {
  const closed =
    ["cancelled", "declined"].includes(ctx.payload.registration.status) || ctx.payload.session.status === "cancelled";
  return closed
    ? { label: ctx.m.common.manageClosed, hint: ctx.m.common.manageClosedHint }
    : { label: ctx.m.common.manage, hint: ctx.m.common.manageHint };
}

function greeting(ctx: EmailContext): string {
  const name = ctx.payload.registrant.name.trim();
  return name ? ctx.fill(ctx.m.common.greeting, { name }) : ctx.m.common.greetingNoName;
}

export function renderHtml(doc: EmailDocument, ctx: EmailContext): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<EmailHtml doc={doc} ctx={ctx} />)}`;
}

function textBlock(block: Block, colon: string): string {
  switch (block.type) {
    case "paragraph":
      return block.text;
    case "note":
      return `> ${block.text}`;
    case "button":
      return `${block.label}${colon} ${block.href}`;
    case "custom":
      return block.text;
  }
}

/** The text part, written for reading: the same content in the same order, every link in full. */
export function renderText(doc: EmailDocument, ctx: EmailContext): string {
  const { m } = ctx;
  const joinUrl = doc.join ? ctx.joinUrl : null;
  const sections: string[] = [
    doc.heading,
    greeting(ctx),
    ...doc.intro.map((block) => textBlock(block, m.common.colon)),
    [
      ctx.sessionTitle,
      `${m.common.yourTime}${m.common.colon} ${ctx.when}`,
      ...(ctx.referenceLine ? [`${m.common.otherCities}${m.common.colon} ${ctx.referenceLine}`] : []),
    ].join("\n"),
    ...(joinUrl ? [`${m.common.joinButton}${m.common.colon} ${joinUrl}\n${m.common.joinPrivate}`] : []),
    ...(doc.after ?? []).map((block) => textBlock(block, m.common.colon)),
    `${m.common.eventPage}${m.common.colon} ${ctx.eventUrl}`,
    ...(ctx.manageUrl ? [`${manageWords(ctx).label}${m.common.colon} ${ctx.manageUrl}\n${manageWords(ctx).hint}`] : []),
    `-- \n${ctx.fill(m.common.footer, { event: ctx.eventTitle })}`,
  ];
  return `${sections.filter((s) => s.trim() !== "").join("\n\n")}\n`;
}
