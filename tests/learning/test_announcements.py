"""Announcements on /me/ and the session page, with read state; who has not read them."""

import pytest

from learning.models import Announcement, AnnouncementRead
from learning.services import announcement_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def announcement(cohort, coordinator, session):
    return announcement_publish(
        announcement=Announcement(
            audience="cohort", cohort=cohort, session=session, title_th="เปลี่ยนห้องเรียน",
            body_th="ย้ายไปห้อง 301", body_en="Moved to room 301",
        ),
        by=coordinator,
    )  # fmt: skip


def test_unread_shows_first_on_me_then_reading_marks_it_read(client, learner, announcement):
    client.force_login(learner)
    html = client.get("/me/").content.decode()
    assert 'data-kind="announcement"' in html
    assert html.index('data-kind="announcement"') < html.index('id="next-session"')
    detail = client.get(f"/me/announcements/{announcement.pk}/").content.decode()
    assert "ย้ายไปห้อง 301" in detail and "Moved to room 301" in detail
    assert AnnouncementRead.objects.filter(announcement=announcement, user=learner).exists()
    assert 'data-kind="announcement"' not in client.get("/me/").content.decode()


def test_it_shows_on_the_related_session_page(client, learner, announcement, session):
    client.force_login(learner)
    assert "เปลี่ยนห้องเรียน" in client.get(f"/me/sessions/{session.pk}/").content.decode()


def test_another_cohorts_learner_gets_403_and_sees_nothing(client, outsider, announcement):
    client.force_login(outsider)
    assert client.get(f"/me/announcements/{announcement.pk}/").status_code == 403
    assert "เปลี่ยนห้องเรียน" not in client.get("/me/").content.decode()


def test_anonymous_is_sent_to_log_in(client, announcement):
    assert "/accounts/login/" in client.get(f"/me/announcements/{announcement.pk}/")["Location"]


def test_the_coordinator_sees_who_has_not_read(
    client, coordinator, learner, other_learner, announcement
):
    client.force_login(learner)
    client.get(f"/me/announcements/{announcement.pk}/")
    client.force_login(coordinator)
    html = client.get(f"/admin/learning/announcement/{announcement.pk}/reads/").content.decode()
    assert other_learner.email in html and learner.email not in html


@pytest.mark.parametrize("who", ["learner", "facilitator"])
def test_only_coordinators_see_the_reads_report(client, announcement, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(f"/admin/learning/announcement/{announcement.pk}/reads/").status_code in (
        302,
        403,
    )


def test_every_running_cohort_reaches_learners_of_running_cohorts(
    client, learner, outsider, coordinator
):
    announcement_publish(
        announcement=Announcement(audience="running", title_th="ถึงทุกรุ่น", body_th="ข่าว"),
        by=coordinator,
    )
    for person in (learner, outsider):
        client.force_login(person)
        assert "ถึงทุกรุ่น" in client.get("/me/").content.decode()
