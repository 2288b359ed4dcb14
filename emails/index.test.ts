import { describe, expect, it } from "vitest";
import type { OutboxPayload } from "../app/mail/outbox.server.ts";
import { EMAIL_KINDS } from "../app/mail/outbox.server.ts";
import { renderEmail } from "./index.ts";
import { emailMessages, fill, plural, registerEmailCatalogue, resolveEmailLocale, textDirection } from "./locales/index.ts";

const payload: OutboxPayload = {
  version: 1,
  event: { id: "e1", slug: "pillar-1", title: "Child safeguarding", summary: "Basics.", status: "published", cancellationNote: null },
  session: {
    id: "s1",
    title: null,
    startsAt: "2030-10-27T12:00:00.000Z",
    endsAt: "2030-10-27T13:00:00.000Z",
    timeZone: "Europe/Zurich",
    sequence: 3,
    status: "scheduled",
    languageCode: "en",
  },
  joinUrl: "https://meet.example.org/j/abc",
  referenceCities: [
    { zone: "America/New_York", city: "New York" },
    { zone: "Asia/Bangkok", city: "Bangkok" },
  ],
  registrant: { name: "Layla", email: "layla@example.org", timeZone: "Asia/Amman", locale: "ar" },
  registration: { id: "r1", status: "confirmed", sessionId: "s1" },
  extra: { offsetMinutes: 1440, minutesToStart: 1440 },
};

describe("email registry", () => {
  it("renders every kind with both parts, the event page and the manage link", () => {
    for (const kind of EMAIL_KINDS) {
      const email = renderEmail({ kind, payload, locale: "en", registrationId: "r1", toAddress: "layla@example.org", toName: "Layla" });
      expect(email.subject, kind).not.toBe("");
      expect(email.html, kind).toContain("http://localhost:3000/events/pillar-1");
      expect(email.text, kind).toContain("http://localhost:3000/manage/");
      expect(email.text, kind).toContain("08:00 New York · 19:00 Bangkok");
      const joinExpected = ["registration-confirmed", "registration-approved", "waitlist-promoted", "session-updated", "session-reminder", "registration-resent", "organiser-message"].includes(kind);
      expect(email.text.includes("https://meet.example.org/j/abc"), kind).toBe(joinExpected);
    }
  });

  it("sets a narrow no-break space before each label's colon in French, and none in English", () => {
    const fr = renderEmail({ kind: "registration-confirmed", payload, locale: "fr", registrationId: "r1", toAddress: "layla@example.org", toName: "Layla" });
    expect(fr.text).toContain("Page de l’événement\u202f: http://localhost:3000/events/pillar-1");
    expect(fr.html).toMatch(/Votre horaire\u202f:<\/strong>/);
    expect(fr.text).not.toMatch(/\S:\s+https?:/);
    const en = renderEmail({ kind: "registration-confirmed", payload, locale: "en", registrationId: "r1", toAddress: "layla@example.org", toName: "Layla" });
    expect(en.text).toContain("Event page: http://localhost:3000/events/pillar-1");
  });

  it("never shows the join link to someone without a seat", () => {
    const email = renderEmail({
      kind: "session-reminder",
      payload: { ...payload, registration: { ...payload.registration, status: "waitlisted" } },
      locale: "en",
      registrationId: "r1",
      toAddress: "layla@example.org",
      toName: "Layla",
    });
    expect(email.text).not.toContain("meet.example.org");
    expect(email.html).not.toContain("meet.example.org");
  });

  it("sets lang and dir for right-to-left languages and falls back to English key by key", () => {
    // Arabic has its own catalogue.
    const arabic = renderEmail({ kind: "registration-confirmed", payload, locale: "ar-JO", registrationId: "r1", toAddress: "layla@example.org", toName: "Layla" });
    expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
    expect(textDirection("ar-JO")).toBe("rtl");
    expect(resolveEmailLocale("fr-CA")).toBe("fr");
    // Persian has none yet: the email is English, and laid out as English.
    const before = renderEmail({ kind: "registration-confirmed", payload, locale: "fa", registrationId: "r1", toAddress: "layla@example.org", toName: "Layla" });
    expect(before.html).toContain('<html lang="en" dir="ltr">');
    // A partial catalogue is used where it has text; untranslated keys come from English.
    registerEmailCatalogue("fa", { kinds: { "registration-confirmed": { heading: "ثبت‌نام شما انجام شد" } } });
    const email = renderEmail({ kind: "registration-confirmed", payload, locale: "fa", registrationId: "r1", toAddress: "layla@example.org", toName: "Layla" });
    expect(email.html).toContain('<html lang="fa" dir="rtl">');
    expect(email.text).toContain("ثبت‌نام شما انجام شد");
    expect(email.subject).toBe("You’re registered: Child safeguarding");
  });

  it("fills placeholders and picks plural forms by language", () => {
    expect(fill("Hello {{name}}, {{missing}}", { name: "Ana" })).toBe("Hello Ana, {{missing}}");
    const hours = emailMessages("en").duration.hours;
    expect(plural(hours, 1, "en")).toBe("1 hour");
    expect(plural(hours, 24, "en")).toBe("24 hours");
    expect(plural({ one: "{{count}} godzina", few: "{{count}} godziny", many: "{{count}} godzin", other: "{{count}} godziny" }, 5, "pl")).toBe("5 godzin");
  });

  it("puts the same UID and the session's SEQUENCE in the invitation, in UTC", () => {
    const email = renderEmail({ kind: "registration-confirmed", payload, locale: "en", registrationId: "r1", toAddress: "layla@example.org", toName: "Layla" });
    expect(email.icalEvent?.method).toBe("REQUEST");
    expect(email.icalEvent?.content).toContain("UID:session-s1@localhost");
    expect(email.icalEvent?.content).toContain("SEQUENCE:3");
    expect(email.icalEvent?.content).toContain("DTSTART:20301027T120000Z");
    const cancel = renderEmail({ kind: "registration-cancelled", payload, locale: "en", registrationId: "r1", toAddress: "layla@example.org", toName: "Layla" });
    expect(cancel.icalEvent?.method).toBe("CANCEL");
    expect(cancel.icalEvent?.content).toContain("METHOD:CANCEL");
    expect(cancel.icalEvent?.content).toContain("UID:session-s1@localhost");
    expect(renderEmail({ kind: "registration-waitlisted", payload, locale: "en", registrationId: "r1", toAddress: "l@e.org", toName: "L" }).icalEvent).toBeUndefined();
    expect(() => renderEmail({ kind: "nope", payload, locale: "en", registrationId: "r1", toAddress: "l@e.org", toName: "L" })).toThrow(/No email template/);
  });

  it("sends an organiser's message as their words, escaped, with the session time and manage link", () => {
    const message = {
      ...payload,
      extra: { subject: "Slides <and> reading list", body: "Dear all,\r\nthe slides are online.\n\n<script>alert(1)</script> & see you soon", messageId: "m1" },
    };
    const email = renderEmail({ kind: "organiser-message", payload: message, locale: "en", registrationId: "r1", toAddress: "layla@example.org", toName: "Layla" });
    expect(email.subject).toBe("Slides <and> reading list · Child safeguarding");
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; see you soon");
    expect(email.html).toContain("Slides &lt;and&gt; reading list");
    expect(email.text).toContain("Dear all,\nthe slides are online.\n\n<script>alert(1)</script> & see you soon");
    expect(email.text).toContain("08:00 New York · 19:00 Bangkok");
    expect(email.text).toContain("http://localhost:3000/manage/");
    // No calendar entry changes, so no invitation is attached.
    expect(email.icalEvent).toBeUndefined();
    // The join link only for people holding a seat.
    expect(email.text).toContain("https://meet.example.org/j/abc");
    const waitlisted = renderEmail({
      kind: "organiser-message",
      payload: { ...message, registration: { ...message.registration, status: "waitlisted" } },
      locale: "en",
      registrationId: "r1",
      toAddress: "layla@example.org",
      toName: "Layla",
    });
    expect(waitlisted.text).not.toContain("meet.example.org");
  });
});
