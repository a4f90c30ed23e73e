"""The demo: a privacy notice every demo account has accepted (so logging in still lands
on /me/), and consents some learners gave and some did not."""

import pytest

from django.core.management import call_command

from accounts.consent import Purpose, consented_purposes
from accounts.models import Consent, PrivacyAcceptance, User
from accounts.privacy import current_notice
from cohorts.models import Enrolment

pytestmark = pytest.mark.django_db


def test_every_demo_account_accepted_the_current_notice(demo_data):
    notice = current_notice()
    assert notice is not None and notice.body_en
    people = User.objects.filter(email__endswith="@example.org").count()
    assert PrivacyAcceptance.objects.filter(notice=notice).count() == people


@pytest.mark.parametrize(
    "email", ["learner@example.org", "graduate@example.org", "coordinator@example.org"]
)
def test_demo_people_land_on_me_after_logging_in(client, demo_data, email):
    response = client.post(
        "/accounts/login/", {"login": email, "password": "pms-demo-2565"}, follow=True
    )
    assert response.redirect_chain[-1][0] in ("/me/", "/admin/")
    assert "/me/privacy/accept/" not in [url for url, _status in response.redirect_chain]


def test_some_learners_share_contacts_and_some_do_not(demo_data):
    learners = Enrolment.objects.current().values_list("user_id", flat=True)
    given = consented_purposes(set(learners))
    phones = [Purpose.DIRECTORY_PHONE in purposes for purposes in given.values()]
    assert any(phones) and not all(phones)
    assert any(Purpose.DIRECTORY_PHOTO in purposes for purposes in given.values())


def test_the_demo_learner_finds_cohort_mates_and_prints_the_book(client, demo_data):
    client.force_login(User.objects.get(email="learner@example.org"))
    assert client.get("/directory/cohort-2/").status_code == 200
    response = client.get("/directory/cohort-2/book.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_seeding_again_adds_no_consent_or_acceptance(demo_data):
    before = Consent.objects.count(), PrivacyAcceptance.objects.count()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Consent.objects.count(), PrivacyAcceptance.objects.count()) == before
