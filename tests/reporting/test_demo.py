"""seed_demo's reporting: the observer account, the impact page in both languages, figures."""

import pytest

from reporting.demo import OBSERVER_EMAIL
from reporting.models import ImpactPage, ImpactSnapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo_data):
    """The demo, seeded once for this module (tests/conftest.py)."""


def test_the_observer_logs_in_and_lands_on_the_dashboard(client, seeded):
    assert client.login(email=OBSERVER_EMAIL, password="pms-demo-2565")
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/admin/reporting/"
    html = response.content.decode()
    assert "/ 2000" in html and "/ 300" in html


def test_the_dashboard_shows_both_demo_cohorts(client, seeded):
    assert client.login(email="coordinator@example.org", password="pms-demo-2565")
    html = client.get("/admin/reporting/").content.decode()
    assert "พมส. รุ่นที่ 1" in html and "พมส. รุ่นที่ 2" in html


def test_the_impact_page_is_in_the_demo_site_in_thai_and_english(client, seeded):
    assert ImpactPage.objects.live().count() == 2
    assert ImpactSnapshot.objects.latest().figures["people"] > 0
    thai = client.get("/impact/")
    english = client.get("/en/impact/")
    assert thai.status_code == english.status_code == 200
    assert "ขอนแก่น" in thai.content.decode() and "Khon Kaen" in english.content.decode()


def test_seeding_reporting_again_changes_nothing(seeded):
    from cms.models import HomePage
    from core.demo import DemoContext
    from reporting import demo

    home = HomePage.objects.get(locale__language_code="th")
    before = (ImpactSnapshot.objects.count(), ImpactPage.objects.count())
    demo.seed(DemoContext(data={"home": home}))
    assert (ImpactSnapshot.objects.count(), ImpactPage.objects.count()) == before
