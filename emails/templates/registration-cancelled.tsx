import { paragraph, type EmailTemplate } from "../types.ts";

/**
 * Cancelled by the person or an organiser, or left behind by a switch to another session (then
 * the payload's session is the one left, and `switch.to` the new one).
 */
const registrationCancelled: EmailTemplate = (c) => {
  const m = c.m.kinds["registration-cancelled"];
  const to = c.payload.switch?.to;
  const switched = Boolean(to) && to?.id !== c.payload.session.id;
  const first = switched ? m.switched : c.payload.extra.by === "organiser" ? m.byOrganiser : m.intro;
  // A waitlisted person never had an invitation, so there is no entry to remove (rows written
  // before `heldSeat` existed say nothing: keep the cancellation).
  const held = c.payload.extra.heldSeat !== false;
  return {
    subject: c.fill(m.subject, { event: c.eventTitle }),
    preheader: first,
    heading: m.heading,
    intro: [
      paragraph(first),
      ...(switched && to ? [paragraph(c.fill(c.m.common.switchedTo, { when: c.whenFor(to) }))] : []),
      ...(held ? [paragraph(c.m.common.calendarCancelAttached)] : []),
    ],
    join: false,
    after: switched ? [] : [paragraph(m.comeBack)],
    ...(held ? { calendar: "CANCEL" as const } : {}),
  };
};

export default registrationCancelled;
