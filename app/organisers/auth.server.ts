import crypto from "node:crypto";
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { endOrganiserSessions, getOrganiser } from "~/organisers/organisers.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { safeReturnTo } from "~/utils/safe-redirect.ts";

// "Session" means a webinar session in this code base; the login cookie is the auth-session.
const env = getEnv();
export const authSessionStorage = createCookieSessionStorage({
  cookie: {
    name: "auth-session",
    httpOnly: true,
    path: "/",
    sameSite: "lax",
    secure: env.BASE_URL.startsWith("https://"),
    secrets: [env.SESSION_SECRET],
    maxAge: 60 * 60 * 12,
  },
});

type CurrentOrganiser = NonNullable<Awaited<ReturnType<typeof getOrganiser>>>;

async function getAuthSession(request: Request) {
  return authSessionStorage.getSession(request.headers.get("Cookie"));
}

/**
 * The signed-in organiser, or null. The cookie is signed, but that alone kept it valid for 12
 * hours after sign-out or a password change: it also carries the organiser's session version,
 * which those raise. A cookie without one (issued before versions existed) counts as version 0,
 * so the organiser's next sign-out or password change retires it too.
 */
export async function getCurrentOrganiser(request: Request): Promise<CurrentOrganiser | null> {
  const session = await getAuthSession(request);
  const id = session.get("organiserId");
  if (typeof id !== "string") return null;
  const organiser = await getOrganiser(id);
  const version = session.get("sessionVersion") ?? 0;
  return organiser && organiser.sessionVersion === version ? organiser : null;
}

/** Every admin loader and action starts here: anonymous visitors go to the login page. */
export async function requireOrganiser(request: Request): Promise<CurrentOrganiser> {
  const organiser = await getCurrentOrganiser(request);
  if (!organiser) {
    const url = new URL(request.url);
    throw redirect(`/admin/login?returnTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return organiser;
}

export async function requireAdmin(request: Request): Promise<CurrentOrganiser> {
  const organiser = await requireOrganiser(request);
  if (organiser.role !== "admin") throw new Response("Only administrators can do this.", { status: 403 });
  return organiser;
}

export async function signIn(request: Request, organiser: { id: string; sessionVersion: number }, returnTo: string) {
  const session = await getAuthSession(request);
  session.set("organiserId", organiser.id);
  session.set("sessionVersion", organiser.sessionVersion);
  // A fresh CSRF token for every sign-in.
  session.set("csrf", crypto.randomBytes(32).toString("base64url"));
  return redirect(safeReturnTo(returnTo, "/admin"), { headers: { "Set-Cookie": await authSessionStorage.commitSession(session) } });
}

/** Ends every sign-in of this organiser, not only this browser's: a copied cookie stops too. */
export async function signOut(request: Request) {
  const session = await getAuthSession(request);
  const id = session.get("organiserId");
  if (typeof id === "string" && (await getCurrentOrganiser(request))) await endOrganiserSessions(id);
  return redirect("/admin/login", { headers: { "Set-Cookie": await authSessionStorage.destroySession(session) } });
}

/** After a password change: this browser stays signed in under the new session version. */
export async function keepSignedIn(request: Request, sessionVersion: number, to: string) {
  const session = await getAuthSession(request);
  session.set("sessionVersion", sessionVersion);
  return redirect(to, { headers: { "Set-Cookie": await authSessionStorage.commitSession(session) } });
}

/** The CSRF token of the signed-in organiser, for hidden form fields. */
export async function getCsrfToken(request: Request): Promise<string> {
  const session = await getAuthSession(request);
  const token = session.get("csrf");
  return typeof token === "string" ? token : "";
}

/**
 * Synchronizer-token check for every state-changing admin request: the form must
 * carry the token stored in the signed auth-session cookie.
 */
export async function requireCsrf(request: Request, form: FormData) {
  const expected = await getCsrfToken(request);
  const given = form.get("csrf");
  const ok =
    expected &&
    typeof given === "string" &&
    given.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!ok) throw new Response("This form has expired. Go back, reload the page and try again.", { status: 403 });
}

export { safeReturnTo } from "~/utils/safe-redirect.ts";
