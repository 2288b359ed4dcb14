import { IANAZone } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/utils/db.server.ts";
import { nextUsDstChange, seedDemoCatalogue, type SeedResult } from "./catalogue.ts";

// A fixed instant a few weeks before the US spring change (2026-03-08), so the
// DST-straddling session is predictable; the last test seeds from another one.
const NOW = new Date("2026-02-17T10:00:00Z");
const DAY_MS = 86_400_000;
const newYork = IANAZone.create("America/New_York");

async function tableCounts(): Promise<Record<string, number>> {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' ORDER BY name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM "${name}"`);
    counts[name] = Number(row!.n);
  }
  return counts;
}

function expectedPillar(standard: number): number {
  return standard <= 6 ? 1 : standard <= 13 ? 2 : standard <= 20 ? 3 : 4;
}

describe("seedDemoCatalogue", () => {
  let first: SeedResult;
  const messages: string[] = [];

  beforeAll(async () => {
    first = await seedDemoCatalogue(prisma, { now: NOW, log: (m) => messages.push(m) });
  });

  it("reports its progress and what it created", () => {
    expect(first.created).toBeGreaterThan(100);
    expect(first.skipped).toBe(0);
    expect(messages).toContain("Seeding topics… 32");
    expect(messages.some((m) => /^Seeding events \d+\/\d+$/.test(m))).toBe(true);
  });

  it("loads the five languages, Arabic right to left", async () => {
    const languages = await prisma.language.findMany({ orderBy: { code: "asc" } });
    expect(languages.map((l) => l.code)).toEqual(["ar", "en", "es", "fr", "pl"]);
    expect(languages.find((l) => l.code === "ar")).toMatchObject({ nativeName: "العربية", dir: "rtl" });
  });

  it("builds the CPMS tree: 4 pillars and 28 standards under the right pillar", async () => {
    const topics = await prisma.topic.findMany({ include: { parent: true } });
    const pillars = topics.filter((t) => t.kind === "pillar");
    const standards = topics.filter((t) => t.kind === "standard");
    expect(pillars.map((p) => p.number).sort()).toEqual([1, 2, 3, 4]);
    expect(pillars.every((p) => p.parentId === null && p.slug === `pillar-${p.number}`)).toBe(true);
    expect(standards.map((s) => s.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    for (const standard of standards) {
      expect(standard.parent?.kind, standard.title).toBe("pillar");
      expect(standard.parent?.number, standard.title).toBe(expectedPillar(standard.number));
      expect(standard.description.length).toBeGreaterThan(20);
    }
    const byNumber = new Map(standards.map((s) => [s.number, s]));
    expect(byNumber.get(10)).toMatchObject({
      title: "Mental health and psychosocial distress",
      slug: "standard-10-mental-health-and-psychosocial-distress",
    });
    expect(byNumber.get(14)?.title).toBe("Applying a socio-ecological approach to child protection programming");
    expect(byNumber.get(27)?.title).toBe("Shelter and settlement and child protection");
    expect(pillars.find((p) => p.number === 2)?.title).toBe("Standards on child protection risks");
  });

  it("stores the site settings as JSON", async () => {
    const settings = Object.fromEntries(
      (await prisma.siteSetting.findMany()).map((s) => [s.key, JSON.parse(s.value) as unknown]),
    );
    expect(settings).toEqual({
      siteName: "CPMS Learning Events",
      referenceCities: ["America/New_York", "Europe/London", "Europe/Zurich", "Africa/Nairobi", "Asia/Bangkok"],
      defaultLocale: "en",
    });
  });

  it("creates at least 20 events of every type, with one cancelled and one draft", async () => {
    const events = await prisma.event.findMany({
      include: { sessions: true, topics: true, speakers: true },
    });
    expect(events.length).toBeGreaterThanOrEqual(20);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(["webinar", "live-qa", "audio", "video", "workshop"]));

    for (const event of events) {
      expect(event.topics.length, event.slug).toBeGreaterThan(0);
      expect(event.speakers.length, event.slug).toBeGreaterThan(0);
      expect(event.sessions.length, event.slug).toBeGreaterThan(0);
      for (const session of event.sessions) {
        expect(IANAZone.isValidZone(session.timeZone)).toBe(true);
        const minutes = (session.endsAt.getTime() - session.startsAt.getTime()) / 60_000;
        expect(minutes).toBeGreaterThanOrEqual(60);
        expect(minutes).toBeLessThanOrEqual(120);
      }
      for (const zone of event.referenceCities ? (JSON.parse(event.referenceCities) as string[]) : []) {
        expect(IANAZone.isValidZone(zone), zone).toBe(true);
      }
      if (event.status === "published") expect(event.publishedAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }

    const cancelled = events.filter((e) => e.status === "cancelled");
    expect(cancelled.length).toBeGreaterThanOrEqual(1);
    for (const event of cancelled) {
      expect(event.cancelledAt).not.toBeNull();
      expect(event.cancellationNote).toBeTruthy();
      expect(event.sessions.every((s) => s.status === "cancelled" && s.sequence === 1)).toBe(true);
    }
    const drafts = events.filter((e) => e.status === "draft");
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.publishedAt).toBeNull();
  });

  it("has upcoming and past events relative to the given now", async () => {
    const events = await prisma.event.findMany({ where: { status: "published" }, include: { sessions: true } });
    const upcoming = events.filter((e) => e.sessions.every((s) => s.startsAt > NOW));
    const past = events.filter((e) => e.sessions.every((s) => s.endsAt < NOW));
    expect(upcoming.length).toBeGreaterThanOrEqual(12);
    expect(past.length).toBeGreaterThanOrEqual(8);
    expect(upcoming.length + past.length).toBe(events.length);

    for (const event of past) {
      for (const session of event.sessions) {
        const daysAgo = (NOW.getTime() - session.startsAt.getTime()) / DAY_MS;
        expect(daysAgo).toBeGreaterThanOrEqual(3);
        expect(daysAgo).toBeLessThanOrEqual(405);
        expect(session).toMatchObject({ status: "scheduled", sequence: 0 });
      }
    }
    const soonest = Math.min(...upcoming.flatMap((e) => e.sessions.map((s) => s.startsAt.getTime())));
    expect((soonest - NOW.getTime()) / DAY_MS).toBeGreaterThanOrEqual(1);
  });

  it("runs one event for Asia and for the Americas, and one in English and Spanish", async () => {
    const events = await prisma.event.findMany({ include: { sessions: { orderBy: { startsAt: "asc" } } } });

    const asiaAndAmericas = events.find((e) => {
      const zones = e.sessions.map((s) => s.timeZone);
      return zones.includes("Asia/Bangkok") && zones.includes("America/New_York");
    });
    expect(asiaAndAmericas).toBeDefined();
    const [asia, americas] = asiaAndAmericas!.sessions;
    // 09:00 in Bangkok and 10:00 in New York are both morning for their audience.
    expect(asia!.startsAt.toISOString()).toMatch(/T02:00:00/);
    expect(americas!.startsAt.getUTCHours()).toBeGreaterThanOrEqual(14);

    const bilingual = events.find((e) => new Set(e.sessions.map((s) => s.languageCode)).size === 2);
    expect(bilingual?.sessions.map((s) => s.languageCode)).toEqual(["en", "es"]);
    expect(bilingual?.sessions[1]?.title).toBe("Sesión en español");

    expect(events.some((e) => e.sessions.length === 3)).toBe(true);
  });

  it("has an upcoming session that straddles the US daylight-saving change", async () => {
    const change = nextUsDstChange(NOW).toJSDate();
    expect(change.toISOString()).toBe("2026-03-08T07:00:00.000Z");
    const sessions = await prisma.session.findMany({ where: { startsAt: { gt: NOW }, status: "scheduled" } });
    const straddling = sessions.filter(
      (s) => newYork.offset(s.startsAt.getTime()) !== newYork.offset(s.endsAt.getTime()),
    );
    expect(straddling).toHaveLength(1);
    expect(straddling[0]!.timeZone).toBe("Asia/Dhaka");
  });

  it("publishes recordings with transcripts only for past events", async () => {
    const recordings = await prisma.recording.findMany({
      include: {
        event: { include: { sessions: true } },
        transcripts: { include: { cues: { orderBy: { position: "asc" } } } },
      },
    });
    expect(recordings).toHaveLength(6);
    expect(recordings.reduce((n, r) => n + r.transcripts.length, 0)).toBe(7);
    expect(new Set(recordings.map((r) => r.event.type))).toEqual(new Set(["video", "webinar", "audio", "live-qa"]));

    for (const recording of recordings) {
      const { event } = recording;
      expect(event.sessions.every((s) => s.endsAt < NOW), event.slug).toBe(true);
      const session = event.sessions.find((s) => s.id === recording.sessionId);
      expect(session, "the recording's session belongs to its event").toBeDefined();
      expect(recording).toMatchObject({ status: "published", kind: "transcript-only", mediaUrl: null });
      expect(recording.publishedAt!.getTime()).toBeGreaterThan(session!.endsAt.getTime());
      expect(recording.publishedAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(Array.isArray(JSON.parse(recording.chapters))).toBe(true);

      for (const transcript of recording.transcripts) {
        const { cues } = transcript;
        expect(cues.length, `${event.slug} ${transcript.languageCode}`).toBeGreaterThan(5);
        expect(cues.map((c) => c.position)).toEqual(cues.map((_, i) => i));
        expect(cues.every((c, i) => c.endMs > c.startMs && (i === 0 || c.startMs >= cues[i - 1]!.startMs))).toBe(true);
        expect(cues.some((c) => c.speaker)).toBe(true);
        expect(recording.durationSeconds).toBeGreaterThanOrEqual(Math.ceil(cues.at(-1)!.endMs / 1000));
      }
    }

    const mhpss = recordings.find((r) => r.event.slug === "mhpss-distress-in-children");
    expect(mhpss?.transcripts.map((t) => t.languageCode).sort()).toEqual(["ar", "en"]);
    const french = recordings.find((r) => r.event.slug === "gestion-de-cas");
    expect(french?.transcripts.map((t) => t.languageCode)).toEqual(["fr"]);
  });

  it("adds translations, supported languages, questions and resources", async () => {
    const translated = await prisma.eventTranslation.groupBy({ by: ["eventId"] });
    expect(translated.length).toBeGreaterThanOrEqual(3);
    expect(await prisma.eventTranslation.count({ where: { locale: "ar" } })).toBeGreaterThanOrEqual(1);
    expect(await prisma.eventLanguage.count({ where: { kind: "interpretation" } })).toBeGreaterThan(0);
    expect(await prisma.eventLanguage.count({ where: { kind: "support" } })).toBeGreaterThan(0);

    const questions = await prisma.registrationQuestion.findMany();
    expect(new Set(questions.map((q) => q.eventId)).size).toBe(3);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(["text", "single", "multiple", "yesno"]));
    for (const q of questions.filter((q) => q.kind === "single" || q.kind === "multiple")) {
      expect((JSON.parse(q.options) as string[]).length).toBeGreaterThan(1);
    }

    const primaries = new Set((await prisma.event.findMany({ select: { primaryLanguageCode: true } })).map((e) => e.primaryLanguageCode));
    expect(primaries).toEqual(new Set(["en", "fr", "es", "ar", "pl"]));
    expect(await prisma.resource.count({ where: { url: "https://alliancecpha.org/en/CPMS_home" } })).toBeGreaterThan(0);
    expect(await prisma.event.count({ where: { description: { contains: "onerror=" } } })).toBe(1);
  });

  it("creates nothing when run a second time", async () => {
    const before = await tableCounts();
    expect(before.Event).toBeGreaterThan(0);
    const second = await seedDemoCatalogue(prisma, { now: NOW });
    expect(second.created).toBe(0);
    expect(second.skipped).toBeGreaterThan(0);
    expect(await tableCounts()).toEqual(before);
    // Even from another instant, existing events are not duplicated or moved.
    await seedDemoCatalogue(prisma, { now: new Date(NOW.getTime() + 90 * DAY_MS) });
    expect(await tableCounts()).toEqual(before);
  });

  it("seeds from a different now, dating the events from it", async () => {
    const before = await tableCounts();
    await prisma.event.deleteMany();
    const later = new Date("2026-10-14T18:30:00Z");
    const result = await seedDemoCatalogue(prisma, { now: later });
    expect(result.created).toBeGreaterThan(0);
    expect(await tableCounts()).toEqual(before);

    const sessions = await prisma.session.findMany({ include: { event: { select: { status: true } } } });
    const published = sessions.filter((s) => s.event.status === "published");
    expect(published.filter((s) => s.startsAt > later).length).toBeGreaterThanOrEqual(14);
    expect(published.filter((s) => s.endsAt < later).length).toBeGreaterThanOrEqual(10);
    // The autumn change in New York is on 2026-11-01 at 06:00 UTC.
    const straddling = sessions.filter(
      (s) => newYork.offset(s.startsAt.getTime()) !== newYork.offset(s.endsAt.getTime()),
    );
    expect(straddling.map((s) => s.startsAt.toISOString())).toEqual(["2026-11-01T05:15:00.000Z"]);
  });
});
