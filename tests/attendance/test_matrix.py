"""The cohort matrix: coordinators only, bounded queries for 300 learners by 20 sessions."""

import datetime as dt

import pytest

from django.urls import reverse
from django.utils import timezone

from attendance.models import AttendanceRecord, Method, Status
from cohorts.models import Enrolment, Session
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db


def big_cohort(learners=300, sessions=20):
    from accounts.models import User

    cohort = CohortFactory()
    start = timezone.now() - dt.timedelta(days=200)
    session_objs = Session.objects.bulk_create(
        Session(
            cohort=cohort,
            number=n,
            title_th=f"ครั้งที่ {n}",
            starts_at=start + dt.timedelta(days=7 * n),
            ends_at=start + dt.timedelta(days=7 * n, hours=6),
        )
        for n in range(1, sessions + 1)
    )
    users = User.objects.bulk_create(
        User(email=f"big{n}@example.org", first_name=f"ผู้เรียน{n}", last_name="ทดสอบ")
        for n in range(learners)
    )
    enrolments = Enrolment.objects.bulk_create(Enrolment(cohort=cohort, user=u) for u in users)
    statuses = ["present", "present", "present", "late", "absent", "excused"]
    AttendanceRecord.objects.bulk_create(
        AttendanceRecord(
            enrolment=e,
            session=s,
            day=timezone.localtime(s.starts_at).date(),
            status=statuses[(i + j) % 6],
            method=Method.IMPORT,
            excuse_reason="ลา" if statuses[(i + j) % 6] == "excused" else "",
        )
        for i, e in enumerate(enrolments)
        for j, s in enumerate(session_objs)
    )
    return cohort


def test_the_matrix_of_300_by_20_takes_a_bounded_number_of_queries(
    client, coordinator, django_assert_max_num_queries
):
    cohort = big_cohort()
    client.force_login(coordinator)
    client.get(reverse("attendance_admin:matrix", args=[cohort.pk]))  # caches warm, as in use
    with django_assert_max_num_queries(15):
        response = client.get(reverse("attendance_admin:matrix", args=[cohort.pk]))
    assert response.status_code == 200
    assert response.content.decode().count('class="att-flag-') == 300


def test_the_csv_of_300_by_20_takes_a_bounded_number_of_queries(
    client, coordinator, django_assert_max_num_queries
):
    cohort = big_cohort()
    client.force_login(coordinator)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("attendance_csv", args=[cohort.slug]))
    assert len(response.content.decode().splitlines()) == 302


def test_the_matrix_shows_standing_and_colours(client, coordinator, session, enrolment):
    AttendanceRecord.objects.create(
        enrolment=enrolment,
        session=session,
        day=timezone.localdate(),
        status=Status.LATE,
        method=Method.QR,
    )
    client.force_login(coordinator)
    page = client.get(reverse("attendance_admin:matrix", args=[session.cohort.pk])).content.decode()
    assert 'class="att att-late"' in page
    assert "att-standing-" in page


@pytest.mark.parametrize("who", ["learner", "facilitator"])
def test_only_coordinators_see_the_matrix(client, cohort, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("attendance_admin:matrix", args=[cohort.pk])).status_code in (
        302,
        403,
    )


def test_a_superuser_counts_as_coordinator(client, cohort):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(reverse("attendance_admin:matrix", args=[cohort.pk])).status_code == 200


def past_session(cohort, number, *, days_ago, **kwargs):
    from tests.factories import SessionFactory

    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    start -= dt.timedelta(days=days_ago)
    return SessionFactory(
        cohort=cohort,
        number=number,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        **kwargs,
    )


def test_the_matrix_marks_cancelled_sessions_and_says_what_its_figures_mean(
    client, coordinator, cohort, learner
):
    enrolment = Enrolment.objects.get(user=learner, cohort=cohort)
    held = past_session(cohort, 1, days_ago=20)
    past_session(cohort, 2, days_ago=13, status=Session.Status.CANCELLED)
    mandatory = past_session(cohort, 6, days_ago=6, is_mandatory=True)
    for session, status in ((held, Status.PRESENT), (mandatory, Status.ABSENT)):
        AttendanceRecord.objects.create(
            enrolment=enrolment,
            session=session,
            day=timezone.localtime(session.starts_at).date(),
            status=status,
            method=Method.MANUAL,
        )
    client.force_login(coordinator)
    page = client.get(reverse("attendance_admin:matrix", args=[cohort.pk])).content.decode()
    assert 'class="att-cancelled"' in page and "ยกเลิก" in page
    assert "เข้าร่วม / ที่ต้องเข้าร่วม" in page
    assert "เข้าร่วม 1 จากที่ต้องเข้าร่วม 2 ครั้ง" in page  # 80% of the 2 sessions held
    assert "ขาดครั้งบังคับ ครั้งที่ 6" in page
    assert "· ขาด" not in page


def test_leave_on_a_mandatory_session_is_not_shown_as_absence(client, coordinator, cohort, learner):
    enrolment = Enrolment.objects.get(user=learner, cohort=cohort)
    mandatory = past_session(cohort, 3, days_ago=6, is_mandatory=True)
    AttendanceRecord.objects.create(
        enrolment=enrolment,
        session=mandatory,
        day=timezone.localtime(mandatory.starts_at).date(),
        status=Status.EXCUSED,
        excuse_reason="ไปราชการ",
        method=Method.MANUAL,
    )
    client.force_login(coordinator)
    page = client.get(reverse("attendance_admin:matrix", args=[cohort.pk])).content.decode()
    assert "ลาในครั้งบังคับ" in page
    assert "ขาดครั้งบังคับ" not in page
