"""Coordinators' results: rate, charts, averages, comments, never who answered what."""

import io
import re

import pytest
from openpyxl import load_workbook

from django.db import connection
from django.test.utils import CaptureQueriesContext

from evaluations.models import Answered, Reminder
from tests.evaluations.conftest import learners_answer

pytestmark = pytest.mark.django_db
BASE = "/admin/evaluations"


@pytest.fixture
def screens(evaluation, facilitator):
    return [
        ("get", f"{BASE}/"),
        ("get", f"{BASE}/copy/"),
        ("get", f"{BASE}/results/{evaluation.pk}/"),
        ("post", f"{BASE}/results/{evaluation.pk}/remind/"),
        ("get", f"{BASE}/results/{evaluation.pk}/results.xlsx"),
        ("get", f"{BASE}/results/{evaluation.pk}/report.pdf"),
        ("get", f"{BASE}/cohort/{evaluation.cohort_id}/"),
        ("get", f"{BASE}/facilitator/{facilitator.pk}/"),
    ]


@pytest.mark.parametrize("who", ["anonymous", "learner", "outsider", "facilitator"])
def test_nobody_but_coordinators_reaches_any_results_screen(client, request, who, screens):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    for method, url in screens:
        response = getattr(client, method)(url)
        assert response.status_code in (302, 403), url
    assert Reminder.objects.count() == 0


def test_every_results_screen_opens_for_a_coordinator(client, coordinator, screens, evaluation):
    learners_answer(evaluation, 5, comment="ดีมาก")
    client.force_login(coordinator)
    for method, url in screens:
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_results_are_hidden_below_five_responses(client, coordinator, evaluation):
    learners_answer(evaluation, 4, comment="ความเห็นลับเฉพาะ")
    client.force_login(coordinator)
    html = client.get(f"{BASE}/results/{evaluation.pk}/").content.decode()
    assert "ความเห็นลับเฉพาะ" not in html and "evaluation-chart" not in html
    assert "ตั้งแต่ 5 คน" in html
    book = load_workbook(
        io.BytesIO(client.get(f"{BASE}/results/{evaluation.pk}/results.xlsx").content)
    )
    cells = [c.value for row in book.worksheets[0].iter_rows() for c in row]
    assert "ความเห็นลับเฉพาะ" not in cells and len(book.worksheets) == 1


def test_from_five_responses_the_coordinator_sees_charts_averages_and_comments_without_names(
    client, coordinator, evaluation
):
    answered = learners_answer(evaluation, 5, comment="อยากให้มีกรณีศึกษาเพิ่ม")
    client.force_login(coordinator)
    html = client.get(f"{BASE}/results/{evaluation.pk}/").content.decode()
    assert html.count('class="evaluation-chart"') == 3  # scale, multiple, single; text: comments
    assert "อยากให้มีกรณีศึกษาเพิ่ม" in html and "3.00" in html  # ratings 1..5
    assert "5 จาก 5" in html or "(100%)" in html
    for enrolment in answered:
        assert enrolment.user.full_name_th not in html


def test_the_results_screen_reads_at_most_fifteen_queries(client, coordinator, evaluation):
    learners_answer(evaluation, 12, comment="ดี")
    client.force_login(coordinator)
    client.get(f"{BASE}/results/{evaluation.pk}/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{BASE}/results/{evaluation.pk}/").status_code == 200
    assert len(queries) <= 15, [q["sql"] for q in queries]


def test_the_xlsx_neutralises_a_comment_that_looks_like_a_formula(client, coordinator, evaluation):
    learners_answer(evaluation, 5, comment='=HYPERLINK("http://evil.example","x")')
    client.force_login(coordinator)
    response = client.get(f"{BASE}/results/{evaluation.pk}/results.xlsx")
    comments = load_workbook(io.BytesIO(response.content)).worksheets[1]
    cell = next(c for row in comments.iter_rows() for c in row if str(c.value).startswith("="))
    assert cell.data_type == "s" and cell.quotePrefix


def test_the_pdf_report_is_thai_and_names_nobody(client, coordinator, evaluation):
    answered = learners_answer(evaluation, 5, comment="ดีมาก")
    client.force_login(coordinator)
    response = client.get(f"{BASE}/results/{evaluation.pk}/report.pdf")
    assert response["Content-Type"] == "application/pdf" and response.content[:4] == b"%PDF"
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "รายงานผลการประเมิน" in text.replace(" ", "") or "รายงาน" in text
    assert all(e.user.last_name not in text for e in answered if e.user.last_name)


def test_the_pdf_draws_thai_answer_labels_as_text_pango_shapes(coordinator, evaluation):
    """WeasyPrint draws SVG text glyph by glyph: a Thai label in an SVG chart printed its
    vowels and tone marks as dotted circles beside the consonants (seen in the PDF)."""
    from evaluations.reports import results_pdf_html
    from evaluations.selectors import evaluation_results

    learners_answer(evaluation, 5, comment="ดีมาก")
    html = results_pdf_html(evaluation_results(evaluation))
    labels = re.findall(r'<table class="bars">.*?</table>', html, re.S)
    assert labels and all("<th>" in table for table in labels)
    assert not re.search(r"<text[^>]*>[^<]*[\u0e00-\u0e7f]", html)  # no Thai in SVG text


def test_who_has_not_answered_is_listed_and_reminded_once(client, coordinator, evaluation, learner):
    learners_answer(evaluation, 2)
    client.force_login(coordinator)
    html = client.get(f"{BASE}/results/{evaluation.pk}/").content.decode()
    assert learner.full_name_th in html
    client.post(f"{BASE}/results/{evaluation.pk}/remind/")
    client.post(f"{BASE}/results/{evaluation.pk}/remind/")
    assert Reminder.objects.filter(enrolment__user=learner).count() == 1
    assert Reminder.objects.filter(enrolment__in=Answered.objects.values("enrolment")).count() == 0


def test_the_cohort_and_facilitator_screens_show_averages_over_time(
    client, coordinator, evaluation, facilitator
):
    learners_answer(evaluation, 5)
    client.force_login(coordinator)
    for url in (f"{BASE}/cohort/{evaluation.cohort_id}/", f"{BASE}/facilitator/{facilitator.pk}/"):
        html = client.get(url).content.decode()
        assert evaluation.title_th in html and "evaluation-chart" in html and "<table" in html
