import { paragraph, type EmailTemplate } from "../types.ts";

const registrationWaitlisted: EmailTemplate = (c) => {
  const m = c.m.kinds["registration-waitlisted"];
  const from = c.payload.switch?.from;
  return {
    subject: c.fill(m.subject, { event: c.eventTitle }),
    preheader: m.intro,
    heading: m.heading,
    intro: [
      paragraph(m.intro),
      ...(from ? [paragraph(c.fill(c.m.common.switchedFrom, { when: c.whenFor(from) }))] : []),
    ],
    // No invitation and no join link: the person has no seat yet.
    join: false,
  };
};

export default registrationWaitlisted;
