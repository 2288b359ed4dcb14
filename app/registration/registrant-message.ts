// Who a message to registrants can go to, shared by the server and the message form in the
// browser (a *.server module is an empty stub there).
export const AUDIENCES = ["all", "confirmed", "waitlisted", "pending"] as const;
export type Audience = (typeof AUDIENCES)[number];

export const MESSAGE_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;
