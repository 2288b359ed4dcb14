import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18n } from "~/i18n.server.ts";
import { getPrivacyNotice } from "~/organisers/privacy.server.ts";
import { getSiteSettings } from "~/organisers/settings.server.ts";
import { renderMarkdown } from "~/utils/markdown.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title ?? "Privacy notice" }];

/** The privacy notice the registration form's consent refers to, as the organisers wrote it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await i18n.getLocale(request);
  const t = await i18n.getFixedT(locale);
  const { siteName, contactAddress } = await getSiteSettings();
  const notice = await getPrivacyNotice(locale, siteName);
  return { title: t("privacy.title"), siteName, contactAddress, html: renderMarkdown(notice.markdown) };
}

export default function PrivacyPage() {
  const { title, siteName, contactAddress, html } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="privacy-page">
      <h1>{title}</h1>
      <h2>{t("privacy.subtitle", { siteName })}</h2>
      <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
      {/* The notice says "contact the organisers": with a contact address set, this is how. */}
      {contactAddress ? (
        <p>
          {t("privacy.contact")} <a href={`mailto:${contactAddress}`}>{contactAddress}</a>
        </p>
      ) : null}
    </article>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
