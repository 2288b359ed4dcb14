import type { ClientLoaderFunctionArgs } from "@remix-run/react";
// The browser's i18next instance, through react-i18next: importing "i18next" here as well would
// split it out of the client entry into a chunk of its own, one more request on every page.
import { getI18n } from "react-i18next";

/**
 * The organiser routes' handle: remix-i18next's getInitialNamespaces() reads it, so a page opened
 * at an /admin address has the "admin" strings before it hydrates.
 */
export const adminHandle = { i18n: ["translation", "admin"] };

/**
 * The organiser routes' clientLoader: a page reached without a full load (after signing in, say)
 * renders only once the "admin" strings have arrived, so nobody sees raw keys. On hydration it
 * does not run: the server's data is used, and the strings are already there.
 */
export async function loadWithAdminStrings({ serverLoader }: ClientLoaderFunctionArgs) {
  const [data] = await Promise.all([serverLoader(), getI18n().loadNamespaces("admin")]);
  return data;
}
