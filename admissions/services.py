"""Writes for admissions: submit, screen, notify once, enrol the accepted."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from accounts.models import Organisation
from admissions import selectors
from admissions.models import Application, ApplicationNote, Intake, StatusEmail
from cohorts.models import Team
from cohorts.services import enrolment_invite
from core.delivery import Outbox, deliver_once, stale_ids
from core.emails import send
from core.queue import enqueue
from core.storage import private_storage
from core.uploads import Inspected
from core.urls import absolute_url

STATUS_EMAILS = Outbox.for_status(StatusEmail, field_name="state")

# What a coordinator may move an application to from where it is; withdrawn is the
# applicant's own word (or the coordinator's on their behalf) and ends it.
CLOSED = (Application.Status.WITHDRAWN,)


def privacy_version() -> str:
    """The privacy notice the applicant consented to: the published version of the
    versioned notice (accounts.privacy), else the live /privacy/ page and its revision."""
    from wagtail.models import Page

    from accounts.privacy import current_notice

    notice = current_notice()
    if notice is not None:
        return f"notice-v{notice.version}"
    page = Page.objects.live().filter(slug="privacy").order_by("depth").first()
    if page is None:
        return "none"
    return f"page-{page.pk}-rev-{page.latest_revision_id or 0}"


def _flag_duplicates(application: Application) -> None:
    """Same person (address or Thai name) or same organisation in this intake: flagged on
    both sides for the coordinator, never refused."""
    others = application.intake.applications.exclude(pk=application.pk)
    person = others.filter(
        Q(email__iexact=application.email)
        | Q(first_name=application.first_name, last_name=application.last_name)
    )
    if application.organisation_id:
        organisation = others.filter(organisation_id=application.organisation_id)
    else:
        organisation = others.filter(
            organisation_name__iexact=application.organisation_name,
            province_id=application.province_id,
        )
    if person.exists():
        application.same_person = True
        person.update(same_person=True)
    if organisation.exists():
        application.same_organisation = True
        organisation.update(same_organisation=True)


@transaction.atomic
def application_submit(
    *, intake: Intake, values: dict, letter, inspected: Inspected
) -> Application:
    """Record an application with its checked letter; the acknowledgement goes after commit."""
    if not intake.is_open():
        raise ValidationError(_("This intake is not taking applications."))
    application = Application(
        intake=intake,
        consented_at=timezone.now(),
        privacy_version=privacy_version(),
        letter_name=inspected.name,
        letter_sha256=inspected.sha256,
        **values,
    )
    application.letter.save(inspected.name, letter, save=False)
    application.full_clean()
    _flag_duplicates(application)
    application.save()
    _queue_email(application, str(Application.Status.RECEIVED))
    return application


def _queue_email(application: Application, status: str) -> StatusEmail:
    email = StatusEmail.objects.create(application=application, status=status)
    from admissions.tasks import deliver_status_email  # tasks import this module

    transaction.on_commit(lambda: enqueue(deliver_status_email, email.pk))
    return email


def _set_status(application: Application, status: str) -> bool:
    """The one place a status changes; True when it did. Emails the applicant when
    the change concerns them."""
    if application.status == status:
        return False
    if application.status in CLOSED:
        raise ValidationError(_("A withdrawn application cannot change any more."))
    if application.enrolment_id and status != Application.Status.ACCEPTED:
        raise ValidationError(
            _("%(ref)s is already enrolled; withdraw the enrolment in the cohort instead.")
            % {"ref": application.reference}
        )
    was_accepted = application.status == Application.Status.ACCEPTED
    application.status = status
    application.save(update_fields=["status", "updated_at"])
    if status in Application.NOTIFIED_STATUSES:
        _queue_email(application, status)
    if was_accepted:
        waitlist_promote(intake=application.intake)
    return True


@transaction.atomic
def applications_set_status(*, intake: Intake, ids: list[int], status: str) -> dict[str, int]:
    """Bulk change: accepting stops at the places and quotas; returns counts."""
    if status not in Application.Status.values:
        raise ValidationError(_("Choose a status."))
    # Lock the intake so two coordinators accepting at once cannot pass the places.
    Intake.objects.select_for_update().get(pk=intake.pk)
    counts = {"changed": 0, "unchanged": 0, "no_room": 0, "refused": 0}
    rows = intake.applications.filter(pk__in=ids).select_related("province", "intake")
    for application in rows.order_by("created_at"):
        accepting = status == Application.Status.ACCEPTED and application.status != status
        if accepting and not selectors.has_room_for(intake, application):
            counts["no_room"] += 1
            continue
        try:
            counts["changed" if _set_status(application, status) else "unchanged"] += 1
        except ValidationError:
            counts["refused"] += 1
    return counts


def waitlist_promote(*, intake: Intake) -> list[Application]:
    """A place freed: the earliest waitlisted applicants that fit are accepted (emailed)."""
    promoted = []
    waiting = intake.applications.filter(status=Application.Status.WAITLISTED)
    for application in waiting.select_related("province").order_by("created_at"):
        if selectors.has_room_for(intake, application):
            application.status = Application.Status.ACCEPTED
            application.save(update_fields=["status", "updated_at"])
            _queue_email(application, str(Application.Status.ACCEPTED))
            promoted.append(application)
    return promoted


@transaction.atomic
def application_withdraw(*, application: Application) -> Application:
    """The applicant gives up the application or the place offered; a place goes to the waitlist."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.enrolment_id:
        raise ValidationError(
            _("You are already enrolled. Please contact the programme to leave the cohort.")
        )
    _set_status(application, str(Application.Status.WITHDRAWN))
    return application


def application_note_add(*, application: Application, author, text: str) -> ApplicationNote:
    note = ApplicationNote(application=application, author=author, text=text.strip())
    note.full_clean()
    note.save()
    return note


def _organisation_for(application: Application) -> Organisation:
    """The registry's organisation, or the typed one added to the registry now."""
    if application.organisation_id:
        return application.organisation
    organisation, _created = Organisation.objects.get_or_create(
        name_th=application.organisation_name,
        province=application.province,
        defaults={"kind": application.organisation_kind},
    )
    return organisation


def _team_for(intake: Intake, organisation: Organisation, theme: str) -> Team:
    """The cohort's team of that municipality (a proposal the coordinator may change later)."""
    team = Team.objects.filter(cohort=intake.cohort, organisation=organisation).first()
    if team:
        return team
    name = organisation.name_th
    if Team.objects.filter(cohort=intake.cohort, name=name).exists():
        name = f"{name} ({organisation.province.name_th})"
    return Team.objects.create(
        cohort=intake.cohort, name=name, organisation=organisation, theme=theme
    )


@transaction.atomic
def applications_enrol(*, intake: Intake) -> dict[str, int]:
    """Every accepted, not yet enrolled application becomes an enrolment of the cohort, in
    its municipality's team, through the cohort's invitation (one account per address)."""
    counts = {"new": 0, "existing": 0}
    rows = (
        intake.applications.select_for_update(of=("self",))
        .filter(status=Application.Status.ACCEPTED, enrolment=None)
        .select_related("organisation", "province")
    )
    for application in rows:
        organisation = _organisation_for(application)
        profile = {
            "title_prefix": application.title_prefix,
            "first_name": application.first_name,
            "last_name": application.last_name,
            "title_prefix_en": application.title_prefix_en,
            "first_name_en": application.first_name_en,
            "last_name_en": application.last_name_en,
            "position": application.position,
            "phone": application.phone,
            "organisation": organisation,
        }
        had_account = _has_account(application.email)
        enrolment, _created = enrolment_invite(
            cohort=intake.cohort,
            email=application.email,
            team=_team_for(intake, organisation, application.theme),
            profile=profile,
        )
        application.enrolment = enrolment
        application.save(update_fields=["enrolment", "updated_at"])
        counts["existing" if had_account else "new"] += 1
    return counts


def _has_account(email: str) -> bool:
    from accounts.models import User

    return User.objects.filter(email__iexact=email).exists()


PENDING_LETTERS = "admissions/pending/"


def pending_letters_sweep(*, older_than: dt.timedelta = dt.timedelta(days=1)) -> int:
    """Letters kept for a form that was never sent again: gone after a day (their token
    expires then too). Returns how many were deleted."""
    storage = private_storage()
    try:
        _dirs, names = storage.listdir(PENDING_LETTERS)
    except FileNotFoundError:
        return 0
    cutoff = timezone.now() - older_than
    old = [n for n in names if storage.get_modified_time(PENDING_LETTERS + n) < cutoff]
    for name in old:
        storage.delete(PENDING_LETTERS + name)
    return len(old)


def status_email_deliver(*, email_id: int) -> bool:
    return deliver_once(
        STATUS_EMAILS,
        pk=email_id,
        send=_send_status,
        select_related=["application__intake__cohort"],
    )


def status_emails_stale() -> list[int]:
    return stale_ids(STATUS_EMAILS)


def _send_status(email: StatusEmail) -> None:
    application = email.application
    with override("th"):
        status_th = Application.Status(email.status).label
        status_url_th = absolute_url(reverse("admissions:status"))
    with override("en"):
        status_en = str(Application.Status(email.status).label)
        status_url_en = absolute_url(reverse("admissions:status"))
    context = {
        "application": application,
        "intake": application.intake,
        "cohort": application.intake.cohort,
        "status": email.status,
        "status_th": str(status_th),
        "status_en": status_en,
        "status_url_th": status_url_th,
        "status_url_en": status_url_en,
    }
    name = (
        "admission-received" if email.status == Application.Status.RECEIVED else "admission-status"
    )
    send(name, [application.email], context)
