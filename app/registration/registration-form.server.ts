import type { TFunction } from "i18next";
import { getRegistrationOptions } from "~/registration/registrations.server.ts";
import type { SessionDisplay } from "~/sessions/session-times.server.ts";
import { shortTimeZoneGroups, zoneGroupLabels } from "~/time/time-zone-choices.server.ts";
import type { RegistrationFormProps, SessionChoice } from "./registration-form.tsx";

/**
 * What the registration form needs, for the event page and the register page. Contains nothing
 * about the viewer beyond the time zone and language the cached page already varies on.
 */
export async function loadRegistrationForm(
  slug: string,
  sessions: SessionDisplay[],
  { t, locale, timeZone, viewerZone }: { t: TFunction; locale: string; timeZone: string; viewerZone?: string | null },
): Promise<Omit<RegistrationFormProps, "action" | "lastResult" | "formError"> | null> {
  const options = await getRegistrationOptions(slug);
  if (!options) return null;
  const open = new Set(options.openSessionIds);
  const choices: SessionChoice[] = sessions.flatMap((session, index) =>
    open.has(session.id)
      ? [
          {
            id: session.id,
            title: session.title ?? t("event.sessionNumber", { number: index + 1 }),
            date: session.when.date,
            time: session.when.time,
            zoneName: session.when.zoneName,
            referenceLine: session.referenceLine,
            language: t("event.sessionLanguage", { language: session.language.nativeName }),
          },
        ]
      : [],
  );
  // A short list (the viewer's zone, the event's zone and reference cities): the full one would be
  // nearly half of the event page's HTML; the chooser fetches it when asked.
  const zoneGroups = shortTimeZoneGroups(locale, zoneGroupLabels(t), {
    current: viewerZone,
    zones: [timeZone, ...(sessions[0]?.cityTimes.map((c) => c.zone) ?? [])],
  });
  return {
    sessions: choices,
    questions: options.questions,
    isRecorded: options.isRecorded,
    approvalRequired: options.approvalRequired,
    zoneGroups,
    defaultTimeZone: timeZone,
    defaultLocale: locale,
  };
}
