"""/me/notifications/: each person chooses channels for their own notices, nobody else's."""

import datetime as dt

import pytest

from django.urls import reverse
from django.utils import timezone

from notifications.models import LineAccount, LineLinkCode, NoticeKind, Preference
from notifications.selectors import preferences_for
from tests.notifications.conftest import link_line

pytestmark = pytest.mark.django_db

URL = "/me/notifications/"


def _all_email_but(kind: str) -> dict:
    return {f"{k}_email": "on" for k in NoticeKind.values if k != kind}


def test_the_page_is_linked_from_the_profile_and_from_me(client, learner):
    client.force_login(learner)
    assert URL in client.get(reverse("accounts:profile")).content.decode()
    assert URL in client.get(reverse("accounts:me")).content.decode()


def test_anonymous_is_sent_to_log_in_and_nothing_is_saved(client):
    for url in (URL, f"{URL}line/code/", f"{URL}line/unlink/"):
        response = client.post(url, {})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Preference.objects.exists() and not LineLinkCode.objects.exists()


def test_by_default_every_kind_is_email_on_and_line_off(learner):
    assert preferences_for(user=learner) == {
        kind: {"email": True, "line": False} for kind in NoticeKind.values
    }


@pytest.mark.parametrize("who", ["learner", "facilitator", "coordinator"])
def test_each_person_saves_their_own_choices_only(client, request, who, other_learner):
    person = request.getfixturevalue(who)
    client.force_login(person)
    page = client.get(URL).content.decode()
    assert "LINE" not in page  # no channel configured: the option is hidden
    response = client.post(URL, _all_email_but(NoticeKind.MATERIALS))
    assert response.status_code == 302
    assert preferences_for(user=person)[NoticeKind.MATERIALS] == {"email": False, "line": False}
    assert preferences_for(user=person)[NoticeKind.SESSIONS] == {"email": True, "line": False}
    assert not Preference.objects.filter(user=other_learner).exists()


def test_turning_off_every_channel_for_a_kind_is_saved_with_a_warning_that_stays(client, learner):
    """A learner may choose to hear nothing about a kind, but is told so, then and later."""
    client.force_login(learner)
    response = client.post(URL, _all_email_but(NoticeKind.SESSIONS), follow=True)
    page = response.content.decode()
    assert preferences_for(user=learner)[NoticeKind.SESSIONS] == {"email": False, "line": False}
    label = str(NoticeKind.SESSIONS.label)
    # LINE is not offered here (not configured): the warning names email only
    assert "ท่านจะไม่ได้รับแจ้งทางอีเมลในเรื่อง" in page and label in page
    assert "LINE" not in page
    [row] = [r for r in page.split("<tr") if 'name="sessions_email"' in r]
    assert "ไม่ได้รับแจ้งเรื่องนี้ทางใดเลย" in row
    others = [r for r in page.split("<tr") if 'name="materials_email"' in r]
    assert "ไม่ได้รับแจ้งเรื่องนี้ทางใดเลย" not in others[0]


def test_the_other_learner_sees_their_own_choices_not_the_learners(client, learner, other_learner):
    Preference.objects.create(user=learner, kind=NoticeKind.MATERIALS, email=False)
    client.force_login(other_learner)
    page = client.get(URL).content.decode()
    assert 'name="materials_email" id="id_materials_email" checked' in page


def test_line_cannot_be_chosen_without_a_linked_account(client, learner, fake_line_api):
    client.force_login(learner)
    page = client.get(URL).content.decode()
    assert "materials_line" not in page and f'action="{URL}line/code/"' in page
    client.post(URL, {"materials_email": "on", "materials_line": "on"})
    assert preferences_for(user=learner)[NoticeKind.MATERIALS]["line"] is False


def test_a_linked_learner_chooses_line_per_kind(client, learner, fake_line_api):
    LineAccount.objects.create(user=learner, line_user_id="U-learner")
    client.force_login(learner)
    assert "materials_line" in client.get(URL).content.decode()
    client.post(URL, {"materials_email": "on", "materials_line": "on", "sessions_email": "on"})
    choices = preferences_for(user=learner)
    assert choices[NoticeKind.MATERIALS] == {"email": True, "line": True}
    assert choices[NoticeKind.ANNOUNCEMENTS] == {"email": False, "line": False}


def test_a_learner_gets_a_linking_code_and_a_new_one_replaces_it(client, learner, fake_line_api):
    client.force_login(learner)
    client.post(f"{URL}line/code/")
    first = LineLinkCode.objects.get(user=learner)
    page = client.get(URL).content.decode()
    assert first.code in page and "@pms-test" in page
    client.post(f"{URL}line/code/")
    second = LineLinkCode.objects.get(user=learner)
    assert second.code != first.code and second.code in client.get(URL).content.decode()


def test_an_expired_code_is_not_shown(client, learner, fake_line_api):
    client.force_login(learner)
    client.post(f"{URL}line/code/")
    code = LineLinkCode.objects.get(user=learner)
    LineLinkCode.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    assert code.code not in client.get(URL).content.decode()


def test_unlinking_forgets_line_and_turns_line_choices_off(
    client, learner, other_learner, fake_line_api
):
    link_line(learner, "U-learner")
    link_line(other_learner, "U-other")
    client.force_login(learner)
    assert client.post(f"{URL}line/unlink/").status_code == 302
    assert not LineAccount.objects.filter(user=learner).exists()
    assert not Preference.objects.filter(user=learner, line=True).exists()
    assert LineAccount.objects.filter(user=other_learner).exists()  # theirs untouched


def test_without_a_line_channel_the_line_actions_are_not_found(client, learner):
    client.force_login(learner)
    assert client.post(f"{URL}line/code/").status_code == 404
    assert client.post(f"{URL}line/unlink/").status_code == 404
    assert not LineLinkCode.objects.exists()


def test_the_line_actions_refuse_get(client, learner, fake_line_api):
    client.force_login(learner)
    assert client.get(f"{URL}line/code/").status_code == 405
    assert not LineLinkCode.objects.exists()


def test_the_page_is_in_english_under_en(client, learner):
    client.force_login(learner)
    page = client.get(f"/en{URL}").content.decode()
    assert "Returned or accepted work" in page and "Certificate ready" in page


def test_choosing_line_records_consent_and_withdrawing_it_stops_line_at_once(
    client, learner, fake_line_api
):
    from accounts.consent import Purpose, consent_record, has_consented
    from notifications.selectors import line_recipients

    LineAccount.objects.create(user=learner, line_user_id="U-learner")
    client.force_login(learner)
    client.post(URL, {"materials_email": "on", "materials_line": "on"})
    assert has_consented(learner, Purpose.LINE_NOTIFICATIONS)
    assert line_recipients(user_ids=[learner.pk], kind=NoticeKind.MATERIALS) == [learner.pk]
    consent_record(user=learner, decisions={Purpose.LINE_NOTIFICATIONS: False})  # /me/privacy/
    assert line_recipients(user_ids=[learner.pk], kind=NoticeKind.MATERIALS) == []
    assert preferences_for(user=learner)[NoticeKind.MATERIALS]["line"] is False
