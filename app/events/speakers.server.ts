/** Reusable speakers: created once, chosen on any event. */
import { recordAudit } from "~/organisers/audit.server.ts";
import { slugify } from "~/utils/slug.ts";
import { prisma } from "~/utils/db.server.ts";
import { diffFormValues } from "~/utils/form-diff.ts";

type Actor = { id: string };

type SpeakerInput = { name: string; affiliation?: string; jobTitle?: string; bio?: string; photoUrl?: string };

export async function listSpeakers() {
  return prisma.speaker.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, affiliation: true, jobTitle: true, bio: true, photoUrl: true, _count: { select: { events: true } } },
  });
}

/** A new speaker with a unique slug derived from the name ("amira-haddad", "amira-haddad-2"). */
export async function createSpeaker(actor: Actor, input: SpeakerInput) {
  return prisma.$transaction(async (tx) => {
    const base = slugify(input.name) || "speaker";
    const taken = new Set((await tx.speaker.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((s) => s.slug));
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    const speaker = await tx.speaker.create({
      data: {
        slug,
        name: input.name,
        affiliation: input.affiliation ?? "",
        jobTitle: input.jobTitle ?? "",
        bio: input.bio ?? "",
        photoUrl: input.photoUrl || null,
      },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: "created", entityType: "speaker", entityId: speaker.id, details: { name: input.name } });
    return speaker;
  });
}

export async function updateSpeaker(actor: Actor, id: string, input: SpeakerInput) {
  return prisma.$transaction(async (tx) => {
    const fields = { name: true, affiliation: true, jobTitle: true, bio: true, photoUrl: true } as const;
    const before = await tx.speaker.findUnique({ where: { id }, select: fields });
    if (!before) return false;
    const data = { name: input.name, affiliation: input.affiliation ?? "", jobTitle: input.jobTitle ?? "", bio: input.bio ?? "", photoUrl: input.photoUrl || null };
    await tx.speaker.update({ where: { id }, data });
    // A save that changed nothing is not an action worth a line in the log.
    const changed = diffFormValues(before, data);
    if (changed.length) await recordAudit(tx, { actorId: actor.id, action: "updated", entityType: "speaker", entityId: id, details: { name: input.name, changed } });
    return true;
  });
}
