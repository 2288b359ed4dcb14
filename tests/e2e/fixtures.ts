// Data the browser tests share: an event open for registration, a registration with its manage
// token, an organiser who can sign in, and a playable recording. The demo catalogue ships no
// media, so a quiet WAV tone is written into the server's upload directory and one seeded
// recording (with chapters and a transcript) is pointed at it.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { hashPassword } from "../../app/organisers/organisers.server.ts";
import { hashManageToken, manageTokenFor } from "../../app/registration/manage-token.server.ts";

const HOUR = 3_600_000;

/** 8 kHz mono 8-bit PCM: a soft 440 Hz tone, about 8 KB a second. */
export function wavTone(seconds: number): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + samples, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28); // bytes per second
  header.writeUInt16LE(1, 32); // block align
  header.writeUInt16LE(8, 34); // bits per sample
  header.write("data", 36, "ascii");
  header.writeUInt32LE(samples, 40);
  const data = Buffer.alloc(samples);
  for (let i = 0; i < samples; i++) data[i] = 128 + Math.round(6 * Math.sin((2 * Math.PI * 440 * i) / rate));
  return Buffer.concat([header, data]);
}

export type PlayableRecording = {
  id: string;
  eventId: string;
  transcriptLanguages: string[];
  cues: { startMs: number; endMs: number; text: string }[];
};

/**
 * Makes the newest published recording that has chapters and an English transcript playable:
 * a WAV tone at least as long as its transcript, served from `uploadDir`. With
 * `multilingual`, only a recording whose transcript exists in several languages will do.
 */
export async function makeRecordingPlayable(db: PrismaClient, uploadDir: string, options: { multilingual?: boolean } = {}): Promise<PlayableRecording> {
  const candidates = await db.recording.findMany({
    where: { status: "published", chapters: { not: "[]" }, transcripts: { some: { languageCode: "en" } } },
    orderBy: { publishedAt: "desc" },
    select: { id: true, eventId: true, transcripts: { select: { languageCode: true } } },
  });
  const recording = options.multilingual ? candidates.find((r) => r.transcripts.length > 1) : candidates[0];
  if (!recording) throw new Error("The demo catalogue has no recording with chapters and an English transcript");
  const cues = await db.transcriptCue.findMany({
    where: { transcript: { recordingId: recording.id, languageCode: "en" } },
    orderBy: { position: "asc" },
    select: { startMs: true, endMs: true, text: true },
  });
  const lastEnd = Math.ceil((cues.at(-1)?.endMs ?? 0) / 1000);
  const file = `tone-${recording.id}.wav`;
  writeFileSync(path.join(uploadDir, file), wavTone(Math.max(300, lastEnd + 5)));
  await db.recording.update({ where: { id: recording.id }, data: { kind: "audio", mimeType: "audio/wav", filePath: file } });
  return { id: recording.id, eventId: recording.eventId, transcriptLanguages: recording.transcripts.map((t) => t.languageCode).sort(), cues };
}

/** A published webinar with two upcoming sessions and one required custom question. */
export async function createOpenEvent(db: PrismaClient, slugPrefix: string) {
  const now = Date.now();
  return db.event.create({
    data: {
      slug: `${slugPrefix}-${now}-${Math.random().toString(36).slice(2, 8)}`,
      type: "webinar",
      status: "published",
      title: "Case management in displacement settings",
      summary: "A webinar with two sessions, one for Asia and one for the Americas.",
      description: "Bring **one case** you are working on. We will use the [CPMS](https://alliancecpha.org) handbook.",
      primaryLanguageCode: "en",
      timeZone: "Europe/Zurich",
      capacity: 30,
      isRecorded: true,
      joinUrl: "https://meet.example.org/j/a11y-walk",
      sessions: {
        create: [3, 10].map((days, i) => ({
          title: i === 0 ? "Asia-Pacific session" : "Americas session",
          startsAt: new Date(now + days * 24 * HOUR),
          endsAt: new Date(now + days * 24 * HOUR + HOUR),
          timeZone: "Europe/Zurich",
          languageCode: "en",
        })),
      },
      questions: { create: [{ kind: "yesno", label: "Is this your first CPMS webinar?", required: true }] },
    },
    select: { id: true, slug: true, sessions: { orderBy: { startsAt: "asc" }, select: { id: true } } },
  });
}

/** A confirmed registration and the token of its manage link (/manage/<token>). */
export async function createRegistration(db: PrismaClient, sessionId: string, name = "Amina Hassan") {
  const id = `reg-e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await db.registration.create({
    data: {
      id,
      sessionId,
      name,
      email: `${id}@example.org`,
      emailNormalized: `${id}@example.org`,
      timeZone: "Asia/Amman",
      locale: "en",
      status: "confirmed",
      // The test process and the server share SESSION_SECRET (tests/setup.ts, tests/e2e/server.ts).
      manageTokenHash: hashManageToken(manageTokenFor(id)),
    },
  });
  return { id, token: manageTokenFor(id) };
}

/** An organiser account (role admin, so every event's pages are open to it). */
export async function createOrganiserAccount(db: PrismaClient, email: string, password: string) {
  await db.organiser.create({ data: { email, passwordHash: await hashPassword(password), role: "admin", timeZone: "Europe/London" } });
}

/** Signs the context in through the login form's POST, as the browser would send it. */
export async function signInContext(context: BrowserContext, baseUrl: string, email: string, password: string) {
  const response = await context.request.post(`${baseUrl}/admin/login`, {
    form: { email, password, returnTo: "/admin" },
    headers: { Origin: baseUrl },
    maxRedirects: 0,
  });
  if (response.status() !== 302 && response.status() !== 303) {
    throw new Error(`Signing in answered ${response.status()}: ${(await response.text()).slice(0, 300)}`);
  }
}
