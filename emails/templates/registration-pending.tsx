import { paragraph, type EmailTemplate } from "../types.ts";

const registrationPending: EmailTemplate = (c) => {
  const m = c.m.kinds["registration-pending"];
  const from = c.payload.switch?.from;
  return {
    subject: c.fill(m.subject, { event: c.eventTitle }),
    preheader: m.intro,
    heading: m.heading,
    intro: [
      paragraph(m.intro),
      ...(from ? [paragraph(c.fill(c.m.common.switchedFrom, { when: c.whenFor(from) }))] : []),
    ],
    join: false,
  };
};

export default registrationPending;
