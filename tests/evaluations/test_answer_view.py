"""Learners answer on the phone at /me/evaluations/<id>/: once, while open, anonymously."""

import datetime as dt

import pytest

from django.utils import timezone

from evaluations.models import Answer, Answered, Response
from tests.evaluations.conftest import post_data

pytestmark = pytest.mark.django_db


def url(evaluation):
    return f"/me/evaluations/{evaluation.pk}/"


def test_anonymous_visitors_are_sent_to_log_in(client, evaluation):
    response = client.get(url(evaluation))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["outsider", "facilitator", "coordinator"])
def test_nobody_outside_the_cohort_answers_and_nothing_is_recorded(
    client, request, who, evaluation
):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url(evaluation)).status_code == 403
    assert client.post(url(evaluation), post_data(evaluation)).status_code == 403
    assert Response.objects.count() == 0 and Answered.objects.count() == 0


def test_the_learner_sees_every_question_with_thai_scale_labels(client, learner, evaluation):
    client.force_login(learner)
    html = client.get(url(evaluation)).content.decode()
    assert "ความรู้ที่ได้รับ" in html and "ข้อเสนอแนะ" in html and "กรณีศึกษา" in html
    assert "มากที่สุด" in html and 'type="radio"' in html and 'type="checkbox"' in html
    assert "ไม่ระบุตัวตน" in html or "ไม่มีผู้ใด" in html


def test_an_answer_is_kept_without_the_person_and_the_ledger_says_who_answered(
    client, learner, evaluation
):
    client.force_login(learner)
    response = client.post(url(evaluation), post_data(evaluation, comment="ดีมาก"))
    assert response.status_code == 302
    saved = Response.objects.get()
    assert {f.name for f in Response._meta.get_fields()} == {"id", "evaluation", "answers"}
    assert saved.answers.get(question__kind="long").text == "ดีมาก"
    assert saved.answers.get(question__kind="scale").number == 4
    assert Answered.objects.get().enrolment.user == learner


def test_a_second_answer_is_refused_and_the_first_is_kept(client, learner, evaluation):
    client.force_login(learner)
    client.post(url(evaluation), post_data(evaluation, comment="ครั้งแรก"))
    again = client.post(url(evaluation), post_data(evaluation, comment="ครั้งที่สอง"))
    assert again.status_code == 409
    assert "already answered" in again.content.decode() or "ตอบแบบประเมินนี้แล้ว" in (
        again.content.decode()
    )
    assert Response.objects.count() == 1 and Answer.objects.filter(text="ครั้งที่สอง").count() == 0


def test_a_missing_required_answer_is_named_and_nothing_is_kept(client, learner, evaluation):
    client.force_login(learner)
    data = post_data(evaluation)
    scale = evaluation.questions.get(kind="scale")
    del data[f"q{scale.pk}"]
    response = client.post(url(evaluation), data)
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert Response.objects.count() == 0 and Answered.objects.count() == 0


def test_a_closed_evaluation_refuses_clearly_and_records_nothing(client, learner, evaluation):
    evaluation.days_open = 1
    evaluation.session.ends_at = timezone.now() - dt.timedelta(days=2)
    evaluation.session.starts_at = evaluation.session.ends_at - dt.timedelta(hours=7)
    evaluation.session.save()
    evaluation.save()
    client.force_login(learner)
    page = client.get(url(evaluation)).content.decode()
    assert "ปิดรับคำตอบแล้ว" in page and "<form" not in page.split("</header>")[-1].split("<footer")[0]
    refused = client.post(url(evaluation), post_data(evaluation))
    assert refused.status_code == 403 and "ปิดรับคำตอบแล้ว" in refused.content.decode()
    assert Response.objects.count() == 0


def test_before_the_session_ends_the_evaluation_says_when_it_opens(client, learner, evaluation):
    session = evaluation.session
    session.starts_at = timezone.now() + dt.timedelta(days=3)
    session.ends_at = session.starts_at + dt.timedelta(hours=7)
    session.save()
    client.force_login(learner)
    page = client.get(url(evaluation)).content.decode()
    assert "ยังไม่เปิด" in page
    assert client.post(url(evaluation), post_data(evaluation)).status_code == 403


def test_in_english_the_questions_and_labels_are_english(client, learner, evaluation):
    question = evaluation.questions.get(kind="scale")
    question.text_en = "What you learned"
    question.save()
    client.force_login(learner)
    html = client.get(f"/en{url(evaluation)}").content.decode()
    assert "What you learned" in html and "Very much" in html
