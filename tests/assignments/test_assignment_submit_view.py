"""The learner's assignment page and the submit form, through real HTTP uploads."""

import pytest

from assignments.models import SubmissionVersion
from tests.assignments.factories import AssignmentFactory, pdf_bytes, png_bytes, upload
from tests.factories import CohortFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


def url(assignment, action=""):
    return f"/me/assignments/{assignment.pk}/{action}"


def post(client, assignment, *files, text="", action="submit", prefix=""):
    return client.post(
        prefix + url(assignment, "submit/"), {"text": text, "action": action, "files": list(files)}
    )


def test_anonymous_visitors_are_asked_to_log_in(client, assignment):
    assert client.get(url(assignment))["Location"].startswith("/accounts/login/")
    assert post(client, assignment, upload("a.pdf", pdf_bytes())).status_code == 302
    assert not SubmissionVersion.objects.exists()


def test_a_learner_sees_the_brief_and_the_form(client, assignment, learner):
    client.force_login(learner)
    page = client.get(url(assignment)).content.decode()
    assert assignment.title_th in page and "อธิบายปัญหาของเมือง" in page
    assert 'enctype="multipart/form-data"' in page


def test_a_learner_of_another_cohort_is_refused(client, assignment):
    outsider = EnrolmentFactory(cohort=CohortFactory()).user
    client.force_login(outsider)
    assert client.get(url(assignment)).status_code == 403
    assert post(client, assignment, upload("a.pdf", pdf_bytes())).status_code == 403


def test_staff_without_an_enrolment_are_refused(client, assignment, facilitator, coordinator):
    for person in (facilitator, coordinator):
        client.force_login(person)
        assert client.get(url(assignment)).status_code == 403


def test_a_learner_hands_in_and_resubmits_and_sees_both_versions(
    client, assignment, learner, team_mate
):
    client.force_login(learner)
    response = post(client, assignment, upload("v1.pdf", pdf_bytes()), text="ฉบับแรก")
    assert response.status_code == 302
    client.force_login(team_mate)
    post(client, assignment, upload("v2.pdf", pdf_bytes()), text="ฉบับที่สอง")
    page = client.get(url(assignment)).content.decode()
    assert "v1.pdf" in page and "v2.pdf" in page
    assert learner.first_name in page and team_mate.first_name in page
    assert page.index("v2.pdf") < page.index("v1.pdf")  # newest first


def test_another_team_sees_none_of_it(client, assignment, learner, other_learner):
    client.force_login(learner)
    post(client, assignment, upload("secret-plan.pdf", pdf_bytes()))
    client.force_login(other_learner)
    page = client.get(url(assignment)).content.decode()
    assert "secret-plan.pdf" not in page


def test_an_oversize_file_is_refused_while_reading_with_a_thai_message(client, assignment, learner):
    client.force_login(learner)
    post(client, assignment, upload("v1.pdf", pdf_bytes()))
    big = upload("big.pdf", pdf_bytes() + b"\n" * (2 * MB))
    response = post(client, assignment, big)
    assert response.status_code == 400
    page = response.content.decode()
    assert "ใหญ่เกินขนาดที่กำหนด" in page and "big.pdf" in page
    assert SubmissionVersion.objects.count() == 1


def test_the_same_refusal_is_in_english_under_en(client, assignment, learner):
    client.force_login(learner)
    response = post(client, assignment, upload("big.pdf", b"%PDF" + b"\n" * (2 * MB)), prefix="/en")
    assert response.status_code == 400
    assert "larger than the limit of 1 MB" in response.content.decode()


def test_a_false_extension_is_refused_with_a_clear_message(client, assignment, learner):
    client.force_login(learner)
    response = post(client, assignment, upload("report.pdf", png_bytes()), text="ข้อความ")
    assert response.status_code == 400
    assert "ไม่ตรงกับเนื้อหา" in response.content.decode()
    assert not SubmissionVersion.objects.exists()


def test_a_draft_is_saved_without_handing_in(client, assignment, learner):
    client.force_login(learner)
    response = post(client, assignment, text="กำลังเขียน", action="draft")
    assert response.status_code == 302
    assert "กำลังเขียน" in client.get(url(assignment)).content.decode()
    assert not SubmissionVersion.objects.exists()


def test_the_list_shows_my_assignments_with_status(client, assignment, learner):
    AssignmentFactory(cohort=CohortFactory(), title_th="งานของรุ่นอื่น")
    client.force_login(learner)
    page = client.get("/me/assignments/").content.decode()
    assert assignment.title_th in page and "งานของรุ่นอื่น" not in page


def test_a_learner_without_a_team_is_told_to_ask_for_one(client, cohort, assignment, team):
    from assignments import services

    services.extension_grant(
        assignment=assignment, team=team, due_at=assignment.due_at.replace(year=2030)
    )
    loner = EnrolmentFactory(cohort=cohort, team=None).user
    client.force_login(loner)
    page = client.get(url(assignment)).content.decode()
    assert "ยังไม่ได้อยู่ในทีมใด" in page
    assert "2573" not in page  # another team's extension is not theirs
    assert 'name="files"' not in page
