// Reads an iCalendar file on stdin with ical.js (an independent parser, the one
// Thunderbird's calendar is built on) and prints what calendar apps act on, as JSON.
// Used by tests/cohorts/test_calendar_itip.py; a file ical.js cannot parse exits non-zero.
import ICAL from "ical.js";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const root = new ICAL.Component(ICAL.parse(Buffer.concat(chunks).toString("utf8")));

const value = (component, name) => {
  const v = component.getFirstPropertyValue(name);
  return v === null ? null : v.toString();
};
const person = (prop) => ({
  value: prop.getFirstValue(),
  ...Object.fromEntries(["cn", "role", "partstat", "rsvp"].map((p) => [p, prop.getParameter(p) ?? null])),
});

const events = root.getAllSubcomponents("vevent").map((vevent) => {
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    sequence: event.sequence,
    summary: event.summary,
    status: value(vevent, "status"),
    url: value(vevent, "url"),
    dtstamp: value(vevent, "dtstamp"),
    start: event.startDate ? event.startDate.toJSDate().toISOString() : null,
    end: event.endDate ? event.endDate.toJSDate().toISOString() : null,
    timezone: vevent.getFirstProperty("dtstart")?.getParameter("tzid") ?? null,
    rrule: value(vevent, "rrule"),
    recurring: event.isRecurring(),
    organizer: vevent.getFirstProperty("organizer") ? person(vevent.getFirstProperty("organizer")) : null,
    attendees: vevent.getAllProperties("attendee").map(person),
  };
});
console.log(JSON.stringify({
  method: value(root, "method"),
  version: value(root, "version"),
  timezones: root.getAllSubcomponents("vtimezone").map((tz) => value(tz, "tzid")),
  events,
}));
