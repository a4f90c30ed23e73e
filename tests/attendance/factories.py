import datetime as dt

import factory

from django.utils import timezone

from attendance.models import AttendanceRecord, CompletionRule, Method, Status
from tests.factories import EnrolmentFactory, SessionFactory


def session_now(cohort, *, minutes_ago: int = 5, hours: int = 3, **kwargs):
    """A session that started a few minutes ago, so its check-in window is open."""
    starts_at = timezone.now() - dt.timedelta(minutes=minutes_ago)
    return SessionFactory(
        cohort=cohort, starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=hours), **kwargs
    )


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
