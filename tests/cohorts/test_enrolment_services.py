"""Invite one person; withdraw and transfer keep the history and the snapshot."""

import pytest

from django.core import mail
from django.core.exceptions import ValidationError

from accounts.models import User
from cohorts.models import Enrolment
from cohorts.services import enrolment_invite, enrolment_transfer, enrolment_withdraw
from tests.factories import CohortFactory, TeamFactory

pytestmark = pytest.mark.django_db


def test_inviting_a_new_person_creates_them_without_a_password_and_emails_a_link(
    cohort, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrolment, created = enrolment_invite(
            cohort=cohort,
            email="New.Mayor@Example.org",
            profile={"first_name": "สมหญิง", "last_name": "รักเมือง", "position": "นายกเทศมนตรี"},
        )
    assert created
    person = User.objects.get(email="new.mayor@example.org")
    assert not person.has_usable_password()
    assert person.groups.filter(name="Learner").exists()
    message = mail.outbox[0]
    assert message.to == ["new.mayor@example.org"]
    assert "/accounts/password/reset/key/" in message.body
    assert "/accounts/login/code/" in message.body
    assert message.body.index("เรียน") < message.body.index("Dear")


def test_the_invitation_link_lets_the_person_set_a_password(
    client, cohort, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrolment_invite(
            cohort=cohort, email="p@example.org", profile={"first_name": "ก", "last_name": "ข"}
        )
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/key/" in line)
    path = "/" + link.split("/", 3)[3]
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
    response = client.post(
        form_url, {"password1": "Kh0nKaen-City-2569", "password2": "Kh0nKaen-City-2569"}
    )
    assert response.status_code == 302
    assert User.objects.get(email="p@example.org").check_password("Kh0nKaen-City-2569")


def test_inviting_someone_already_enrolled_changes_nothing(
    cohort, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _enrolment, created = enrolment_invite(cohort=cohort, email=learner.email)
    assert not created and mail.outbox == []


def test_withdrawal_keeps_the_record(cohort, learner):
    enrolment = Enrolment.objects.get(cohort=cohort, user=learner)
    enrolment_withdraw(enrolment=enrolment, reason="ย้ายราชการ")
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.WITHDRAWN
    assert enrolment.ended_at is not None and enrolment.end_reason == "ย้ายราชการ"


def test_withdrawing_twice_is_refused(cohort, learner):
    enrolment = Enrolment.objects.get(cohort=cohort, user=learner)
    enrolment_withdraw(enrolment=enrolment)
    with pytest.raises(ValidationError):
        enrolment_withdraw(enrolment=enrolment)


def test_transfer_links_old_and_new_and_keeps_the_snapshot(cohort, learner):
    enrolment = Enrolment.objects.get(cohort=cohort, user=learner)
    learner.position = "อดีตนายกเทศมนตรี"
    learner.save()
    target = CohortFactory()
    team = TeamFactory(cohort=target)
    new = enrolment_transfer(enrolment=enrolment, to_cohort=target, team=team, reason="ติดภารกิจ")
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.TRANSFERRED and enrolment.transferred_to == new
    assert new.cohort == target and new.team == team and new.status == Enrolment.Status.ACTIVE
    assert new.position_snapshot == enrolment.position_snapshot == "นายกเทศมนตรี"


def test_transfer_to_a_team_of_another_cohort_is_refused(cohort, learner):
    enrolment = Enrolment.objects.get(cohort=cohort, user=learner)
    with pytest.raises(ValidationError):
        enrolment_transfer(enrolment=enrolment, to_cohort=CohortFactory(), team=TeamFactory())


def test_a_transferred_learner_leaves_the_old_cohorts_schedule(client, cohort, learner):
    from tests.factories import SessionFactory

    SessionFactory(cohort=cohort, title_th="ของรุ่นเดิม")
    target = CohortFactory()
    SessionFactory(cohort=target, title_th="ของรุ่นใหม่")
    enrolment_transfer(
        enrolment=Enrolment.objects.get(cohort=cohort, user=learner), to_cohort=target
    )
    client.force_login(learner)
    html = client.get("/me/").content.decode()
    assert "ของรุ่นใหม่" in html and "ของรุ่นเดิม" not in html


def test_enrolment_rows_cannot_be_deleted_while_history_points_at_them(cohort, learner):
    from django.db.models import ProtectedError

    enrolment = Enrolment.objects.get(cohort=cohort, user=learner)
    new = enrolment_transfer(enrolment=enrolment, to_cohort=CohortFactory())
    with pytest.raises(ProtectedError):
        new.delete()


def test_a_second_enrolment_in_the_same_cohort_is_not_created(cohort, learner):
    from cohorts.services import enrolment_create

    _enrolment, created = enrolment_create(cohort=cohort, user=learner)
    assert not created
