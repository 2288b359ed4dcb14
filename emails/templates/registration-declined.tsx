import { note, paragraph, type EmailTemplate } from "../types.ts";

const registrationDeclined: EmailTemplate = (c) => {
  const m = c.m.kinds["registration-declined"];
  return {
    subject: c.fill(m.subject, { event: c.eventTitle }),
    preheader: m.intro,
    heading: m.heading,
    intro: [paragraph(m.intro), ...(c.reason ? [note(c.fill(c.m.common.noteFromOrganisers, { note: c.reason }))] : [])],
    join: false,
  };
};

export default registrationDeclined;
