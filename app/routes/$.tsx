import { data } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18n } from "~/i18n.server.ts";

// Unknown addresses get the site's own "not found" page, in the reader's language.
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18n.getFixedT(request);
  throw data(t("errors.notFound"), { status: 404 });
}

export default function NotFound() {
  return null;
}
