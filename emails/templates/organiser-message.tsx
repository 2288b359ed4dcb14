import type { Block, EmailTemplate } from "../types.ts";

/**
 * A message an organiser writes to a session's registrants. Their words are plain text: React
 * escapes them in the HTML part, and blank lines separate paragraphs in both parts.
 */
const organiserMessage: EmailTemplate = (c) => {
  const m = c.m.kinds["organiser-message"];
  const subject = typeof c.payload.extra.subject === "string" ? c.payload.extra.subject.trim() : "";
  const body = typeof c.payload.extra.body === "string" ? c.payload.extra.body.replace(/\r\n?/g, "\n").trim() : "";
  const paragraphs: Block[] = body
    .split(/\n{2,}/)
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => ({
      type: "custom",
      html: <p style={{ margin: "0 0 16px", whiteSpace: "pre-wrap" }}>{text}</p>,
      text,
    }));
  return {
    subject: c.fill(m.subject, { subject: subject || m.heading, event: c.eventTitle }),
    preheader: body.slice(0, 120),
    heading: subject || m.heading,
    intro: [{ type: "paragraph", text: c.fill(m.intro, { event: c.eventTitle }) }, ...paragraphs],
    // The join link is only ever shown to people holding a seat (see emails/layout.tsx).
    join: true,
  };
};

export default organiserMessage;
