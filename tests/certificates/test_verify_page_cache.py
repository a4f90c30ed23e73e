"""The verify page: cached whole for visitors with no session, made for everyone else.

A shared certificate link is opened by many people at once who have never logged
in: they all see the same page in their language, which is sent as stored. A
logged-in visitor, one with messages waiting, or one who came with a query string
gets a page of their own around the same cached verdict.
"""

import pytest

from certificates import services

pytestmark = pytest.mark.django_db


def _get(client, path, **extra):
    response = client.get(path, **extra)
    assert response.status_code == 200
    return response.content.decode()


def test_a_repeated_anonymous_visit_is_the_same_page_with_no_query(
    client, certificate, django_assert_num_queries
):
    first = _get(client, f"/en/verify/{certificate.short_code}/")
    assert "genuine and valid" in first
    assert "sessionid" not in client.cookies and "csrftoken" not in client.cookies
    with django_assert_num_queries(0):
        again = _get(client, f"/en/verify/{certificate.short_code}/")
    assert again == first


def test_the_stored_page_is_per_language(client, certificate):
    english = _get(client, f"/en/verify/{certificate.short_code}/")
    thai = _get(client, f"/verify/{certificate.short_code}/")
    assert '<html lang="en">' in english and '<html lang="th">' in thai
    assert _get(client, f"/en/verify/{certificate.short_code}/") == english
    assert _get(client, f"/verify/{certificate.short_code}/") == thai


def test_the_language_switcher_links_back_to_the_code_as_it_was_typed(client, certificate):
    typed = certificate.short_code.lower().replace("-", "")
    _get(client, f"/en/verify/{certificate.short_code}/")  # the canonical typing is stored
    page = _get(client, f"/en/verify/{typed}/")
    assert f'href="/verify/{typed}/"' in page
    assert f'href="/verify/{certificate.short_code}/"' not in page


def test_a_logged_in_visitor_never_gets_the_anonymous_page_nor_leaves_theirs(
    client, certificate, coordinator
):
    anonymous = _get(client, f"/en/verify/{certificate.short_code}/")
    assert "Log out" not in anonymous
    client.force_login(coordinator)
    mine = _get(client, f"/en/verify/{certificate.short_code}/")
    assert "Log out" in mine and "csrfmiddlewaretoken" in mine
    assert "genuine and valid" in mine
    client.logout()
    client.cookies.clear()
    assert _get(client, f"/en/verify/{certificate.short_code}/") == anonymous


def test_a_query_string_is_not_stored_into_other_visitors_links(client, certificate):
    shared = _get(client, f"/en/verify/{certificate.short_code}/?fbclid=abc")
    assert "fbclid=abc" in shared  # this visitor's switcher keeps what they came with
    plain = _get(client, f"/en/verify/{certificate.short_code}/")
    assert "fbclid" not in plain
    assert "fbclid" not in _get(client, f"/en/verify/{certificate.short_code}/")


def test_a_revoke_is_seen_by_the_very_next_anonymous_visitor(
    client, certificate, django_capture_on_commit_callbacks
):
    assert "genuine and valid" in _get(client, f"/en/verify/{certificate.short_code}/")
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_revoke(certificate=certificate, reason="ผิดพลาด")
    page = _get(client, f"/en/verify/{certificate.short_code}/")
    assert "genuine and valid" not in page and "revoked" in page.lower()


def test_an_unknown_code_costs_one_query(client, django_assert_num_queries):
    # No redirect lookup either: a 404 here answers "no such certificate".
    with django_assert_num_queries(1):
        assert client.get("/api/v1/certificates/ABCD-EFGH-JKMN").status_code == 404
    with django_assert_num_queries(1):
        assert client.get("/en/verify/ABCD-EFGH-JKMN/").status_code == 404
