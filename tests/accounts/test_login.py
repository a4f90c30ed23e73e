import re

import pytest

from django.core import mail
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def login(client, email, password=PASSWORD, next_url=None):
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"login": email, "password": password})


def test_a_learner_logs_in_with_email_and_lands_on_me(client, learner):
    response = login(client, learner.email)
    assert response.status_code == 302
    assert response["Location"] == "/me/"


def test_a_coordinator_lands_on_the_wagtail_dashboard(client, coordinator):
    response = login(client, coordinator.email)
    assert response["Location"] == reverse("wagtailadmin_home")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_wrong_password_is_refused(client, learner):
    response = login(client, learner.email, "not-the-password")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_admin_login_uses_the_allauth_page(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"


def test_public_signup_is_closed(client):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    assert "signup_closed" in [t.name.split("/")[-1].split(".")[0] for t in response.templates]
    response = client.post(
        reverse("account_signup"),
        {
            "email": "stranger@example.org",
            "password1": "x-Strong-pass-123",
            "password2": "x-Strong-pass-123",
        },
    )
    from accounts.models import User

    assert not User.objects.filter(email="stranger@example.org").exists()


def test_login_by_emailed_code(client, learner):
    response = client.post(reverse("account_request_login_code"), {"email": learner.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    code = re.search(r"^\s*([A-Z0-9]{3,5}-?[A-Z0-9]{3,5})\s*$", mail.outbox[0].body, re.M).group(1)
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == learner.pk


def test_password_reset_sends_a_link_that_sets_a_new_password(client, learner):
    client.post(reverse("account_reset_password"), {"email": learner.email})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^\s]+/password/reset/key/[^\s]+", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else "/" + path
    response = client.post(
        form_url, {"password1": "A-new-Passw0rd!", "password2": "A-new-Passw0rd!"}
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.check_password("A-new-Passw0rd!")


def test_an_unverified_email_must_be_verified_before_login(client):
    person = UserFactory(verified_email=False)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=person).update(verified=False)
    response = login(client, person.email)
    assert response.status_code == 302
    assert "confirm-email" in response["Location"] or "verification" in response["Location"]
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1
