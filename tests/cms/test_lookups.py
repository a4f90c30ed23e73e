"""The cached Site, Locale and view-restriction lookups (cms/lookups.py) never serve a stale
page: each edit that changes them is seen by the next uncached render."""

import pytest

from wagtail.models import Page, PageViewRestriction, Site

from cms.lookups import restricted_paths

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(client):
    from importlib import import_module

    from core.demo import DemoContext

    ctx = DemoContext()
    for step in ("accounts.demo", "cms.demo", "curriculum.demo"):
        import_module(step).seed(ctx)
    assert client.get("/news/khon-kaen-bcg-visit/").status_code == 200  # lookups cached
    return Page.objects.get(
        url_path__endswith="/news/khon-kaen-bcg-visit/", locale__language_code="th"
    )


def test_a_page_made_private_asks_for_its_password_at_the_next_visit(client, news):
    PageViewRestriction.objects.create(
        page=news, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    response = client.get("/news/khon-kaen-bcg-visit/")

    assert response.status_code == 200
    assert b'name="password"' in response.content
    assert news.path in restricted_paths()


def test_a_site_whose_root_moves_serves_the_new_root_at_once(client, news):
    site = Site.objects.get(is_default_site=True)
    site.root_page = news
    site.save()

    response = client.get("/")

    assert news.title in response.content.decode()


def test_a_private_news_item_is_listed_nowhere_public(client, news):
    """Made private (login or password), its title and intro leave the news index and the
    home page's latest news at the next uncached render (the index listed it)."""
    PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.LOGIN)

    for address in ("/news/", "/"):
        page = client.get(address).content.decode()
        assert news.title not in page and news.url not in page, address
