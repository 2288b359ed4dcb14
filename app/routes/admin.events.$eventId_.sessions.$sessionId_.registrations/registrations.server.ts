import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { i18n } from "~/i18n.server.ts";
import { requireSessionAdmin, sessionHeader } from "~/sessions/session-page-context.server.ts";
import { isRegistrationStatus, listSessionRegistrations, registrationInSession } from "~/registration/session-registrations.server.ts";
import {
  approveRegistration,
  cancelRegistration,
  declineRegistration,
  promoteWaitlistedRegistration,
} from "~/registration/registrations.server.ts";
import { requireCsrf } from "~/organisers/auth.server.ts";

const NO_STORE = { "Cache-Control": "private, no-store" };

export async function registrationsLoader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireSessionAdmin(request, params);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 200);
  const statusParam = url.searchParams.get("status") ?? "";
  const status = isRegistrationStatus(statusParam) ? statusParam : undefined;
  const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  const [header, list] = await Promise.all([sessionHeader(request, session), listSessionRegistrations(session.id, { q, status, page })]);
  const confirmCancel = url.searchParams.get("confirmCancel");
  const done = url.searchParams.get("done");
  return data(
    {
      header,
      ...list,
      filter: { q, status: status ?? "" },
      confirmCancel: list.registrations.find((r) => r.id === confirmCancel && ["confirmed", "waitlisted", "pending"].includes(r.status)) ?? null,
      done: done && ["approved", "waitlisted", "declined", "promoted", "cancelled"].includes(done) ? done : null,
    },
    { headers: NO_STORE },
  );
}

const INTENTS = ["approve", "decline", "promote", "cancel"] as const;
type Intent = (typeof INTENTS)[number];

export async function registrationsAction({ request, params }: ActionFunctionArgs) {
  const { organiser, session } = await requireSessionAdmin(request, params);
  const form = await request.formData();
  await requireCsrf(request, form);
  const t = await i18n.getFixedT(request);
  const intent = form.get("intent");
  const registrationId = form.get("registrationId");
  if (typeof intent !== "string" || !(INTENTS as readonly string[]).includes(intent) || typeof registrationId !== "string") {
    return data({ error: t("adminRegistrations.list.badRequest") }, { status: 400 });
  }
  // The id must be one of this session's registrations: a crafted id from another event is refused.
  const registration = await registrationInSession(registrationId, session.id);
  if (!registration) return data({ error: t("adminRegistrations.list.notFound") }, { status: 404 });

  let done: string | null = null;
  let problem: string | null = null;
  switch (intent as Intent) {
    case "approve": {
      const result = await approveRegistration(registrationId, new Date(), organiser.id);
      if (result.outcome === "approved") done = result.status === "confirmed" ? "approved" : "waitlisted";
      else problem = result.outcome;
      break;
    }
    case "decline": {
      const result = await declineRegistration(registrationId, new Date(), organiser.id);
      if (result.outcome === "declined") done = "declined";
      else problem = result.outcome;
      break;
    }
    case "promote": {
      const result = await promoteWaitlistedRegistration(registrationId, new Date(), organiser.id);
      if (result.outcome === "promoted") done = "promoted";
      else problem = result.outcome === "full" ? "no-seat" : result.outcome;
      break;
    }
    case "cancel": {
      const result = await cancelRegistration(registrationId, { by: "organiser", actorId: organiser.id });
      if (result.outcome === "cancelled") done = "cancelled";
      else problem = result.outcome;
      break;
    }
  }
  if (problem) {
    // The registration changed since the page was drawn (someone else acted), or there is no seat.
    return data({ error: t(`adminRegistrations.problem.${problem}`, { name: registration.name }) }, { status: 409 });
  }
  const url = new URL(request.url);
  url.searchParams.delete("confirmCancel");
  url.searchParams.delete("index");
  url.searchParams.set("done", done!);
  return redirect(`${url.pathname}?${url.searchParams.toString()}`);
}
