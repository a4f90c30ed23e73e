import pytest
from allauth.mfa.models import Authenticator

pytestmark = pytest.mark.django_db


def test_staff_without_a_second_factor_are_sent_to_set_one_up(client, settings, coordinator):
    settings.MFA_REQUIRED_FOR_STAFF = True
    client.force_login(coordinator)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/"
    assert client.get("/accounts/2fa/").status_code == 200


def test_staff_with_totp_reach_the_admin(client, settings, coordinator):
    settings.MFA_REQUIRED_FOR_STAFF = True
    Authenticator.objects.create(
        user=coordinator, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 200


def test_learners_are_not_forced_to_enrol_mfa(client, settings, learner):
    settings.MFA_REQUIRED_FOR_STAFF = True
    client.force_login(learner)
    assert client.get("/me/").status_code == 200


def test_the_demo_and_development_default_leaves_mfa_optional(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 200


def test_totp_and_passkeys_are_offered(client, learner):
    client.force_login(learner)
    page = client.get("/accounts/2fa/").content.decode()
    assert "/accounts/2fa/totp/activate/" in page
    assert "/accounts/2fa/webauthn/" in page
