import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** What a reader sees when a page cannot be shown: what happened and what to do next. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  let title = t("errors.unexpectedTitle");
  let message = t("errors.unexpected");
  if (isRouteErrorResponse(error)) {
    const text = typeof error.data === "string" && error.data ? error.data : null;
    if (error.status === 404) {
      title = t("errors.notFoundTitle");
      message = text ?? t("errors.notFound");
    } else if (error.status === 400) {
      title = t("errors.badRequestTitle");
      message = text ?? t("errors.badRequest");
    } else if (error.status === 403) {
      title = t("errors.forbiddenTitle");
      message = text ?? t("errors.forbidden");
    } else if (error.status === 429) {
      title = t("errors.tooManyTitle");
      message = text ?? t("errors.tooMany");
    }
  } else {
    console.error(error);
  }
  return (
    <div className="error-page">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/events">{t("errors.backToEvents")}</Link>
      </p>
    </div>
  );
}
