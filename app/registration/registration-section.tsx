import { useTranslation } from "react-i18next";
import { RegistrationForm, type RegistrationFormProps } from "./registration-form.tsx";

/** The event page's registration block: the form, or why registration is not open. */
export function RegistrationSection({ slug, form }: { slug: string; form: Omit<RegistrationFormProps, "action"> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="register-heading" id="register" className="register-section">
      <h2 id="register-heading">{t("registration.heading")}</h2>
      {form.sessions.length ? (
        <>
          <p className="hint">{t("registration.intro")}</p>
          <RegistrationForm {...form} action={`/events/${slug}/register`} />
        </>
      ) : (
        <p className="notice">{t("registration.closedNotice")}</p>
      )}
    </section>
  );
}
