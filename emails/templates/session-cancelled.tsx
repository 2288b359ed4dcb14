import { note, paragraph, type EmailTemplate } from "../types.ts";

const sessionCancelled: EmailTemplate = (c) => {
  const m = c.m.kinds["session-cancelled"];
  const explanation = c.reason ?? c.payload.event.cancellationNote;
  return {
    subject: c.fill(m.subject, { event: c.eventTitle }),
    preheader: m.intro,
    heading: m.heading,
    intro: [
      paragraph(m.intro),
      ...(explanation ? [note(c.fill(c.m.common.noteFromOrganisers, { note: explanation }))] : []),
      // Only a person holding a seat was sent an invitation, so only they have an entry to remove.
      ...(c.confirmed ? [paragraph(c.m.common.calendarCancelAttached)] : []),
    ],
    join: false,
    after: [paragraph(m.alternatives)],
    ...(c.confirmed ? { calendar: "CANCEL" as const } : {}),
  };
};

export default sessionCancelled;
