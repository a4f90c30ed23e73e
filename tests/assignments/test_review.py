"""The review queue and the review page: rubric scores, feedback, return or accept."""

import re

import pytest

from django.core import mail

from assignments import services
from assignments.models import Review, Submission
from tests.assignments.factories import pdf_bytes, upload
from tests.factories import TeamFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def handed_in(assignment, learner):
    return services.submission_submit(
        assignment=assignment, user=learner, text="ฉบับแรก", files=[upload("v1.pdf", pdf_bytes())]
    ).submission


@pytest.fixture
def other_team_work(assignment, other_learner, coordinator):
    return services.submission_submit(
        assignment=assignment, user=other_learner, text="งานของทีมอื่น"
    ).submission


def review_data(
    assignment, decision="returned", feedback="เพิ่มข้อมูลฐานของเทศบาล", level=1, version=1
):
    data = {f"criterion-{c.id}": level for c in assignment.criteria}
    return {**data, "feedback": feedback, "decision": decision, "version": version}


def test_learners_and_anonymous_cannot_open_the_queue(client, learner, handed_in):
    assert client.get("/review/").status_code == 302
    client.force_login(learner)
    assert client.get("/review/").status_code == 403
    assert client.get(f"/review/{handed_in.pk}/").status_code == 403


def test_a_facilitator_sees_only_the_teams_they_advise(
    client, facilitator, handed_in, other_team_work
):
    client.force_login(facilitator)
    page = client.get("/review/").content.decode()
    assert handed_in.team.name in page
    assert other_team_work.team.name not in page
    assert client.get(f"/review/{other_team_work.pk}/").status_code == 403


def test_a_coordinator_sees_every_team(client, coordinator, handed_in, other_team_work):
    client.force_login(coordinator)
    page = client.get("/review/").content.decode()
    assert handed_in.team.name in page and other_team_work.team.name in page


def test_a_long_queue_is_paged_and_keeps_its_status_filter(
    client, coordinator, assignment, monkeypatch
):
    from assignments import views
    from tests.factories import EnrolmentFactory

    monkeypatch.setattr(views, "REVIEW_QUEUE_PER_PAGE", 2)
    teams = []
    for _ in range(5):
        team = TeamFactory(cohort=assignment.cohort)
        member = EnrolmentFactory(cohort=assignment.cohort, team=team).user
        services.submission_submit(assignment=assignment, user=member, text="งาน")
        teams.append(team.name)
    client.force_login(coordinator)
    seen = []
    for number in (1, 2, 3):
        page = client.get("/review/", {"status": "all", "page": number}).content.decode()
        seen += [name for name in teams if name in page]
        if number < 3:
            assert f'href="?status=all&amp;page={number + 1}"' in page
    assert sorted(seen) == sorted(teams)  # every row once, none lost past a page
    last = client.get("/review/", {"page": 99}).content.decode()  # a page too far: the last
    assert sum(name in last for name in teams) == 1
    assert client.get("/review/", {"page": "x"}).status_code == 200


def test_the_queue_query_count_does_not_grow_with_rows(
    client, coordinator, assignment, django_assert_max_num_queries
):
    from tests.factories import EnrolmentFactory

    for _ in range(6):
        member = EnrolmentFactory(
            cohort=assignment.cohort, team=TeamFactory(cohort=assignment.cohort)
        ).user
        services.submission_submit(assignment=assignment, user=member, text="งาน")
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        assert client.get("/review/").status_code == 200


def test_returning_with_feedback_shows_scores_to_the_team_and_emails_once(
    client, facilitator, learner, team_mate, handed_in, django_capture_on_commit_callbacks
):
    assignment = handed_in.assignment
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/review/{handed_in.pk}/record/",
            {**review_data(assignment), "file": upload("ความเห็น.pdf", pdf_bytes())},
        )
    assert response.status_code == 302
    handed_in.refresh_from_db()
    assert handed_in.status == Submission.Status.RETURNED
    review = Review.objects.get()
    assert (review.total_points, review.max_points) == (5, 10)
    assert review.notification == Review.Notification.SENT
    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == sorted([learner.email, team_mate.email])
    assert "ส่งกลับให้ปรับปรุง" in mail.outbox[0].subject
    client.force_login(learner)
    page = client.get(f"/me/assignments/{assignment.pk}/").content.decode()
    assert "เพิ่มข้อมูลฐานของเทศบาล" in page and "ความชัดเจนของโจทย์" in page
    assert "5 / 10" in page and "ความเห็น.pdf" in page


def test_a_notification_is_sent_only_once(facilitator, handed_in):
    review = services.review_record(
        submission=handed_in,
        reviewer=facilitator,
        feedback="ดี",
        decision="accepted",
        levels={c.id: 0 for c in handed_in.assignment.criteria},
    )
    assert services.review_notify(review_id=review.pk) is True
    assert services.review_notify(review_id=review.pk) is False
    assert len(mail.outbox) == 1


def test_a_review_whose_email_task_was_lost_is_emailed_by_the_sweep_once(facilitator, handed_in):
    import datetime as dt

    from django.utils import timezone

    from assignments.models import Review
    from assignments.tasks import resend_stale_review_notifications

    levels = {c.id: 0 for c in handed_in.assignment.criteria}
    review = services.review_record(
        submission=handed_in,
        reviewer=facilitator,
        feedback="ดี",
        decision="returned",
        levels=levels,
    )
    mail.outbox.clear()
    Review.objects.filter(pk=review.pk).update(
        notification=Review.Notification.PENDING,
        created_at=timezone.now() - dt.timedelta(minutes=30),
    )
    assert resend_stale_review_notifications() == 1
    assert len(mail.outbox) == 1
    review.refresh_from_db()
    assert review.notification == Review.Notification.SENT
    assert resend_stale_review_notifications() == 0
    assert len(mail.outbox) == 1


def test_accepting_finishes_the_submission(client, coordinator, handed_in):
    client.force_login(coordinator)
    client.post(
        f"/review/{handed_in.pk}/record/", review_data(handed_in.assignment, "accepted", level=0)
    )
    handed_in.refresh_from_db()
    assert handed_in.status == Submission.Status.ACCEPTED


def test_a_review_needs_every_criterion_and_feedback(client, facilitator, handed_in):
    client.force_login(facilitator)
    data = review_data(handed_in.assignment, feedback="")
    data.pop(next(key for key in data if key.startswith("criterion-")))
    response = client.post(f"/review/{handed_in.pk}/record/", data)
    assert response.status_code == 400
    assert not Review.objects.exists()


def test_work_cannot_be_reviewed_twice(facilitator, handed_in):
    levels = {c.id: 0 for c in handed_in.assignment.criteria}
    services.review_record(
        submission=handed_in,
        reviewer=facilitator,
        feedback="ดี",
        decision="returned",
        levels=levels,
        notify=False,
    )
    with pytest.raises(services.SubmissionError):
        services.review_record(
            submission=handed_in,
            reviewer=facilitator,
            feedback="ดี",
            decision="accepted",
            levels=levels,
            notify=False,
        )


def test_a_facilitator_who_does_not_advise_cannot_review(client, handed_in):
    client.force_login(UserFactory(roles=["Facilitator"]))
    response = client.post(f"/review/{handed_in.pk}/record/", review_data(handed_in.assignment))
    assert response.status_code == 403
    assert not Review.objects.exists()


def test_a_review_of_an_older_version_is_refused_and_keeps_what_was_typed(
    client, facilitator, learner, handed_in
):
    """The reviewer opened version 1; the team handed in version 2 before they sent it."""
    assignment = handed_in.assignment
    client.force_login(facilitator)
    page = client.get(f"/review/{handed_in.pk}/").content.decode()
    assert 'name="version" value="1"' in page
    services.submission_submit(assignment=assignment, user=learner, text="ฉบับที่สอง")
    feedback = "ตารางงบประมาณยังไม่ครบ\nเพิ่มแหล่งข้อมูล"
    response = client.post(
        f"/review/{handed_in.pk}/record/", review_data(assignment, feedback=feedback, version=1)
    )
    assert response.status_code == 400
    assert not Review.objects.exists()
    handed_in.refresh_from_db()
    assert handed_in.status == Submission.Status.SUBMITTED
    text = response.content.decode()
    assert "ฉบับที่ 2 ถูกส่งเข้ามาหลังจากที่คุณเปิดฉบับที่ 1" in text
    assert "ตารางงบประมาณยังไม่ครบ" in text  # the feedback typed is still in the form
    assert 'name="version" value="2"' in text
    assert re.search(r'name="criterion-[^"]+" value="1"[^>]*checked', text)  # scores kept
    response = client.post(
        f"/review/{handed_in.pk}/record/", review_data(assignment, feedback=feedback, version=2)
    )
    assert response.status_code == 302
    review = Review.objects.get()
    assert review.version.number == 2


def test_a_review_form_without_its_version_is_refused_with_a_reason(client, facilitator, handed_in):
    client.force_login(facilitator)
    data = review_data(handed_in.assignment)
    del data["version"]
    response = client.post(f"/review/{handed_in.pk}/record/", data)
    assert response.status_code == 400
    assert "โหลดหน้านี้ใหม่" in response.content.decode()
    assert not Review.objects.exists()


def test_the_service_refuses_a_review_written_about_an_older_version(
    facilitator, learner, handed_in
):
    services.submission_submit(assignment=handed_in.assignment, user=learner, text="ฉบับที่สอง")
    with pytest.raises(services.ReviewOutdated):
        services.review_record(
            submission=handed_in,
            reviewer=facilitator,
            feedback="ดี",
            decision="accepted",
            levels={c.id: 0 for c in handed_in.assignment.criteria},
            version_number=1,
            notify=False,
        )
    assert not Review.objects.exists()
