"""Listing news with pictures costs the same queries for one item as for a full page."""

import datetime as dt

import pytest
import wagtail_factories

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.curriculum.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def _queries(client, path: str) -> int:
    client.get(path)  # renditions are made on the first visit
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", ["/news/", "/"])
def test_news_cards_with_pictures_add_no_query_per_item(client, site_tree, path):
    index = NewsIndexPageFactory(parent=site_tree["home"], slug="news")

    def add(day: int):
        NewsPageFactory(
            parent=index,
            title=f"ข่าววันที่ {day}",
            date=dt.date(2026, 1, day),
            social_image=wagtail_factories.ImageFactory(),
        )

    add(1)
    one = _queries(client, path)
    for day in range(2, 9):
        add(day)
    assert _queries(client, path) == one
