"""Meta description, OpenGraph, canonical and hreflang; sitemap.xml; 404 and 500 pages."""

import pytest

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
