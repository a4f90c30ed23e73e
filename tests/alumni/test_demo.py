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


def test_most_learners_are_listed_in_the_directory_and_a_few_are_not(demo_data):
    learners = Enrolment.objects.current().values_list("user_id", flat=True)
    listed = [Purpose.DIRECTORY_LISTED in p for p in consented_purposes(set(learners)).values()]
    assert sum(listed) > len(listed) * 3 / 4 and not all(listed)
    for email in ("learner@example.org", "graduate@example.org"):
        assert (
            Purpose.DIRECTORY_LISTED
            in consented_purposes([User.objects.get(email=email).pk]).popitem()[1]
        )


def test_the_demo_learner_finds_cohort_mates_and_prints_the_book(client, demo_data):
    client.force_login(User.objects.get(email="learner@example.org"))
    page = client.get("/directory/cohort-2/")
    assert page.status_code == 200
    cohort = Enrolment.objects.current().filter(cohort__slug="cohort-2")
    listed = consented_purposes(set(cohort.values_list("user_id", flat=True)))
    count = sum(Purpose.DIRECTORY_LISTED in p for p in listed.values())
    assert 1 < count < cohort.count()
    assert page.context["page"].paginator.count == count
    response = client.get("/directory/cohort-2/book.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_seeding_again_adds_no_consent_or_acceptance(demo_data):
    before = Consent.objects.count(), PrivacyAcceptance.objects.count()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Consent.objects.count(), PrivacyAcceptance.objects.count()) == before


def test_seeding_a_database_from_before_the_listing_consent_lists_people_once(demo_data):
    Consent.objects.filter(purpose=Purpose.DIRECTORY_LISTED).delete()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Consent.objects.filter(purpose=Purpose.DIRECTORY_LISTED).count() > 0
    graduate = User.objects.get(email="graduate@example.org")
    assert Consent.objects.filter(user=graduate, purpose=Purpose.DIRECTORY_LISTED).count() == 1
