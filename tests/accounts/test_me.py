import pytest

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_asked_to_log_in(client):
    response = client.get("/me/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/me/"


def test_a_learner_sees_their_home(client, learner):
    client.force_login(learner)
    response = client.get("/me/")
    assert response.status_code == 200
    assert learner.first_name in response.content.decode()


def test_the_english_home_is_under_en(client, learner):
    client.force_login(learner)
    response = client.get("/en/me/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
