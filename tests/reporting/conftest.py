"""A small programme: cohorts with learners from local governments in several provinces,
past sessions with attendance, teams with research themes, and the observer role."""

import pytest

from accounts.models import Organisation, Province
from attendance.models import AttendanceRecord, Method, Status
from cohorts.models import Enrolment
from reporting.roles import OBSERVER
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    OrganisationFactory,
    SessionFactory,
    TeamFactory,
    UserFactory,
    bangkok_morning,
)

K = Organisation.Kind
# (province code, kind): Khon Kaen twice, Chiang Mai, Songkhla, Bangkok, a university.
PLACES = [
    ("TH-40", K.CITY_MUNICIPALITY),
    ("TH-40", K.SAO),
    ("TH-50", K.TOWN_MUNICIPALITY),
    ("TH-90", K.SUBDISTRICT_MUNICIPALITY),
    ("TH-10", K.BANGKOK),
    ("TH-10", K.UNIVERSITY),
]


@pytest.fixture
def observer(db):
    return UserFactory(roles=[OBSERVER], title_prefix="นาง")


def make_cohort(number: int, *, learners_per_place: int = 2, sessions: int = 3):
    """A running cohort: a team per place with a theme, past sessions, attendance."""
    cohort = CohortFactory(number=number)
    provinces = {p.code: p for p in Province.objects.filter(code__in={c for c, _k in PLACES})}
    enrolments = []
    for index, (code, kind) in enumerate(PLACES):
        organisation = OrganisationFactory(kind=kind, province=provinces[code])
        team = TeamFactory(cohort=cohort, organisation=organisation, theme="smart-health"
                           if index % 2 else "disaster-management")  # fmt: skip
        for _n in range(learners_per_place):
            user = UserFactory(roles=["Learner"], organisation=organisation)
            enrolments.append(EnrolmentFactory(cohort=cohort, user=user, team=team))
    past = [
        SessionFactory(cohort=cohort, number=n + 1, starts_at=bangkok_morning(-30 + 7 * n))
        for n in range(sessions)
    ]
    records = [
        AttendanceRecord(
            enrolment=e, session=s, day=s.starts_at.date(), method=Method.MANUAL,
            status=Status.PRESENT if (i + j) % 4 else Status.ABSENT,
        )
        for i, s in enumerate(past)
        for j, e in enumerate(enrolments)
    ]  # fmt: skip
    AttendanceRecord.objects.bulk_create(records)
    return cohort, enrolments


@pytest.fixture
def programme(db):
    """Two cohorts of 12 learners each; one learner of the first certified, one withdrawn."""
    first, first_enrolments = make_cohort(1)
    second, second_enrolments = make_cohort(2)
    Enrolment.objects.filter(pk=first_enrolments[0].pk).update(status=Enrolment.Status.COMPLETED)
    Enrolment.objects.filter(pk=second_enrolments[-1].pk).update(status=Enrolment.Status.WITHDRAWN)
    return {"cohorts": [first, second], "enrolments": first_enrolments + second_enrolments}
