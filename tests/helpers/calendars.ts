/**
 * Reads calendar files with two independent parsers, ical.js and Python's icalendar (Debian's
 * python3-icalendar through tests/helpers/read-icalendar.py), insists they understood the same
 * thing, and checks the rules of RFC 5545 and RFC 5546 (iTIP) that apply to what this app sends.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ICAL from "ical.js";

// Debian's package lives in the system Python; a pyenv python on PATH would not see it.
const PYTHON = "/usr/bin/python3";
const READER = fileURLToPath(new URL("./read-icalendar.py", import.meta.url));

export type Person = { value: string; params: Record<string, string> };
export type ReadEvent = {
  uid: string | null;
  sequence: number | null;
  dtstamp: string | null;
  dtstart: string | null;
  dtend: string | null;
  status: string | null;
  summary: string | null;
  description: string | null;
  organizer: Person[];
  attendees: Person[];
};
export type ReadCalendar = {
  version: string | null;
  prodid: string | null;
  method: string | null;
  components: string[];
  events: ReadEvent[];
};

function utc(value: unknown): string | null {
  if (!(value instanceof ICAL.Time)) return value == null ? null : String(value);
  if (value.isDate) return `date:${value.toString()}`;
  if (value.zone === ICAL.Timezone.localTimezone) return `floating:${value.toString()}`;
  return value.toJSDate().toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Parameter order means nothing in iCalendar; both readings list them sorted. */
export function sortedParams(entries: [string, string][]): Record<string, string> {
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

function people(component: ICAL.Component, name: string): Person[] {
  return component.getAllProperties(name).map((prop) => {
    const [, params] = prop.toJSON() as [string, Record<string, unknown>, string, unknown];
    return {
      value: String(prop.getFirstValue()),
      params: sortedParams(Object.entries(params).map(([key, value]) => [key.toUpperCase(), String(value)])),
    };
  });
}

const textOf = (component: ICAL.Component, name: string) => {
  const value = component.getFirstPropertyValue(name);
  return value == null ? null : String(value);
};

/** ical.js's reading, in the same shape as the Python reader's. */
export function readWithIcalJs(ics: string): ReadCalendar {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  if (calendar.name !== "vcalendar") throw new Error(`top-level component is ${calendar.name}`);
  return {
    version: textOf(calendar, "version"),
    prodid: textOf(calendar, "prodid"),
    method: textOf(calendar, "method"),
    components: calendar.getAllSubcomponents().map((c) => c.name.toUpperCase()),
    events: calendar.getAllSubcomponents("vevent").map((vevent) => {
      const sequence = vevent.getFirstPropertyValue("sequence");
      return {
        uid: textOf(vevent, "uid"),
        sequence: sequence == null ? null : Number(sequence),
        dtstamp: utc(vevent.getFirstPropertyValue("dtstamp")),
        dtstart: utc(vevent.getFirstPropertyValue("dtstart")),
        dtend: utc(vevent.getFirstPropertyValue("dtend")),
        status: textOf(vevent, "status"),
        summary: textOf(vevent, "summary"),
        description: textOf(vevent, "description"),
        organizer: people(vevent, "organizer"),
        attendees: people(vevent, "attendee"),
      };
    }),
  };
}

export function pythonIcalendarAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  try {
    execFileSync(PYTHON, ["-c", "import icalendar"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Python icalendar's reading of each file (one process for all of them). */
export function readWithPython(files: string[]): ReadCalendar[] {
  const out = execFileSync(PYTHON, [READER], { input: JSON.stringify(files), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const results = JSON.parse(out) as (ReadCalendar | { error: string })[];
  return results.map((result, i) => {
    if ("error" in result) throw new Error(`Python icalendar refused file ${i}: ${result.error}\n${files[i]}`);
    const sortPeople = (list: Person[]) => list.map((p) => ({ ...p, params: sortedParams(Object.entries(p.params)) }));
    return { ...result, events: result.events.map((e) => ({ ...e, organizer: sortPeople(e.organizer), attendees: sortPeople(e.attendees) })) };
  });
}

/**
 * Both parsers' reading of each file; throws unless they agree field by field. Returns the
 * agreed reading.
 */
export function readWithBothParsers(files: string[]): ReadCalendar[] {
  const python = readWithPython(files);
  return files.map((ics, i) => {
    const js = readWithIcalJs(ics);
    const py = python[i];
    const a = JSON.stringify(js);
    const b = JSON.stringify(py);
    if (a !== b) throw new Error(`ical.js and Python icalendar read file ${i} differently:\n${a}\n${b}`);
    return js;
  });
}

export type ItipExpectation = {
  /** The METHOD the file must carry; null for a plain calendar (no METHOD). */
  method: "PUBLISH" | "REQUEST" | "CANCEL" | null;
  /** Whether the ORGANIZER's address reaches a person (then, and only then, RSVP may be asked). */
  organizerReachable?: boolean;
};

/**
 * RFC 5545 §3.4/§3.6 and RFC 5546 §3.2 rules for what this app sends; returns the broken ones
 * (an empty list for a good file), so a test shows every problem at once.
 */
export function itipProblems(calendar: ReadCalendar, expected: ItipExpectation): string[] {
  const problems: string[] = [];
  if (calendar.version !== "2.0") problems.push(`VERSION is ${calendar.version}`);
  if (!calendar.prodid) problems.push("no PRODID");
  if (calendar.components.length === 0) problems.push("a VCALENDAR with no component (RFC 5545 §3.4)");
  if (calendar.method !== expected.method) problems.push(`METHOD is ${calendar.method}, expected ${expected.method}`);
  if (calendar.method && calendar.events.length === 0) problems.push(`METHOD:${calendar.method} with no VEVENT (RFC 5546 §3.2)`);
  for (const e of calendar.events) {
    const where = `VEVENT ${e.uid ?? "(no UID)"}`;
    if (!e.uid) problems.push(`${where}: no UID`);
    if (!e.dtstamp || !e.dtstamp.endsWith("Z")) problems.push(`${where}: DTSTAMP missing or not UTC (${e.dtstamp})`);
    if (!e.dtstart) problems.push(`${where}: no DTSTART`);
    if (e.sequence === null || !Number.isInteger(e.sequence) || e.sequence < 0) problems.push(`${where}: SEQUENCE ${e.sequence}`);
    // RFC 5546 §3.2.1-§3.2.5: ORGANIZER is required in PUBLISH, REQUEST and CANCEL alike.
    if (calendar.method && e.organizer.length !== 1) problems.push(`${where}: ${e.organizer.length} ORGANIZER properties`);
    for (const o of e.organizer) if (!/^mailto:[^@\s]+@[^@\s]+$/i.test(o.value)) problems.push(`${where}: ORGANIZER ${o.value}`);
    const rsvp = e.attendees.filter((a) => a.params.RSVP === "TRUE");
    if (calendar.method === "PUBLISH" || calendar.method === null) {
      if (e.attendees.length) problems.push(`${where}: ATTENDEE in a public file`);
    } else {
      if (e.attendees.length === 0) problems.push(`${where}: METHOD:${calendar.method} with no ATTENDEE`);
    }
    if (calendar.method === "CANCEL") {
      if (e.status !== "CANCELLED") problems.push(`${where}: CANCEL with STATUS ${e.status}`);
      if (rsvp.length) problems.push(`${where}: CANCEL asks for RSVP`);
    }
    if (calendar.method === "REQUEST" && rsvp.length && !expected.organizerReachable) {
      problems.push(`${where}: RSVP=TRUE though the organizer (${e.organizer[0]?.value}) may not be reachable`);
    }
    if (calendar.method === "REQUEST" && expected.organizerReachable && rsvp.length !== e.attendees.length) {
      problems.push(`${where}: a reachable organizer but no RSVP asked`);
    }
  }
  return problems;
}
