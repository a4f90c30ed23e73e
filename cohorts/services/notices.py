"""Session emails: change notices and 3-day / 1-day reminders, each at most once.

Rows in SessionNotice are created with ignore_conflicts against a unique
(session, user, kind) constraint; core.delivery claims, sends and releases them.
"""

import logging

from cohorts.calendar import session_attachment
from cohorts.models import Session, SessionNotice
from cohorts.selectors import session_recipients, sessions_due_for_reminder
from core.dates import thai_date_range, thai_time
from core.delivery import Outbox, deliver_once, stale_ids
from core.emails import send

log = logging.getLogger(__name__)

NOTICES = Outbox.for_status(SessionNotice)


def _queue(session: Session, kind: str) -> list[int]:
    people = session_recipients(session=session)
    SessionNotice.objects.bulk_create(
        [SessionNotice(session=session, user=person, kind=kind) for person in people],
        ignore_conflicts=True,
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


def notices_queue_reminders(*, now=None) -> list[int]:
    ids = []
    for session, kind in sessions_due_for_reminder(now=now):
        ids += _queue(session, kind)
    return ids


def notices_stale_pending(*, now=None) -> list[int]:
    """Notices to hand to a sender again; the claim keeps each one to one email."""
    return stale_ids(NOTICES, now=now)


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
    session = notice.session
    name = "session-reminder" if notice.kind.startswith("reminder") else "session-changed"
    context = {
        "person": notice.user,
        "session": session,
        "days_before": 1 if notice.kind == SessionNotice.REMINDER_1D else 3,
        "when_th": f"{thai_date_range(session.starts_at, session.ends_at)} "
        f"{thai_time(session.starts_at)} - {thai_time(session.ends_at)}",
    }
    send(name, [notice.user.email], context, attachments=[session_attachment(session)])
