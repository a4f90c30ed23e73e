"""Consent: append-only decisions, the one selector, and the /me/privacy/ page."""

import pytest

from accounts.consent import (
    Purpose,
    consent_history,
    consent_record,
    consented_purposes,
    has_consented,
)
from accounts.models import Consent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_no_decision_means_no_consent(learner):
    assert not has_consented(learner, Purpose.DIRECTORY_PHONE)
    assert consented_purposes([learner.pk]) == {learner.pk: set()}


def test_withdrawing_takes_effect_at_once_and_keeps_the_history(learner):
    consent_record(user=learner, decisions={Purpose.DIRECTORY_PHONE: True})
    assert has_consented(learner, Purpose.DIRECTORY_PHONE)
    consent_record(user=learner, decisions={Purpose.DIRECTORY_PHONE: False})
    assert not has_consented(learner, Purpose.DIRECTORY_PHONE)
    history = consent_history(learner)
    assert [(c.purpose, c.given) for c in history] == [
        (Purpose.DIRECTORY_PHONE, False),
        (Purpose.DIRECTORY_PHONE, True),
    ]


def test_an_unchanged_decision_adds_no_row(learner):
    consent_record(user=learner, decisions={Purpose.DIRECTORY_EMAIL: True})
    added = consent_record(
        user=learner, decisions={Purpose.DIRECTORY_EMAIL: True, Purpose.DIRECTORY_LINE: False}
    )
    assert added == []
    assert Consent.objects.filter(user=learner).count() == 1


def test_an_unknown_purpose_is_refused_and_records_nothing(learner):
    with pytest.raises(ValueError, match="Unknown consent purposes"):
        consent_record(user=learner, decisions={"marketing": True})
    assert not Consent.objects.filter(user=learner).exists()


def test_one_persons_decision_is_not_another_persons(learner, other_learner):
    consent_record(user=learner, decisions={Purpose.LINE_NOTIFICATIONS: True})
    assert has_consented(learner, Purpose.LINE_NOTIFICATIONS)
    assert not has_consented(other_learner, Purpose.LINE_NOTIFICATIONS)


def test_a_listing_reads_everyones_consents_in_one_query(db, django_assert_num_queries):
    people = UserFactory.create_batch(12)
    for index, person in enumerate(people):
        consent_record(user=person, decisions={Purpose.DIRECTORY_PHONE: True})
        if index % 2:
            consent_record(user=person, decisions={Purpose.DIRECTORY_PHONE: False})
    with django_assert_num_queries(1):
        given = consented_purposes([p.pk for p in people])
    assert [Purpose.DIRECTORY_PHONE in given[p.pk] for p in people] == [True, False] * 6


# --- /me/privacy/ -------------------------------------------------------------


def test_anonymous_is_sent_to_log_in(client):
    response = client.get("/me/privacy/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ["learner", "other_learner", "facilitator", "coordinator"])
def test_everyone_signed_in_manages_their_own_consents(client, request, role):
    person = request.getfixturevalue(role)
    client.force_login(person)
    assert client.get("/me/privacy/").status_code == 200
    response = client.post("/me/privacy/", {Purpose.DIRECTORY_EMAIL: "on"})
    assert response.status_code == 302
    assert consented_purposes([person.pk])[person.pk] == {Purpose.DIRECTORY_EMAIL}


def test_unticking_withdraws_and_the_page_shows_the_history(client, learner, other_learner):
    consent_record(user=other_learner, decisions={Purpose.DIRECTORY_PHONE: True})
    client.force_login(learner)
    client.post("/me/privacy/", {Purpose.DIRECTORY_PHONE: "on", Purpose.DIRECTORY_LINE: "on"})
    client.post("/me/privacy/", {Purpose.DIRECTORY_LINE: "on"})
    assert consented_purposes([learner.pk])[learner.pk] == {Purpose.DIRECTORY_LINE}
    assert has_consented(other_learner, Purpose.DIRECTORY_PHONE)  # theirs untouched
    page = client.get("/me/privacy/").content.decode()
    assert page.count("<tr><td>") == 3  # given phone, given LINE, withdrawn phone


def test_the_profile_links_to_the_privacy_page(client, learner):
    client.force_login(learner)
    assert 'href="/me/privacy/"' in client.get("/me/profile/").content.decode()
