"""Applying without an account: the form, the letter, the receipt, the abuse cases."""

import pytest

from django.core import mail

from admissions import views
from admissions.models import Application, StatusEmail
from tests.admissions.conftest import letter, payload
from tests.admissions.factories import ApplicationFactory, IntakeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counters(redis_url):
    """Rate-limit counters live in Redis across tests: start each from zero."""
    from core import redis as core_redis

    client = core_redis.client()
    for key in client.scan_iter(core_redis.key("admissions:*")):
        client.delete(key)


def apply_url(intake, prefix=""):
    return f"{prefix}/apply/{intake.pk}/"


def send(client, intake, data, file=None, prefix=""):
    body = dict(data)
    if file is not None:
        body["letter"] = file
    return client.post(apply_url(intake, prefix), body)


@pytest.mark.parametrize("role", ["anonymous", "learner", "facilitator", "coordinator"])
def test_everyone_sees_the_form_in_thai(client, request, intake, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(apply_url(intake))
    assert response.status_code == 200
    assert "ส่งใบสมัคร" in response.content.decode()


def test_the_form_is_in_english_under_en(client, intake):
    response = client.get(apply_url(intake, "/en"))
    assert "Send my application" in response.content.decode()


def test_a_mayor_applies_and_gets_a_reference_by_email(
    client, intake, municipality, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, intake, payload(municipality), letter())
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.title_prefix == "รศ.ดร."
    assert application.organisation == municipality
    assert application.privacy_version
    assert application.letter_name == "หนังสือเสนอชื่อ.pdf"
    assert application.letter.read().startswith(b"%PDF")
    page = client.get(response["Location"]).content.decode()
    assert application.reference in page
    [message] = mail.outbox
    assert application.reference in message.subject
    body = message.body
    assert body.index("รหัสอ้างอิง") < body.index("reference code")
    assert message.alternatives[0][0].count(application.reference) >= 2
    assert StatusEmail.objects.get().state == "sent"


def test_a_typed_organisation_is_accepted_when_it_is_not_in_the_registry(
    client, intake, municipality
):
    data = payload(municipality, organisation="", organisation_name="อบต.บ้านใหม่")
    response = send(client, intake, data, letter())
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.organisation is None
    assert application.organisation_name == "อบต.บ้านใหม่"


def test_no_organisation_at_all_is_refused_with_a_clear_message(client, intake, municipality):
    data = payload(municipality, organisation="", organisation_name="")
    response = send(client, intake, data, letter())
    assert response.status_code == 400
    assert "เลือกหน่วยงานของท่านจากรายการ" in response.content.decode()
    assert not Application.objects.exists()


def test_a_malformed_letter_is_refused_and_everything_typed_is_kept(client, intake, municipality):
    bad = letter("letter.pdf", b"%PDF-1.4 this is not really a pdf")
    response = send(client, intake, payload(municipality), bad, prefix="/en")
    assert response.status_code == 400
    page = response.content.decode()
    assert "damaged or incomplete" in page
    assert 'value="Somsak"' in page and "พัฒนาระบบสุขภาพของเมือง" in page
    assert not Application.objects.exists()


def test_a_program_named_pdf_is_refused_by_its_content(client, intake, municipality):
    response = send(
        client, intake, payload(municipality), letter("letter.pdf", b"MZ\x90\x00" * 100)
    )
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_a_letter_over_the_size_limit_is_refused(client, intake, municipality, monkeypatch):
    monkeypatch.setattr(views, "LETTER_MAX_BYTES", 1024)
    big = letter("big.pdf", b"%PDF" + b"\n" * 4096)
    response = send(client, intake, payload(municipality), big, prefix="/en")
    assert response.status_code == 400
    assert "larger than the limit" in response.content.decode()
    assert not Application.objects.exists()


def test_a_good_letter_is_kept_when_another_field_was_wrong(client, intake, municipality):
    response = send(client, intake, payload(municipality, email="not-an-address"), letter())
    assert response.status_code == 400
    form = response.context["form"]
    token = form.data["letter_token"]
    assert token and form.kept_letter_name == "หนังสือเสนอชื่อ.pdf"
    again = send(client, intake, payload(municipality, letter_token=token))
    assert again.status_code == 302
    assert Application.objects.get().letter.read().startswith(b"%PDF")


def test_a_forged_letter_token_is_not_a_letter(client, intake, municipality):
    response = send(client, intake, payload(municipality, letter_token="forged:token"))
    assert response.status_code == 400
    assert response.context["form"].errors["letter"]
    assert not Application.objects.exists()


def test_no_consent_is_refused(client, intake, municipality):
    response = send(client, intake, payload(municipality, consent=None), letter())
    assert response.status_code == 400
    assert "consent" in response.context["form"].errors
    assert not Application.objects.exists()


def test_the_honeypot_refuses_a_bot_and_saves_nothing(client, intake, municipality):
    response = send(client, intake, payload(municipality, website="http://spam.example"), letter())
    assert response.status_code == 400
    assert response.context["refused"]
    assert not Application.objects.exists()
    assert not mail.outbox


def test_a_burst_of_submissions_from_one_address_is_refused(
    client, intake, municipality, monkeypatch
):
    monkeypatch.setattr(views, "APPLY_POSTS_PER_HOUR", 3)
    answers = [
        send(
            client, intake, payload(municipality, email=f"spam{i}@example.org"), letter()
        ).status_code
        for i in range(6)
    ]
    assert answers == [302, 302, 302, 429, 429, 429]
    assert Application.objects.count() == 3
    refused = send(client, intake, payload(municipality, first_name_en="Kept"), letter(), "/en")
    assert refused.status_code == 429
    assert "Too many applications" in refused.content.decode()
    assert 'value="Kept"' in refused.content.decode()


def test_another_address_is_not_limited_by_the_first(client, intake, municipality, monkeypatch):
    monkeypatch.setattr(views, "APPLY_POSTS_PER_HOUR", 1)
    send(client, intake, payload(municipality, email="a@example.org"), letter())
    response = client.post(
        apply_url(intake),
        {**payload(municipality, email="b@example.org"), "letter": letter()},
        REMOTE_ADDR="10.9.9.9",
    )
    assert response.status_code == 302


def test_a_closed_intake_takes_no_application(client, municipality):
    from django.utils import timezone

    closed = IntakeFactory(
        opens_at=timezone.now() - timezone.timedelta(days=30),
        closes_at=timezone.now() - timezone.timedelta(days=1),
        next_expected_th="มีนาคม 2570",
    )
    assert "มีนาคม 2570" in client.get(apply_url(closed)).content.decode()
    send(client, closed, payload(municipality), letter())
    assert not Application.objects.exists()


def test_the_same_person_applying_twice_is_flagged_not_refused(client, intake, municipality):
    first = ApplicationFactory(intake=intake, email="mayor@khonkaen.example")
    response = send(client, intake, payload(municipality), letter())
    assert response.status_code == 302
    second = Application.objects.exclude(pk=first.pk).get()
    first.refresh_from_db()
    assert second.same_person and first.same_person


def test_a_second_applicant_of_the_same_organisation_is_flagged(client, intake, municipality):
    first = ApplicationFactory(intake=intake, organisation=municipality)
    send(client, intake, payload(municipality), letter())
    second = Application.objects.exclude(pk=first.pk).get()
    first.refresh_from_db()
    assert second.same_organisation and first.same_organisation
    assert not second.same_person


def test_an_unknown_intake_is_404(client):
    assert client.get("/apply/999999/").status_code == 404


def test_a_name_with_characters_no_name_has_is_refused_on_the_form(client, intake, municipality):
    response = send(client, intake, payload(municipality, first_name="=HYPERLINK(1)"), letter())
    assert response.status_code == 400
    assert "first_name" in response.context["form"].errors
    assert not Application.objects.exists()
