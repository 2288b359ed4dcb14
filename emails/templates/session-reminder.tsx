import { paragraph, type EmailTemplate } from "../types.ts";

/** Minutes within which "starts in 24 hours" is still true enough to say. */
function tolerance(offset: number): number {
  return Math.max(15, offset * 0.1);
}

const sessionReminder: EmailTemplate = (c) => {
  const m = c.m.kinds["session-reminder"];
  const { offsetMinutes, minutesToStart } = c.payload.extra;
  const offset = typeof offsetMinutes === "number" ? offsetMinutes : null;
  const actual = typeof minutesToStart === "number" ? minutesToStart : null;
  // The reminder is named after its offset ("starts in 24 hours"). Someone who registered inside
  // the window, or a worker that was down for hours, would make that untrue: then say the real
  // time left instead.
  const minutes = offset !== null && (actual === null || Math.abs(offset - actual) <= tolerance(offset)) ? offset : actual ?? 60;
  const duration = c.duration(minutes);
  return {
    subject: c.fill(m.subject, { event: c.eventTitle, duration }),
    preheader: c.fill(m.intro, { duration }),
    heading: c.fill(m.heading, { duration }),
    intro: [paragraph(c.fill(m.intro, { duration }))],
    join: true,
    after: [paragraph(m.cantMakeIt)],
  };
};

export default sessionReminder;
