"""Publishing an accepted team project to the research showcase as a CMS draft."""

import pytest

from wagtail.models import Page

from assignments import services
from cms.models import HomePage
from curriculum.models import ResearchIndexPage, ResearchProjectPage, ResearchThemePage
from curriculum.themes import ResearchTheme
from tests.assignments.factories import pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme_page():
    home = Page.get_first_root_node().add_child(instance=HomePage(title="หน้าแรก", slug="home-x"))
    index = home.add_child(instance=ResearchIndexPage(title="งานวิจัย", slug="research"))
    return index.add_child(
        instance=ResearchThemePage(
            title="เศรษฐกิจหมุนเวียน", slug="circular", theme=ResearchTheme.CIRCULAR
        )
    )


@pytest.fixture
def accepted(assignment, learner, facilitator, advised_team, theme_page):
    advised_team.theme = ResearchTheme.CIRCULAR
    advised_team.project_title = "ธนาคารขยะชุมชนลำพญา"
    advised_team.save()
    version = services.submission_submit(
        assignment=assignment,
        user=learner,
        text="สรุปผลการวิจัย <script>",
        files=[upload("report.pdf", pdf_bytes()), upload("photo.png", png_bytes())],
    )
    submission = version.submission
    services.review_record(
        submission=submission,
        reviewer=facilitator,
        feedback="ดีมาก",
        decision="accepted",
        levels={c.id: 0 for c in assignment.criteria},
        notify=False,
    )
    submission.refresh_from_db()
    return submission


def publish(client, submission, files):
    url = f"/review/{submission.pk}/showcase/"
    return client.post(url, {"files": [f.pk for f in files]})


def test_a_coordinator_creates_a_prefilled_draft_with_the_chosen_files(
    client, coordinator, accepted
):
    report, photo = accepted.versions.get().files.order_by("name")[::-1]
    client.force_login(coordinator)
    assert "สร้างร่างหน้าเผยแพร่ผลงาน" in client.get(f"/review/{accepted.pk}/").content.decode()
    response = publish(client, accepted, [report])
    page = ResearchProjectPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert not page.live and page.get_latest_revision() is not None
    assert page.title == "ธนาคารขยะชุมชนลำพญา"
    assert page.cohort == accepted.assignment.cohort
    assert page.municipality == accepted.team.organisation.name_th
    assert page.province == accepted.team.organisation.province
    assert accepted.team.members.first().user.first_name in page.team
    assert "&lt;script&gt;" in page.summary
    documents = [block.value["document"] for block in page.documents]
    assert [d.title for d in documents] == ["report.pdf"]
    with documents[0].file.open("rb") as handle:
        assert handle.read() == pdf_bytes()
    assert page.get_parent().specific.theme == ResearchTheme.CIRCULAR


def test_pressing_twice_keeps_one_draft(client, coordinator, accepted):
    client.force_login(coordinator)
    publish(client, accepted, [])
    publish(client, accepted, [])
    assert ResearchProjectPage.objects.count() == 1


def test_a_project_not_yet_accepted_is_refused(
    client, coordinator, assignment, learner, theme_page
):
    submission = services.submission_submit(
        assignment=assignment, user=learner, text="ร่าง"
    ).submission
    client.force_login(coordinator)
    response = publish(client, submission, [])
    assert response.status_code == 302
    assert not ResearchProjectPage.objects.exists()


@pytest.mark.parametrize("role", ["facilitator", "learner", "other_learner"])
def test_only_coordinators_may_publish(client, request, role, accepted):
    client.force_login(request.getfixturevalue(role))
    assert publish(client, accepted, []).status_code == 403
    assert not ResearchProjectPage.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, accepted):
    response = publish(client, accepted, [])
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def _document_urls(page):
    return [block.value["document"].url for block in page.specific.documents]


@pytest.fixture
def draft(client, coordinator, accepted):
    report = accepted.versions.get().files.get(name="report.pdf")
    client.force_login(coordinator)
    publish(client, accepted, [report])
    client.logout()
    return ResearchProjectPage.objects.get()


def _status_for(client, url, who=None):
    client.logout()
    if who is not None:
        client.force_login(who)
    status = client.get(url).status_code
    client.logout()
    return status


def test_the_chosen_files_are_private_while_the_page_is_a_draft(
    client, draft, learner, other_learner, facilitator, coordinator
):
    (url,) = _document_urls(draft)
    for who in (None, learner, other_learner, facilitator):
        assert _status_for(client, url, who) != 200
    assert _status_for(client, url, coordinator) == 200


def test_publishing_the_page_makes_its_files_public(client, draft):
    draft.get_latest_revision().publish()
    (url,) = _document_urls(draft)
    assert _status_for(client, url) == 200


def test_unpublishing_makes_the_files_private_again(client, draft):
    draft.get_latest_revision().publish()
    draft.refresh_from_db()
    draft.specific.unpublish()
    (url,) = _document_urls(draft)
    assert _status_for(client, url) != 200


def test_deleting_the_page_makes_the_files_private_again(client, draft):
    draft.get_latest_revision().publish()
    (url,) = _document_urls(draft)
    ResearchProjectPage.objects.get(pk=draft.pk).delete()
    assert _status_for(client, url) != 200


def test_a_draft_from_text_with_line_breaks_opens_in_the_wagtail_editor(
    client, coordinator, learner, facilitator, assignment, advised_team, theme_page
):
    advised_team.theme = ResearchTheme.CIRCULAR
    advised_team.save()
    version = services.submission_submit(
        assignment=assignment,
        user=learner,
        text="บรรทัดแรก\nบรรทัดที่สอง <b>\n\nย่อหน้าใหม่",
    )
    services.review_record(
        submission=version.submission,
        reviewer=facilitator,
        feedback="ดีมาก",
        decision="accepted",
        levels={c.id: 0 for c in assignment.criteria},
        notify=False,
    )
    client.force_login(coordinator)
    response = publish(client, version.submission, [])
    assert response.status_code == 302
    editor = client.get(response["Location"])
    assert editor.status_code == 200
    page = ResearchProjectPage.objects.get()
    assert "<br" not in page.summary
    assert "บรรทัดที่สอง &lt;b&gt;" in page.summary and "ย่อหน้าใหม่" in page.summary
