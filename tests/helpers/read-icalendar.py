"""Reads calendar files with Python's icalendar (Debian's python3-icalendar), a parser written
independently of ical.js, and prints what it understood as JSON, for tests/helpers/calendars.ts.

Input on stdin: a JSON list of .ics texts. Output: a JSON list, one entry per file, either
{"error": "..."} or the calendar's properties and its components (VEVENTs in detail).
Run it with /usr/bin/python3: the Debian package is not visible to another Python on PATH.
"""
import json
import sys
from datetime import datetime, timezone

from icalendar import Calendar


def text(value):
    return None if value is None else str(value)


def instant(component, name):
    prop = component.get(name)
    if prop is None:
        return None
    value = prop.dt
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return "floating:" + value.isoformat()
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return "date:" + value.isoformat()


def person(prop):
    params = {key.upper(): str(value) for key, value in prop.params.items()}
    return {"value": str(prop), "params": params}


def people(component, name):
    found = component.get(name)
    if found is None:
        return []
    return [person(p) for p in (found if isinstance(found, list) else [found])]


def event(vevent):
    sequence = vevent.get("SEQUENCE")
    return {
        "uid": text(vevent.get("UID")),
        "sequence": None if sequence is None else int(sequence),
        "dtstamp": instant(vevent, "DTSTAMP"),
        "dtstart": instant(vevent, "DTSTART"),
        "dtend": instant(vevent, "DTEND"),
        "status": text(vevent.get("STATUS")),
        "summary": text(vevent.get("SUMMARY")),
        "description": text(vevent.get("DESCRIPTION")),
        "organizer": people(vevent, "ORGANIZER"),
        "attendees": people(vevent, "ATTENDEE"),
    }


def read(ics):
    try:
        calendar = Calendar.from_ical(ics)
    except Exception as error:  # noqa: BLE001 - any refusal is the answer
        return {"error": f"{type(error).__name__}: {error}"}
    if calendar.name != "VCALENDAR":
        return {"error": f"top-level component is {calendar.name}"}
    return {
        "version": text(calendar.get("VERSION")),
        "prodid": text(calendar.get("PRODID")),
        "method": text(calendar.get("METHOD")),
        "components": [c.name for c in calendar.subcomponents],
        "events": [event(c) for c in calendar.subcomponents if c.name == "VEVENT"],
    }


print(json.dumps([read(ics) for ics in json.load(sys.stdin)]))
