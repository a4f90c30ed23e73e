import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(demo_data):
    """The demo site, seeded once for this module (tests/conftest.py)."""


def test_the_home_page_is_thai_at_the_root(client, site):
    page = client.get("/").content.decode()
    assert '<html lang="th">' in page
    assert "หลักสูตรประกาศนียบัตรนักพัฒนาเมืองระดับสูง" in page


def test_the_english_home_page_is_under_en(client, site):
    page = client.get("/en/").content.decode()
    assert '<html lang="en">' in page
    assert "Senior Urban Developer Certificate Programme" in page


def test_the_language_switcher_links_the_translations(client, site):
    thai = client.get("/").content.decode()
    assert 'href="/en/"' in thai
    english = client.get("/en/").content.decode()
    assert 'hreflang="th"' in english and 'href="/"' in english


def test_interface_strings_are_translated_to_thai(client, site):
    assert "เข้าสู่ระบบ" in client.get("/").content.decode()
    assert "Log in" in client.get("/en/").content.decode()


def test_static_assets_are_served_from_the_project(client, site):
    page = client.get("/").content.decode()
    assert "https://" not in "".join(
        line for line in page.splitlines() if "<script" in line or "stylesheet" in line
    )
