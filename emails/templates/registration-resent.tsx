import { paragraph, type EmailTemplate } from "../types.ts";

/** "Send my confirmation again": the current state of the registration, whatever it is. */
const registrationResent: EmailTemplate = (c) => {
  const m = c.m.kinds["registration-resent"];
  const status = c.payload.registration.status;
  const state =
    status === "confirmed" ? m.confirmed : status === "waitlisted" ? m.waitlisted : status === "pending" ? m.pending : m.other;
  return {
    subject: c.fill(m.subject, { event: c.eventTitle }),
    preheader: state,
    heading: m.heading,
    intro: [paragraph(m.intro), paragraph(state), ...(c.confirmed ? [paragraph(c.m.common.calendarAttached)] : [])],
    join: true,
    // An invitation only for a held seat: a waitlisted person has nothing to put in a calendar yet.
    ...(c.confirmed ? { calendar: "REQUEST" as const } : {}),
  };
};

export default registrationResent;
