import type { HeadersFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RegistrationForm } from "~/registration/registration-form.tsx";
import { registerAction, registerLoader } from "./register.server.ts";

// URL: /events/<slug>/register. The trailing underscore in the folder name keeps this page out of
// the event page's layout (which has no outlet) while sharing its URL prefix.
export const loader = registerLoader;
export const action = registerAction;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Register: ${data.event.title}` : "Register" },
  { name: "robots", content: "noindex" },
];

export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const headers = new Headers(loaderHeaders);
  for (const [key, value] of actionHeaders) headers.set(key, value);
  headers.set("Cache-Control", "private, no-store");
  return headers;
};

export default function RegisterPage() {
  const { event, form } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const back = (
    <p>
      <Link to={`/events/${event.slug}`}>{t("registration.backToEvent")}</Link>
    </p>
  );

  if (result?.kind === "rate-limited") {
    return (
      <div className="error-page">
        <h1>{t("rateLimit.title")}</h1>
        <p role="alert">{t("rateLimit.message", { count: result.minutes })}</p>
        {back}
      </div>
    );
  }
  if (result?.kind === "received") {
    return (
      <div className="registration-result">
        <h1>{t("registration.receivedTitle")}</h1>
        <p role="status">{t("registration.received")}</p>
        {back}
      </div>
    );
  }
  if (result?.kind === "already" || result?.kind === "resent" || result?.kind === "resend-limited") {
    return <AlreadyRegistered result={result} back={back} />;
  }

  return (
    <div className="register-page">
      <h1>{t("registration.pageTitle", { title: event.title })}</h1>
      {form.sessions.length === 0 ? (
        <p className="notice">{t("registration.closedNotice")}</p>
      ) : (
        <RegistrationForm
          {...form}
          action={`/events/${event.slug}/register`}
          lastResult={result?.kind === "form" ? result.result : null}
          formError={result?.kind === "form" ? result.formError : null}
        />
      )}
      {back}
    </div>
  );
}

type AlreadyResult =
  | { kind: "already"; sessionId: string; email: string }
  | { kind: "resent" }
  | { kind: "resend-limited"; message: string };

function AlreadyRegistered({ result, back }: { result: AlreadyResult; back: React.ReactNode }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === "resend";
  return (
    <div className="registration-result">
      <h1>{t("registration.alreadyTitle")}</h1>
      {result.kind === "already" ? (
        <>
          <p>{t("registration.already")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <input type="hidden" name="sessionId" value={result.sessionId} />
            <input type="hidden" name="email" value={result.email} />
            <button type="submit">{sending ? t("registration.resending") : t("registration.resend")}</button>
          </Form>
        </>
      ) : (
        <p role={result.kind === "resent" ? "status" : "alert"}>
          {result.kind === "resent" ? t("registration.resent") : result.message}
        </p>
      )}
      {back}
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
