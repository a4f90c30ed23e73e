"""Search over the demo content: a fixed set of Thai and English queries, each with the
pages it must find (tests/cms/search_queries.py); prints recall."""

from importlib import import_module

import pytest

from wagtail.models import Locale

from cms.search.selectors import search_results
from core.demo import DemoContext
from tests.cms.search_queries import QUERIES

pytestmark = pytest.mark.django_db

PAGE_STEPS = ("accounts.demo", "cms.demo", "curriculum.demo")


@pytest.fixture
def demo_pages():
    ctx = DemoContext()
    for step in PAGE_STEPS:
        import_module(step).seed(ctx)


def test_every_query_finds_its_pages_and_recall_is_printed(demo_pages, capsys):
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    missed = []
    found = wanted = 0
    for language, query, slugs in QUERIES:
        got = {page.slug for page in search_results(query, locale=locales[language])}
        found += len(slugs & got)
        wanted += len(slugs)
        if not slugs <= got:
            missed.append((language, query, sorted(slugs - got)))
    with capsys.disabled():
        recall = f"{found}/{wanted} = {found / wanted:.0%}"
        print(f"\nsearch recall: {recall} over {len(QUERIES)} queries")  # noqa: T201
    assert len(QUERIES) >= 30
    assert missed == []
