/**
 * English email text: the reference catalogue. Other locales (fr.ts, es.ts, ar.ts, pl.ts) export a
 * `PartialEmailMessages` with the keys they translate; anything missing falls back to English key
 * by key (see ./index.ts). `{{name}}` placeholders are filled in by the templates. Plural forms
 * use Intl.PluralRules categories (`one`, `other`, and `zero`, `two`, `few`, `many` where a
 * language has them); `other` is required.
 */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

const en = {
  common: {
    // Between a label and its value ("Event page: https://…").
    colon: ":",
    greeting: "Dear {{name}},",
    greetingNoName: "Hello,",
    yourTime: "Your time",
    otherCities: "Around the world",
    joinButton: "Join the session",
    joinLabel: "Join link",
    joinPrivate: "This link is personal to registered participants; please do not share it.",
    eventPage: "Event page",
    manage: "Manage your registration",
    manageHint: "Update your name, time zone or language, switch session or cancel, at any time.",
    // The manage link once the registration or the session is cancelled: nothing left to cancel.
    manageClosed: "Your registration",
    manageClosedHint: "See your registration and the event’s other sessions.",
    calendarAttached: "The attached invitation adds this session to your calendar.",
    calendarCancelAttached: "The attached update removes this session from your calendar.",
    calendarUpdateAttached: "The attached invitation moves the entry already in your calendar.",
    noteFromOrganisers: "Note from the organisers: {{note}}",
    switchedFrom: "You moved here from the session on {{when}}.",
    switchedTo: "You moved to the session on {{when}}; a separate email confirms it.",
    footer: "You are receiving this email because you registered for {{event}}.",
    nextDay: "+1 day",
    previousDay: "−1 day",
    language: "Language: {{language}}",
  },
  duration: {
    hours: { one: "{{count}} hour", other: "{{count}} hours" } as PluralForms,
    minutes: { one: "{{count}} minute", other: "{{count}} minutes" } as PluralForms,
  },
  calendar: {
    colon: ":",
    eventPage: "Event page",
    join: "Join",
    manage: "Manage or cancel your registration",
    cancelledPrefix: "Cancelled: ",
    manageCancelled: "Your registration",
  },
  kinds: {
    "registration-confirmed": {
      subject: "You’re registered: {{event}}",
      heading: "You’re registered",
      intro: "Your place is confirmed. Here is everything you need to join.",
    },
    "registration-waitlisted": {
      subject: "You’re on the waitlist: {{event}}",
      heading: "You’re on the waitlist",
      intro:
        "This session is full, so we have put you on the waitlist. If a place opens up you will be registered automatically and we will email you straight away with the joining details.",
    },
    "registration-pending": {
      subject: "Registration received: {{event}}",
      heading: "We have received your registration",
      intro:
        "The organisers review each registration for this event. We will email you as soon as they have decided.",
    },
    "registration-approved": {
      subject: "Registration approved: {{event}}",
      heading: "Your registration is approved",
      intro: "The organisers have approved your registration. Here is everything you need to join.",
    },
    "registration-declined": {
      subject: "About your registration for {{event}}",
      heading: "We could not offer you a place",
      intro:
        "We are sorry: the organisers could not offer you a place in this session. The event page lists other sessions and the recordings of past ones.",
    },
    "waitlist-promoted": {
      subject: "A place opened up: you’re registered for {{event}}",
      heading: "A place opened up for you",
      intro: "Good news: a place became free and you are now registered. Here is everything you need to join.",
    },
    "registration-cancelled": {
      subject: "Registration cancelled: {{event}}",
      heading: "Your registration is cancelled",
      intro: "Your registration for this session is cancelled.",
      byOrganiser: "The organisers have cancelled your registration for this session.",
      switched: "You are no longer registered for this session.",
      comeBack: "Changed your mind? You can register again from the event page while places remain.",
    },
    "session-cancelled": {
      subject: "Cancelled: {{event}}",
      heading: "This session is cancelled",
      intro: "We are sorry: the organisers have cancelled this session.",
      alternatives: "The event page shows any other sessions you can join.",
    },
    "session-updated": {
      subject: "Updated: {{event}}",
      heading: "The session has changed",
      intro: "The details of this session have changed. Please check the time and link below.",
      // For someone without a join link (waitlisted, awaiting approval).
      introNoLink: "The details of this session have changed. Please check the new time below.",
      previously: "Previously: {{when}}",
    },
    "session-reminder": {
      subject: "Reminder: {{event}} starts in {{duration}}",
      heading: "Starting in {{duration}}",
      intro: "A reminder that your session starts in {{duration}}.",
      cantMakeIt: "Can’t make it any more? Please cancel from the manage page so someone on the waitlist can take your place.",
    },
    "recording-available": {
      subject: "Recording available: {{event}}",
      heading: "The recording is available",
      intro: "The recording of this session is now available to watch at your own pace.",
      watch: "Watch the recording",
    },
    "registration-resent": {
      subject: "Your registration: {{event}}",
      heading: "Your registration",
      intro: "As you asked, here are the details of your registration again.",
      confirmed: "Your place is confirmed.",
      waitlisted: "You are on the waitlist for this session. If a place opens up we will email you straight away.",
      pending: "Your registration is waiting for the organisers’ approval.",
      other: "Your registration is no longer active.",
    },
    "organiser-message": {
      subject: "{{subject}} · {{event}}",
      heading: "A message from the organisers",
      intro: "The organisers of {{event}} have sent this message to registrants of your session:",
    },
  },
};

export default en;
