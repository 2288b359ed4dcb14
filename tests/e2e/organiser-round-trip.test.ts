// Every organiser form, in Chromium with JavaScript on, against the built server:
//  1. loaded and submitted unchanged, the database must not change (but `updatedAt`, and the
//     audit rows each form declares below);
//  2. each of its controls changed once (boxes toggled, selects moved, text edited), exactly the
//     database cells that control stands for must change.
// The controls are read from the page, not listed by hand: a control the FORMS table below does
// not know fails the test, so a new field joins the round trip the day it is added.
// New-item forms (new event, new session, new speaker) are checked the other way round: the item
// they create must come back in its edit form with every value the new form showed.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { launchBrowser } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let db: PrismaClient;
let raw: Database.Database;
const email = `round-trip-${randomUUID()}@example.org`;
const password = "a long organiser password";
const ids = { organiser: "", otherOrganiser: "", event: "", session: "", attendedSession: "", registration: "", recording: "", speaker: "" };

// ---------------------------------------------------------------------------------------------
// The database, cell by cell
// ---------------------------------------------------------------------------------------------

/** Columns every write may touch. */
const IGNORED_COLUMNS = new Set(["updatedAt"]);
/** The audit log is checked on its own (each form says how many entries a save writes). */
const AUDIT_TABLE = "AuditLog";
const IGNORED_TABLES = new Set(["_prisma_migrations", AUDIT_TABLE]);

type Snapshot = Map<string, Map<string, Record<string, unknown>>>;

function snapshot(): Snapshot {
  const tables = raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
  // Full-text indexes (the search) are compared by their text; their shadow tables hold the
  // index's own bookkeeping, rewritten whenever a row is indexed again.
  const fts = tables.filter((t) => /USING\s+fts5/i.test(t.sql)).map((t) => t.name);
  const result: Snapshot = new Map();
  for (const { name } of tables) {
    if (fts.some((v) => name.startsWith(`${v}_`))) continue;
    const pk = (raw.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; pk: number }[]).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const rows = raw.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
    const byKey = new Map<string, Record<string, unknown>>();
    for (const row of rows) {
      // Rows without a key (the full-text tables) are known by their content.
      let key = pk.length ? pk.map((c) => String(row[c.name])).join("|") : JSON.stringify(row);
      while (byKey.has(key)) key += "+";
      byKey.set(key, row);
    }
    result.set(name, byKey);
  }
  return result;
}

/** Search indexes follow the rows they index: they may change with any field, never on their own. */
const DERIVED = /^(event|cue)_fts±$/;

/** "Event.waitlistEnabled" for a changed cell, "EventTopic±" for a row added or removed. */
type Change = { cell: string; key: string; from?: unknown; to?: unknown };

function diff(before: Snapshot, after: Snapshot): Change[] {
  const changes: Change[] = [];
  for (const [table, rows] of after) {
    if (IGNORED_TABLES.has(table)) continue;
    const old = before.get(table) ?? new Map();
    for (const [key, row] of rows) {
      const was = old.get(key);
      if (!was) {
        changes.push({ cell: `${table}±`, key, to: row });
        continue;
      }
      for (const column of Object.keys(row)) {
        if (IGNORED_COLUMNS.has(column)) continue;
        if (JSON.stringify(was[column]) !== JSON.stringify(row[column])) changes.push({ cell: `${table}.${column}`, key, from: was[column], to: row[column] });
      }
    }
    for (const [key, row] of old) if (!rows.has(key)) changes.push({ cell: `${table}±`, key, from: row });
  }
  return changes;
}

function auditSince(before: Snapshot) {
  const old = before.get(AUDIT_TABLE) ?? new Map();
  return (raw.prepare(`SELECT * FROM "${AUDIT_TABLE}" ORDER BY createdAt`).all() as { id: string; action: string; details: string }[]).filter((r) => !old.has(r.id));
}

// ---------------------------------------------------------------------------------------------
// The forms
// ---------------------------------------------------------------------------------------------

type Control = { name: string; tag: string; type: string; value: string; checked: boolean; options: string[] };

type Rule = {
  /** The control's name, or a pattern for families of names (questions[0].label…). */
  name: string | RegExp;
  /** Cells that must change ("Table.column", or "Table±" for a row added or removed); a "?" suffix marks a cell that may change with it. */
  cells: string[];
  /** Why this control's change alone stores nothing (then `cells` is empty). */
  noEffect?: string;
  /** The new value for text-like controls and selects, from the current one. */
  value?: (current: string, control: Control) => string;
  /** Not changed by this test, with the reason (file uploads, passwords). */
  skip?: string;
  /**
   * Changes run in page order, each on top of the ones before; a higher `order` runs later
   * (a blank question's label after its other boxes; removals last, from the bottom up).
   */
  order?: number;
  /**
   * For a family of controls that run the same code (one per language), how many of them to
   * change: the others are still read and must still be known. Keeps the file near two minutes.
   */
  sample?: number;
  /** The field the audit entry names for this control, when not the control's own name. */
  auditAs?: (name: string) => string;
};

type FormCase = {
  name: string;
  url: () => string;
  /** The form on the page. */
  form: (page: Page) => Locator;
  submit: string;
  /** Audit entries one save writes: unchanged, and with one field changed. */
  audit: { unchanged: number; changed: number; names?: boolean };
  rules: Rule[];
  /** Run before reading or editing the controls (open a <details>, say). */
  prepare?: (page: Page) => Promise<unknown>;
};

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const shiftLocal = (local: string, days: number) => `${addDays(local.slice(0, 10), days)}${local.slice(10)}`;
const edited = (current: string) => `${current} (edited)`.trimStart();

/** The first option other than the current one, preferring `wanted` when the select offers it. */
function otherOption(wanted?: string) {
  return (current: string, control: Control) => (wanted && wanted !== current && control.options.includes(wanted) ? wanted : control.options.find((o) => o !== current) ?? current);
}

const eventRules: Rule[] = [
  { name: "type", cells: ["Event.type"] },
  { name: "title", cells: ["Event.title"] },
  { name: "slug", cells: ["Event.slug"], value: (v) => `${v}-edited` },
  { name: "summary", cells: ["Event.summary"] },
  { name: "description", cells: ["Event.description"] },
  { name: "topics", cells: ["EventTopic±"] },
  { name: "seriesId", cells: ["Event.seriesId"] },
  { name: "speakers", cells: ["EventSpeaker±"] },
  // After the support boxes: the new primary language loses its own support entry, if it had one.
  { name: "primaryLanguageCode", cells: ["Event.primaryLanguageCode", "EventLanguage±?"], value: otherOption("pl"), order: 1 },
  { name: /^support\.\w+$/, cells: ["EventLanguage±", "EventLanguage.kind?"], sample: 3 },
  { name: "referenceCities", cells: ["Event.referenceCities"] },
  // Registration opening and closing are wall times in the event's zone: they move with it.
  { name: "timeZone", cells: ["Event.timeZone", "Event.registrationOpensAt?", "Event.registrationClosesAt?"], value: otherOption("Asia/Bangkok") },
  { name: "capacity", cells: ["Event.capacity"], value: (v) => String(Number(v || 10) + 5) },
  { name: "waitlistEnabled", cells: ["Event.waitlistEnabled"] },
  { name: "approvalRequired", cells: ["Event.approvalRequired"] },
  { name: "allowLateRegistration", cells: ["Event.allowLateRegistration"] },
  { name: "opensAt", cells: ["Event.registrationOpensAt"], value: (v) => shiftLocal(v, -1) },
  { name: "closesAt", cells: ["Event.registrationClosesAt"], value: (v) => shiftLocal(v, 1) },
  { name: "reminders", cells: ["Event.reminderOffsets"], value: () => "2d, 30m" },
  { name: "isRecorded", cells: ["Event.isRecorded"] },
  { name: "joinUrl", cells: ["Event.joinUrl"], value: () => "https://meet.example.org/j/edited" },
  // Two stored questions (a required text one, a required single choice) and one blank row.
  { name: "questions[0].label", cells: ["RegistrationQuestion.label"] },
  { name: "questions[0].kind", cells: ["RegistrationQuestion.kind"], value: otherOption("yesno") },
  { name: "questions[0].options", cells: [], noEffect: "a free-text (later yes/no) question has no options: the box is ignored for it" },
  { name: "questions[0].required", cells: ["RegistrationQuestion.required"] },
  { name: "questions[1].label", cells: ["RegistrationQuestion.label"] },
  { name: "questions[1].kind", cells: ["RegistrationQuestion.kind"], value: otherOption("multiple") },
  { name: "questions[1].options", cells: ["RegistrationQuestion.options"], value: (v) => `${v}\nA third option` },
  { name: "questions[1].required", cells: ["RegistrationQuestion.required"] },
  // The blank row: its other boxes alone store nothing; then its label creates the question.
  { name: "questions[2].label", cells: ["RegistrationQuestion±"], value: () => "Do you need interpretation?", order: 1 },
  { name: "questions[2].kind", cells: [], noEffect: "a blank row without a label is not a question", value: otherOption("yesno") },
  { name: "questions[2].options", cells: [], noEffect: "a blank row without a label is not a question" },
  { name: "questions[2].required", cells: [], noEffect: "a blank row without a label is not a question" },
  // Removing renumbers the questions after it, so the last ones go first, after everything else.
  {
    name: /^questions\[\d+\]\.remove$/,
    cells: ["RegistrationQuestion±", "RegistrationQuestion.sortOrder?"],
    order: 2,
    auditAs: (name) => name.replace(/\.remove$/, ".label"),
  },
  // A translation with a title exists for French; English (first) gains one with its title.
  { name: /^translations\.\w+\.title$/, cells: ["EventTranslation.title", "EventTranslation±"].map((c) => `${c}?`), value: (v) => (v ? edited(v) : "Un titre traduit"), sample: 2 },
  { name: /^translations\.\w+\.(summary|description)$/, cells: ["EventTranslation.summary?", "EventTranslation.description?"], sample: 4 },
];

const sessionRules: Rule[] = [
  { name: "title", cells: ["Session.title", "Session.sequence"] },
  // A new time or title is a new version of the calendar entry: SEQUENCE grows with it.
  { name: "date", cells: ["Session.startsAt", "Session.endsAt", "Session.sequence"], value: (v) => addDays(v, 1) },
  { name: "time", cells: ["Session.startsAt", "Session.endsAt", "Session.sequence"], value: (v) => (v === "10:00" ? "11:00" : "10:00") },
  { name: "duration", cells: ["Session.endsAt", "Session.sequence"], value: (v) => String(Number(v) + 15) },
  { name: "timeZone", cells: ["Session.timeZone", "Session.startsAt", "Session.endsAt", "Session.sequence"], value: otherOption("Europe/London") },
  { name: "languageCode", cells: ["Session.languageCode"] },
  { name: "capacity", cells: ["Session.capacity"], value: (v) => String(Number(v || 20) + 5) },
  { name: "joinUrl", cells: ["Session.joinUrl", "Session.sequence"], value: () => "https://meet.example.org/j/session-edited" },
];

const FORMS: FormCase[] = [
  {
    name: "event",
    url: () => `/admin/events/${ids.event}`,
    form: (p) => p.locator("form.admin-form"),
    submit: "Save changes",
    audit: { unchanged: 0, changed: 1, names: true },
    rules: eventRules,
    prepare: (p) => p.locator("form.admin-form details").evaluateAll((list) => list.forEach((d) => ((d as HTMLDetailsElement).open = true))),
  },
  {
    name: "session",
    url: () => `/admin/events/${ids.event}/sessions/${ids.session}`,
    form: (p) => p.locator("form.admin-form"),
    submit: "Save session",
    audit: { unchanged: 0, changed: 1, names: true },
    rules: sessionRules,
  },
  {
    name: "recording",
    url: () => `/admin/events/${ids.event}/recordings/${ids.recording}`,
    form: (p) => p.locator("form.recording-form"),
    submit: "Save changes",
    audit: { unchanged: 0, changed: 1 },
    rules: [
      { name: "title", cells: ["Recording.title"] },
      { name: "sessionId", cells: ["Recording.sessionId"] },
      { name: "languageCode", cells: ["Recording.languageCode"] },
      { name: "duration", cells: ["Recording.durationSeconds"], value: () => "1:10:00" },
      { name: "chapters", cells: ["Recording.chapters"], value: (v) => `${v}\n50:00 Questions from the audience` },
      { name: "poster", cells: [], skip: "a file upload; tests/integration/admin-recordings.test.ts covers posters" },
    ],
  },
  {
    name: "speaker",
    url: () => "/admin/speakers",
    form: (p) => p.locator(`form:has(input[name="id"][value="${ids.speaker}"])`),
    submit: "Save speaker",
    audit: { unchanged: 0, changed: 1 },
    prepare: (p) => p.locator(`details:has(input[name="id"][value="${ids.speaker}"])`).evaluate((d) => ((d as HTMLDetailsElement).open = true)),
    rules: [
      { name: "name", cells: ["Speaker.name"] },
      { name: "affiliation", cells: ["Speaker.affiliation"] },
      { name: "jobTitle", cells: ["Speaker.jobTitle"] },
      { name: "bio", cells: ["Speaker.bio"] },
      { name: "photoUrl", cells: ["Speaker.photoUrl"], value: () => "https://example.org/photo-edited.jpg" },
    ],
  },
  {
    name: "account",
    url: () => "/admin/account",
    form: (p) => p.locator("form:has(select[name=timeZone])"),
    submit: "Save details",
    audit: { unchanged: 0, changed: 1 },
    rules: [
      { name: "name", cells: ["Organiser.name"] },
      { name: "timeZone", cells: ["Organiser.timeZone"], value: otherOption("Africa/Nairobi") },
    ],
  },
  {
    name: "attendance",
    url: () => `/admin/events/${ids.event}/sessions/${ids.attendedSession}/attendance`,
    form: (p) => p.locator('form:has(input[name="intent"][value="manual"])'),
    submit: "Save attendance",
    audit: { unchanged: 0, changed: 1 },
    rules: [
      { name: "present", cells: ["Attendance±"] },
      // Ticking "present" above already wrote the manual row: the minutes go into it.
      { name: /^minutes-/, cells: ["Attendance±?", "Attendance.minutes?"], value: () => "42" },
    ],
  },
  // "Message registrants" and /admin/outbox have no stored values to round-trip (they send and
  // retry); the route crawl covers them.
  {
    name: "user role",
    url: () => "/admin/users",
    form: (p) => p.locator(`form:has(input[name="organiserId"][value="${ids.otherOrganiser}"])`),
    submit: "Change role",
    audit: { unchanged: 0, changed: 1 },
    rules: [{ name: "role", cells: ["Organiser.role"] }],
  },
  {
    name: "privacy notice",
    url: () => "/admin/settings/privacy",
    form: (p) => p.locator("form.admin-form"),
    submit: "Save the privacy notice",
    audit: { unchanged: 0, changed: 1 },
    rules: ["en", "fr", "es", "ar", "pl"].map((name) => ({ name, cells: ["SiteSetting±"] })),
  },
  // Last: its default language may change the language of the pages after it.
  {
    name: "settings",
    url: () => "/admin/settings",
    form: (p) => p.locator("form.admin-form"),
    submit: "Save settings",
    audit: { unchanged: 0, changed: 1 },
    rules: [
      { name: "siteName", cells: ["SiteSetting.value"] },
      { name: "referenceCities", cells: ["SiteSetting.value"] },
      { name: "defaultLocale", cells: ["SiteSetting.value"], value: otherOption("es") },
      // Never saved in the demo: their first change creates the row.
      { name: "senderAddress", cells: ["SiteSetting±"], value: () => "Learning events <events@example.org>" },
      { name: "contactAddress", cells: ["SiteSetting±"], value: () => "team@example.org" },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// The browser
// ---------------------------------------------------------------------------------------------

async function open(form: FormCase): Promise<Locator> {
  await page.goto(form.url());
  const locator = form.form(page);
  await locator.waitFor({ state: "attached" });
  await form.prepare?.(page);
  // Hydrated: React has taken over every control of the form (it rewrites some on the way).
  await locator.evaluate(
    (f) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          const controls = Array.from((f as HTMLFormElement).elements);
          if (controls.every((c) => Object.keys(c).some((k) => k.startsWith("__reactProps")))) resolve();
          else if (Date.now() - started > 10_000) reject(new Error("the form was not hydrated within 10 s"));
          else setTimeout(check, 20);
        };
        check();
      }),
  );
  return locator;
}

async function readControls(locator: Locator): Promise<Control[]> {
  return locator.evaluate((f) =>
    Array.from((f as HTMLFormElement).elements).flatMap((e) => {
      const el = e as HTMLInputElement;
      if (!el.name || e.tagName === "BUTTON" || e.tagName === "FIELDSET" || ["hidden", "submit", "button", "reset", "image"].includes(el.type)) return [];
      return [
        {
          name: el.name,
          tag: e.tagName.toLowerCase(),
          type: el.type,
          value: el.type === "file" ? "" : el.value,
          checked: !!el.checked,
          options: e.tagName === "SELECT" ? Array.from((e as HTMLSelectElement).options).map((o) => o.value) : [],
        },
      ];
    }),
  );
}

const byName = (locator: Locator, name: string) => locator.locator(`[name="${name.replace(/["\\]/g, "\\$&")}"]`);

async function readControl(locator: Locator, name: string): Promise<Control | undefined> {
  const target = byName(locator, name).first();
  if (!(await target.count())) return undefined;
  return target.evaluate((e) => {
    const el = e as HTMLInputElement;
    const options = e.tagName === "SELECT" ? Array.from((e as HTMLSelectElement).options).map((o) => o.value) : [];
    return { name: el.name, tag: e.tagName.toLowerCase(), type: el.type, value: el.type === "file" ? "" : el.value, checked: !!el.checked, options };
  });
}

/** The save's redirect and the page's fresh data have arrived. */
async function settled() {
  await page.waitForFunction(() => {
    const router = (window as unknown as { __remixRouter?: { state: { navigation: { state: string }; revalidation: string } } }).__remixRouter;
    return !!router && router.state.navigation.state === "idle" && router.state.revalidation === "idle";
  });
}

/** What the form would post, as the browser builds it: the truth for "shown = stored". */
async function formValues(locator: Locator): Promise<Record<string, string[]>> {
  return locator.evaluate((f) => {
    const out: Record<string, string[]> = {};
    for (const [key, value] of new FormData(f as HTMLFormElement)) {
      if (typeof value !== "string" || key === "csrf" || key === "intent") continue;
      (out[key] ??= []).push(value);
    }
    for (const key of Object.keys(out)) out[key]!.sort();
    return out;
  });
}

async function submit(form: FormCase, locator: Locator) {
  const responded = page.waitForResponse((r) => r.request().method() === "POST", { timeout: 10_000 });
  await locator.getByRole("button", { name: form.submit, exact: true }).click();
  const response = await responded.catch(async () => {
    const errors = await page.locator(".field-error:not(:empty), .error-summary, [role=alert]").allInnerTexts();
    throw new Error(`${form.name}: nothing was posted; the page says: ${errors.join(" / ") || "nothing"}`);
  });
  const body = await response.text().catch(() => "");
  expect(response.status(), `${form.name}: the save answered ${response.status()}: ${body.slice(0, 500)}`).toBeLessThan(400);
}

function ruleFor(form: FormCase, name: string) {
  return form.rules.find((r) => (typeof r.name === "string" ? r.name === name : r.name.test(name)));
}

/** One control of each name: a group of checkboxes is one field. */
function fieldsOf(controls: Control[]) {
  const seen = new Map<string, Control>();
  for (const c of controls) if (!seen.has(c.name)) seen.set(c.name, c);
  return [...seen.values()];
}

async function change(locator: Locator, control: Control, rule: Rule) {
  const target = byName(locator, control.name).first();
  if (control.type === "checkbox" || control.type === "radio") {
    await target.setChecked(!control.checked);
    return;
  }
  if (control.tag === "select") {
    const next = (rule.value ?? otherOption())(control.value, control);
    expect(next, `${control.name}: no other option to choose`).not.toBe(control.value);
    await target.selectOption(next);
    return;
  }
  const next = rule.value ? rule.value(control.value, control) : defaultEdit(control);
  await target.fill(next);
}

function defaultEdit(control: Control): string {
  switch (control.type) {
    case "url":
      return "https://example.org/edited";
    case "email":
      return "edited@example.org";
    case "number":
      return String(Number(control.value || 0) + 1);
    case "date":
      return addDays(control.value || "2031-01-01", 1);
    case "datetime-local":
      return shiftLocal(control.value || "2031-01-01T09:00", 1);
    case "text":
    case "textarea":
    case "search":
      return edited(control.value);
    default:
      throw new Error(`${control.name}: the test does not know how to change a "${control.type}" control; give its rule a value()`);
  }
}

function matches(changes: Change[], rule: Rule) {
  const cells = new Set(changes.map((c) => c.cell).filter((c) => !DERIVED.test(c)));
  const required = rule.cells.filter((c) => !c.endsWith("?"));
  const allowed = new Set(rule.cells.map((c) => c.replace(/\?$/, "")));
  const missing = required.filter((c) => !cells.has(c));
  const unexpected = [...cells].filter((c) => !allowed.has(c));
  // A rule made only of optional cells still needs one of them to change.
  const none = required.length === 0 && rule.cells.length > 0 && cells.size === 0;
  return { missing, unexpected, none };
}

// ---------------------------------------------------------------------------------------------
// Fixtures: an event that uses every setting, so that a save losing one shows
// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const [{ createPrismaClient }, { hashPassword }, time] = await Promise.all([
    import("../../app/utils/db.server.ts"),
    import("../../app/organisers/organisers.server.ts"),
    import("../../app/time/time.ts"),
  ]);
  db = createPrismaClient(`file:${server.databaseFile}`);
  raw = new Database(server.databaseFile, { readonly: true, fileMustExist: true });
  const organiser = await db.organiser.create({ data: { email, passwordHash: await hashPassword(password), role: "admin", timeZone: "UTC", name: "Round Trip" } });
  ids.organiser = organiser.id;
  const other = await db.organiser.create({ data: { email: `other-${randomUUID()}@example.org`, passwordHash: organiser.passwordHash, role: "organiser" } });
  ids.otherOrganiser = other.id;

  const [series, speakers, topics] = await Promise.all([
    db.series.findFirstOrThrow({ select: { id: true } }),
    db.speaker.findMany({ orderBy: { name: "asc" }, take: 3, select: { id: true } }),
    db.topic.findMany({ where: { kind: "standard" }, take: 2, select: { id: true } }),
  ]);
  ids.speaker = speakers[0]!.id;
  const zone = "America/New_York";
  const date = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const at = (d: string, t: string) => {
    const r = time.localToUtc(d, t, zone);
    if (r.kind !== "ok") throw new Error(`${d} ${t} is not a plain time in ${zone}`);
    return r.instant;
  };
  const cities = time.KNOWN_CITIES.filter((c) => ["new-york", "nairobi"].includes(c.id));
  const event = await db.event.create({
    data: {
      slug: `round-trip-${Date.now()}`,
      type: "workshop",
      status: "published",
      title: "Round trip workshop",
      summary: "Every setting switched on.",
      description: "## Agenda\n\nOne case each.",
      primaryLanguageCode: "en",
      timeZone: zone,
      referenceCities: time.serializeReferenceCities(cities),
      seriesId: series.id,
      capacity: 40,
      waitlistEnabled: true,
      approvalRequired: true,
      allowLateRegistration: true,
      isRecorded: true,
      registrationOpensAt: at(addDays(date, -20), "09:00"),
      registrationClosesAt: at(addDays(date, -1), "17:00"),
      reminderOffsets: "[1440,60]",
      joinUrl: "https://meet.example.org/j/round-trip",
      createdById: organiser.id,
      supportedLanguages: { create: [{ languageCode: "fr", kind: "interpretation" }] },
      topics: { create: topics.map((t) => ({ topicId: t.id })) },
      // Listed against the alphabet on purpose: the form must keep the order it cannot show.
      speakers: { create: [{ speakerId: speakers[2]!.id, sortOrder: 0, role: "moderator" }, { speakerId: speakers[1]!.id, sortOrder: 1 }] },
      translations: { create: [{ locale: "fr", title: "Atelier aller-retour", summary: "Tous les réglages activés.", description: "Un cas chacun." }] },
      questions: {
        create: [
          { kind: "text", label: "Which organisation do you work for?", required: true, sortOrder: 0 },
          { kind: "single", label: "Which pillar?", options: JSON.stringify(["Pillar 1", "Pillar 2"]), required: true, sortOrder: 1 },
        ],
      },
    },
  });
  ids.event = event.id;
  const session = await db.session.create({
    data: { eventId: event.id, title: "Americas session", startsAt: at(date, "09:00"), endsAt: at(date, "10:30"), timeZone: zone, languageCode: "en", capacity: 30, joinUrl: "https://meet.example.org/j/americas" },
  });
  ids.session = session.id;
  const past = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  const attended = await db.session.create({
    data: { eventId: event.id, title: "Last week's session", startsAt: at(past, "09:00"), endsAt: at(past, "10:00"), timeZone: zone, languageCode: "en", createdAt: new Date(Date.now() - 86_400_000) },
  });
  ids.attendedSession = attended.id;
  const registration = await db.registration.create({
    data: {
      sessionId: attended.id,
      name: "Amina Yusuf",
      email: "amina@example.org",
      emailNormalized: "amina@example.org",
      timeZone: "Africa/Nairobi",
      locale: "en",
      status: "confirmed",
      manageTokenHash: randomUUID(),
    },
  });
  ids.registration = registration.id;
  const recording = await db.recording.create({
    data: {
      eventId: event.id,
      sessionId: attended.id,
      kind: "embed",
      title: "Round trip recording",
      embedProvider: "youtube",
      embedId: "dQw4w9WgXcQ",
      languageCode: "en",
      durationSeconds: 3600,
      chapters: JSON.stringify([
        { title: "Welcome", startSeconds: 0 },
        { title: "The case", startSeconds: 600 },
      ]),
    },
  });
  ids.recording = recording.id;

  context = await browser.newContext({ baseURL: server.url, locale: "en-GB", timezoneId: "UTC" });
  page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Your events" }).waitFor();
}, 120_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  raw?.close();
  await db?.$disconnect();
  await server?.stop();
});

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

describe.each(FORMS)("the $name form, with JavaScript on", (form) => {
  it("knows every control, posts a value for every ticked box, and stores nothing when saved unchanged", async () => {
    const locator = await open(form);
    const controls = await readControls(locator);
    const unknown = fieldsOf(controls)
      .map((c) => c.name)
      .filter((name) => !ruleFor(form, name));
    expect(unknown, `controls of the ${form.name} form this test does not know: add a rule for each to FORMS`).toEqual([]);
    // A ticked box must post something: an empty value reads as "unticked" on the server.
    const blank = controls.filter((c) => (c.type === "checkbox" || c.type === "radio") && c.value === "").map((c) => c.name);
    expect(blank, "checkboxes and radios whose value is empty after hydration").toEqual([]);

    const before = snapshot();
    await submit(form, locator);
    const after = snapshot();
    const changes = diff(before, after);
    expect(changes, `saving the ${form.name} form unchanged changed the database`).toEqual([]);
    expect(auditSince(before).length, `audit entries written by an unchanged ${form.name} save`).toBe(form.audit.unchanged);
  }, 60_000);

  it("changes exactly the stored value of each control changed on its own", async () => {
    let locator = await open(form);
    const fields = fieldsOf(await readControls(locator));
    const rank = (c: Control) => ruleFor(form, c.name)?.order ?? 0;
    const ordered = [0, 1, 2].flatMap((n) => {
      const group = fields.filter((c) => rank(c) === n);
      return n === 2 ? group.reverse() : group;
    });
    const failures: string[] = [];
    let before = snapshot();
    const used = new Map<Rule, number>();
    for (const control of ordered) {
      const rule = ruleFor(form, control.name);
      if (!rule || rule.skip) continue;
      used.set(rule, (used.get(rule) ?? 0) + 1);
      if (rule.sample && used.get(rule)! > rule.sample) continue;
      // One page for every change (reloading it each time costs more than the rest together):
      // the saved page keeps what was typed, and the reload at the end checks it shows the same.
      const current = await readControl(locator, control.name);
      if (!current) {
        failures.push(`${control.name}: gone from the form after the earlier changes`);
        locator = await open(form);
        continue;
      }
      await change(locator, current, rule);
      await submit(form, locator);
      await settled();
      const after = snapshot();
      const changes = diff(before, after);
      const { missing, unexpected, none } = matches(changes, rule);
      if (rule.noEffect ? changes.length > 0 : missing.length || unexpected.length || none) {
        failures.push(`${control.name}: expected ${rule.cells.join(", ") || `nothing (${rule.noEffect})`}, got ${JSON.stringify(changes.map((c) => [c.cell, c.from, c.to]))}`);
      }
      const audit = auditSince(before);
      const expectedAudit = rule.noEffect ? 0 : form.audit.changed;
      if (audit.length !== expectedAudit) failures.push(`${control.name}: ${audit.length} audit entries, expected ${expectedAudit}`);
      else if (form.audit.names && audit[0]) {
        const details = JSON.parse(audit[0].details) as { changed?: { field: string }[] };
        const named = details.changed?.map((c) => c.field) ?? [];
        if (!named.includes(rule.auditAs?.(control.name) ?? control.name)) failures.push(`${control.name}: the audit entry names ${JSON.stringify(named)}, not the field`);
      }
      before = after;
      // Removing a question renumbers the rows: start again from what the server shows.
      if (rank(control) === 2) locator = await open(form);
    }
    // What the page held after the last save is what a fresh load of it shows.
    const held = await formValues(locator);
    expect(await formValues(await open(form)), "the form after a reload differs from the form as saved").toEqual(held);
    expect(failures).toEqual([]);  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// New-item forms: what the form showed is what the new item's edit form shows
// ---------------------------------------------------------------------------------------------

type NewFormCase = {
  name: string;
  create: FormCase;
  /** Required fields the organiser must type. */
  fill: Record<string, string>;
  /** The item the save created, found in the database. */
  created: () => Promise<string>;
  edit: (id: string) => FormCase;
  /** Fields whose shown value legitimately differs, with the reason. */
  differ?: Record<string, string>;
};

const NEW_FORMS: NewFormCase[] = [
  {
    name: "new event",
    create: { ...FORMS[0]!, name: "new event", url: () => "/admin/events/new", submit: "Create event", prepare: undefined },
    fill: { title: "An event created unchanged" },
    created: async () => (await db.event.findFirstOrThrow({ where: { title: "An event created unchanged" }, select: { id: true } })).id,
    edit: (id) => ({ ...FORMS[0]!, url: () => `/admin/events/${id}`, prepare: undefined }),
    differ: { slug: "made from the title when left empty" },
  },
  {
    name: "new session",
    create: { ...FORMS[1]!, name: "new session", url: () => `/admin/events/${ids.event}/sessions/new`, submit: "Add session" },
    fill: { date: addDays(new Date().toISOString().slice(0, 10), 60), time: "09:00" },
    created: async () => (await db.session.findFirstOrThrow({ where: { eventId: ids.event }, orderBy: { createdAt: "desc" }, select: { id: true } })).id,
    edit: (id) => ({ ...FORMS[1]!, url: () => `/admin/events/${ids.event}/sessions/${id}` }),
  },
  {
    name: "new speaker",
    create: { ...FORMS[3]!, name: "new speaker", form: (p) => p.locator("form:not(:has(input[name=id]))").filter({ has: p.locator("input[name=name]") }), submit: "Add speaker", prepare: undefined },
    fill: { name: "Zoë Round-Trip", affiliation: "Alliance" },
    created: async () => (await db.speaker.findFirstOrThrow({ where: { name: "Zoë Round-Trip" }, select: { id: true } })).id,
    differ: { id: "the edit form carries the speaker's id" },
    edit: (id) => ({
      ...FORMS[3]!,
      form: (p) => p.locator(`form:has(input[name="id"][value="${id}"])`),
      prepare: (p) => p.locator(`details:has(input[name="id"][value="${id}"])`).evaluate((d) => ((d as HTMLDetailsElement).open = true)),
    }),
  },
];

describe.each(NEW_FORMS)("the $name form, with JavaScript on", (form) => {
  it("creates an item whose edit form shows every value the new form showed", async () => {
    const locator = await open(form.create);
    for (const [name, value] of Object.entries(form.fill)) await byName(locator, name).first().fill(value);
    const shown = await formValues(locator);
    await submit(form.create, locator);
    await settled();
    const stored = await formValues(await open(form.edit(await form.created())));
    const differ = form.differ ?? {};
    const strip = (values: Record<string, string[]>) => Object.fromEntries(Object.entries(values).filter(([k]) => !(k in differ)));
    expect(strip(stored)).toEqual(strip(shown));
  }, 60_000);
});

describe("a new session's time zone", () => {
  it("is the zone of the event's latest session, else the event's own zone, and says so", async () => {
    const base = { type: "webinar", status: "draft", primaryLanguageCode: "en", createdById: ids.organiser };
    const withSession = await db.event.create({ data: { ...base, slug: `zone-a-${Date.now()}`, title: "Zone from sessions", timeZone: "UTC" } });
    await db.session.create({
      data: { eventId: withSession.id, startsAt: new Date("2031-03-04T14:00:00Z"), endsAt: new Date("2031-03-04T15:00:00Z"), timeZone: "America/New_York", languageCode: "en" },
    });
    const without = await db.event.create({ data: { ...base, slug: `zone-b-${Date.now()}`, title: "Zone from the event", timeZone: "Asia/Bangkok" } });
    const organiser = await db.organiser.findUniqueOrThrow({ where: { id: ids.organiser }, select: { timeZone: true } });

    for (const [event, zone, city] of [[withSession.id, "America/New_York", "New York"], [without.id, "Asia/Bangkok", "Bangkok"]] as const) {
      expect(organiser.timeZone).not.toBe(zone);
      await page.goto(`/admin/events/${event}/sessions/new`);
      const select = page.getByLabel("Time zone the date and time are in");
      await expect.poll(() => select.inputValue()).toBe(zone);
      expect(await page.locator("#f-timeZone-hint").innerText()).toContain(`${city} (${zone})`);
      // The scheduling assistant's own page proposes times in the same zone.
      await page.goto(`/admin/events/${event}/schedule`);
      expect(await page.locator('select[name="zone"]').first().inputValue()).toBe(zone);
    }

    // 09:00 typed for the New York event is 09:00 in New York.
    const locator = await open({ ...FORMS[1]!, url: () => `/admin/events/${withSession.id}/sessions/new`, submit: "Add session" });
    await byName(locator, "date").fill("2031-03-11");
    await byName(locator, "time").fill("09:00");
    await submit({ ...FORMS[1]!, submit: "Add session" }, locator);
    const created = await db.session.findFirstOrThrow({ where: { eventId: withSession.id }, orderBy: { createdAt: "desc" } });
    expect(created.timeZone).toBe("America/New_York");
    expect(created.startsAt.toISOString()).toBe("2031-03-11T13:00:00.000Z");
  }, 60_000);
});
