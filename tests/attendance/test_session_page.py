"""Attendance on the learner's session page and "check-in open now" on /me/."""

import datetime as dt

import pytest

from django.utils import timezone

from attendance.services import attendance_check_in

pytestmark = pytest.mark.django_db


def test_while_check_in_is_open_the_session_page_shows_the_button(client, learner, session):
    client.force_login(learner)
    html = client.get(f"/me/sessions/{session.pk}/").content.decode()
    assert 'href="/attendance/check-in/"' in html


def test_after_checking_in_the_page_shows_my_record_not_the_button(client, learner, session):
    attendance_check_in(session=session, user=learner, day=timezone.localdate())
    client.force_login(learner)
    html = client.get(f"/me/sessions/{session.pk}/").content.decode()
    assert 'href="/attendance/check-in/"' not in html
    assert 'class="att att-' in html


def test_me_lists_check_in_open_now_first_linking_to_check_in(client, learner, session):
    client.force_login(learner)
    html = client.get("/me/").content.decode()
    assert 'data-kind="check-in"' in html
    assert html.index('data-kind="check-in"') < html.index('id="next-session"')


def test_check_in_is_not_listed_once_done_or_for_a_session_long_over(client, learner, session):
    attendance_check_in(session=session, user=learner, day=timezone.localdate())
    client.force_login(learner)
    assert 'data-kind="check-in"' not in client.get("/me/").content.decode()
    session.starts_at -= dt.timedelta(days=3)
    session.ends_at -= dt.timedelta(days=3)
    session.save()
    assert 'data-kind="check-in"' not in client.get("/me/").content.decode()


def test_other_cohort_learner_sees_no_check_in(client, outsider, session):
    client.force_login(outsider)
    assert 'data-kind="check-in"' not in client.get("/me/").content.decode()
    assert client.get(f"/me/sessions/{session.pk}/").status_code == 403
