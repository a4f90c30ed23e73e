import datetime as dt

import factory

from django.utils import timezone

from attendance.models import AttendanceRecord, CompletionRule, Method, Status
from tests.factories import EnrolmentFactory, SessionFactory


def session_now(cohort, *, minutes_ago: int = 5, hours: int = 3, **kwargs):
    """A session that started a few minutes ago, so its check-in window is open.

    Near midnight in Bangkok it keeps its check-in window around now rather than its
    day: a session that would run over midnight after starting today runs to 00:30
    tomorrow (two session days; the first, today's, is open now); one that started
    yesterday and runs on past midnight starts at midnight instead (one day, today).
    """
    now = timezone.localtime()
    starts_at = now - dt.timedelta(minutes=minutes_ago)
    ends_at = starts_at + dt.timedelta(hours=hours)
    if starts_at.date() != ends_at.date():
        if starts_at < now < ends_at and now.date() == ends_at.date():
            starts_at = now.replace(hour=0, minute=0, second=0, microsecond=0)
        elif now.date() == starts_at.date():
            half_past = (now + dt.timedelta(days=1)).replace(hour=0, minute=30, second=0)
            ends_at = max(min(ends_at, half_past), now + dt.timedelta(minutes=30))
        else:
            ends_at = starts_at.replace(hour=23, minute=59, second=0, microsecond=0)
    return SessionFactory(cohort=cohort, starts_at=starts_at, ends_at=ends_at, **kwargs)


class AttendanceRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttendanceRecord

    enrolment = factory.SubFactory(EnrolmentFactory)
    session = factory.SubFactory(SessionFactory, cohort=factory.SelfAttribute("..enrolment.cohort"))
    day = factory.LazyAttribute(lambda o: timezone.localtime(o.session.starts_at).date())
    status = Status.PRESENT
    method = Method.MANUAL


class CompletionRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompletionRule
        django_get_or_create = ("cohort",)
