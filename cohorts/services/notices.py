"""Session emails: change notices and 3-day / 1-day reminders, each at most once.

Rows in SessionNotice are created with ignore_conflicts against a unique
(session, user, kind) constraint; a sender claims a row with a conditional
update (pending -> sending) and stops if another worker got there first.
"""

import datetime as dt
import logging

from django.utils import timezone

from cohorts.calendar import session_attachment
from cohorts.models import Session, SessionNotice
from cohorts.selectors import session_recipients, sessions_due_for_reminder
from core.dates import thai_date_range, thai_time
from core.emails import send

log = logging.getLogger(__name__)


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


def notices_queue_reminders(*, now: dt.datetime | None = None) -> list[int]:
    ids = []
    for session, kind in sessions_due_for_reminder(now=now):
        ids += _queue(session, kind)
    return ids


# A notice still pending this long after it was queued lost its task (its
# retries ran out while the mail server was down, or the broker lost it).
STALE_AFTER = dt.timedelta(minutes=10)


def notices_stale_pending(*, now: dt.datetime | None = None) -> list[int]:
    """Notices to hand to a sender again; the claim keeps each one to one email."""
    cutoff = (now or timezone.now()) - STALE_AFTER
    return list(
        SessionNotice.objects.filter(
            status=SessionNotice.Status.PENDING, created_at__lt=cutoff
        ).values_list("id", flat=True)
    )


def notice_deliver(*, notice_id: int) -> bool:
    """Send one notice if this caller wins the claim; True when an email went out."""
    claimed = SessionNotice.objects.filter(
        pk=notice_id, status=SessionNotice.Status.PENDING
    ).update(status=SessionNotice.Status.SENDING, claimed_at=timezone.now())
    if not claimed:
        return False
    notice = SessionNotice.objects.select_related(
        "user",
        "session__cohort",
        "session__venue__province",
        "session__module",
        "session__site_visit",
    ).get(pk=notice_id)
    try:
        _send(notice)
    except Exception:
        # Release the claim so a retry can send it; nothing went out.
        SessionNotice.objects.filter(pk=notice_id).update(
            status=SessionNotice.Status.PENDING, claimed_at=None
        )
        raise
    SessionNotice.objects.filter(pk=notice_id).update(
        status=SessionNotice.Status.SENT, sent_at=timezone.now()
    )
    return True


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
