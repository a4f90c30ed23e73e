"""The directory (ทำเนียบรุ่น): who reads it, what it shows, search and filters."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.consent import Purpose, consent_record
from accounts.models import Organisation
from curriculum.themes import ResearchTheme
from tests.alumni.conftest import listed
from tests.factories import CohortFactory, EnrolmentFactory, TeamFactory

pytestmark = pytest.mark.django_db

URLS = ["/directory/", "/directory/cohort-test/"]


@pytest.mark.parametrize("url", URLS)
def test_anonymous_is_sent_to_log_in(client, cohort, url):
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("url", URLS)
def test_someone_of_no_cohort_is_refused(client, stranger, cohort, url):
    client.force_login(stranger)
    assert client.get(url).status_code == 403


def test_a_learner_finds_a_mayor_of_another_municipality_of_their_cohort(client, learner, mayor):
    client.force_login(learner)
    page = client.get("/directory/cohort-test/").content.decode()
    assert "นายพงศ์ศักดิ์ ยิ่งชนม์เจริญ" in page
    assert "เทศบาลนครยะลา" in page and "ยะลาเมืองสุขภาพดี" in page
    assert "0811234567" in page and "yala.mayor" in page and mayor.email in page
    assert f"/directory/people/{mayor.pk}/photo/" in page


def test_contacts_without_consent_are_not_shown(client, learner, mayor, other_learner):
    other_learner.phone = "0899999999"
    other_learner.line_id = "not.shared"
    other_learner.save()
    listed(other_learner)
    client.force_login(learner)
    page = client.get("/directory/").content.decode()
    assert other_learner.get_full_name() in page  # listed: name and work, no contacts
    assert "0899999999" not in page and "not.shared" not in page
    assert other_learner.email not in page
    assert f"/directory/people/{other_learner.pk}/photo/" not in page


def test_withdrawing_the_phone_removes_it_at_once(client, learner, mayor):
    consent_record(user=mayor, decisions={Purpose.DIRECTORY_PHONE: False})
    client.force_login(learner)
    page = client.get("/directory/cohort-test/").content.decode()
    assert "0811234567" not in page and "yala.mayor" in page


def test_another_cohorts_learner_reads_neither_the_page_nor_its_people(client, mayor):
    outsider = EnrolmentFactory(cohort=CohortFactory()).user
    client.force_login(outsider)
    assert client.get("/directory/cohort-test/").status_code == 403
    assert "ยิ่งชนม์เจริญ" not in client.get("/directory/").content.decode()


def test_withdrawn_learners_are_not_in_the_directory_and_cannot_open_it(client, learner, cohort):
    gone = EnrolmentFactory(cohort=cohort, status="withdrawn").user
    listed(gone)
    client.force_login(learner)
    assert gone.get_full_name() not in client.get("/directory/").content.decode()
    client.force_login(gone)
    assert client.get("/directory/").status_code == 403


def test_a_facilitator_reads_the_cohorts_they_teach_only(client, facilitator, team, mayor):
    client.force_login(facilitator)
    assert client.get("/directory/cohort-test/").status_code == 403
    team.advisor = facilitator
    team.save()
    page = client.get("/directory/cohort-test/").content.decode()
    assert "ยิ่งชนม์เจริญ" in page


def test_a_coordinator_reads_every_cohort(client, coordinator, mayor):
    other = EnrolmentFactory(cohort=CohortFactory(slug="cohort-other")).user
    listed(other)
    client.force_login(coordinator)
    page = client.get("/directory/").content.decode()
    assert "ยิ่งชนม์เจริญ" in page and other.get_full_name() in page
    assert client.get("/directory/cohort-other/").status_code == 200


def test_an_unknown_cohort_is_not_found(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/directory/no-such-cohort/").status_code == 404


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ({"q": "พงศ์ศักดิ์"}, True),
        ({"q": "pongsak"}, True),
        ({"q": "ยะลา"}, True),  # the organisation's name
        ({"q": "ไม่มีใครชื่อนี้"}, False),
        ({"region": "south"}, True),
        ({"region": "north"}, False),
        ({"kind": Organisation.Kind.CITY_MUNICIPALITY}, True),
        ({"kind": Organisation.Kind.SAO}, False),
        ({"theme": ResearchTheme.SMART_HEALTH}, True),
        ({"theme": ResearchTheme.DISASTER}, False),
        ({"theme": "not-a-theme"}, True),  # not a choice: ignored, everyone listed
    ],
)
def test_search_and_filters(client, learner, mayor, query, found):
    client.force_login(learner)
    page = client.get("/directory/", query).content.decode()
    assert ("ยิ่งชนม์เจริญ" in page) is found


def test_the_province_filter(client, learner, mayor):
    client.force_login(learner)
    yala = mayor.organisation.province
    assert "ยิ่งชนม์เจริญ" in client.get("/directory/", {"province": yala.pk}).content.decode()
    khon_kaen = learner.organisation.province
    listed(learner)
    page = client.get("/directory/", {"province": khon_kaen.pk}).content.decode()
    assert "ยิ่งชนม์เจริญ" not in page and learner.get_full_name() in page


def test_the_listing_reads_the_same_queries_for_few_and_many(client, learner, cohort):
    listed(learner)
    client.force_login(learner)
    client.get("/directory/")  # warm caches (content types, site)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/directory/").status_code == 200
    for index in range(25):
        person = EnrolmentFactory(cohort=cohort, team=TeamFactory(cohort=cohort)).user
        decisions = {Purpose.DIRECTORY_LISTED: True, Purpose.DIRECTORY_PHONE: index % 2 == 0}
        consent_record(user=person, decisions=decisions)
    with CaptureQueriesContext(connection) as many:
        page = client.get("/directory/").content.decode()
    assert page.count('class="card directory-entry"') == 25 + 1  # and the learner
    assert len(many) == len(few)
    assert len(many) <= 12


def test_me_links_to_the_directory(client, learner):
    client.force_login(learner)
    page = client.get("/me/").content.decode()
    assert 'href="/directory/"' in page and 'href="/directory/cohort-test/"' in page


def test_the_regions_cover_every_province(db):
    from accounts.models import Province
    from accounts.regions import REGION_OF

    assert {p.code for p in Province.objects.all()} == set(REGION_OF)
