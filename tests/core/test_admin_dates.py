"""Every date our Wagtail admin shows is Buddhist Era in Thai and Gregorian in English (#13.4)."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from wagtail.users.models import UserProfile

from assignments.models import Extension
from core.dates import MONTHS_TH, MONTHS_TH_SHORT
from tests.assignments.factories import AssignmentFactory
from tests.factories import CohortFactory, SessionFactory, TeamFactory

pytestmark = pytest.mark.django_db
BANGKOK = ZoneInfo("Asia/Bangkok")
THAI_MONTH = "|".join(re.escape(m) for m in MONTHS_TH + MONTHS_TH_SHORT)
GREGORIAN_BESIDE_THAI_MONTH = re.compile(rf"(?:{THAI_MONTH})\s*20\d\d")


@pytest.fixture
def dated(db):
    cohort = CohortFactory(
        title_th="รุ่นทดสอบวันที่", starts_on=dt.date(2026, 7, 12), ends_on=dt.date(2026, 12, 18)
    )
    session = SessionFactory(
        cohort=cohort, starts_at=dt.datetime(2026, 7, 12, 9, 0, tzinfo=BANGKOK)
    )
    assignment = AssignmentFactory(
        cohort=cohort, due_at=dt.datetime(2026, 8, 20, 23, 59, tzinfo=BANGKOK)
    )
    Extension.objects.create(
        assignment=assignment,
        team=TeamFactory(cohort=cohort),
        due_at=dt.datetime(2026, 9, 3, 23, 59, tzinfo=BANGKOK),
        reason="น้ำท่วม",
    )
    return cohort, session


def screens(dated):
    cohort, session = dated
    return {
        "cohort list": ("/admin/cohorts/cohorts/", ["12 ก.ค. 2569", "18 ธ.ค. 2569"]),
        "cohort inspect": (
            f"/admin/cohorts/cohorts/inspect/{cohort.pk}/",
            ["12 กรกฎาคม 2569", "18 ธันวาคม 2569"],
        ),
        "session list": ("/admin/cohorts/sessions/", ["12 ก.ค. 2569 09:00 น."]),
        "session inspect": (f"/admin/cohorts/sessions/inspect/{session.pk}/", ["2569"]),
        "assignment list": ("/admin/assignments/", ["20 ส.ค. 2569 23:59 น."]),
        "extension list": ("/admin/assignment_extensions/", ["3 ก.ย. 2569 23:59 น."]),
    }


def test_thai_admin_shows_buddhist_era_dates(client, coordinator, dated):
    client.force_login(coordinator)
    for name, (url, expected) in screens(dated).items():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="th")
        assert response.status_code == 200, name
        html = response.content.decode()
        for text in expected:
            assert text in html, (name, text)
        assert not GREGORIAN_BESIDE_THAI_MONTH.search(html), (
            name,
            GREGORIAN_BESIDE_THAI_MONTH.search(html).group(),
        )


def test_english_admin_shows_gregorian_dates(client, coordinator, dated):
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(coordinator)
    cohort, _session = dated
    expected = {
        "/admin/cohorts/cohorts/": ["12 July 2026"],
        f"/admin/cohorts/cohorts/inspect/{cohort.pk}/": ["12 July 2026", "18 December 2026"],
        "/admin/assignment_extensions/": ["3 Sep 2026, 23:59"],
    }
    for url, texts in expected.items():
        html = client.get(url).content.decode()
        for text in texts:
            assert text in html, (url, text)
        assert "2569" not in html, url
