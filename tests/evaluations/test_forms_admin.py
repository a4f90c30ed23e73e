"""Coordinators build forms in the admin and copy a template to a cohort's sessions."""

import pytest

from evaluations.models import Evaluation, EvaluationTemplate, Kind, TemplateQuestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def template(db):
    template = EvaluationTemplate.objects.create(name_th="แบบประเมินรายครั้ง", kind=Kind.SESSION)
    TemplateQuestion.objects.create(template=template, text_th="ความรู้ที่ได้รับ", kind="scale")
    TemplateQuestion.objects.create(
        template=template, text_th="ระยะเวลา", kind="single", options_th="สั้นไป\nเหมาะสม"
    )
    return template


def test_copy_from_template_makes_one_evaluation_per_session_with_its_own_questions(
    client, coordinator, template, session, cohort
):
    client.force_login(coordinator)
    response = client.post(
        "/admin/evaluations/copy/",
        {"template": template.pk, "cohort": cohort.pk, "sessions": [session.pk], "days_open": 5},
    )
    assert response.status_code == 302
    evaluation = Evaluation.objects.get(session=session)
    assert evaluation.days_open == 5 and evaluation.kind == Kind.SESSION
    assert [q.text_th for q in evaluation.questions.all()] == ["ความรู้ที่ได้รับ", "ระยะเวลา"]
    template.questions.update(text_th="แก้ภายหลัง")
    assert "แก้ภายหลัง" not in [q.text_th for q in evaluation.questions.all()]


def test_copy_refuses_a_session_of_another_cohort_and_makes_nothing(
    client, coordinator, template, session
):
    from tests.factories import CohortFactory

    client.force_login(coordinator)
    response = client.post(
        "/admin/evaluations/copy/",
        {"template": template.pk, "cohort": CohortFactory().pk, "sessions": [session.pk],
         "days_open": 7},
    )  # fmt: skip
    assert response.status_code == 200 and "รุ่นที่เลือก" in response.content.decode()
    assert Evaluation.objects.count() == 0


def test_a_choice_question_needs_two_options(template):
    from django.core.exceptions import ValidationError

    question = TemplateQuestion(
        template=template, text_th="เลือก", kind="single", options_th="ข้อเดียว"
    )
    with pytest.raises(ValidationError):
        question.full_clean()
