"""Writes for cohorts, split by concept; import from here."""

from cohorts.services.enrolments import (
    enrolment_create,
    enrolment_invite,
    enrolment_mark_completed,
    enrolment_reopen_completed,
    enrolment_transfer,
    enrolment_withdraw,
    enrolments_mark_completed,
)
from cohorts.services.feeds import calendar_token_for, calendar_token_revoke
from cohorts.services.notices import (
    notice_deliver,
    notices_pending,
    notices_queue_change,
    notices_queue_reminders,
    notices_stale_pending,
)
from cohorts.services.sessions import (
    SessionPattern,
    session_calendar_warnings,
    session_cancel,
    session_conflicts,
    session_create,
    session_delete,
    session_reopen,
    session_reschedule,
    session_update,
    sessions_generate,
    sessions_renumber,
)

__all__ = [
    "SessionPattern",
    "calendar_token_for",
    "calendar_token_revoke",
    "enrolment_create",
    "enrolment_invite",
    "enrolment_mark_completed",
    "enrolments_mark_completed",
    "enrolment_reopen_completed",
    "enrolment_transfer",
    "enrolment_withdraw",
    "notice_deliver",
    "notices_queue_change",
    "notices_queue_reminders",
    "notices_pending",
    "notices_stale_pending",
    "session_calendar_warnings",
    "session_cancel",
    "session_conflicts",
    "session_create",
    "session_delete",
    "session_reopen",
    "session_reschedule",
    "session_update",
    "sessions_generate",
    "sessions_renumber",
]
