"""Files only through the guarded views: who may download what."""

import pytest

from assignments import services
from tests.assignments.factories import pdf_bytes, upload
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(assignment, learner):
    version = services.submission_submit(
        assignment=assignment, user=learner, files=[upload("แผน.pdf", pdf_bytes())]
    )
    return version.files.get()


@pytest.fixture
def reviewed(stored, facilitator):
    return services.review_record(
        submission=stored.version.submission,
        reviewer=facilitator,
        feedback="ปรับปรุง",
        decision="returned",
        levels={c.id: 1 for c in stored.version.submission.assignment.criteria},
        file=upload("ความเห็น.pdf", pdf_bytes()),
        notify=False,
    )


def get(client, user, path):
    client.logout()
    if user:
        client.force_login(user)
    return client.get(path)


def test_anonymous_visitors_are_sent_to_log_in(client, stored):
    assert get(client, None, f"/files/submissions/{stored.pk}/").status_code == 302


@pytest.mark.parametrize("who", ["learner", "team_mate", "facilitator", "coordinator"])
def test_the_team_its_advisor_and_coordinators_download(client, stored, who, request):
    response = get(client, request.getfixturevalue(who), f"/files/submissions/{stored.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


def test_another_team_gets_403(client, stored, other_learner):
    assert get(client, other_learner, f"/files/submissions/{stored.pk}/").status_code == 403


def test_a_facilitator_who_does_not_advise_the_team_gets_403(client, stored):
    stranger = UserFactory(roles=["Facilitator"])
    assert get(client, stranger, f"/files/submissions/{stored.pk}/").status_code == 403


def test_earlier_versions_stay_downloadable(client, stored, assignment, learner):
    services.submission_submit(assignment=assignment, user=learner, text="ฉบับใหม่")
    assert get(client, learner, f"/files/submissions/{stored.pk}/").status_code == 200


def test_the_feedback_file_follows_the_same_rules(client, reviewed, learner, other_learner):
    path = f"/files/reviews/{reviewed.pk}/"
    assert get(client, learner, path).status_code == 200
    assert get(client, other_learner, path).status_code == 403
    assert get(client, None, path).status_code == 302


def test_files_are_not_under_a_public_url(client, stored, learner):
    from django.conf import settings

    assert not stored.file.path.startswith(str(settings.MEDIA_ROOT))
    client.force_login(learner)
    assert client.get(f"/media/{stored.file.name}").status_code == 404
