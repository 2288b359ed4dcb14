/**
 * Rows for mail tests, written straight with Prisma so these tests depend on nothing but the
 * schema: an event, its sessions and registrations.
 */
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { hashManageToken, manageTokenFor } from "../../app/registration/manage-token.server.ts";

const id = (prefix: string) => `${prefix}_${randomBytes(8).toString("hex")}`;

export async function ensureLanguages(prisma: PrismaClient) {
  for (const [code, name, nativeName, dir] of [
    ["en", "English", "English", "ltr"],
    ["fr", "French", "Français", "ltr"],
    ["ar", "Arabic", "العربية", "rtl"],
  ] as const) {
    await prisma.language.upsert({ where: { code }, update: {}, create: { code, name, nativeName, dir } });
  }
}

export async function createEvent(
  prisma: PrismaClient,
  data: Partial<{ title: string; status: string; reminderOffsets: string; referenceCities: string | null; joinUrl: string | null }> = {},
) {
  await ensureLanguages(prisma);
  const slug = id("event").replace("_", "-");
  return prisma.event.create({
    data: {
      slug,
      type: "webinar",
      status: data.status ?? "published",
      title: data.title ?? "Case management in emergencies",
      summary: "How case workers keep children safe when services break down.",
      primaryLanguageCode: "en",
      timeZone: "Europe/Zurich",
      referenceCities: data.referenceCities === undefined ? null : data.referenceCities,
      reminderOffsets: data.reminderOffsets ?? "[1440,60]",
      joinUrl: data.joinUrl === undefined ? "https://meet.example.org/j/event-room" : data.joinUrl,
    },
  });
}

export async function createSession(
  prisma: PrismaClient,
  eventId: string,
  data: Partial<{ startsAt: Date; minutes: number; title: string | null; status: string; joinUrl: string | null; sequence: number }> = {},
) {
  const startsAt = data.startsAt ?? new Date("2030-03-12T13:00:00Z");
  return prisma.session.create({
    data: {
      eventId,
      title: data.title === undefined ? "Asia-Pacific session" : data.title,
      startsAt,
      endsAt: new Date(startsAt.getTime() + (data.minutes ?? 90) * 60_000),
      timeZone: "Europe/Zurich",
      languageCode: "en",
      status: data.status ?? "scheduled",
      sequence: data.sequence ?? 0,
      joinUrl: data.joinUrl === undefined ? "https://meet.example.org/j/session-secret-123" : data.joinUrl,
    },
  });
}

export async function createRegistration(
  prisma: PrismaClient,
  sessionId: string,
  data: Partial<{ name: string; email: string; timeZone: string; locale: string; status: string }> = {},
) {
  const registrationId = id("reg");
  const email = data.email ?? `${registrationId}@example.org`;
  return prisma.registration.create({
    data: {
      id: registrationId,
      sessionId,
      name: data.name ?? "Amina Yusuf",
      email,
      emailNormalized: email.toLowerCase(),
      timeZone: data.timeZone ?? "Africa/Nairobi",
      locale: data.locale ?? "en",
      status: data.status ?? "confirmed",
      manageTokenHash: hashManageToken(manageTokenFor(registrationId)),
    },
  });
}
