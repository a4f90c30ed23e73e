"""Acceptance to enrolment, the waitlist, and the applicant's status page."""

import pytest

from django.core import mail

from accounts.models import User
from admissions import services
from admissions.models import Application
from cohorts.models import Enrolment, Team
from tests.admissions.factories import ApplicationFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_one_action_enrols_the_accepted_in_teams_by_municipality(
    client, coordinator, intake, municipality, django_capture_on_commit_callbacks
):
    a = ApplicationFactory(intake=intake, organisation=municipality, status="accepted")
    b = ApplicationFactory(intake=intake, organisation=municipality, status="accepted")
    typed = ApplicationFactory(
        intake=intake,
        organisation=None,
        organisation_name="อบต.บ้านใหม่",
        organisation_kind="sao",
        status="accepted",
    )
    waiting = ApplicationFactory(intake=intake, status="waitlisted")
    client.force_login(coordinator)
    page = client.get(f"/admin/admissions/intake/{intake.pk}/enrol/")
    assert [g["name"] for g in page.context["proposals"]] == ["อบต.บ้านใหม่", "เทศบาลนครขอนแก่น"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/admissions/intake/{intake.pk}/enrol/")
    enrolments = Enrolment.objects.filter(cohort=intake.cohort)
    assert enrolments.count() == 3
    assert not Enrolment.objects.filter(user__email=waiting.email).exists()
    same_team = {e.team_id for e in enrolments if e.user.email in (a.email, b.email)}
    assert len(same_team) == 1
    assert Team.objects.get(pk=same_team.pop()).organisation == municipality
    new_org = User.objects.get(email=typed.email).organisation
    assert new_org.name_th == "อบต.บ้านใหม่" and new_org.kind == "sao"
    invitations = [m for m in mail.outbox if "เชิญ" in m.subject]
    assert len(invitations) == 3
    # Pressing again enrols nobody twice.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/admissions/intake/{intake.pk}/enrol/")
    assert Enrolment.objects.filter(cohort=intake.cohort).count() == 3


def test_an_applicant_with_an_account_is_enrolled_not_duplicated(intake):
    person = UserFactory(email="known@example.org")
    ApplicationFactory(intake=intake, email="Known@Example.org", status="accepted")
    counts = services.applications_enrol(intake=intake)
    assert counts == {"new": 0, "existing": 1}
    assert User.objects.filter(email__iexact="known@example.org").count() == 1
    assert Enrolment.objects.get(cohort=intake.cohort).user == person


def test_the_invited_mayor_sets_a_password_and_lands_on_me_enrolled(
    client, intake, django_capture_on_commit_callbacks
):
    import re

    ApplicationFactory(intake=intake, email="mayor@example.org", status="accepted")
    with django_capture_on_commit_callbacks(execute=True):
        services.applications_enrol(intake=intake)
    [invitation] = mail.outbox
    link = re.search(r"https?://[^\s]+/password/reset/key/[^\s]+", invitation.body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)
    form_page = client.get(path, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else path,
        {"password1": "a-long-new-password-9", "password2": "a-long-new-password-9"},
    )
    assert response.status_code == 302
    assert client.login(email="mayor@example.org", password="a-long-new-password-9")
    me = client.get("/me/")
    assert me.status_code == 200
    assert intake.cohort.title_th in me.content.decode()


def test_an_accepted_applicant_who_declines_frees_the_place_for_the_waitlist(
    client, intake, django_capture_on_commit_callbacks
):
    intake.places = 1
    intake.save()
    accepted = ApplicationFactory(intake=intake, status="accepted")
    waiting = ApplicationFactory(intake=intake, status="waitlisted")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/apply/status/withdraw/", {"reference": accepted.reference, "email": accepted.email}
        )
    assert response.status_code == 200
    accepted.refresh_from_db()
    waiting.refresh_from_db()
    assert accepted.status == "withdrawn"
    assert waiting.status == "accepted"
    assert {m.to[0] for m in mail.outbox} == {accepted.email, waiting.email}


def test_the_status_page_needs_both_the_code_and_the_email(client, intake):
    application = ApplicationFactory(intake=intake, status="shortlisted")
    wrong = client.post(
        "/en/apply/status/", {"reference": application.reference, "email": "x@example.org"}
    )
    assert "No application matches" in wrong.content.decode()
    assert application.full_name_th not in wrong.content.decode()
    right = client.post(
        "/en/apply/status/",
        {"reference": application.reference.lower(), "email": application.email},
    )
    assert "Shortlisted" in right.content.decode()


def test_withdrawing_someone_elses_application_needs_their_email(client, intake):
    application = ApplicationFactory(intake=intake)
    response = client.post(
        "/apply/status/withdraw/", {"reference": application.reference, "email": "x@example.org"}
    )
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED


def test_status_lookups_are_rate_limited(client, intake, monkeypatch, redis_url):
    from admissions import views
    from core import redis as core_redis

    redis = core_redis.client()
    for key in redis.scan_iter(core_redis.key("admissions:*")):
        redis.delete(key)
    monkeypatch.setattr(views, "STATUS_LOOKUPS_PER_WINDOW", 2)
    answers = [
        client.post(
            "/apply/status/", {"reference": f"APP-GUESS{i}", "email": "a@example.org"}
        ).status_code
        for i in range(4)
    ]
    assert answers == [200, 200, 429, 429]


def test_the_home_page_card_shows_the_open_intake_and_its_apply_button(intake):
    from django.template.loader import render_to_string
    from django.utils import translation

    from admissions.selectors import intake_announcement

    with translation.override("th"):
        html = render_to_string("admissions/includes/intake_card.html", intake_announcement())
    assert f"/apply/{intake.pk}/" in html
    assert "สมัครเลย" in html


def test_a_closed_intake_says_when_the_next_is_expected(intake):
    from django.template.loader import render_to_string
    from django.utils import timezone, translation

    from admissions.selectors import intake_announcement

    intake.opens_at = timezone.now() - timezone.timedelta(days=40)
    intake.closes_at = timezone.now() - timezone.timedelta(days=10)
    intake.next_expected_th = "มีนาคม 2570"
    intake.save()
    with translation.override("th"):
        html = render_to_string("admissions/includes/intake_card.html", intake_announcement())
    assert "มีนาคม 2570" in html and "/apply/" not in html
