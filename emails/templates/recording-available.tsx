import { paragraph, type EmailTemplate } from "../types.ts";

const recordingAvailable: EmailTemplate = (c) => {
  const m = c.m.kinds["recording-available"];
  const recording = c.payload.recording;
  const origin = new URL(c.eventUrl).origin;
  const link = recording ? new URL(recording.path, origin) : new URL(c.eventUrl);
  // The manage token (?r=, as the manage page adds it) lets the replay page count this viewing in
  // the organisers' learning record; without it the link opens an anonymous replay.
  const token = c.manageUrl ? new URL(c.manageUrl).pathname.split("/").pop() : undefined;
  if (recording && token) link.searchParams.set("r", token);
  return {
    subject: c.fill(m.subject, { event: c.eventTitle }),
    preheader: m.intro,
    heading: m.heading,
    intro: [paragraph(m.intro), { type: "button", label: recording?.title || m.watch, href: link.toString() }],
    join: false,
  };
};

export default recordingAvailable;
