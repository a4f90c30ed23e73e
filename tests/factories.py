"""factory_boy factories shared by the whole suite."""

import datetime as dt
from zoneinfo import ZoneInfo

import factory
from allauth.account.models import EmailAddress

from django.contrib.auth.models import Group

from accounts.models import Organisation, Province, User
from cohorts.models import Cohort, Enrolment, Session, Team, Venue

BANGKOK = ZoneInfo("Asia/Bangkok")


def bangkok_morning(days_from_today: int) -> dt.datetime:
    """09:00 in Bangkok, that many days from today (negative: in the past).

    A session starting at "now" and lasting 7 hours crosses midnight when a
    test runs in the evening, and then counts as two session days; tests that
    mean a one-day session start it in the morning instead.
    """
    day = dt.datetime.now(BANGKOK).date() + dt.timedelta(days=days_from_today)
    return dt.datetime.combine(day, dt.time(9, 0), tzinfo=BANGKOK)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_th = factory.Sequence(lambda n: f"เทศบาลตำบลทดสอบ{n}")
    name_en = factory.Sequence(lambda n: f"Test Subdistrict Municipality {n}")
    kind = Organisation.Kind.SUBDISTRICT_MUNICIPALITY
    province = factory.LazyFunction(lambda: Province.objects.get(code="TH-40"))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    title_prefix = "นาย"
    title_prefix_en = "Mr"
    first_name = factory.Sequence(lambda n: f"สมชาย{n}")
    last_name = "ใจดี"
    first_name_en = factory.Sequence(lambda n: f"Somchai{n}")
    last_name_en = "Jaidee"
    position = "นายกเทศมนตรี"
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name_th = factory.Sequence(lambda n: f"ห้องประชุม {n}")
    name_en = factory.Sequence(lambda n: f"Meeting room {n}")
    province = factory.LazyFunction(lambda: Province.objects.get(code="TH-40"))


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    number = factory.Sequence(lambda n: 100 + n)
    slug = factory.LazyAttribute(lambda o: f"cohort-{o.number}")
    title_th = factory.LazyAttribute(lambda o: f"พมส. รุ่นที่ {o.number}")
    starts_on = dt.date(2026, 6, 1)
    ends_on = dt.date(2027, 5, 31)
    status = Cohort.Status.RUNNING


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    cohort = factory.SubFactory(CohortFactory)
    name = factory.Sequence(lambda n: f"ทีม {n}")
    organisation = factory.SubFactory(OrganisationFactory)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    cohort = factory.SubFactory(CohortFactory)
    number = factory.Sequence(lambda n: n + 1)
    title_th = factory.Sequence(lambda n: f"การประชุมครั้งที่ {n + 1}")
    starts_at = dt.datetime(2026, 12, 8, 9, 0, tzinfo=BANGKOK)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=7))
    venue = factory.SubFactory(VenueFactory)


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    cohort = factory.SubFactory(CohortFactory)
    user = factory.SubFactory(UserFactory, roles=["Learner"])
    position_snapshot = factory.LazyAttribute(lambda o: o.user.position)
    organisation_snapshot = factory.LazyAttribute(lambda o: o.user.organisation)
    organisation_name_snapshot = factory.LazyAttribute(
        lambda o: o.user.organisation.name_th if o.user.organisation else ""
    )
