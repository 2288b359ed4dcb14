import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { adminHandle, loadWithAdminStrings } from "~/locales/admin-namespace.ts";
import { z } from "zod";
import { i18n } from "~/i18n.server.ts";
import { recordSignIn, verifyLogin } from "~/organisers/organisers.server.ts";
import { getCurrentOrganiser, safeReturnTo, signIn } from "~/organisers/auth.server.ts";
import { clientAddressOf } from "~/registration/rate-limit.server.ts";

export const handle = adminHandle;
export const clientLoader = loadWithAdminStrings;

export const meta: MetaFunction = () => [{ title: "Sign in" }];

const schema = z.object({
  email: z.string().trim().min(1).max(320).email(),
  password: z.string().min(1).max(200),
  returnTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentOrganiser(request)) {
    throw redirect(safeReturnTo(new URL(request.url).searchParams.get("returnTo"), "/admin"));
  }
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = await i18n.getFixedT(request);
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data({ error: t("admin.login.fillBoth") }, { status: 400 });
  }
  const client = clientAddressOf(request, typeof context.clientAddress === "string" ? context.clientAddress : undefined);
  const result = await verifyLogin(parsed.data.email, parsed.data.password, client);
  if (!result.ok) {
    const error =
      result.reason === "locked"
        ? t("admin.login.locked", { count: result.retryAfterMinutes })
        : t("admin.login.invalid");
    return data({ error }, { status: result.reason === "locked" ? 429 : 401 });
  }
  await recordSignIn(result.organiser.id);
  return signIn(request, result.organiser, safeReturnTo(parsed.data.returnTo, "/admin"));
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === "submitting";
  return (
    <div className="narrow">
      <h1>{t("admin.login.title")}</h1>
      <p>{t("admin.login.intro")}</p>
      {actionData?.error ? (
        <p className="field-error" role="alert" id="login-error">
          {actionData.error}
        </p>
      ) : null}
      <Form method="post" className="stack" aria-describedby={actionData?.error ? "login-error" : undefined}>
        <input type="hidden" name="returnTo" value={params.get("returnTo") ?? "/admin"} />
        <div className="field">
          <label htmlFor="email">{t("admin.login.email")}</label>
          <input id="email" name="email" type="email" autoComplete="username" required maxLength={320} />
        </div>
        <div className="field">
          <label htmlFor="password">{t("admin.login.password")}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={200} />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t("admin.login.signingIn") : t("admin.login.submit")}
        </button>
      </Form>
    </div>
  );
}

export { ErrorBoundary } from "~/components/route-error.tsx";
