"""Certificate ready: a LINE message for a holder who chose it, beside the email."""

import pytest

from django.core import mail

from certificates import services
from notifications.models import NoticeKind, Preference
from tests.notifications.conftest import line_channel, link_line

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_line_api(settings):
    yield from line_channel(settings)


def _issue_and_tell(enrolment, capture):
    with capture(execute=True):
        certificate, _ = services.certificate_issue(enrolment=enrolment)
        services.certificate_email_enqueue(certificate=certificate)
    return certificate


def test_a_holder_who_chose_line_gets_one_line_message_and_the_email(
    fake_line_api, enrolment, template, learner, django_capture_on_commit_callbacks
):
    link_line(learner, "U-learner", NoticeKind.CERTIFICATES)
    certificate = _issue_and_tell(enrolment, django_capture_on_commit_callbacks)
    [text] = fake_line_api.pushed_to("U-learner")
    assert "ประกาศนียบัตร" in text and certificate.verification_id in text
    assert text.index("ขอแสดงความยินดี") < text.index("has been issued")
    assert [m.to for m in mail.outbox] == [[learner.email]]


def test_line_only_leaves_no_email_and_the_ledger_closed(
    fake_line_api, enrolment, template, learner, django_capture_on_commit_callbacks
):
    link_line(learner, "U-learner", NoticeKind.CERTIFICATES)
    Preference.objects.filter(user=learner, kind=NoticeKind.CERTIFICATES).update(email=False)
    certificate = _issue_and_tell(enrolment, django_capture_on_commit_callbacks)
    certificate.refresh_from_db()
    assert mail.outbox == [] and certificate.emailed_at is not None
    assert len(fake_line_api.pushed_to("U-learner")) == 1
