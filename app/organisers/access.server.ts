import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { requireOrganiser } from "./auth.server.ts";

type Actor = { id: string; role: string };

/** Events an organiser may manage: an admin all of them; an organiser those they created or that were shared with them. */
export function managedEventsWhere(actor: Actor): Prisma.EventWhereInput {
  if (actor.role === "admin") return {};
  return { OR: [{ createdById: actor.id }, { shares: { some: { organiserId: actor.id } } }] };
}

async function canManageEvent(actor: Actor, eventId: string) {
  const count = await prisma.event.count({ where: { AND: [{ id: eventId }, managedEventsWhere(actor)] } });
  return count > 0;
}

/** Throws a 403 the route's error page explains; nothing is changed. */
export async function requireEventAccess(actor: Actor, eventId: string) {
  if (!(await canManageEvent(actor, eventId))) {
    throw new Response("You do not manage this event. Ask its organiser or an administrator to share it with you.", { status: 403 });
  }
}

/** The guard of every /admin/events/$eventId… page: signed in (else to sign-in) and managing that event (else 403). */
export async function requireEventOrganiser(request: Request, params: { eventId?: string }) {
  const organiser = await requireOrganiser(request);
  const eventId = params.eventId ?? "";
  await requireEventAccess(organiser, eventId);
  return { organiser, eventId };
}
