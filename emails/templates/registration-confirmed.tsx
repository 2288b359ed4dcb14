import { paragraph, type EmailTemplate } from "../types.ts";

const registrationConfirmed: EmailTemplate = (c) => {
  const m = c.m.kinds["registration-confirmed"];
  const from = c.payload.switch?.from;
  return {
    subject: c.fill(m.subject, { event: c.eventTitle }),
    preheader: m.intro,
    heading: m.heading,
    intro: [
      paragraph(m.intro),
      ...(from ? [paragraph(c.fill(c.m.common.switchedFrom, { when: c.whenFor(from) }))] : []),
      paragraph(c.m.common.calendarAttached),
    ],
    join: true,
    calendar: "REQUEST",
  };
};

export default registrationConfirmed;
