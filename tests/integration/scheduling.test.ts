// The scheduling assistant page through the built Remix app with real Requests: what an
// organiser without JavaScript sees, what the GET form's parameters change, and who may look.
import { createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { authSessionStorage } from "~/organisers/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { BASE_URL, loadBuild } from "../helpers/remix.ts";
import { documentPart, textOf } from "../helpers/html.ts";

let handle: (request: Request) => Promise<Response>;
let counter = 0;
const uid = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

async function organiserCookie(options: { role?: string; timeZone?: string } = {}) {
  const organiser = await prisma.organiser.create({
    data: { email: `sched-${uid()}@example.org`, passwordHash: "not-used", role: options.role ?? "organiser", timeZone: options.timeZone ?? "Europe/London" },
    select: { id: true },
  });
  const session = await authSessionStorage.getSession();
  session.set("organiserId", organiser.id);
  const cookie = (await authSessionStorage.commitSession(session)).split(";")[0]!;
  return { id: organiser.id, cookie };
}

function get(path: string, cookie?: string) {
  return handle(new Request(new URL(path, BASE_URL), { headers: cookie ? { Cookie: cookie } : {} }));
}

let ownerCookie: string;
let eventId: string;

beforeAll(async () => {
  handle = createRequestHandler(await loadBuild(), "production");
  await prisma.language.upsert({ where: { code: "en" }, update: {}, create: { code: "en", name: "English", nativeName: "English" } });
  const owner = await organiserCookie({ timeZone: "Europe/London" });
  ownerCookie = owner.cookie;
  const topic = await prisma.topic.create({ data: { slug: `sched-topic-${uid()}`, kind: "standard", number: 3, title: "Case management" }, select: { id: true } });
  const event = await prisma.event.create({
    data: {
      slug: `sched-${uid()}`,
      type: "webinar",
      title: "Case management across time zones",
      primaryLanguageCode: "en",
      timeZone: "Europe/London",
      referenceCities: JSON.stringify(["America/New_York", "Europe/London", "Europe/Zurich", "Africa/Nairobi", "Asia/Bangkok"]),
      createdById: owner.id,
      topics: { create: [{ topicId: topic.id }] },
      sessions: {
        create: [
          { startsAt: new Date("2027-04-02T12:00:00Z"), endsAt: new Date("2027-04-02T13:30:00Z"), timeZone: "Europe/London", languageCode: "en" },
        ],
      },
    },
    select: { id: true, sessions: { select: { id: true } } },
  });
  eventId = event.id;
  // 6 people in Nairobi and 2 in Dhaka registered for the other session.
  await prisma.registration.createMany({
    data: [...Array(6).fill("Africa/Nairobi"), "Asia/Dhaka", "Asia/Dhaka"].map((timeZone, i) => ({
      sessionId: event.sessions[0]!.id,
      name: "P",
      email: `p${i}-${uid()}@example.org`,
      emailNormalized: `p${i}-${uid()}@example.org`,
      timeZone,
      locale: "en",
      status: "confirmed",
      manageTokenHash: `sched-${uid()}`,
    })),
  });
});

describe("/admin/events/:eventId/schedule", () => {
  it("draws the grid, the best times with their share, and the daylight-saving warning", async () => {
    const response = await get(`/admin/events/${eventId}/schedule?date=2027-03-25&duration=90&zone=Europe/London`, ownerCookie);
    expect(response.status).toBe(200);
    const html = documentPart(await response.text());
    const text = textOf(html);
    expect(text).toContain("Find a time: Case management across time zones");
    // The table: a caption, one column header per place, one row header per half hour.
    expect(html).toMatch(/<table class="scheduling-grid"><caption[^>]*>[^<]*Thursday, March 25, 2027/);
    for (const place of ["New York", "London", "Geneva", "Nairobi", "Bangkok", "Dhaka"]) expect(html).toContain(`<th scope="col">${place}`);
    expect(html.match(/<th scope="row">/g)).toHaveLength(48);
    expect(html).toMatch(/role="region" aria-labelledby="[^"]+" tabindex="0"/);
    // Weighted by 8 people in 2 zones: Nairobi (UTC+3) ×6 and Dhaka (UTC+6) ×2. A 90-minute session
    // suits all 8 from 05:00 to 12:30 London (GMT until 28 March). Among those, 08:00 is the first
    // that also suits 4 of the 5 reference cities (London, Geneva, Nairobi, Bangkok; New York and
    // Bangkok are never both inside 08:00–20:00 for 90 minutes).
    expect(text).toContain("8 people from 2 time zones");
    const best = [...html.matchAll(/<li><span class="top-slot-time">([^<]+)<\/span>.*?<span class="top-slot-share">([^<]+)<\/span>.*?<a href="([^"]+)"/g)];
    expect(best).toHaveLength(5);
    expect(best[0]![1]).toBe("08:00–09:30");
    expect(best[0]![2]).toBe("100% of the audience between 08:00 and 20:00");
    expect(decodeURIComponent(best[0]![3]!.replace(/&amp;/g, "&"))).toBe(
      `/admin/events/${eventId}/sessions/new?date=2027-03-25&time=08:00&zone=Europe/London&duration=90`,
    );
    // London and Geneva change on 28 March, between this date and the 2 April session.
    const note = /<div role="note"[\s\S]*?<\/div>/.exec(html)?.[0] ?? "";
    expect(textOf(note)).toMatch(/London and Geneva move forward 1 hour on March 28, 2027 — between this session and the April 2 session/);
    expect(textOf(note)).not.toMatch(/Nairobi|Bangkok|Dhaka/);
    // Every cell says its period in text, not only in colour.
    expect(html).toMatch(/<td class="slot-cell period-night">01:00 N<\/td>/);
  });

  it("redraws from the GET form's parameters without JavaScript", async () => {
    const page = documentPart(await (await get(`/admin/events/${eventId}/schedule`, ownerCookie)).text());
    // The form: visible labels for every field, submitted by GET.
    expect(page).toMatch(/<form method="get"/);
    for (const label of ["Date", "Duration (minutes)", "Time zone you enter times in", "Rank times by"]) expect(page).toContain(`>${label}</label>`);
    // Defaults: the date of the next session (2 April 2027 in London), 90 minutes, the organiser's zone.
    expect(page).toContain('value="2027-04-02"');
    expect(page).toContain('value="90"');

    const response = await get(`/admin/events/${eventId}/schedule?date=2027-11-07&duration=60&zone=america%2Fnew_york&rank=cities`, ownerCookie);
    expect(response.status).toBe(200);
    const html = documentPart(await response.text());
    // The 25-hour New York day: 50 rows, the repeated hour told apart by its offset.
    expect(html.match(/<th scope="row">/g)).toHaveLength(50);
    expect(textOf(html)).toContain("01:00 UTC-4");
    expect(textOf(html)).toContain("01:00 UTC-5");
    expect(textOf(html)).toContain("Every reference city counts equally, as you asked");
    expect(html).not.toContain('<th scope="col">Dhaka');
    expect(html).toMatch(/time=\d\d(%3A|:)\d\d&amp;zone=America(%2F|\/)New_York&amp;duration=60/);
  });

  it("explains bad parameters with a 400 and still draws the defaults", async () => {
    const response = await get(`/admin/events/${eventId}/schedule?date=2027-02-30&duration=abc&zone=Mars%2FOlympus`, ownerCookie);
    expect(response.status).toBe(400);
    const text = textOf(documentPart(await response.text()));
    expect(text).toContain("“2027-02-30” is not a date");
    expect(text).toContain("“abc” is not a duration we can plan");
    expect(text).toContain("“Mars/Olympus” is not a time zone we know");
    expect(text).toContain("Best start times on Friday, April 2, 2027 for 90 minutes");
  });

  it("refuses an organiser who does not manage the event, and sends strangers to sign in", async () => {
    const other = await organiserCookie();
    const forbidden = await get(`/admin/events/${eventId}/schedule`, other.cookie);
    expect(forbidden.status).toBe(403);
    expect(textOf(documentPart(await forbidden.text()))).toContain("You do not manage this event");

    const admin = await organiserCookie({ role: "admin" });
    expect((await get(`/admin/events/${eventId}/schedule`, admin.cookie)).status).toBe(200);

    const anonymous = await get(`/admin/events/${eventId}/schedule`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/admin\/login\?returnTo=/);
  });
});
