import datetime as dt

import factory

from django.utils import timezone

from attendance.models import AttendanceRecord, CompletionRule, Method, Status
from tests.factories import EnrolmentFactory, SessionFactory


def session_now(cohort, *, minutes_ago: int = 5, hours: int = 3, **kwargs):
    """A session that started a few minutes ago, so its check-in window is open.

    It keeps to one day in Bangkok: a session crossing midnight has two session
    days, which these tests do not mean. Running across midnight now, it starts
    at midnight; otherwise it ends at 23:59 of the day it starts.
    """
    now = timezone.localtime()
    starts_at = now - dt.timedelta(minutes=minutes_ago)
    ends_at = starts_at + dt.timedelta(hours=hours)
    if starts_at.date() != ends_at.date():
        if starts_at < now < ends_at and now.date() == ends_at.date():
            starts_at = now.replace(hour=0, minute=0, second=0, microsecond=0)
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
