import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireEventOrganiser } from "~/organisers/access.server.ts";
import { cancelEvent, deleteEvent, previewEventCancellation, publishEvent, shareEvent, unpublishEvent, unshareEvent, type StatusResult } from "~/events/admin-events.server.ts";
import { requireCsrf } from "~/organisers/auth.server.ts";
import { handleEventForm } from "~/events/event-form.server.ts";

/** Every change to an event: the form itself, its status, and sharing. Access is checked first. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, eventId } = await requireEventOrganiser(request, params);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const intent = String(formData.get("intent") ?? "save");
  const back = (done: string) => redirect(`/admin/events/${eventId}?done=${done}`);
  const failed = (result: Exclude<StatusResult, { ok: true }>) =>
    data({ statusError: result.reason }, { status: result.reason === "not-found" ? 404 : 409 });

  switch (intent) {
    case "publish":
    case "unpublish": {
      const result = intent === "publish" ? await publishEvent(organiser, eventId) : await unpublishEvent(organiser, eventId);
      return result.ok ? back(intent === "publish" ? "published" : "unpublished") : failed(result);
    }
    case "cancel": {
      // The first click only asks, saying how many people will be emailed: cancelling cannot be
      // undone. The answer carries the note so the confirmation sends it on.
      const note = String(formData.get("note") ?? "").trim().slice(0, 1000);
      const preview = await previewEventCancellation(eventId);
      return preview.ok ? data({ cancelConfirm: { registrants: preview.registrants, note } }) : failed(preview);
    }
    case "confirm-cancel": {
      const note = String(formData.get("note") ?? "").trim().slice(0, 1000);
      const result = await cancelEvent(organiser, eventId, note);
      return result.ok ? back("cancelled") : failed(result);
    }
    case "delete": {
      const result = await deleteEvent(organiser, eventId);
      return result.ok ? redirect("/admin?deleted=1") : failed(result);
    }
    case "share":
    case "unshare": {
      if (organiser.role !== "admin") throw new Response("Only administrators can share events.", { status: 403 });
      if (intent === "unshare") {
        await unshareEvent(organiser, eventId, String(formData.get("organiserId") ?? ""));
        return back("unshared");
      }
      const email = String(formData.get("email") ?? "").trim();
      if (!email) return data({ shareError: "unknownOrganiser" }, { status: 400 });
      const result = await shareEvent(organiser, eventId, email);
      if (result.ok) return back("shared");
      const key = { "unknown-organiser": "unknownOrganiser", "already-shared": "alreadyShared", creator: "creator" }[result.reason];
      return data({ shareError: key }, { status: 400 });
    }
    default:
      return handleEventForm(formData, organiser, eventId);
  }
}
