import { paragraph, type EmailTemplate } from "../types.ts";

const sessionUpdated: EmailTemplate = (c) => {
  const m = c.m.kinds["session-updated"];
  const { previousStartsAt, previousEndsAt } = c.payload.extra;
  const previously =
    typeof previousStartsAt === "string" && typeof previousEndsAt === "string"
      ? c.whenFor({ ...c.payload.session, startsAt: previousStartsAt, endsAt: previousEndsAt })
      : null;
  return {
    subject: c.fill(m.subject, { event: c.eventTitle }),
    preheader: m.intro,
    heading: m.heading,
    intro: [
      // Only a confirmed registrant gets the join link the full wording points to.
      paragraph(c.joinUrl ? m.intro : m.introNoLink),
      ...(previously && previously !== c.when ? [paragraph(c.fill(m.previously, { when: previously }))] : []),
      // Only people holding a seat have the entry in their calendar to move.
      ...(c.confirmed ? [paragraph(c.m.common.calendarUpdateAttached)] : []),
    ],
    join: true,
    ...(c.confirmed ? { calendar: "REQUEST" as const } : {}),
  };
};

export default sessionUpdated;
