"""Coordinators create assignments in the Wagtail admin and copy them to a new cohort."""

import datetime as dt

import pytest

from assignments import services
from assignments.models import Assignment, AssignmentAttachment, Extension
from tests.assignments.factories import AssignmentFactory
from tests.factories import CohortFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_a_coordinator_lists_and_opens_the_add_form(client, coordinator, assignment):
    client.force_login(coordinator)
    page = client.get("/admin/assignments/").content.decode()
    assert assignment.title_th in page and "/admin/assignments/copy/" in page
    form = client.get("/admin/assignments/new/").content.decode()
    assert 'name="accepted_kinds"' in form and "rubric" in form


def test_a_coordinator_creates_an_assignment_through_the_admin(client, coordinator, cohort):
    client.force_login(coordinator)
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    data = nested_form_data(
        {
            "cohort": cohort.pk,
            "title_th": "แผนการเก็บข้อมูล",
            "title_en": "Data collection plan",
            "kind": "team",
            "due_at": "2026-12-20 23:59",
            "required_for_completion": "on",
            "max_file_mb": 10,
            "brief": rich_text("<p>ส่งแผนการเก็บข้อมูล</p>"),
            "rubric": streamfield(
                [
                    (
                        "criterion",
                        {
                            "title": "ความเป็นไปได้",
                            "title_en": "Feasibility",
                            "description": "",
                            "levels": streamfield(
                                [("item", {"label": "ดี", "description": "", "points": "4"})]
                            ),
                        },
                    )
                ]
            ),
            "attachments": inline_formset([]),
        }
    )
    data["accepted_kinds"] = ["pdf", "docx"]
    response = client.post("/admin/assignments/new/", data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    created = Assignment.objects.get(title_th="แผนการเก็บข้อมูล")
    assert created.accepted_kinds == ["pdf", "docx"]
    assert created.due_at.hour == 16  # 23:59 in Bangkok is 16:59 UTC
    assert [c.title for c in created.criteria] == ["ความเป็นไปได้"]


def test_a_coordinator_copies_a_cohorts_assignments_into_another(client, coordinator):
    from wagtail.documents.models import Document

    source = CohortFactory(starts_on=dt.date(2025, 1, 1), ends_on=dt.date(2025, 12, 31))
    target = CohortFactory(starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 31))
    session = SessionFactory(cohort=source, number=3)
    target_session = SessionFactory(cohort=target, number=3)
    original = AssignmentFactory(cohort=source, session=session)
    from django.core.files.base import ContentFile

    document = Document.objects.create(title="แบบฟอร์ม", file=ContentFile(b"x", name="form.txt"))
    AssignmentAttachment.objects.create(assignment=original, document=document, label="แบบฟอร์ม")
    client.force_login(coordinator)
    response = client.post("/admin/assignments/copy/", {"source": source.pk, "target": target.pk})
    assert response.status_code == 302
    copy = Assignment.objects.get(cohort=target)
    assert copy.title_th == original.title_th
    assert copy.session == target_session
    assert copy.due_at - original.due_at == dt.timedelta(days=365)
    assert [c.title for c in copy.criteria] == [c.title for c in original.criteria]
    assert copy.attachments.get().document == document


def test_copying_into_the_same_cohort_is_refused(cohort):
    with pytest.raises(services.SubmissionError):
        services.assignments_copy(source=cohort, target=cohort)


def test_facilitators_and_learners_cannot_copy(client, facilitator, learner):
    for person in (facilitator, learner):
        client.force_login(person)
        assert client.get("/admin/assignments/copy/").status_code in (302, 403)


def test_an_extension_granted_in_the_admin_records_who_granted_it(
    client, coordinator, assignment, team
):
    client.force_login(coordinator)
    response = client.post(
        "/admin/assignment_extensions/new/",
        {
            "assignment": assignment.pk,
            "team": team.pk,
            "due_at": "2027-01-10 23:59",
            "reason": "น้ำท่วมเทศบาล",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert Extension.objects.get().granted_by == coordinator


def test_submissions_are_read_only_in_the_admin(client, coordinator, assignment, learner):
    submission = services.submission_submit(
        assignment=assignment, user=learner, text="งาน"
    ).submission
    client.force_login(coordinator)
    page = client.get("/admin/assignment_submissions/").content.decode()
    assert f'href="/review/{submission.pk}/"' in page  # reviewing happens on the review page
    assert client.get("/admin/assignment_submissions/new/").status_code in (302, 403)
