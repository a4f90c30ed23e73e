"""Reads for schedules, teams, feeds and reminders; each bounded in queries."""

import datetime as dt
from collections.abc import Iterable

from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from wagtail.models import Page

from accounts.models import User
from accounts.portal import per_request
from cohorts.completion import Completion, completion_for_many
from cohorts.models import Cohort, Enrolment, PublicHoliday, Session, SessionNotice, Team

LIVE = ~Q(status=Session.Status.CANCELLED)


def sessions_for_schedule(*, cohort_ids: Iterable[int]) -> QuerySet[Session]:
    return (
        Session.objects.filter(cohort_id__in=cohort_ids)
        .select_related("cohort", "venue__province", "module", "site_visit")
        .prefetch_related("facilitators")
        .order_by("starts_at", "number")
    )


def current_enrolments(*, user: User) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.current()
        .filter(user=user)
        .select_related("cohort", "team__advisor", "team__organisation")
        .order_by("-cohort__number")
    )


def portal_enrolments(request: HttpRequest) -> list[Enrolment]:
    """The signed-in person's current enrolments, read once per request: every source of
    /me/ (schedule, attendance, work, evaluations, learning, directory) starts from these
    objects instead of reading them again (#16 item 7). Each cohort comes with its
    sessions (cancelled ones too) in date order, so the attendance rule reads them here."""
    if not request.user.is_authenticated:
        return []
    sessions = Session.objects.select_related("venue__province", "module", "site_visit")
    return per_request(
        request,
        "cohorts.enrolments",
        lambda: list(
            current_enrolments(user=request.user).prefetch_related(
                Prefetch("cohort__sessions", queryset=sessions.order_by("starts_at", "number"))
            )
        ),
    )


def portal_sessions(request: HttpRequest) -> list[Session]:
    """Every session of those enrolments' cohorts, in date order (no query of its own)."""
    sessions = [s for e in portal_enrolments(request) for s in e.cohort.sessions.all()]
    return sorted(sessions, key=lambda s: (s.starts_at, s.number))


def portal_completion(request: HttpRequest) -> dict[int, Completion]:
    """Those enrolments' completion (every registered check), computed once per request."""
    return per_request(
        request, "cohorts.completion", lambda: completion_for_many(portal_enrolments(request))
    )


def team_members(*, team: Team) -> QuerySet[Enrolment]:
    return (
        team.members.current()
        .select_related("user__organisation")
        .order_by("user__first_name", "user__last_name")
    )


def next_session(sessions: Iterable[Session], *, now: dt.datetime | None = None) -> Session | None:
    """The first session that has not ended and is not cancelled."""
    now = now or timezone.now()
    return next((s for s in sessions if s.ends_at >= now and not s.is_cancelled), None)


def sessions_for_person(*, user: User) -> QuerySet[Session]:
    """Sessions in a person's personal feed: their cohorts, plus sessions they facilitate."""
    cohort_ids = Enrolment.objects.current().filter(user=user).values("cohort_id")
    return (
        Session.objects.filter(Q(cohort_id__in=cohort_ids) | Q(facilitators=user))
        .distinct()
        .select_related("cohort", "venue__province", "module", "site_visit")
        .order_by("starts_at")
    )


def sessions_taught_by(*, user: User, since: dt.datetime) -> QuerySet[Session]:
    return (
        Session.objects.filter(facilitators=user, ends_at__gte=since)
        .select_related("cohort", "venue__province")
        .order_by("starts_at")[:20]
    )


def session_recipients(*, session: Session) -> list:
    """Everyone told about a session: current learners of its cohort and its facilitators."""
    learners = [
        e.user
        for e in Enrolment.objects.current()
        .filter(cohort_id=session.cohort_id)
        .select_related("user")
    ]
    people = {person.pk: person for person in learners + list(session.facilitators.all())}
    return [person for person in people.values() if person.is_active and person.email]


def overlapping_sessions(
    *, starts_at: dt.datetime, ends_at: dt.datetime, exclude_id: int | None = None
) -> QuerySet[Session]:
    qs = Session.objects.filter(LIVE, starts_at__lt=ends_at, ends_at__gt=starts_at)
    if exclude_id:
        qs = qs.exclude(pk=exclude_id)
    return qs.select_related("cohort", "venue").prefetch_related(Prefetch("facilitators"))


def sessions_due_for_reminder(*, now: dt.datetime | None = None) -> list[tuple[Session, str]]:
    """Live sessions starting within 3 days, each with the reminder now due for its time."""
    now = now or timezone.now()
    one_day, three_days = now + dt.timedelta(days=1), now + dt.timedelta(days=3)
    due = []
    for session in Session.objects.filter(LIVE, starts_at__gt=now, starts_at__lte=three_days):
        base = (
            SessionNotice.REMINDER_1D if session.starts_at <= one_day else SessionNotice.REMINDER_3D
        )
        due.append((session, SessionNotice.reminder_kind(base, session.starts_at)))
    return due


def next_cohort(today: dt.date | None = None) -> Cohort | None:
    """The cohort people can still join, else the one running now."""
    today = today or timezone.localdate()
    open_statuses = [Cohort.Status.ENROLLING, Cohort.Status.PLANNED]
    upcoming = Cohort.objects.filter(status__in=open_statuses).order_by("starts_on").first()
    return upcoming or (
        Cohort.objects.filter(Q(status=Cohort.Status.RUNNING) | Q(ends_on__gte=today))
        .order_by("starts_on")
        .first()
    )


def sessions_teaching(field: str, page: Page) -> list[Session]:
    """Every cohort's sessions linked to `page` or to any translation of it."""
    return list(
        Session.objects.filter(**{f"{field}__translation_key": page.translation_key})
        .select_related("cohort", "venue", "venue__province")
        .order_by("-cohort__number", "starts_at")
    )


def sessions_ahead(*, now: dt.datetime | None = None, limit: int = 60) -> list[Session]:
    """Every cohort's sessions not yet over, soonest first: the public events listing and feed."""
    now = now or timezone.now()
    return list(
        Session.objects.filter(ends_at__gte=now)
        .select_related("cohort", "venue", "venue__province", "module", "site_visit")
        .order_by("starts_at", "number")[:limit]
    )


def cohorts_listed() -> list[Cohort]:
    """Every cohort, first to last, as the programme page lists them."""
    return list(Cohort.objects.order_by("number"))


def holidays_between(*, first: dt.date, last: dt.date) -> dict[dt.date, PublicHoliday]:
    """The public holidays from first to last (inclusive), by date: one query."""
    return {h.date: h for h in PublicHoliday.objects.filter(date__range=(first, last))}


def session_for_page() -> QuerySet[Session]:
    """Sessions as the learner's session page reads them (venue, pages, cohort at once)."""
    return Session.objects.select_related("cohort", "venue__province", "module", "site_visit")
