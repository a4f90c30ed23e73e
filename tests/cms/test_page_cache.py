"""Public page HTML cached per language for anonymous visitors, forgotten on publish."""

import pytest

from cms.page_cache import clear_page_cache
from tests.curriculum.factories import CourseModulePageFactory, publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings, redis_url):
    """The cache on, in Redis (as in production), starting empty."""
    settings.PAGE_CACHE_SECONDS = 300
    clear_page_cache()
    yield
    clear_page_cache()


@pytest.fixture
def module(site_tree):
    return CourseModulePageFactory(
        parent=site_tree["programme"], title="เศรษฐกิจหมุนเวียน", intro="ฉบับแรก"
    )


def test_the_second_anonymous_visit_is_answered_from_the_cache_without_queries(
    client, module, django_assert_num_queries
):
    first = client.get(module.url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(module.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_each_language_is_cached_apart(client, site_tree):
    thai = client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert client.get("/").content.decode() == thai
    assert client.get("/en/").content.decode() == english
    assert 'lang="th"' in thai and 'lang="en"' in english


def test_a_published_edit_shows_on_the_next_anonymous_visit(client, module):
    assert "ฉบับแรก" in client.get(module.url).content.decode()
    module.intro = "ฉบับแก้ไข"
    publish(module)
    response = client.get(module.url)
    assert response["X-Page-Cache"] == "miss"
    assert "ฉบับแก้ไข" in response.content.decode()


def test_an_unpublished_page_is_gone_at_once(client, module):
    client.get(module.url)
    module.unpublish()
    assert client.get(module.url).status_code == 404


def test_a_deleted_page_is_gone_at_once(client, module):
    url = module.url
    client.get(url)
    module.delete()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("who", ["learner", "other_learner", "facilitator", "coordinator"])
def test_signed_in_people_never_get_or_fill_the_cache(client, module, request, who):
    client.get(module.url)  # an anonymous visit filled it
    client.force_login(request.getfixturevalue(who))
    response = client.get(module.url)
    assert "X-Page-Cache" not in response
    assert "Log out" in response.content.decode() or "ออกจากระบบ" in response.content.decode()
    client.logout()
    client.cookies.clear()
    assert "ออกจากระบบ" not in client.get(module.url).content.decode()


def test_a_page_that_uses_the_csrf_token_is_not_stored(client, module):
    from django.middleware.csrf import get_token

    from wagtail import hooks

    def uses_token(page, request, args, kwargs):
        get_token(request)

    with hooks.register_temporarily("before_serve_page", uses_token):
        client.get(module.url)
        assert "X-Page-Cache" not in client.get(module.url)  # neither stored nor answered


def test_made_up_query_strings_are_not_cached(client, module):
    client.get(module.url, {"utm": "x"})
    assert "X-Page-Cache" not in client.get(module.url, {"utm": "x"})


def test_search_results_and_errors_are_not_cached(client, module):
    client.get("/search/", {"q": "หมุนเวียน"})
    assert "X-Page-Cache" not in client.get("/search/", {"q": "หมุนเวียน"})
    client.get("/programme/no-such-page/")
    assert "X-Page-Cache" not in client.get("/programme/no-such-page/")


@pytest.fixture
def cache_reads(monkeypatch):
    """The keys of every read from the cache (one list per round trip)."""
    from django.core.cache import cache

    reads: list[list[str]] = []
    get, get_many = cache.get, cache.get_many

    def one(key, *args, **kwargs):
        reads.append([key])
        return get(key, *args, **kwargs)

    def many(keys, *args, **kwargs):
        reads.append(list(keys))
        return get_many(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get", one)
    monkeypatch.setattr(cache, "get_many", many)
    return reads


def test_a_cached_page_is_answered_in_one_cache_round_trip(client, module, cache_reads):
    client.get(module.url)
    cache_reads.clear()
    assert client.get(module.url)["X-Page-Cache"] == "hit"
    assert len(cache_reads) == 1


@pytest.mark.parametrize(
    "path", ["/verify/", "/en/verify/", "/.well-known/jwks.json", "/credentials/issuer.json"]
)
def test_certificate_verification_paths_never_look_in_the_page_cache(client, path, cache_reads):
    """They are never pages, and employers open them at internet scale."""
    client.get(path)
    assert not [keys for keys in cache_reads if any("cms:page" in key for key in keys)]
