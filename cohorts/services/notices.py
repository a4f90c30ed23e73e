"""Session emails: change notices and 3-day / 1-day reminders, each at most once.

Rows in SessionNotice are created with ignore_conflicts against a unique
(session, user, kind) constraint (a reminder's kind carries the time it is about);
core.delivery claims, sends and releases them.
"""

import datetime as dt
import logging

from django.utils import timezone, translation

from cohorts.calendar import session_attachment
from cohorts.links import session_page_url
from cohorts.models import Session, SessionChange, SessionNotice
from cohorts.selectors import session_recipients, sessions_due_for_reminder
from core.delivery import Outbox, deliver_once, pending_ids, stale_ids
from core.emails import send
from core.templatetags.thai import thai_date_range, thai_time
from notifications.models import NoticeKind
from notifications.selectors import email_recipients
from notifications.services import line_queue, line_render

log = logging.getLogger(__name__)

NOTICES = Outbox.for_status(SessionNotice)


def _queue(session: Session, kind: str) -> list[int]:
    """Email rows for who keeps email for sessions; a LINE message for who chose LINE."""
    people = [person.pk for person in session_recipients(session=session)]
    emailed = email_recipients(user_ids=people, kind=NoticeKind.SESSIONS)
    SessionNotice.objects.bulk_create(
        [SessionNotice(session=session, user_id=person, kind=kind) for person in emailed],
        ignore_conflicts=True,
    )
    line_queue(
        user_ids=people,
        kind=NoticeKind.SESSIONS,
        key=f"session-{session.pk}-{kind}",
        text=lambda: line_render(*_line_template(session, kind)),
    )
    return list(
        SessionNotice.objects.filter(
            session=session, kind=kind, status=SessionNotice.Status.PENDING
        ).values_list("id", flat=True)
    )


def notices_queue_change(*, session_id: int, sequence: int) -> list[int]:
    """One notice per person for this version of the session (its SEQUENCE)."""
    session = Session.objects.select_related("cohort").get(pk=session_id)
    if session.sequence != sequence:  # a newer change will send its own notice
        return []
    return _queue(session, f"change-{sequence}")


def notices_queue_reminders(*, now: dt.datetime | None = None) -> list[int]:
    ids = []
    for session, kind in sessions_due_for_reminder(now=now):
        ids += _queue(session, kind)
    return ids


def notices_stale_pending(*, now: dt.datetime | None = None) -> list[int]:
    """Notices to hand to a sender again; the claim keeps each one to one email."""
    return stale_ids(NOTICES, now=now)


def notices_pending() -> list[int]:
    """Every pending notice (a restarted worker queues them; the claim keeps one send)."""
    return pending_ids(NOTICES)


def notice_deliver(*, notice_id: int) -> bool:
    """Send one notice if this caller wins the claim; True when an email went out."""
    related = (
        "user",
        "session__cohort",
        "session__venue__province",
        "session__module",
        "session__site_visit",
    )
    return deliver_once(NOTICES, pk=notice_id, send=_send, select_related=related)


def _send(notice: SessionNotice) -> None:
    session, person = notice.session, notice.user
    is_reminder = notice.kind.startswith("reminder")
    change = None if is_reminder else _change_told(notice)
    context = {
        "person": person,
        "name_th": person.full_name_th or person.full_name_en or person.email,
        "name_en": person.full_name_en or person.full_name_th or person.email,
        "session": session,
        "action": change.action if change else _action_of(session),
        "old_venue": change.old_venue if change else None,
        **(_starts_in(session) if is_reminder else {}),
        "page_url": session_page_url(session),
        "page_url_en": session_page_url(session, language="en"),
    }
    for lang in ("th", "en"):
        context[f"when_{lang}"] = _when(session.starts_at, session.ends_at, lang)
        if change:
            context[f"old_when_{lang}"] = _when(change.old_starts_at, change.old_ends_at, lang)
    name = "session-reminder" if is_reminder else "session-changed"
    send(name, [person.email], context, attachments=[session_attachment(session, attendee=person)])


def _starts_in(session: Session) -> dict[str, str]:
    """How far off the session is on the day the reminder goes out, in Bangkok calendar
    days: a session added two days before it starts is not said to be three days off."""
    days = (timezone.localdate(session.starts_at) - timezone.localdate()).days
    if days <= 0:
        return {"in_th": "วันนี้", "in_en": "today", "soon_th": "วันนี้", "soon_en": "Today"}
    if days == 1:
        return {
            "in_th": "พรุ่งนี้",
            "in_en": "tomorrow",
            "soon_th": "พรุ่งนี้",
            "soon_en": "Tomorrow",
        }
    return {
        "in_th": f"ในอีก {days} วัน",
        "in_en": f"in {days} days",
        "soon_th": f"อีก {days} วัน",
        "soon_en": f"In {days} days",
    }


def _line_template(session: Session, kind: str) -> tuple[str, dict]:
    """The LINE text of a reminder or a change: what the session is now, and its page."""
    context = {
        "session": session,
        **(_starts_in(session) if kind.startswith("reminder") else {}),
        "action": _action_of(session),
        "when_th": _when(session.starts_at, session.ends_at, "th"),
        "when_en": _when(session.starts_at, session.ends_at, "en"),
        "page_url": session_page_url(session),
        "page_url_en": session_page_url(session, language="en"),
    }
    if kind.startswith("change-"):
        latest = SessionChange.objects.filter(session=session).order_by("-sequence").first()
        context["action"] = latest.action if latest else context["action"]
        if latest and latest.old_starts_at and latest.old_starts_at != session.starts_at:
            for lang in ("th", "en"):  # the old time, as the emailed notice states it
                context[f"old_when_{lang}"] = _when(latest.old_starts_at, latest.old_ends_at, lang)
        return "session-changed", context
    return "session-reminder", context


def _when(starts_at, ends_at, language: str) -> str:
    """22 ธันวาคม 2569 09:00 น. - 16:00 น. / 22 December 2026, 09:00–16:00 (Bangkok time)."""
    with translation.override(language):
        day, start, end = (
            thai_date_range(starts_at, ends_at),
            thai_time(starts_at),
            thai_time(ends_at),
        )
    if language == "th":
        return f"{day} {start} - {end}"
    return f"{day}, {start}–{end} (Bangkok time)"


def _action_of(session: Session) -> str:
    """For a notice queued before changes were recorded."""
    if session.is_cancelled:
        return SessionChange.Action.CANCELLED
    return SessionChange.Action.RESCHEDULED


def _change_told(notice: SessionNotice) -> SessionChange | None:
    """The change this notice reports; its old time is what the person was last told.

    When two changes came so close that the first one's notice was never queued
    (notices_queue_change skips a superseded SEQUENCE), the old side comes from
    the first change after the last notice this person got.
    """
    sequence = int(notice.kind.removeprefix("change-"))
    earlier = SessionNotice.objects.filter(
        session_id=notice.session_id, user_id=notice.user_id, kind__startswith="change-"
    ).values_list("kind", flat=True)
    told = [int(kind.removeprefix("change-")) for kind in earlier]
    last_told = max((n for n in told if n < sequence), default=0)
    changes = list(
        SessionChange.objects.filter(
            session_id=notice.session_id, sequence__gt=last_told, sequence__lte=sequence
        ).select_related("old_venue__province")
    )
    if not changes:
        return None
    first, latest = changes[0], changes[-1]
    first.action = latest.action
    return first
