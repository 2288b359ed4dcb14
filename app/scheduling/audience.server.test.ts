import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { getAudienceZones } from "./audience.server.ts";

const DAY = 86_400_000;
const NOW = new Date("2027-03-01T12:00:00Z");
let counter = 0;
const uid = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

beforeAll(async () => {
  await prisma.language.upsert({ where: { code: "en" }, update: {}, create: { code: "en", name: "English", nativeName: "English" } });
});

async function topic() {
  const id = uid();
  return prisma.topic.create({ data: { slug: `topic-${id}`, kind: "standard", number: 1, title: `Topic ${id}` }, select: { id: true } });
}

/** An event with sessions at the given day offsets from NOW; returns the session ids in order. */
async function event(options: { topicIds?: string[]; sessionDays: number[] }) {
  const id = uid();
  const created = await prisma.event.create({
    data: {
      slug: `audience-${id}`,
      type: "webinar",
      title: `Audience ${id}`,
      primaryLanguageCode: "en",
      timeZone: "Europe/Zurich",
      topics: { create: (options.topicIds ?? []).map((topicId) => ({ topicId })) },
      sessions: {
        create: options.sessionDays.map((d) => ({
          startsAt: new Date(NOW.getTime() + d * DAY),
          endsAt: new Date(NOW.getTime() + d * DAY + 3_600_000),
          timeZone: "Europe/Zurich",
          languageCode: "en",
        })),
      },
    },
    select: { id: true, sessions: { orderBy: { startsAt: "asc" }, select: { id: true } } },
  });
  return { id: created.id, sessionIds: created.sessions.map((s) => s.id) };
}

/** Registrations: [timeZone, count, status?, email prefix?]. */
async function register(sessionId: string, groups: [string, number, string?, string?][]) {
  const data = groups.flatMap(([timeZone, count, status = "confirmed", prefix]) =>
    Array.from({ length: count }, (_, i) => {
      const email = `${prefix ?? uid()}-${i}@example.org`;
      return {
        sessionId,
        name: "Participant",
        email,
        emailNormalized: email,
        timeZone,
        locale: "en",
        status,
        manageTokenHash: `hash-${uid()}`,
      };
    }),
  );
  await prisma.registration.createMany({ data });
}

describe("getAudienceZones", () => {
  test("counts the event's other sessions and past sessions of events sharing a topic, by zone, in the database", async () => {
    const [shared, unrelated] = [await topic(), await topic()];
    const target = await event({ topicIds: [shared.id], sessionDays: [10, 20] });
    const pastSameTopic = await event({ topicIds: [shared.id, unrelated.id], sessionDays: [-30, 5] });
    const pastOtherTopic = await event({ topicIds: [unrelated.id], sessionDays: [-40] });
    const noTopic = await event({ sessionDays: [-50] });

    await register(target.sessionIds[0]!, [["Africa/Nairobi", 4], ["Europe/London", 2], ["Asia/Bangkok", 3, "cancelled"]]);
    await register(target.sessionIds[1]!, [["Africa/Nairobi", 1], ["Asia/Dhaka", 2, "waitlisted"]]);
    // The past session of a same-topic event counts; its upcoming one does not.
    await register(pastSameTopic.sessionIds[0]!, [["Asia/Amman", 5], ["Europe/London", 1, "declined"]]);
    await register(pastSameTopic.sessionIds[1]!, [["America/Bogota", 7]]);
    // Other topics and events without topics do not count.
    await register(pastOtherTopic.sessionIds[0]!, [["Pacific/Fiji", 9]]);
    await register(noTopic.sessionIds[0]!, [["America/Lima", 9]]);

    expect(await getAudienceZones(target.id, { now: NOW })).toEqual([
      { zone: "Africa/Nairobi", weight: 5 },
      { zone: "Asia/Amman", weight: 5 },
      { zone: "Europe/London", weight: 3 },
      { zone: "Asia/Dhaka", weight: 2 },
    ]);

    // Editing the second session: its own registrants are left out.
    expect(await getAudienceZones(target.id, { now: NOW, excludeSessionId: target.sessionIds[1]! })).toEqual([
      { zone: "Asia/Amman", weight: 5 },
      { zone: "Africa/Nairobi", weight: 4 },
      { zone: "Europe/London", weight: 3 },
    ]);

    // Once the same-topic event's second session is over, its people count too.
    const later = new Date(NOW.getTime() + 6 * DAY);
    expect((await getAudienceZones(target.id, { now: later })).find((z) => z.zone === "America/Bogota")).toEqual({ zone: "America/Bogota", weight: 7 });
  });

  test("registrations are counted (a regular counts each time); unknown zones are dropped and old names merged", async () => {
    const target = await event({ sessionDays: [3, 4, 5] });
    await register(target.sessionIds[0]!, [["Asia/Kolkata", 2, "confirmed", "same"], ["Mars/Olympus_Mons", 4]]);
    await register(target.sessionIds[1]!, [["Asia/Kolkata", 2, "confirmed", "same"], ["Asia/Calcutta", 1], ["asia/kathmandu", 4]]);
    expect(await getAudienceZones(target.id, { now: NOW, excludeSessionId: target.sessionIds[2]! })).toEqual([
      { zone: "Asia/Kolkata", weight: 5 },
      { zone: "Asia/Kathmandu", weight: 4 },
    ]);
  });

  test("an event with no audience yet, or an unknown event", async () => {
    const lonely = await event({ sessionDays: [3] });
    expect(await getAudienceZones(lonely.id, { now: NOW })).toEqual([]);
    expect(await getAudienceZones("no-such-event", { now: NOW })).toEqual([]);
  });
});
