"""What waits for the learner: first on /me/, the attention item, the session section."""

import pytest

from django.test import RequestFactory

from evaluations.portal import evaluation_attention, evaluation_session_section
from tests.evaluations.conftest import answer_as

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/me/")
    request.user = user
    return request


def test_the_open_evaluation_is_the_first_thing_on_me(client, learner, evaluation):
    client.force_login(learner)
    html = client.get("/me/").content.decode()
    first_section = html.index("<section", html.index("<h1"))
    assert html.index('class="card attention"') == first_section + len("<section ")
    attention = html[first_section : html.index("</section>", first_section)]
    assert f'href="/me/evaluations/{evaluation.pk}/"' in attention
    assert evaluation.title_th in attention


def test_it_leaves_me_once_answered(client, learner, evaluation):
    answer_as(evaluation, learner.enrolments.get())
    client.force_login(learner)
    assert f"/me/evaluations/{evaluation.pk}/" not in client.get("/me/").content.decode()
    assert evaluation_attention(_request(learner)) == []


@pytest.mark.parametrize("who", ["outsider", "facilitator", "coordinator"])
def test_nobody_outside_the_cohort_is_asked(request, who, evaluation):
    assert evaluation_attention(_request(request.getfixturevalue(who))) == []


def test_the_attention_item_links_and_says_when_it_closes(learner, evaluation):
    [item] = evaluation_attention(_request(learner))
    assert item.kind == "evaluation" and item.url == f"/me/evaluations/{evaluation.pk}/"
    assert item.when == evaluation.closes and evaluation.title_th in item.label


def test_the_session_section_offers_the_evaluation_then_says_answered(learner, evaluation):
    enrolment = learner.enrolments.get()
    section = evaluation_session_section(_request(learner), evaluation.session, enrolment)
    assert section["rows"] == [(evaluation, False, True)]
    answer_as(evaluation, enrolment)
    section = evaluation_session_section(_request(learner), evaluation.session, enrolment)
    assert section["rows"] == [(evaluation, True, True)]


def test_the_session_page_links_the_evaluation(client, learner, evaluation):
    client.force_login(learner)
    html = client.get(f"/me/sessions/{evaluation.session_id}/").content.decode()
    assert f'href="/me/evaluations/{evaluation.pk}/"' in html


def test_staff_opening_the_session_page_are_asked_nothing(client, coordinator, evaluation):
    client.force_login(coordinator)
    response = client.get(f"/me/sessions/{evaluation.session_id}/")
    assert response.status_code == 200
    assert f'href="/me/evaluations/{evaluation.pk}/"' not in response.content.decode()
