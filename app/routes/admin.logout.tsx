import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireCsrf, signOut } from "~/organisers/auth.server.ts";

export async function action({ request }: ActionFunctionArgs) {
  await requireCsrf(request, await request.formData());
  return signOut(request);
}

export const loader = () => redirect("/admin");
