"""A person's vCard and photo, and the cohort's printable directory book."""

import io

import pytest
import vobject
from pypdf import PdfReader

from accounts.consent import Purpose, consent_record
from tests.alumni.conftest import listed
from tests.factories import CohortFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db


def _card(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vcard")
    return vobject.readOne(response.content.decode())


def test_anonymous_is_sent_to_log_in(client, mayor, cohort):
    for url in (
        f"/directory/people/{mayor.pk}.vcf",
        f"/directory/people/{mayor.pk}/photo/",
        "/directory/cohort-test/book.pdf",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_learner_saves_a_cohort_mates_card(client, learner, mayor):
    client.force_login(learner)
    card = _card(client.get(f"/directory/people/{mayor.pk}.vcf"))
    assert card.fn.value == "นายพงศ์ศักดิ์ ยิ่งชนม์เจริญ"
    assert card.tel.value == "0811234567" and card.email.value == mayor.email
    assert card.org.value == ["เทศบาลนครยะลา"]
    assert card.contents["x-line-id"][0].value == "yala.mayor"


def test_the_card_leaves_out_what_was_withdrawn(client, learner, mayor):
    consent_record(user=mayor, decisions={Purpose.DIRECTORY_PHONE: False})
    client.force_login(learner)
    card = _card(client.get(f"/directory/people/{mayor.pk}.vcf"))
    assert "tel" not in card.contents and card.email.value == mayor.email


def test_commas_and_semicolons_in_a_card_are_escaped(client, learner, mayor):
    mayor.position = "นายกเทศมนตรี; ประธาน, กรรมการ"
    mayor.save()
    client.force_login(learner)
    response = client.get(f"/directory/people/{mayor.pk}.vcf")
    assert "TITLE:นายกเทศมนตรี\\; ประธาน\\, กรรมการ" in response.content.decode()
    assert _card(response).title.value == "นายกเทศมนตรี; ประธาน, กรรมการ"


def test_nobody_outside_the_cohort_gets_the_card_or_photo(client, mayor, stranger):
    outsider = EnrolmentFactory(cohort=CohortFactory()).user
    client.force_login(outsider)
    assert client.get(f"/directory/people/{mayor.pk}.vcf").status_code == 404
    assert client.get(f"/directory/people/{mayor.pk}/photo/").status_code == 404
    client.force_login(stranger)
    assert client.get(f"/directory/people/{mayor.pk}.vcf").status_code == 403


def test_the_photo_is_served_only_with_consent(client, learner, mayor):
    client.force_login(learner)
    response = client.get(f"/directory/people/{mayor.pk}/photo/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    consent_record(user=mayor, decisions={Purpose.DIRECTORY_PHOTO: False})
    assert client.get(f"/directory/people/{mayor.pk}/photo/").status_code == 404


def _text(response) -> str:
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "".join(page.extract_text() for page in reader.pages)


def test_the_book_shows_the_cohort_with_contacts_where_consented(
    client, learner, mayor, other_learner
):
    other_learner.phone = "0899999999"
    other_learner.save()
    listed(other_learner)  # listed, their phone not shared
    client.force_login(learner)
    response = client.get("/directory/cohort-test/book.pdf")
    text = _text(response)
    assert "ทำเนียบรุ่น" in text and "ยิ่งชนม์เจริญ" in text and "0811234567" in text
    assert other_learner.last_name in text and "0899999999" not in text


def test_withdrawing_the_phone_removes_it_from_the_book_at_once(client, learner, mayor):
    consent_record(user=mayor, decisions={Purpose.DIRECTORY_PHONE: False})
    client.force_login(learner)
    text = _text(client.get("/directory/cohort-test/book.pdf"))
    assert "ยิ่งชนม์เจริญ" in text and "0811234567" not in text


def test_another_cohorts_learner_cannot_print_the_book(client, mayor):
    outsider = EnrolmentFactory(cohort=CohortFactory()).user
    client.force_login(outsider)
    assert client.get("/directory/cohort-test/book.pdf").status_code == 403


@pytest.mark.parametrize("role", ["facilitator", "coordinator"])
def test_staff_of_the_cohort_print_the_book(client, request, team, mayor, role):
    person = request.getfixturevalue(role)
    team.advisor = person
    team.save()
    client.force_login(person)
    assert "ยิ่งชนม์เจริญ" in _text(client.get("/directory/cohort-test/book.pdf"))


def test_printing_the_book_is_in_the_personal_data_access_log(client, learner, mayor):
    from rights.models import AccessLogEntry

    client.force_login(learner)
    assert client.get("/directory/cohort-test/book.pdf").status_code == 200
    (entry,) = AccessLogEntry.objects.filter(action="print")
    assert entry.actor == learner and "cohort-test" in entry.path
