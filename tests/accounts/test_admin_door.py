"""The admin door: programme staff go in, anyone else signed in gets a page that says so.

Wagtail sends a signed-in person without admin access back to the login page,
which sends them on to the admin again: a redirect loop, and one English
message per turn piled up for the next page.
"""

import pytest

from django.contrib.messages import get_messages

pytestmark = pytest.mark.django_db

ADMIN_URLS = ["/admin/", "/admin/pages/", "/admin/login/?next=/admin/", "/admin/cohorts/"]


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/admin/pages/")


@pytest.mark.parametrize("url", ADMIN_URLS)
@pytest.mark.parametrize("who", ["learner", "other_learner"])
def test_a_signed_in_learner_is_told_the_admin_is_for_staff(client, request, who, url):
    client.force_login(request.getfixturevalue(who))
    response = client.get(url)
    assert response.status_code == 403
    html = response.content.decode()
    assert "ผู้ดูแลหลักสูตร" in html
    assert "programme staff" in html
    assert 'href="/me/"' in html
    assert not list(get_messages(response.wsgi_request))


def test_the_next_page_carries_no_pile_of_messages(client, learner):
    client.force_login(learner)
    for _ in range(3):
        client.get("/admin/")
    client.get("/accounts/login/?next=/admin/")
    response = client.get("/me/")
    assert len(list(response.context["messages"])) <= 1
    assert "permission to access the admin" not in response.content.decode()


def test_the_login_page_with_next_admin_does_not_loop_for_a_learner(client, learner):
    client.force_login(learner)
    response = client.get("/accounts/login/?next=/admin/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) <= 1


@pytest.mark.parametrize("who", ["facilitator", "coordinator"])
def test_staff_go_in(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get("/admin/").status_code == 200


def test_the_refusal_speaks_english_under_en_too(client, learner):
    client.force_login(learner)
    client.cookies.load({"django_language": "en"})
    html = client.get("/admin/").content.decode()
    assert "programme staff" in html
    assert "ผู้ดูแลหลักสูตร" in html
