"""A Thai coordinator reads and picks dates in the Buddhist Era in every admin form (#13).

The date pickers of our admin forms show B.E. years in Thai (2569), Gregorian in English
(2026); what is typed or picked is saved as the right day: typing 2569 never saves the
year 2569 CE.
"""

import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

import pytest

from django.utils import translation

from wagtail.users.models import UserProfile

from assignments.models import Extension
from cohorts.models import PublicHoliday, Session
from core.admin_dates import shown_year_in_buddhist_era, typed_year_to_gregorian
from tests.admissions.factories import IntakeFactory
from tests.assignments.factories import AssignmentFactory
from tests.factories import CohortFactory, SessionFactory, TeamFactory

pytestmark = pytest.mark.django_db
BANGKOK = ZoneInfo("Asia/Bangkok")
PICKER = re.compile(r'init(?:Date|DateTime)Chooser\("([^"]+)", (\{.*?\})\);')


def pickers(html: str) -> dict[str, dict]:
    """The date pickers of a page: input id -> the picker's configuration."""
    return {field_id: json.loads(config) for field_id, config in PICKER.findall(html)}


def input_value(html: str, name: str) -> str:
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group()
    return re.search(r'value="([^"]*)"', tag).group(1)


@pytest.fixture
def world(db):
    cohort = CohortFactory(starts_on=dt.date(2026, 7, 12), ends_on=dt.date(2026, 12, 18))
    session = SessionFactory(
        cohort=cohort,
        number=1,
        starts_at=dt.datetime(2026, 12, 14, 9, 0, tzinfo=BANGKOK),
        ends_at=dt.datetime(2026, 12, 14, 16, 0, tzinfo=BANGKOK),
    )
    assignment = AssignmentFactory(
        cohort=cohort, due_at=dt.datetime(2026, 8, 20, 23, 59, tzinfo=BANGKOK)
    )
    extension = Extension.objects.create(
        assignment=assignment,
        team=TeamFactory(cohort=cohort),
        due_at=dt.datetime(2026, 9, 3, 23, 59, tzinfo=BANGKOK),
        reason="น้ำท่วม",
    )
    holiday = PublicHoliday.objects.get(date=dt.date(2026, 12, 10))
    intake = IntakeFactory()
    return {
        "cohort": cohort,
        "session": session,
        "assignment": assignment,
        "extension": extension,
        "holiday": holiday,
        "intake": intake,
    }


def forms_with_dates(world) -> dict[str, tuple[str, list[str]]]:
    """Every admin form with a date or date-time field: its URL and the fields."""
    w = world
    return {
        "session edit": (
            f"/admin/cohorts/sessions/edit/{w['session'].pk}/",
            ["starts_at", "ends_at"],
        ),
        "session add": ("/admin/cohorts/sessions/new/", ["starts_at", "ends_at"]),
        "generate sessions": (f"/admin/cohort-tools/{w['cohort'].pk}/generate/", ["first_day"]),
        "reschedule": (
            f"/admin/cohort-tools/session/{w['session'].pk}/reschedule/",
            ["starts_at", "ends_at"],
        ),
        "cohort edit": (f"/admin/cohorts/cohorts/edit/{w['cohort'].pk}/", ["starts_on", "ends_on"]),
        "holiday edit": (f"/admin/cohorts/holidays/edit/{w['holiday'].pk}/", ["date"]),
        "holiday add": ("/admin/cohorts/holidays/new/", ["date"]),
        "extension edit": (f"/admin/assignment_extensions/edit/{w['extension'].pk}/", ["due_at"]),
        "assignment edit": (f"/admin/assignments/edit/{w['assignment'].pk}/", ["due_at"]),
        "intake edit": (
            f"/admin/admissions/intakes/edit/{w['intake'].pk}/",
            ["opens_at", "closes_at"],
        ),
        "evaluation add": ("/admin/evaluation/new/", ["opens_at"]),
        "evaluations from a template": ("/admin/evaluations/copy/", ["opens_at"]),
        "material add": ("/admin/materials/new/", ["available_from"]),
        "announcement add": ("/admin/announcements/new/", ["pinned_until"]),
    }


def test_every_admin_date_picker_shows_buddhist_era_years_in_thai(client, coordinator, world):
    client.force_login(coordinator)
    for name, (url, fields) in forms_with_dates(world).items():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="th")
        assert response.status_code == 200, name
        html = response.content.decode()
        found = pickers(html)
        for field in fields:
            assert f"id_{field}" in found, (name, field, "no date picker")
            assert found[f"id_{field}"].get("yearOffset") == 543, (name, field)
        assert 'type="datetime-local"' not in html, name
        assert "date-time-chooser.js" in html, (name, "the picker's script is not loaded")
        assert "ปีเป็นพุทธศักราช" in html, name


def test_thai_form_shows_the_stored_day_in_buddhist_era(client, coordinator, world):
    client.force_login(coordinator)
    session, cohort = world["session"], world["cohort"]
    html = client.get(f"/admin/cohorts/sessions/edit/{session.pk}/").content.decode()
    assert input_value(html, "starts_at") == "2569-12-14 09:00"
    html = client.get(f"/admin/cohorts/cohorts/edit/{cohort.pk}/").content.decode()
    assert input_value(html, "starts_on") == "2569-07-12"


def test_english_form_shows_gregorian_years(client, coordinator, world):
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(coordinator)
    session = world["session"]
    html = client.get(f"/admin/cohorts/sessions/edit/{session.pk}/").content.decode()
    assert input_value(html, "starts_at") == "2026-12-14 09:00"
    assert "yearOffset" not in html
    assert "ปีเป็นพุทธศักราช" not in html


def _session_data(session, **changes):
    return {
        "cohort": session.cohort_id,
        "title_th": session.title_th,
        "kind": "classroom",
        "starts_at": "2569-12-15 09:00",
        "ends_at": "2569-12-15 16:00",
        "venue": session.venue_id or "",
        **changes,
    }


def test_typing_a_buddhist_era_year_saves_the_right_day(client, coordinator, world):
    client.force_login(coordinator)
    session = world["session"]
    response = client.post(f"/admin/cohorts/sessions/edit/{session.pk}/", _session_data(session))
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.starts_at == dt.datetime(2026, 12, 15, 9, 0, tzinfo=BANGKOK)
    assert session.ends_at == dt.datetime(2026, 12, 15, 16, 0, tzinfo=BANGKOK)


def test_a_gregorian_year_typed_on_the_thai_form_is_not_shifted(client, coordinator, world):
    client.force_login(coordinator)
    session = world["session"]
    data = _session_data(session, starts_at="2026-12-16 09:00", ends_at="2026-12-16 16:00")
    assert client.post(f"/admin/cohorts/sessions/edit/{session.pk}/", data).status_code == 302
    session.refresh_from_db()
    assert session.starts_at == dt.datetime(2026, 12, 16, 9, 0, tzinfo=BANGKOK)


def test_a_refused_form_shows_back_what_was_typed_in_buddhist_era(client, coordinator, world):
    client.force_login(coordinator)
    session = world["session"]
    data = _session_data(session, starts_at="2569-12-15 09:00", ends_at="2569-12-15 08:00")
    response = client.post(f"/admin/cohort-tools/session/{session.pk}/reschedule/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert input_value(html, "starts_at") == "2569-12-15 09:00"
    session.refresh_from_db()
    assert session.starts_at == dt.datetime(2026, 12, 14, 9, 0, tzinfo=BANGKOK)


def test_reschedule_and_holiday_forms_read_buddhist_era_years(client, coordinator, world):
    client.force_login(coordinator)
    session = world["session"]
    url = f"/admin/cohort-tools/session/{session.pk}/reschedule/"
    data = {"starts_at": "2570-03-01 09:00", "ends_at": "2570-03-01 16:00"}
    assert client.post(url, data).status_code == 302
    session.refresh_from_db()
    assert session.status == Session.Status.RESCHEDULED
    assert session.starts_at == dt.datetime(2027, 3, 1, 9, 0, tzinfo=BANGKOK)
    data = {"date": "2570-05-13", "name_th": "วันพืชมงคล", "name_en": "Royal Ploughing Ceremony"}
    assert client.post("/admin/cohorts/holidays/new/", data).status_code == 302
    assert PublicHoliday.objects.get(name_th="วันพืชมงคล", date__year=2027).date == dt.date(
        2027, 5, 13
    )


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("2569-12-12 09:00", "2026-12-12 09:00"),
        ("2569-12-12", "2026-12-12"),
        (" 2570-01-01", " 2027-01-01"),
        ("2026-12-12", "2026-12-12"),
        ("12/12/2569", "12/12/2569"),  # not our format: Django refuses it as it is
        ("", ""),
    ],
)
def test_typed_years_from_2400_are_read_as_buddhist_era(typed, stored):
    assert typed_year_to_gregorian(typed) == stored


def test_shown_years_are_buddhist_era_once():
    assert shown_year_in_buddhist_era("2026-12-12 09:00") == "2569-12-12 09:00"
    assert shown_year_in_buddhist_era("2569-12-12 09:00") == "2569-12-12 09:00"


def test_english_form_reads_a_buddhist_era_year_as_such(client, coordinator, world):
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(coordinator)
    session = world["session"]
    with translation.override("en"):
        response = client.post(
            f"/admin/cohorts/sessions/edit/{session.pk}/", _session_data(session)
        )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.starts_at.astimezone(BANGKOK).year == 2026
