import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadRegistrationForm } from "~/registration/registration-form.server.ts";
import { renderMarkdown } from "~/utils/markdown.server.ts";
import { getLightMode } from "~/time/preferences.server.ts";
import { loadPublicEventForViewer } from "~/events/public-event.server.ts";
import { zoneDisplayName } from "~/sessions/session-times.server.ts";

/** The event page's data: the event, its sessions in the viewer's zone, and the registration form. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, t, event, sessions, viewerZone, displayZone } = await loadPublicEventForViewer(request, params.slug ?? "");
  // The form is the same for every visitor (only the tz and lng cookies, which the page cache
  // varies on, pre-fill it), so the page stays cacheable.
  const registration = await loadRegistrationForm(event.slug, sessions, { t, locale, timeZone: displayZone, viewerZone });
  const { description, sessions: _raw, translations: _t, ...rest } = event;
  return {
    event: {
      ...rest,
      descriptionHtml: renderMarkdown(description, {
        light: getLightMode(request)
          ? { label: (alt) => (alt ? t("settings.imageHidden", { alt }) : t("settings.imageHiddenNoAlt")) }
          : undefined,
      }),
    },
    sessions,
    registration,
    zone: { id: displayZone, name: zoneDisplayName(displayZone, locale), detected: viewerZone !== null },
  };
}
