import { paragraph, type EmailTemplate } from "../types.ts";

const recordingAvailable: EmailTemplate = (c) => {
  const m = c.m.kinds["recording-available"];
  const recording = c.payload.recording;
  const origin = new URL(c.eventUrl).origin;
  const href = recording ? new URL(recording.path, origin).toString() : c.eventUrl;
  return {
    subject: c.fill(m.subject, { event: c.eventTitle }),
    preheader: m.intro,
    heading: m.heading,
    intro: [paragraph(m.intro), { type: "button", label: recording?.title || m.watch, href }],
    join: false,
  };
};

export default recordingAvailable;
