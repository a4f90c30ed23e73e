"""The directory across cohorts: one's own cohorts' listed people; people of other cohorts
only while they also consent to the programme-wide directory, each contact field with its
own consent; coordinators see everyone listed. Per role: anonymous, learner, another
cohort's learner, facilitator, coordinator."""

import pytest

from accounts.consent import Purpose, consent_record
from tests.alumni.conftest import listed
from tests.factories import CohortFactory, EnrolmentFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db

SURNAME = "ยิ่งชนม์เจริญ"  # the mayor's, of the learner's cohort (tests/alumni/conftest.py)


@pytest.fixture
def outsider(db):
    """A learner of another cohort (รุ่น 2), with a phone they share in the directory."""
    cohort = CohortFactory(slug="cohort-two")
    user = UserFactory(roles=["Learner"], last_name="ต่างรุ่น", phone="0822222222")
    EnrolmentFactory(cohort=cohort, team=TeamFactory(cohort=cohort), user=user)
    consent_record(
        user=user, decisions={Purpose.DIRECTORY_LISTED: True, Purpose.DIRECTORY_PHONE: True}
    )
    return user


def _listed(client, user, **query) -> str:
    client.force_login(user)
    response = client.get("/directory/", query)
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_is_sent_to_log_in(client, mayor):
    response = client.get(f"/directory/people/{mayor.pk}.vcf")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_without_consent_another_cohort_stays_within_itself(client, learner, mayor, outsider):
    assert "ต่างรุ่น" not in _listed(client, learner)
    assert SURNAME not in _listed(client, outsider)
    assert client.get(f"/directory/people/{mayor.pk}.vcf").status_code == 404
    assert client.get("/directory/cohort-test/").status_code == 403


def test_with_consent_another_cohorts_learner_finds_them_with_consented_contacts(
    client, learner, mayor, outsider
):
    consent_record(user=outsider, decisions={Purpose.DIRECTORY_PROGRAMME: True})
    page = _listed(client, learner)
    assert "ต่างรุ่น" in page and "0822222222" in page  # listed, with the phone they share
    assert outsider.email not in page  # email not consented: not shown
    consent_record(user=mayor, decisions={Purpose.DIRECTORY_PROGRAMME: True})
    page = _listed(client, outsider)
    assert SURNAME in page and "0811234567" in page
    card = client.get(f"/directory/people/{mayor.pk}.vcf").content.decode()
    assert "0811234567" in card
    assert client.get(f"/directory/people/{mayor.pk}/photo/").status_code == 200
    # The other cohort's own page and printed book stay its own
    assert client.get("/directory/cohort-test/").status_code == 403
    assert client.get("/directory/cohort-test/book.pdf").status_code == 403


def test_withdrawing_takes_effect_at_once(client, learner, mayor, outsider):
    consent_record(user=mayor, decisions={Purpose.DIRECTORY_PROGRAMME: True})
    assert SURNAME in _listed(client, outsider)
    consent_record(user=mayor, decisions={Purpose.DIRECTORY_PROGRAMME: False})
    assert SURNAME not in _listed(client, outsider)
    assert client.get(f"/directory/people/{mayor.pk}.vcf").status_code == 404
    assert client.get(f"/directory/people/{mayor.pk}/photo/").status_code == 404
    assert SURNAME in _listed(client, learner)  # their own cohort still lists them


def test_only_the_consenting_enrolment_crosses_not_the_cohorts_other_people(
    client, learner, mayor, outsider
):
    listed(learner)
    consent_record(user=mayor, decisions={Purpose.DIRECTORY_PROGRAMME: True})
    page = _listed(client, outsider)
    assert SURNAME in page and learner.last_name not in page


def test_search_and_the_cohort_filter_work_across_cohorts(client, learner, mayor, outsider):
    consent_record(user=outsider, decisions={Purpose.DIRECTORY_PROGRAMME: True})
    other_cohort = outsider.enrolments.get().cohort
    assert "ต่างรุ่น" in _listed(client, learner, q="ต่างรุ่น")
    page = _listed(client, learner, cohort=other_cohort.pk)
    assert "ต่างรุ่น" in page and SURNAME not in page


def test_a_facilitator_sees_their_cohorts_and_the_consenting_others(
    client, facilitator, team, mayor, outsider
):
    team.advisor = facilitator
    team.save()
    page = _listed(client, facilitator)
    assert SURNAME in page and "ต่างรุ่น" not in page
    consent_record(user=outsider, decisions={Purpose.DIRECTORY_PROGRAMME: True})
    assert "ต่างรุ่น" in _listed(client, facilitator)


def test_a_coordinator_sees_everyone_listed_without_the_programme_consent(
    client, coordinator, mayor, outsider
):
    page = _listed(client, coordinator)
    assert SURNAME in page and "ต่างรุ่น" in page
    assert client.get(f"/directory/people/{outsider.pk}.vcf").status_code == 200


def test_programme_wide_consent_alone_does_not_list_a_person(client, learner, outsider):
    consent_record(
        user=outsider,
        decisions={Purpose.DIRECTORY_LISTED: False, Purpose.DIRECTORY_PROGRAMME: True},
    )
    assert "ต่างรุ่น" not in _listed(client, learner)
    assert client.get(f"/directory/people/{outsider.pk}.vcf").status_code == 404


def test_the_choice_is_offered_on_my_privacy_page_and_kept_in_the_history(client, learner):
    client.force_login(learner)
    page = client.get("/me/privacy/").content.decode()
    assert 'name="directory-programme"' in page
    client.post("/me/privacy/", {"directory-programme": "on"})
    client.post("/me/privacy/", {"directory-programme": ""})  # unticked
    decisions = list(learner.consents.filter(purpose=Purpose.DIRECTORY_PROGRAMME))
    assert [c.given for c in decisions] == [False, True]  # newest first, append-only
    assert 'href="/me/privacy/"' in client.get("/me/profile/").content.decode()
