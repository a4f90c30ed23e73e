"""Attendance on the learner's session page and in /me/'s attention list."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.portal import AttentionItem
from attendance.days import current_day, day_window
from attendance.models import AttendanceRecord
from cohorts.models import Enrolment, Session


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
    """A session of my cohorts whose check-in is open now and where I have not checked in."""
    if not request.user.is_authenticated:
        return []
    now = timezone.now()
    sessions = Session.objects.filter(
        cohort__enrolments__user=request.user,
        cohort__enrolments__status__in=Enrolment.CURRENT_STATUSES,
        starts_at__lte=now + dt.timedelta(days=1),
        ends_at__gte=now - dt.timedelta(days=1),
    ).exclude(status=Session.Status.CANCELLED)
    done = set(
        AttendanceRecord.objects.filter(
            enrolment__user=request.user, session__in=sessions
        ).values_list("session_id", "day")
    )
    items = []
    for session in sessions.select_related("check_in_settings").distinct():
        day = current_day(session, now)
        if day is None or (session.pk, day) in done:
            continue
        label = _("Check-in is open: session %(number)s") % {"number": session.number}
        url = reverse("attendance:check_in_by_code")
        items.append(
            AttentionItem("check-in", label, url, when=day_window(session, day).closes_at, order=10)
        )
    return items
