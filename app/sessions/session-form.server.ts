/**
 * The session form's action for new and existing sessions: validate with the shared schema,
 * resolve the wall-clock time (refusing skipped times, asking about repeated ones), then create or
 * update through the model. Every refusal is a 400 with the values as typed; nothing is stored.
 */
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import { createSession, updateSession, type SessionData } from "~/sessions/session-operations.server.ts";
import { E } from "~/events/admin-event-schema.ts";
import { resolveSessionStart, sessionFormSchema } from "~/sessions/admin-session-schema.ts";

type Actor = { id: string; role: string };

export async function handleSessionForm(formData: FormData, actor: Actor, eventId: string, sessionId?: string) {
  const submission = parseWithZod(formData, { schema: sessionFormSchema });
  const values = submission.payload as Record<string, unknown>;
  const fail = (field: string, message: string, extra: Record<string, unknown> = {}) =>
    data(
      { values, result: submission.reply({ fieldErrors: { [field]: [message] } }), serverErrors: { [field]: [message] }, ambiguous: null, confirm: null, ...extra },
      { status: 400 },
    );
  if (submission.status !== "success") {
    return data({ values, result: submission.reply(), serverErrors: {}, ambiguous: null, confirm: null }, { status: 400 });
  }
  const input = submission.value;
  const start = resolveSessionStart(input);
  if (start.kind === "gap" || start.kind === "invalid") return fail("time", start.message);
  if (start.kind === "ambiguous") {
    return fail("occurrence", start.message, { ambiguous: { earlier: start.earlier.offset, later: start.later.offset } });
  }
  const session: SessionData = {
    title: input.title || null,
    startsAt: start.startsAt,
    endsAt: new Date(start.startsAt.getTime() + input.duration * 60_000),
    timeZone: input.timeZone,
    languageCode: input.languageCode,
    capacity: input.capacity ?? null,
    joinUrl: input.joinUrl || null,
  };
  if (!sessionId) {
    const created = await createSession(actor, eventId, session);
    if (!created.ok) {
      if (created.reason === "unknown-language") return fail("languageCode", E("language"));
      throw new Response(created.reason === "event-cancelled" ? "This event is cancelled; sessions cannot be added." : "Not found", {
        status: created.reason === "not-found" ? 404 : 409,
      });
    }
    return redirect(`/admin/events/${eventId}?done=sessionAdded`);
  }
  const confirmed = formData.get("intent") === "confirm" || input.confirm === "yes";
  const result = await updateSession(actor, eventId, sessionId, session, { confirmed });
  switch (result.outcome) {
    case "needs-confirmation":
      return data({ values, result: null, serverErrors: {}, ambiguous: null, confirm: { registrants: result.registrants } });
    case "unknown-language":
      return fail("languageCode", E("language"));
    case "not-found":
      throw new Response("This session does not exist.", { status: 404 });
    case "cancelled":
      throw new Response("This session is cancelled and can no longer be changed.", { status: 409 });
    case "saved": {
      const params = new URLSearchParams({ saved: "1", notified: String(result.notified), promoted: String(result.promoted) });
      return redirect(`/admin/events/${eventId}/sessions/${sessionId}?${params}`);
    }
  }
}
