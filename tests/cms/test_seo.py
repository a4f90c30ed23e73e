"""Meta description, OpenGraph, canonical and hreflang; sitemap.xml; 404 and 500 pages."""

import re

import pytest
import wagtail_factories

from django.template.loader import render_to_string

from tests.curriculum.factories import CourseModulePageFactory, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(site_tree):
    page = CourseModulePageFactory(
        parent=site_tree["programme"],
        slug="smart-health",
        title="เมืองสุขภาวะ",
        intro="ระบบสุขภาพของเมือง",
    )
    translate(page, title="Healthy cities", intro="The city's health system")
    return page


def test_pages_carry_description_opengraph_and_canonical(client, module):
    html = client.get(module.url).content.decode()
    assert '<meta name="description" content="ระบบสุขภาพของเมือง">' in html
    assert '<meta property="og:title" content="เมืองสุขภาวะ">' in html
    assert '<meta property="og:locale" content="th_TH">' in html
    assert '<link rel="canonical" href="http://localhost/programme/smart-health/">' in html


def test_pages_link_their_translations_with_hreflang(client, module):
    html = client.get("/en/programme/smart-health/").content.decode()
    assert (
        '<link rel="alternate" hreflang="th" href="http://localhost/programme/smart-health/">'
        in html
    )
    assert (
        '<link rel="alternate" hreflang="en" href="http://localhost/en/programme/smart-health/">'
        in html
    )
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://localhost/programme/smart-health/">'
        in html
    )


def test_the_sitemap_lists_both_languages_with_alternates(client, module):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/programme/smart-health/</loc>" in xml
    assert "<loc>http://localhost/en/programme/smart-health/</loc>" in xml
    assert (
        '<xhtml:link rel="alternate" hreflang="en" '
        'href="http://localhost/en/programme/smart-health/"/>'
    ) in xml


def test_the_sitemap_leaves_out_unpublished_pages(client, module):
    module.unpublish()
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/programme/smart-health/</loc>" not in xml


def test_a_missing_page_answers_404_in_thai_at_the_root(client, site_tree):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "ไม่พบหน้าที่ต้องการ" in response.content.decode()


def test_a_missing_page_answers_404_in_english_under_en(client, site_tree):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_500_page_speaks_both_languages_without_a_database():
    html = render_to_string("500.html")
    assert "ขออภัย" in html and "Sorry, something went wrong" in html


# One host, crawlers and sharing (issue #14 items 4 and 5).


def test_robots_txt_keeps_private_areas_out_and_names_the_sitemap(client, settings):
    settings.SITE_URL = "https://pms.example.org"
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: https://pms.example.org/sitemap.xml" in lines
    for path in ("/admin/", "/me/", "/search/", "/en/me/", "/en/search/"):
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines, "the public site itself stays open"


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("/img/favicon.svg")


def test_search_results_are_not_indexed(client, site_tree):
    html = client.get("/search/?q=เมือง").content.decode()
    assert '<meta name="robots" content="noindex">' in html


def test_a_page_without_a_picture_shares_the_programme_card(client, module):
    html = client.get(module.url).content.decode()
    assert '<meta property="og:image" content="http://localhost/static/img/share.png">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_the_shared_image_is_on_the_canonical_host_not_the_request_host(client, module):
    module.social_image = wagtail_factories.ImageFactory()
    module.save_revision().publish()
    html = client.get(module.url, HTTP_HOST="127.0.0.1").content.decode()
    image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert image.startswith("http://localhost/"), image


def test_titles_are_one_line_and_never_repeat_the_programme_name(client, site_tree):
    site_tree["programme_en"].title = "Senior Urban Developer Programme"
    site_tree["programme_en"].save_revision().publish()
    for path in (site_tree["programme_en"].url, "/accounts/login/", "/en/accounts/login/"):
        title = re.search(r"<title>(.*?)</title>", client.get(path).content.decode(), re.S)[1]
        assert "\n" not in title, (path, title)
        assert title.count("Senior Urban Developer Programme") <= 1, (path, title)
        assert title.count("นักพัฒนาเมืองระดับสูง") <= 1, (path, title)


def test_migrate_points_the_site_at_site_url_and_a_check_warns_when_they_differ(
    site_tree, settings
):
    from wagtail.models import Site

    from cms.site import check_site_matches_setting, site_sync_from_setting

    settings.SITE_URL = "https://pms.example.org"
    assert [w.id for w in check_site_matches_setting()] == ["cms.W001"]
    site_sync_from_setting()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "pms.example.org",
        443,
        "https://pms.example.org",
    )
    assert check_site_matches_setting() == []
