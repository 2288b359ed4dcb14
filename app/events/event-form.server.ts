/**
 * The event form's action, shared by /admin/events/new and /admin/events/:eventId. "preview" and
 * "add-question" only re-render the form with the values as typed (status 200, nothing stored);
 * "save" validates with the shared schema and answers 400 with the values and per-field messages,
 * or stores the event and redirects to its edit page.
 */
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import { createEvent, updateEvent } from "~/events/admin-events.server.ts";
import { eventFormSchema } from "~/events/admin-event-schema.ts";
import { renderMarkdown } from "~/utils/markdown.server.ts";

type Actor = { id: string; role: string };

export async function handleEventForm(formData: FormData, actor: Actor, eventId?: string) {
  const intent = String(formData.get("intent") ?? "save");
  const submission = parseWithZod(formData, { schema: eventFormSchema });
  const values = submission.payload as Record<string, unknown>;
  const blanksPosted = Math.min(10, Math.max(1, Number(formData.get("blankQuestions")) || 1));
  if (intent === "preview") {
    const description = typeof values.description === "string" ? values.description : "";
    return data({ values, result: null, serverErrors: {}, previewHtml: renderMarkdown(description), blankQuestions: blanksPosted });
  }
  if (intent === "add-question") {
    return data({ values, result: null, serverErrors: {}, previewHtml: null, blankQuestions: Math.min(10, blanksPosted + 1) });
  }
  if (submission.status !== "success") {
    return data({ values, result: submission.reply(), serverErrors: {}, previewHtml: null, blankQuestions: blanksPosted }, { status: 400 });
  }
  const saved = eventId ? await updateEvent(actor, eventId, submission.value) : await createEvent(actor, submission.value);
  if (!saved.ok) {
    return data(
      {
        values,
        result: submission.reply({ fieldErrors: { [saved.field]: [saved.message] } }),
        serverErrors: { [saved.field]: [saved.message] },
        previewHtml: null,
        blankQuestions: blanksPosted,
      },
      { status: 400 },
    );
  }
  return redirect(`/admin/events/${saved.id}?saved=1`);
}
