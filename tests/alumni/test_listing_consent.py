"""Nobody is in the directory without consenting to be listed (PDPA: a directory is an
optional use of personal data). Not the page, the cohort's page, the book, the vCard or the
photo, for any viewer, coordinators included; withdrawing takes them out at once."""

import io

import pytest
from pypdf import PdfReader

from accounts.consent import Purpose, consent_record
from tests.alumni.conftest import EVERYTHING, listed

pytestmark = pytest.mark.django_db

SURNAME = "ยิ่งชนม์เจริญ"  # the mayor of tests/alumni/conftest.py, who shares everything


def _seen_by(client, viewer, person) -> dict[str, bool]:
    """Where the viewer finds the person: each door of the directory."""
    client.force_login(viewer)
    book = client.get("/directory/cohort-test/book.pdf")
    assert book.status_code == 200
    book_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(book.content)).pages)
    return {
        "directory": SURNAME in client.get("/directory/").content.decode(),
        "cohort": SURNAME in client.get("/directory/cohort-test/").content.decode(),
        "book": SURNAME in book_text,
        "vcard": client.get(f"/directory/people/{person.pk}.vcf").status_code == 200,
        "photo": client.get(f"/directory/people/{person.pk}/photo/").status_code == 200,
    }


@pytest.mark.parametrize("viewer", ["learner", "coordinator"])
def test_someone_who_did_not_consent_to_be_listed_is_nowhere_in_the_directory(
    client, request, mayor, team, viewer
):
    person = request.getfixturevalue(viewer)
    listed(request.getfixturevalue("learner"))
    consent_record(user=mayor, decisions={Purpose.DIRECTORY_LISTED: False})
    assert set(_seen_by(client, person, mayor).values()) == {False}


def test_withdrawing_the_listing_takes_them_out_at_once_and_keeps_the_history(
    client, learner, mayor
):
    assert set(_seen_by(client, learner, mayor).values()) == {True}
    client.force_login(mayor)
    kept = {k: "on" for k in EVERYTHING if k != Purpose.DIRECTORY_LISTED}
    assert client.post("/me/privacy/", kept).status_code == 302  # unticks "list me" only
    assert set(_seen_by(client, learner, mayor).values()) == {False}
    decisions = mayor.consents.filter(purpose=Purpose.DIRECTORY_LISTED)
    assert [c.given for c in decisions] == [False, True]  # newest first, append-only
    client.force_login(mayor)
    client.post("/me/privacy/", {**kept, Purpose.DIRECTORY_LISTED: "on"})
    assert set(_seen_by(client, learner, mayor).values()) == {True}


def test_an_unlisted_learner_is_told_so_and_where_to_change_it(client, learner, mayor):
    client.force_login(learner)
    page = client.get("/directory/").content.decode()
    assert 'id="not-listed"' in page and 'href="/me/privacy/"' in page
    listed(learner)
    assert 'id="not-listed"' not in client.get("/directory/").content.decode()


def test_staff_who_are_not_enrolled_are_not_told_they_are_unlisted(client, coordinator, mayor):
    client.force_login(coordinator)
    assert 'id="not-listed"' not in client.get("/directory/").content.decode()


def test_my_privacy_page_offers_being_listed_first(client, learner):
    client.force_login(learner)
    page = client.get("/me/privacy/").content.decode()
    assert 'name="directory-listed"' in page
    assert page.index('name="directory-listed"') < page.index('name="directory-photo"')
    assert "ชื่อ" in page  # the choice says, in Thai, what being listed shows
