"""Attendance on the learner's session page and in /me/'s attention list."""

import datetime as dt

from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.portal import AttentionItem
from attendance.days import current_day, day_window
from attendance.models import AttendanceRecord
from cohorts.selectors import portal_sessions

NEAR = dt.timedelta(days=1)


def attendance_section(request, session, enrolment) -> dict | None:
    """My records for this session, and the check-in button while check-in is open."""
    if enrolment is None:
        return None
    records = list(
        AttendanceRecord.objects.filter(enrolment=enrolment, session=session).order_by("day")
    )
    day = current_day(session) if enrolment.is_current and not session.is_cancelled else None
    can_check_in = day is not None and all(r.day != day for r in records)
    return {
        "template": "attendance/session_section.html",
        "records": records,
        "can_check_in": can_check_in,
        "closes_at": day_window(session, day).closes_at if day else None,
    }


def check_in_attention(request) -> list[AttentionItem]:
    """A session of my cohorts whose check-in is open now and where I have not checked in.
    Starts from the sessions /me/ reads once: no query unless one is on within a day."""
    now = timezone.now()
    near = [
        session
        for session in portal_sessions(request)
        if not session.is_cancelled
        and session.starts_at <= now + NEAR
        and session.ends_at >= now - NEAR
    ]
    if not near:
        return []
    prefetch_related_objects(near, "check_in_settings")
    done = set(
        AttendanceRecord.objects.filter(enrolment__user=request.user, session__in=near).values_list(
            "session_id", "day"
        )
    )
    items = []
    for session in near:
        day = current_day(session, now)
        if day is None or (session.pk, day) in done:
            continue
        label = _("Check-in is open: session %(number)s") % {"number": session.number}
        url = reverse("attendance:check_in_by_code")
        items.append(
            AttentionItem("check-in", label, url, when=day_window(session, day).closes_at, order=10)
        )
    return items
