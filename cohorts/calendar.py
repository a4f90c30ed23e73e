"""iCalendar (RFC 5545) feeds and emailed invitations for sessions, made with icalendar.

Times carry TZID=Asia/Bangkok with its VTIMEZONE; SEQUENCE follows Session.sequence
so a reschedule updates the same event, and a cancelled session is STATUS:CANCELLED.
Feeds are METHOD:PUBLISH with one event per day of a multi-day visit. Emailed files
are iTIP (RFC 5546) messages to one person: METHOD:REQUEST (invitation, reminder,
update) or METHOD:CANCEL, one UID per session with ORGANIZER and ATTENDEE, a
multi-day visit as one event repeated daily, so mail apps update the event they have.
"""

import datetime as dt
from email.utils import parseaddr
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vText

from django.conf import settings
from django.utils import timezone

from cohorts.links import session_page_url
from core.dates import thai_date_range

BANGKOK = ZoneInfo("Asia/Bangkok")
PRODID = "-//Senior Urban Developer programme//pms//TH"


def _domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def session_days(session) -> list[tuple[dt.datetime, dt.datetime]]:
    """One (start, end) per day: a 3-day site visit meets each day at the same hours."""
    start = session.starts_at.astimezone(BANGKOK)
    end = session.ends_at.astimezone(BANGKOK)
    if start.date() == end.date() or end.time() <= start.time():
        return [(start, end)]
    days = (end.date() - start.date()).days + 1
    return [
        (start + dt.timedelta(days=n), end - dt.timedelta(days=days - 1 - n)) for n in range(days)
    ]


def _location(session) -> str:
    if session.venue_id:
        venue = session.venue
        parts = [venue.name_th, venue.address, f"จังหวัด{venue.province.name_th}"]
        return ", ".join(part for part in parts if part)
    return "ออนไลน์" if session.online_url else ""


def _description(session, *, private: bool) -> str:
    lines = [f"{session.cohort.title_th or session.cohort.label_th} · ครั้งที่ {session.number}"]
    lines.append(f"วันที่ {thai_date_range(session.starts_at, session.ends_at)}")
    if session.is_cancelled:
        lines.append("ยกเลิก")
    if session.change_note:
        lines.append(session.change_note)
    if session.preparation:
        lines.append(f"สิ่งที่ต้องเตรียม: {session.preparation}")
    if private and session.online_url:
        lines.append(f"ลิงก์ประชุม: {session.online_url}")
    if session.venue_id and session.venue.map_url:
        lines.append(f"แผนที่: {session.venue.map_url}")
    if session.title_en:
        lines.append(f"Session {session.number}: {session.title_en}")
    return "\n".join(lines)


def session_events(session, *, private: bool = True) -> list[Event]:
    days = session_days(session)
    events = []
    for index, (start, end) in enumerate(days, 1):
        event = Event()
        # Day 1 keeps the plain UID, so a visit shortened to one day updates the same event.
        suffix = f"-day{index}" if index > 1 else ""
        event.add("uid", f"pms-session-{session.pk}{suffix}@{_domain()}")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", start)
        event.add("dtend", end)
        summary = f"ครั้งที่ {session.number} {session.title_th}"
        if len(days) > 1:
            summary += f" (วันที่ {index}/{len(days)})"
        event.add("summary", summary)
        event.add("location", _location(session))
        event.add("description", _description(session, private=private))
        event.add("sequence", session.sequence)
        event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
        event.add("url", _url(session, private=private))
        events.append(event)
    return events


def _url(session, *, private: bool) -> str:
    """The learner's session page (issue 18); private copies carry the meeting link in the
    description, and the page shows it from 30 minutes before the start."""
    return session_page_url(session)


def _calendar(*, method: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    return cal


def build_calendar(sessions, *, name: str, private: bool = True) -> bytes:
    """A subscribed feed (METHOD:PUBLISH): every session, one event per day."""
    cal = _calendar(method="PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Bangkok")
    for session in sessions:
        for event in session_events(session, private=private):
            cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def _address(email: str, name: str, **params) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["cn"] = vText(name)
    address.params.update(params)
    return address


def invitation_event(session, *, attendee) -> Event:
    """The session as one iTIP event for one person (RFC 5546 section 3.2.2 / 3.2.5)."""
    [event] = session_events(session)[:1]
    days = len(session_days(session))
    if days > 1:  # the same hours each day: one UID, so an update replaces the whole visit
        event["summary"] = f"ครั้งที่ {session.number} {session.title_th}"
        event.add("rrule", {"freq": "daily", "count": days})
    organizer_name, organizer_email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    event.add("organizer", _address(organizer_email, organizer_name))
    event.add(
        "attendee",
        _address(
            attendee.email,
            attendee.get_full_name(),
            role="REQ-PARTICIPANT",
            partstat="NEEDS-ACTION",
            rsvp="FALSE",
        ),
    )
    return event


def session_attachment(session, *, attendee) -> tuple[str, bytes, str]:
    """The .ics for one person's email: REQUEST (add or update the event) or CANCEL."""
    method = "CANCEL" if session.is_cancelled else "REQUEST"
    cal = _calendar(method=method)
    cal.add_component(invitation_event(session, attendee=attendee))
    cal.add_missing_timezones()
    filename = f"session-{session.cohort.slug}-{session.number}.ics"
    return (filename, cal.to_ical(), f"text/calendar; method={method}")
