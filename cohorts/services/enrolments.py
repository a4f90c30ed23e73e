"""Enrolment: enrol with a snapshot, invite by email, withdraw, transfer (history kept)."""

import logging

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import LEARNER
from cohorts.models import Cohort, Enrolment, Team
from core.emails import send
from core.queue import enqueue
from core.urls import absolute_url

logger = logging.getLogger(__name__)


@transaction.atomic
def enrolment_create(
    *, cohort: Cohort, user: User, role: str = Enrolment.Role.EXECUTIVE, team: Team | None = None
) -> tuple[Enrolment, bool]:
    """Enrol a person once; position and organisation are snapshotted now."""
    current = Enrolment.objects.current().filter(cohort=cohort, user=user).first()
    if current:
        return current, False
    if team is not None and team.cohort_id != cohort.pk:
        raise ValidationError(_("The team belongs to another cohort."))
    organisation = user.organisation
    enrolment = Enrolment(
        cohort=cohort,
        user=user,
        role=role,
        team=team,
        position_snapshot=user.position,
        organisation_snapshot=organisation,
        organisation_name_snapshot=organisation.name_th if organisation else "",
    )
    enrolment.full_clean()
    enrolment.save()
    user.groups.add(*Group.objects.filter(name=LEARNER))
    return enrolment, True


def set_password_url(user: User) -> str:
    """allauth's password-reset link: the invited person chooses their own password."""
    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    return absolute_url(path)


@transaction.atomic
def enrolment_invite(
    *,
    cohort: Cohort,
    email: str,
    role: str = Enrolment.Role.EXECUTIVE,
    team: Team | None = None,
    profile: dict | None = None,
    notify: bool = True,
) -> tuple[Enrolment, bool]:
    """Create the person if new (no usable password, verified address) and enrol them."""
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email__iexact=email).first()
    new_user = user is None
    if new_user:
        user = User(email=email, **(profile or {}))
        user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    elif not user.is_active and user.last_login is None and not user.has_usable_password():
        # An invitation that expired unaccepted (cohorts.personal_data): inviting again reopens it.
        user.is_active = True
        user.save(update_fields=["is_active"])
    enrolment, created = enrolment_create(cohort=cohort, user=user, role=role, team=team)
    if created and notify:
        # the tasks module imports these services: imported on use
        from cohorts.tasks import send_invitation

        user_id, cohort_id = user.pk, cohort.pk
        transaction.on_commit(
            lambda: _invitation_queue(send_invitation, user_id, cohort_id, new_user)
        )
    return enrolment, created


def _invitation_queue(task, user_id: int, cohort_id: int, new_user: bool) -> None:
    """Queue the invitation; with the queue down, send it now: an invitation has no ledger
    row for a sweep to find later, and the person must not wait for one that never comes."""
    if enqueue(task, user_id, cohort_id, new_user):
        return
    try:
        invitation_send(user_id=user_id, cohort_id=cohort_id, new_user=new_user)
    except Exception:  # the enrolment is saved; the coordinator can invite again
        logger.exception("Invitation not sent (queue down, mail failed): user %s", user_id)


def invitation_send(*, user_id: int, cohort_id: int, new_user: bool) -> None:
    user = User.objects.get(pk=user_id)
    cohort = Cohort.objects.get(pk=cohort_id)
    context = {
        "person": user,
        "cohort": cohort,
        "new_user": new_user and not user.has_usable_password(),
        "set_password_url": set_password_url(user),
        "login_code_url": absolute_url(reverse("account_request_login_code")),
        "portal_url": absolute_url(reverse("accounts:me")),
    }
    send("cohort-invitation", [user.email], context)


def _end(enrolment: Enrolment, status: str, reason: str) -> None:
    if enrolment.status != Enrolment.Status.ACTIVE:
        raise ValidationError(_("Only an active enrolment can be withdrawn or transferred."))
    enrolment.status = status
    enrolment.ended_at = timezone.now()
    enrolment.end_reason = reason


def enrolment_mark_completed(*, enrolment_id: int) -> bool:
    """The platform knows this person graduated: a certificate was issued for the cohort.

    Only an active enrolment becomes completed; a withdrawn or transferred one keeps
    its history. Returns True when the status changed.
    """
    return bool(
        Enrolment.objects.filter(pk=enrolment_id, status=Enrolment.Status.ACTIVE).update(
            status=Enrolment.Status.COMPLETED
        )
    )


def enrolments_mark_completed(*, enrolment_ids: list[int]) -> int:
    """``enrolment_mark_completed`` for many at once; returns how many changed."""
    return Enrolment.objects.filter(pk__in=enrolment_ids, status=Enrolment.Status.ACTIVE).update(
        status=Enrolment.Status.COMPLETED
    )


def enrolment_reopen_completed(*, enrolment_id: int) -> bool:
    """Its certificate was revoked: the person is a learner of the cohort again (active)."""
    return bool(
        Enrolment.objects.filter(pk=enrolment_id, status=Enrolment.Status.COMPLETED).update(
            status=Enrolment.Status.ACTIVE
        )
    )


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment, reason: str = "") -> Enrolment:
    """The record stays (with its attendance); only its status and end change."""
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    _end(enrolment, Enrolment.Status.WITHDRAWN, reason)
    enrolment.save()
    return enrolment


@transaction.atomic
def enrolment_transfer(
    *, enrolment: Enrolment, to_cohort: Cohort, team: Team | None = None, reason: str = ""
) -> Enrolment:
    """Close this enrolment and open one in another cohort, linked by transferred_to.

    The new enrolment keeps the original snapshot: the person is the same
    mayor who enrolled, whatever their position is today.
    """
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if to_cohort.pk == enrolment.cohort_id:
        raise ValidationError(_("Choose a different cohort to transfer to."))
    if team is not None and team.cohort_id != to_cohort.pk:
        raise ValidationError(_("The team belongs to another cohort."))
    if Enrolment.objects.current().filter(cohort=to_cohort, user_id=enrolment.user_id).exists():
        raise ValidationError(_("This person is already enrolled in that cohort."))
    _end(enrolment, Enrolment.Status.TRANSFERRED, reason)
    new = Enrolment(
        cohort=to_cohort,
        user_id=enrolment.user_id,
        role=enrolment.role,
        team=team,
        position_snapshot=enrolment.position_snapshot,
        organisation_snapshot=enrolment.organisation_snapshot,
        organisation_name_snapshot=enrolment.organisation_name_snapshot,
    )
    new.full_clean()
    new.save()
    enrolment.transferred_to = new
    enrolment.save()
    return new
