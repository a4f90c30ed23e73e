"""Coordinators screen in the Wagtail admin; nobody else reaches it, and nothing changes."""

import pytest

from django.core import mail

from admissions import services
from admissions.models import Application, ApplicationNote, Quota, StatusEmail
from tests.admissions.factories import ApplicationFactory
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(intake):
    return ApplicationFactory(intake=intake)


def screens(intake, application):
    return [
        "/admin/admissions/",
        f"/admin/admissions/intake/{intake.pk}/",
        f"/admin/admissions/intake/{intake.pk}/enrol/",
        f"/admin/admissions/application/{application.pk}/",
        f"/admin/admissions/application/{application.pk}/letter/",
    ]


@pytest.mark.parametrize("role", ["anonymous", "learner", "other_learner", "facilitator"])
def test_nobody_but_coordinators_reaches_the_screens_and_nothing_changes(
    client, request, intake, application, role
):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    for url in screens(intake, application):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    posts = [
        (
            f"/admin/admissions/intake/{intake.pk}/status/",
            {"ids": [application.pk], "status": "accepted"},
        ),
        (f"/admin/admissions/intake/{intake.pk}/enrol/", {}),
        (f"/admin/admissions/application/{application.pk}/", {"text": "ลับ"}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code in (302, 403), url
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED
    assert not ApplicationNote.objects.exists()
    assert not StatusEmail.objects.exists()


def test_the_coordinator_sees_every_screen(client, coordinator, intake, application):
    client.force_login(coordinator)
    for url in screens(intake, application):
        assert client.get(url).status_code == 200, url
    letter = client.get(f"/admin/admissions/application/{application.pk}/letter/")
    assert b"".join(letter.streaming_content).startswith(b"%PDF")
    assert "no-store" in letter["Cache-Control"]


def test_the_listing_filters_by_region_province_kind_theme_and_flag(client, coordinator, intake):
    north = OrganisationFactory(province_id=_province("TH-50"), kind="town")
    in_north = ApplicationFactory(intake=intake, organisation=north, theme="disaster-management")
    in_khon_kaen = ApplicationFactory(intake=intake, same_person=True)
    client.force_login(coordinator)
    url = f"/admin/admissions/intake/{intake.pk}/"

    def listed(**query):
        return {row.pk for row in client.get(url, query).context["rows"]}

    assert listed(region="north") == {in_north.pk}
    assert listed(region="northeast") == {in_khon_kaen.pk}
    assert listed(province=_province("TH-50")) == {in_north.pk}
    assert listed(kind="town") == {in_north.pk}
    assert listed(theme="disaster-management") == {in_north.pk}
    assert listed(flagged="on") == {in_khon_kaen.pk}
    assert listed(status="accepted") == set()


def _province(code):
    from accounts.models import Province

    return Province.objects.get(code=code).pk


def test_the_listing_reads_a_fixed_number_of_queries(
    client, coordinator, intake, django_assert_max_num_queries
):
    ApplicationFactory.create_batch(3, intake=intake)
    client.force_login(coordinator)
    url = f"/admin/admissions/intake/{intake.pk}/"
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    ApplicationFactory.create_batch(12, intake=intake)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_bulk_accept_stops_at_the_places_and_emails_each_once(
    client, coordinator, intake, django_capture_on_commit_callbacks
):
    rows = ApplicationFactory.create_batch(5, intake=intake)  # 3 places
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/admissions/intake/{intake.pk}/status/",
            {"ids": [r.pk for r in rows], "status": "accepted"},
        )
    statuses = [Application.objects.get(pk=r.pk).status for r in rows]
    assert statuses == ["accepted"] * 3 + ["received"] * 2
    assert len(mail.outbox) == 3
    assert "ได้รับการคัดเลือก" in mail.outbox[0].body and "selected" in mail.outbox[0].body
    # Delivering the same ledger rows again sends nothing more.
    for email in StatusEmail.objects.all():
        assert services.status_email_deliver(email_id=email.pk) is False
    assert len(mail.outbox) == 3


def test_shortlisting_is_a_working_state_and_emails_nobody(
    client, coordinator, intake, application, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/admissions/intake/{intake.pk}/status/",
            {"ids": [application.pk], "status": "shortlisted"},
        )
    application.refresh_from_db()
    assert application.status == "shortlisted"
    assert not mail.outbox


def test_a_quota_by_region_is_shown_and_kept(client, coordinator, intake):
    Quota.objects.create(intake=intake, dimension="region", value="northeast", places=1)
    first, second = ApplicationFactory.create_batch(2, intake=intake)  # both in Khon Kaen
    counts = services.applications_set_status(
        intake=intake, ids=[first.pk, second.pk], status="accepted"
    )
    assert counts["changed"] == 1 and counts["no_room"] == 1
    client.force_login(coordinator)
    fills = client.get(f"/admin/admissions/intake/{intake.pk}/").context["fills"]
    northeast = [f for f in fills if "ตะวันออกเฉียงเหนือ" in f.label or "Northeast" in f.label]
    assert northeast[0].accepted == 1 and northeast[0].full


def test_a_coordinator_adds_a_note(client, coordinator, application):
    client.force_login(coordinator)
    response = client.post(
        f"/admin/admissions/application/{application.pk}/", {"text": "โทรยืนยันแล้ว"}
    )
    assert response.status_code == 302
    note = ApplicationNote.objects.get()
    assert note.author == coordinator and note.application == application


def test_the_report_counts_by_status_and_gives_the_acceptance_rate(client, coordinator, intake):
    ApplicationFactory(intake=intake, status="accepted")
    ApplicationFactory(intake=intake, status="declined")
    ApplicationFactory(intake=intake, status="received")
    client.force_login(coordinator)
    report = client.get(f"/admin/admissions/intake/{intake.pk}/").context["report"]
    assert report["total"] == 3
    assert report["acceptance_rate"] == 50
