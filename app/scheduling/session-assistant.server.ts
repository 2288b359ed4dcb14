/**
 * The scheduling assistant beside the session form: drawn from the page's own GET parameters
 * (date, duration, zone, rank), so its form redraws it without JavaScript.
 */
import { i18n } from "~/i18n.server.ts";
import { parseSchedulingQuery } from "~/scheduling/scheduling.ts";
import { getSchedulingDefaults, loadSchedulingAssistant } from "~/scheduling/scheduling.server.ts";
import { normalizeTimeZone } from "~/time/time.ts";

export async function loadAssistantForSessionForm(request: Request, args: { eventId: string; organiserZone: string; sessionId?: string; date?: string; zone?: string }) {
  const url = new URL(request.url);
  const defaults = await getSchedulingDefaults({ eventId: args.eventId, organiserZone: args.zone ?? args.organiserZone });
  const { query, problems } = parseSchedulingQuery(url.searchParams, { ...defaults, ...(args.date ? { date: args.date } : {}) }, normalizeTimeZone);
  const assistant = await loadSchedulingAssistant({
    eventId: args.eventId,
    date: query.date,
    durationMinutes: query.durationMinutes,
    zone: query.zone,
    weighting: query.weighting,
    sessionId: args.sessionId,
    locale: await i18n.getLocale(request),
  });
  return assistant ? { assistant, problems } : null;
}
