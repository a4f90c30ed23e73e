"""Reads for the session page, /me/, the module page and the coordinators' reports."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import BooleanField, Case, Count, Exists, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone

from accounts.access import is_coordinator
from accounts.models import User
from cohorts.access import visible_until
from cohorts.models import Cohort, Enrolment, Session
from learning.access import material_cohort_ids
from learning.models import Announcement, AnnouncementRead, Material, MaterialOpen

# A material counts as new on /me/ for this long after it became available, until opened.
NEW_FOR = dt.timedelta(days=14)


def _opened_by(user: User):
    return Exists(MaterialOpen.objects.filter(material=OuterRef("pk"), user_id=user.pk))


def materials_for_session(
    *, session: Session, enrolment: Enrolment | None, user: User, now: dt.datetime | None = None
) -> QuerySet[Material]:
    """The session's materials and its module's; staff (no enrolment) also see those not yet
    available, a withdrawn learner only what was available before they left."""
    target = Q(session=session)
    if session.module_id:
        target |= Q(module_id=session.module_id)
    materials = Material.objects.filter(target).annotate(opened=_opened_by(user))
    if enrolment is not None:
        until = visible_until(enrolment)
        now = now or timezone.now()
        materials = materials.filter(available_from__lte=min(now, until) if until else now)
    return materials.order_by("available_from", "pk")


def public_materials(*, module) -> QuerySet[Material]:
    """A module's open resources, shown on its public page."""
    return Material.objects.filter(
        module=module, visibility=Material.Visibility.PUBLIC, available_from__lte=timezone.now()
    ).order_by("available_from", "pk")


def new_materials(
    *,
    user: User,
    now: dt.datetime | None = None,
    enrolments: list[Enrolment] | None = None,
    sessions: list[Session] | None = None,
) -> list[tuple[Session, int]]:
    """Sessions of my current cohorts (of ``enrolments`` when given) with materials I have
    not opened, made available lately; taken from ``sessions`` when the caller has them."""
    now = now or timezone.now()
    if enrolments is None:
        cohort_ids = Enrolment.objects.current().filter(user=user).values("cohort_id")
    else:
        cohort_ids = [e.cohort_id for e in enrolments]
    unopened = (
        Material.objects.filter(
            session__cohort_id__in=cohort_ids, available_from__lte=now,
            available_from__gte=now - NEW_FOR,
        )
        .exclude(opens__user=user)
        .values("session_id")
        .annotate(count=Count("pk"))
    )  # fmt: skip
    counts = {row["session_id"]: row["count"] for row in unopened}
    if sessions is None:
        sessions = list(Session.objects.filter(pk__in=counts).order_by("starts_at"))
    return [(session, counts[session.pk]) for session in sessions if session.pk in counts]


def _audience_q(enrolments: list[Enrolment]) -> Q:
    cohort_ids = [e.cohort_id for e in enrolments]
    team_ids = [e.team_id for e in enrolments if e.team_id]
    running = any(e.cohort.status == Cohort.Status.RUNNING for e in enrolments)
    audience = Q(audience=Announcement.Audience.COHORT, cohort_id__in=cohort_ids)
    audience |= Q(audience=Announcement.Audience.TEAM, team_id__in=team_ids)
    if running:
        audience |= Q(audience=Announcement.Audience.RUNNING)
    return audience


def announcements_for(
    *,
    user: User,
    session: Session | None = None,
    now: dt.datetime | None = None,
    enrolments: list[Enrolment] | None = None,
) -> QuerySet[Announcement]:
    """What was announced to my current enrolments (given, as /me/ does, or read here; or
    about one session), pinned first, each with ``is_read`` for me."""
    now = now or timezone.now()
    if enrolments is None:
        enrolments = list(Enrolment.objects.current().filter(user=user).select_related("cohort"))
    found = Announcement.objects.filter(_audience_q(enrolments), published_at__lte=now)
    if not enrolments:
        found = Announcement.objects.none()  # still annotated below: callers filter on is_read
    if session is not None:
        found = found.filter(session=session)
    read = AnnouncementRead.objects.filter(announcement=OuterRef("pk"), user_id=user.pk)
    pinned = When(pinned_until__gte=timezone.localdate(now), then=Value(True))
    return (
        found.annotate(
            is_read=Exists(read),
            is_pinned=Case(pinned, default=Value(False), output_field=BooleanField()),
        )
        .select_related("cohort", "team", "session")
        .order_by("-is_pinned", "-published_at", "-pk")
    )


def can_read_announcement(*, user: User, announcement: Announcement) -> bool:
    """Coordinators read every announcement; a learner those announced to them."""
    if is_coordinator(user):
        return True
    return announcements_for(user=user).filter(pk=announcement.pk).exists()


def material_audience(*, material: Material) -> QuerySet[Enrolment]:
    """The current learners a material is for (its cohorts)."""
    return (
        Enrolment.objects.current()
        .filter(cohort_id__in=material_cohort_ids(material))
        .select_related("user", "cohort", "team")
        .order_by("cohort__number", "user__first_name", "user__last_name")
    )


def announcement_audience(*, announcement: Announcement) -> QuerySet[Enrolment]:
    """The current learners an announcement is for."""
    enrolments = Enrolment.objects.current().select_related("user", "cohort", "team")
    if announcement.audience == Announcement.Audience.TEAM:
        enrolments = enrolments.filter(team_id=announcement.team_id)
    elif announcement.audience == Announcement.Audience.COHORT:
        enrolments = enrolments.filter(cohort_id=announcement.cohort_id)
    else:
        enrolments = enrolments.filter(cohort__status=Cohort.Status.RUNNING)
    return enrolments.order_by("cohort__number", "user__first_name", "user__last_name")


@dataclass(frozen=True)
class Uptake:
    """Who of the audience opened (or read) it: the coordinators' report."""

    done: list[Enrolment]
    not_done: list[Enrolment]

    @property
    def total(self) -> int:
        return len(self.done) + len(self.not_done)


def _uptake(enrolments, done_user_ids: set[int]) -> Uptake:
    enrolments = list(enrolments)
    return Uptake(
        done=[e for e in enrolments if e.user_id in done_user_ids],
        not_done=[e for e in enrolments if e.user_id not in done_user_ids],
    )


def material_uptake(*, material: Material) -> Uptake:
    opened = set(material.opens.values_list("user_id", flat=True))
    return _uptake(material_audience(material=material), opened)


def announcement_uptake(*, announcement: Announcement) -> Uptake:
    read = set(announcement.reads.values_list("user_id", flat=True))
    return _uptake(announcement_audience(announcement=announcement), read)
