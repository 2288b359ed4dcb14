import { paragraph, type EmailTemplate } from "../types.ts";

const registrationApproved: EmailTemplate = (c) => {
  const m = c.m.kinds["registration-approved"];
  return {
    subject: c.fill(m.subject, { event: c.eventTitle }),
    preheader: m.intro,
    heading: m.heading,
    intro: [paragraph(m.intro), paragraph(c.m.common.calendarAttached)],
    join: true,
    calendar: "REQUEST",
  };
};

export default registrationApproved;
