import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { seedDemoCatalogue } from "../../prisma/seed/catalogue.ts";
import { getPublicRecording, listPublishedRecordings, recordReplayProgress } from "./recordings.server.ts";

describe("recordings against the demo catalogue", () => {
  let recordingId = "";
  let registrationId = "";

  beforeAll(async () => {
    await seedDemoCatalogue(prisma);
    recordingId = (await prisma.transcript.findFirstOrThrow({ where: { languageCode: "ar" }, select: { recordingId: true } })).recordingId;
    const session = await prisma.session.findFirstOrThrow({ select: { id: true } });
    registrationId = (
      await prisma.registration.create({
        data: { sessionId: session.id, name: "L", email: "l@example.org", emailNormalized: "l@example.org", timeZone: "UTC", locale: "en", status: "confirmed", manageTokenHash: "unit-test" },
        select: { id: true },
      })
    ).id;
  });

  it("picks the requested transcript, else the reader's language, else the recording's", async () => {
    expect((await getPublicRecording(recordingId, "ar", "en"))?.transcript?.languageCode).toBe("ar");
    expect((await getPublicRecording(recordingId, null, "ar"))?.transcript?.languageCode).toBe("ar");
    expect((await getPublicRecording(recordingId, "pl", "fr"))?.transcript?.languageCode).toBe("en");
    expect(await getPublicRecording("missing", null, "en")).toBeNull();
  });

  it("pages the library newest first", async () => {
    const { recordings, total } = await listPublishedRecordings({ page: 1 }, "en");
    expect(total).toBeGreaterThanOrEqual(recordings.length);
    const times = recordings.map((r) => r.publishedAt?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("keeps one learning record per registration that only grows, within the recording's length", async () => {
    const duration = (await prisma.recording.findUniqueOrThrow({ where: { id: recordingId }, select: { durationSeconds: true } })).durationSeconds ?? 0;
    expect(await recordReplayProgress({ recordingId, registrationId, secondsWatched: 40 })).toBe(40);
    expect(await recordReplayProgress({ recordingId, registrationId, secondsWatched: 10 })).toBe(40);
    expect(await recordReplayProgress({ recordingId, registrationId, secondsWatched: 1e9 })).toBe(duration);
    const rows = await prisma.replayView.findMany({ where: { recordingId, registrationId } });
    expect(rows.map((r) => r.secondsWatched)).toEqual([duration]);
    expect(await recordReplayProgress({ recordingId: "missing", registrationId, secondsWatched: 5 })).toBeNull();
  });
});
