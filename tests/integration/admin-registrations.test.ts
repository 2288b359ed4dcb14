// The organiser's registration, message, attendance, outbox and mail pages through the built
// request handler: what an organiser without JavaScript gets back, and what is stored.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequestHandler } from "@remix-run/node";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createRegistration, createSession } from "../mail/fixtures.ts";
import { BASE_URL, loadBuild } from "../helpers/remix.ts";
import { documentPart, errorPage, textOf } from "../helpers/html.ts";
import { authSessionStorage } from "~/organisers/auth.server.ts";
import { parseCsv } from "~/utils/csv.ts";
import { prisma } from "~/utils/db.server.ts";

const MAIL_DIR = mkdtempSync(path.join(tmpdir(), "admin-reg-mail-"));
process.env.MAIL_DIR = MAIL_DIR;
delete process.env.SMTP_URL;

let handle: (request: Request) => Promise<Response>;
let cookie = "";
let adminCookie = "";
let token = "";

async function mint(organiserId: string) {
  const session = await authSessionStorage.getSession();
  const csrf = randomBytes(32).toString("base64url");
  session.set("organiserId", organiserId);
  session.set("csrf", csrf);
  return { cookie: (await authSessionStorage.commitSession(session)).split(";")[0]!, csrf };
}

beforeAll(async () => {
  handle = createRequestHandler(await loadBuild(), "production");
  const a = await prisma.organiser.create({ data: { email: `reg-a-${randomBytes(3).toString("hex")}@example.org`, passwordHash: "x" } });
  const admin = await prisma.organiser.create({ data: { email: `reg-admin-${randomBytes(3).toString("hex")}@example.org`, passwordHash: "x", role: "admin" } });
  ({ cookie, csrf: token } = await mint(a.id));
  ({ cookie: adminCookie } = await mint(admin.id));
  organiserId = a.id;
});
afterAll(() => rmSync(MAIL_DIR, { recursive: true, force: true }));
let organiserId = "";

async function setup(capacity = 2) {
  const event = await createEvent(prisma, { title: "Psychosocial support" });
  await prisma.event.update({ where: { id: event.id }, data: { createdById: organiserId, capacity } });
  const question = await prisma.registrationQuestion.create({ data: { eventId: event.id, kind: "text", label: "Your role, in a few words", sortOrder: 0 } });
  const session = await createSession(prisma, event.id, { startsAt: new Date(Date.now() + 3 * 86_400_000) });
  const base = `/admin/events/${event.id}/sessions/${session.id}`;
  return { event, session, question, base };
}

function get(url: string, as = cookie) {
  return handle(new Request(new URL(url, BASE_URL), { headers: { Cookie: as } }));
}
function post(url: string, fields: Record<string, string | string[]>, as = cookie, csrf = token) {
  const body = new URLSearchParams({ csrf });
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return handle(new Request(new URL(url, BASE_URL), { method: "POST", headers: { Cookie: as, "Content-Type": "application/x-www-form-urlencoded" }, body }));
}
function upload(url: string, file: Blob, name = "participants.csv", zone = "UTC") {
  const form = new FormData();
  form.set("csrf", token);
  form.set("zone", zone);
  form.set("report", file, name);
  return handle(new Request(new URL(url, BASE_URL), { method: "POST", headers: { Cookie: cookie }, body: form }));
}
async function page(response: Response) {
  return textOf(documentPart(await response.text()));
}

describe("registrations page", () => {
  it("lists, searches and filters, with counts and the attendance rate at the top", async () => {
    const { session, base } = await setup();
    await createRegistration(prisma, session.id, { name: "Amina Yusuf", email: "amina@example.org" });
    await createRegistration(prisma, session.id, { name: "Minh Tran", email: "minh@example.org", status: "waitlisted" });
    const all = await page(await get(`${base}/registrations`));
    expect(all).toContain("Amina Yusuf");
    expect(all).toContain("Minh Tran");
    expect(all).toContain("Confirmed: 1");
    expect(all).toContain("Waitlisted: 1");
    expect(all).toContain("Attendance rate: 0% (0 of 1 confirmed participants attended)");
    const search = await page(await get(`${base}/registrations?q=MINH`));
    expect(search).toContain("Minh Tran");
    expect(search).not.toContain("Amina Yusuf");
    const filtered = await page(await get(`${base}/registrations?status=confirmed`));
    expect(filtered).toContain("Amina Yusuf");
    expect(filtered).not.toContain("Minh Tran");
  });

  it("cancels on someone's behalf after a confirmation step, and the waitlist moves up", async () => {
    const { session, base } = await setup(1);
    const seated = await createRegistration(prisma, session.id, { name: "Seated Person" });
    const waiting = await createRegistration(prisma, session.id, { name: "Waiting Person", status: "waitlisted" });
    const confirm = await page(await get(`${base}/registrations?confirmCancel=${seated.id}`));
    expect(confirm).toContain("Cancel the registration of Seated Person?");
    const response = await post(`${base}/registrations?confirmCancel=${seated.id}`, { intent: "cancel", registrationId: seated.id });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${base}/registrations?done=cancelled`);
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: seated.id } })).status).toBe("cancelled");
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("confirmed");
    const kinds = await prisma.outboxMessage.findMany({ where: { registrationId: { in: [seated.id, waiting.id] } }, select: { kind: true } });
    expect(kinds.map((k) => k.kind).sort()).toEqual(["registration-cancelled", "waitlist-promoted"]);
    const payload = await prisma.outboxMessage.findFirstOrThrow({ where: { registrationId: seated.id } });
    expect(JSON.parse(payload.payload).extra.by).toBe("organiser");
  });

  it("says clearly when nobody can be moved off the waitlist, and changes nothing", async () => {
    const { session, base } = await setup(1);
    await createRegistration(prisma, session.id);
    const waiting = await createRegistration(prisma, session.id, { name: "Waiting Person", status: "waitlisted" });
    const response = await post(`${base}/registrations`, { intent: "promote", registrationId: waiting.id });
    expect(response.status).toBe(409);
    expect(await page(response)).toContain("No seat is free, so Waiting Person stays on the waitlist.");
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("waitlisted");
  });

  it("approves and declines pending registrations, each with its email", async () => {
    const { session, base } = await setup();
    const one = await createRegistration(prisma, session.id, { status: "pending" });
    const two = await createRegistration(prisma, session.id, { status: "pending" });
    expect((await post(`${base}/registrations`, { intent: "approve", registrationId: one.id })).status).toBe(302);
    expect((await post(`${base}/registrations`, { intent: "decline", registrationId: two.id })).status).toBe(302);
    expect(await prisma.outboxMessage.count({ where: { registrationId: one.id, kind: "registration-approved" } })).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { registrationId: two.id, kind: "registration-declined" } })).toBe(1);
    // Deciding twice is refused with the current state, not a 500.
    const again = await post(`${base}/registrations`, { intent: "decline", registrationId: one.id });
    expect(again.status).toBe(409);
  });

  it("refuses a registration id of another session and a malformed intent", async () => {
    const { base } = await setup();
    const other = await setup();
    const stranger = await createRegistration(prisma, other.session.id);
    expect((await post(`${base}/registrations`, { intent: "cancel", registrationId: stranger.id })).status).toBe(404);
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: stranger.id } })).status).toBe("confirmed");
    expect((await post(`${base}/registrations`, { intent: "explode", registrationId: stranger.id })).status).toBe(400);
  });
});

describe("CSV export", () => {
  it("downloads a file named after the event with a BOM, CRLF and the answers as columns", async () => {
    const { event, session, question, base } = await setup();
    await prisma.registration.update({
      where: { id: (await createRegistration(prisma, session.id, { name: "=cmd|' /C calc'!A0" })).id },
      data: { answers: JSON.stringify({ [question.id]: "Caseworker, Cox’s Bazar" }), organisation: "UNICEF" },
    });
    const response = await get(`${base}/registrations.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(new RegExp(`^attachment; filename="${event.slug}-\\d{4}-\\d\\d-\\d\\d-registrations\\.csv"$`));
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("\r\n");
    const { records } = parseCsv(text);
    expect(records[0]!.cells.at(-1)).toBe("Your role, in a few words");
    expect(records[1]!.cells[0]).toBe("'=cmd|' /C calc'!A0");
    expect(records[1]!.cells.at(-1)).toBe("Caseworker, Cox’s Bazar");
  });
});

describe("message registrants", () => {
  it("sends once per person for one form, even when it is submitted twice", async () => {
    const { session, base } = await setup();
    await createRegistration(prisma, session.id);
    await createRegistration(prisma, session.id, { status: "waitlisted" });
    const form = await get(`${base}/message`);
    const html = await form.text();
    const messageId = /name="messageId" value="([^"]+)"/.exec(html)?.[1];
    expect(messageId).toBeTruthy();
    expect(textOf(html)).toContain("Everyone registered (2 people)");
    const fields = { audience: "confirmed", subject: "Slides are online", body: "See the event page.", messageId: messageId! };
    const first = await post(`${base}/message`, fields);
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe(`${base}/message?sent=1`);
    const second = await post(`${base}/message`, fields);
    expect(second.status).toBe(409);
    expect(await page(second)).toContain("This message was already sent");
    expect(await prisma.outboxMessage.count({ where: { kind: "organiser-message", dedupeKey: { startsWith: `message:${messageId}:` } } })).toBe(1);
  });

  it("answers 400 with what to fix, and sends nothing", async () => {
    const { session, base } = await setup();
    await createRegistration(prisma, session.id);
    const before = await prisma.outboxMessage.count();
    const response = await post(`${base}/message`, { audience: "all", subject: "", body: "", messageId: "abcdefgh-1234" });
    expect(response.status).toBe(400);
    const text = await page(response);
    expect(text).toContain("Write a subject.");
    expect(text).toContain("Write a message.");
    const nobody = await post(`${base}/message`, { audience: "pending", subject: "S", body: "B", messageId: "abcdefgh-5678" });
    expect(nobody.status).toBe(400);
    expect(await page(nobody)).toContain("Nobody in this group is registered");
    expect(await prisma.outboxMessage.count()).toBe(before);
  });
});

describe("attendance", () => {
  const HEADER = '"Meeting ID","Topic","Start Time","End Time","User Email","Duration (Minutes)","Participants"\r\n"1","T","11/30/2026 02:55:00 PM","11/30/2026 04:05:00 PM","host@example.org","70","2"\r\n\r\n"Name (Original Name)","User Email","Join Time","Leave Time","Duration (Minutes)","Guest"\r\n';

  it("imports Zoom's report by upload, lists unmatched rows, and re-imports without double counting", async () => {
    const { session, base } = await setup();
    const amina = await createRegistration(prisma, session.id, { email: "amina@example.org" });
    const file =
      HEADER +
      '"Amina","AMINA@example.org","11/30/2026 03:00:00 PM","11/30/2026 03:30:00 PM","30","No"\r\n' +
      '"Amina","amina@example.org","11/30/2026 03:35:00 PM","11/30/2026 04:00:00 PM","25","No"\r\n' +
      '"Walk-in","walkin@example.org","11/30/2026 03:00:00 PM","11/30/2026 03:10:00 PM","10","Yes"\r\n' +
      '"Bad","bad@example.org","11/31/2026 03:00:00 PM","11/30/2026 03:10:00 PM","10","No"\r\n';
    const first = await upload(`${base}/attendance`, new Blob(["\uFEFF" + file], { type: "text/csv" }));
    expect(first.status).toBe(200);
    const text = await page(first);
    expect(text).toContain("Import done: 2 new attendance rows added, 0 rows already imported and skipped. Registrants matched: 1.");
    expect(text).toContain("1 row did not match a registration");
    expect(text).toContain("walkin@example.org");
    expect(text).toContain("Line 8: join time “11/31/2026 03:00:00 PM” is not a date");
    expect(text).toContain("Attendance rate: 100%");
    const again = await page(await upload(`${base}/attendance`, new Blob([file], { type: "text/csv" })));
    expect(again).toContain("Import done: 0 new attendance rows added, 2 rows already imported and skipped.");
    const rows = await prisma.attendance.findMany({ where: { registrationId: amina.id } });
    expect(rows.reduce((sum, r) => sum + r.minutes, 0)).toBe(55);
  });

  it("imports a webinar Attendee Report section by section and shows what was read, matched and left out", async () => {
    const { session, base } = await setup();
    const amina = await createRegistration(prisma, session.id, { email: "amina@example.org" });
    const joseph = await createRegistration(prisma, session.id, { email: "joseph@example.org" });
    const report = readFileSync(path.resolve("tests/fixtures/zoom/webinar-attendee-report.csv"));
    const text = await page(await upload(`${base}/attendance`, new Blob([report], { type: "text/csv" }), "attendee-report.csv", "Asia/Amman"));
    expect(text).toContain("Import done: 2 new attendance rows added, 0 rows already imported and skipped. Registrants matched: 1.");
    expect(text).toContain("“Attendee Details” (header on line 12), rows read: 4");
    expect(text).toContain("“Host Details” (header on line 6), rows read: 1");
    expect(text).toContain("Rows left out on purpose (3)");
    expect(text).toContain("registered but did not attend (“Attended” is No)");
    expect(text).toContain("1 row did not match a registration");
    expect(await prisma.attendance.count({ where: { registrationId: joseph.id } })).toBe(0);
    const rows = await prisma.attendance.findMany({ where: { registrationId: amina.id }, orderBy: { joinedAt: "asc" } });
    expect(rows.map((r) => [r.minutes, r.joinedAt?.toISOString()])).toEqual([
      [33, "2020-03-28T05:07:27.000Z"],
      [17, "2020-03-28T05:45:10.000Z"],
    ]);
  });

  it("refuses a file that is not a CSV, a missing file and a file over 2 MB, storing nothing", async () => {
    const { base } = await setup();
    const before = await prisma.attendance.count();
    const binary = await upload(`${base}/attendance`, new Blob([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0xff, 0xfe, 0, 1, 2, 3])]), "report.xlsx");
    expect(binary.status).toBe(400);
    expect(await page(binary)).toContain("This file is not a CSV file");
    const noHeader = await upload(`${base}/attendance`, new Blob(["a,b,c\n1,2,3\n"]));
    expect(noHeader.status).toBe(400);
    expect(await page(noHeader)).toContain("No participant table found");
    const empty = await upload(`${base}/attendance`, new Blob([]));
    expect(empty.status).toBe(400);
    const huge = await upload(`${base}/attendance`, new Blob([HEADER + "x".repeat(2 * 1024 * 1024 + 10)]));
    expect(huge.status).toBe(413);
    expect(await page(huge)).toContain("larger than 2 MB");
    expect(await prisma.attendance.count()).toBe(before);
  });

  it("marks people present by hand, and rejects bad minutes naming the person", async () => {
    const { session, base } = await setup();
    const one = await createRegistration(prisma, session.id, { name: "Hand Marked" });
    const two = await createRegistration(prisma, session.id, { name: "Typo Person" });
    const bad = await post(`${base}/attendance`, { intent: "manual", registrationId: [one.id, two.id], present: [one.id, two.id], [`minutes-${two.id}`]: "ninety", [`name-${two.id}`]: "Typo Person" });
    expect(bad.status).toBe(400);
    expect(await page(bad)).toContain("The minutes for Typo Person (“ninety”) must be a whole number");
    expect(await prisma.attendance.count({ where: { registrationId: { in: [one.id, two.id] } } })).toBe(0);
    const ok = await post(`${base}/attendance`, { intent: "manual", registrationId: [one.id, two.id], present: [one.id], [`minutes-${one.id}`]: "45" });
    expect(ok.status).toBe(200);
    expect(await page(ok)).toContain("Attendance rate: 50% (1 of 2 confirmed participants attended)");
    expect(await prisma.attendance.findFirstOrThrow({ where: { registrationId: one.id } })).toMatchObject({ source: "manual", minutes: 45 });
  });
});

describe("outbox and mail pages", () => {
  it("shows an organiser the rows of their events, and retries a failed one", async () => {
    const { session } = await setup();
    const mine = await createRegistration(prisma, session.id, { email: "mine@example.org" });
    const foreignEvent = await createEvent(prisma);
    const foreign = await createRegistration(prisma, (await createSession(prisma, foreignEvent.id)).id, { email: "foreign@example.org" });
    for (const r of [mine, foreign]) {
      await prisma.outboxMessage.create({ data: { kind: "registration-confirmed", toAddress: r.email, payload: "{}", dedupeKey: `t:${r.id}`, status: "failed", lastError: "550 mailbox unavailable", registrationId: r.id } });
    }
    const text = await page(await get("/admin/outbox?status=failed"));
    expect(text).toContain("mine@example.org");
    expect(text).toContain("550 mailbox unavailable");
    expect(text).not.toContain("foreign@example.org");
    const adminText = await page(await get("/admin/outbox?status=failed", adminCookie));
    expect(adminText).toContain("foreign@example.org");
    const row = await prisma.outboxMessage.findFirstOrThrow({ where: { registrationId: mine.id } });
    const retry = await post("/admin/outbox?status=failed", { intent: "retry", id: row.id });
    expect(retry.status).toBe(302);
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("pending");
  });

  it("shows the demo mailbox to admins, with the HTML part as inert text", async () => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
    const info = await transport.sendMail({ from: "a@localhost", to: "Zoë <zoe@example.org>", subject: "Réunion demain", text: "Bonjour Zoë", html: "<p>Bonjour</p><script>alert('x')</script>" });
    writeFileSync(path.join(MAIL_DIR, "1764511200000-reunion.eml"), info.message as Buffer);
    const list = await page(await get("/admin/mail", adminCookie));
    expect(list).toContain("Réunion demain");
    expect(list).toContain("Zoë <zoe@example.org>");
    const response = await get("/admin/mail/1764511200000-reunion.eml", adminCookie);
    const html = documentPart(await response.text());
    expect(textOf(html)).toContain("Bonjour Zoë");
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert");
    const organiserView = await get("/admin/mail", cookie);
    expect(organiserView.status).toBe(403);
    const missing = await get("/admin/mail/..%2F..%2Fetc%2Fpasswd", adminCookie);
    expect(missing.status).toBe(404);
    expect(errorPage(await missing.text())?.message).toContain("does not exist");
  });
});

describe("registrants' answers", () => {
  it("shows each registrant's answers to the event's questions beside the approve and decline buttons", async () => {
    const { event, session, question, base } = await setup();
    const yesno = await prisma.registrationQuestion.create({ data: { eventId: event.id, kind: "yesno", label: "First CPMS training?", sortOrder: 1 } });
    const multiple = await prisma.registrationQuestion.create({ data: { eventId: event.id, kind: "multiple", label: "Which pillars?", options: JSON.stringify(["Pillar 1", "Pillar 3"]), sortOrder: 2 } });
    const pending = await createRegistration(prisma, session.id, { name: "Hana Sato", status: "pending" });
    await prisma.registration.update({
      where: { id: pending.id },
      data: { answers: JSON.stringify({ [question.id]: "Case worker in Cox's Bazar", [yesno.id]: "yes", [multiple.id]: ["Pillar 1", "Pillar 3"] }) },
    });
    await createRegistration(prisma, session.id, { name: "Quiet Person", status: "pending" });

    const html = await (await get(`${base}/registrations?status=pending`)).text();
    const text = textOf(documentPart(html));
    expect(text).toContain("Answers to the questions");
    expect(text).toMatch(/Your role, in a few words\s*Case worker in Cox's Bazar/);
    expect(text).toMatch(/First CPMS training\?\s*Yes/);
    expect(text).toMatch(/Which pillars\?\s*Pillar 1; Pillar 3/);
    // The answers sit in the same row as that person's approve button.
    const row = html.split("<tr").find((r) => r.includes("Hana Sato"))!;
    expect(row).toContain("Case worker in Cox");
    expect(row).toContain('value="approve"');
    expect(html.split("<tr").find((r) => r.includes("Quiet Person"))).not.toContain("<dl");
  });
});
