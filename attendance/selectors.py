"""Reads: standings, the staff grid, the cohort matrix. Bounded queries per page."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from attendance.access import is_coordinator
from attendance.days import session_days
from attendance.models import AttendanceRecord, CompletionRule, Status
from attendance.standing import SessionInfo, Standing, compute_standing
from cohorts.completion import prefetched_on_cohorts
from cohorts.models import Cohort, Enrolment, Session


def rule_for(cohort: Cohort) -> CompletionRule:
    """The cohort's rule, or the default rule (80%) when none was set."""
    return CompletionRule.objects.filter(cohort=cohort).first() or CompletionRule(cohort=cohort)


def _rules_read(enrolments: list[Enrolment]) -> dict[int, CompletionRule] | None:
    """The rules where the caller read them with the enrolments' cohorts
    (``select_related("completion_rule")``, as the certificates cohort page does)."""
    rules = {}
    for enrolment in enrolments:
        cohort = enrolment._state.fields_cache.get("cohort")
        if cohort is None or "completion_rule" not in cohort._state.fields_cache:
            return None
        rules[cohort.pk] = cohort._state.fields_cache["completion_rule"] or CompletionRule(
            cohort_id=cohort.pk
        )
    return rules or None


def rules_for(cohort_ids: Iterable[int]) -> dict[int, CompletionRule]:
    """cohort id -> its rule (the default where none was set), one query."""
    cohort_ids = set(cohort_ids)
    found = {
        rule.cohort_id: rule for rule in CompletionRule.objects.filter(cohort_id__in=cohort_ids)
    }
    return {pk: found.get(pk) or CompletionRule(cohort_id=pk) for pk in cohort_ids}


def counted_sessions(cohort_id: int) -> QuerySet[Session]:
    return Session.objects.filter(cohort_id=cohort_id).exclude(status=Session.Status.CANCELLED)


def _infos(sessions: Iterable[Session], now: dt.datetime) -> list[SessionInfo]:
    return [SessionInfo.of(session, now) for session in sessions if not session.is_cancelled]


def standings_for(
    enrolments: Iterable[Enrolment], *, now: dt.datetime | None = None
) -> dict[int, Standing]:
    """enrolment id -> its standing, in three queries however many enrolments there are."""
    now = now or timezone.now()
    enrolments = list(enrolments)
    rules = _rules_read(enrolments) or rules_for(e.cohort_id for e in enrolments)
    sessions = prefetched_on_cohorts(enrolments, "sessions")  # in date order
    if sessions is None:
        sessions = {pk: [] for pk in rules}
        counted = Session.objects.filter(cohort_id__in=rules).exclude(
            status=Session.Status.CANCELLED
        )
        for session in counted:  # in date order, which decides the excused days counted
            sessions[session.cohort_id].append(session)
    infos = {pk: _infos(found, now) for pk, found in sessions.items()}
    statuses: dict[int, dict] = {e.pk: {} for e in enrolments}
    for enrolment_id, session_id, day, status in AttendanceRecord.objects.filter(
        enrolment_id__in=statuses
    ).values_list("enrolment_id", "session_id", "day", "status"):
        statuses[enrolment_id][(session_id, day)] = status
    return {
        e.pk: compute_standing(rules[e.cohort_id], infos[e.cohort_id], statuses[e.pk])
        for e in enrolments
    }


def standing_for(enrolment: Enrolment, *, now: dt.datetime | None = None) -> Standing:
    return standings_for([enrolment], now=now)[enrolment.pk]


@dataclass
class MyAttendance:
    enrolment: Enrolment
    standing: Standing
    rows: list  # (session, [(day, Status or None)])


def my_attendance(
    enrolments: list[Enrolment],
    sessions: list[Session],
    standings: dict[int, Standing] | None = None,
    *,
    now: dt.datetime | None = None,
) -> list[MyAttendance]:
    """The learner's enrolments with their cohorts' sessions (given, in date order) and the
    status of each day; ``standings`` by enrolment id where the caller has them already
    (the completion check computed them), the others computed here (three queries)."""
    standings = dict(standings or {})
    missing = [e for e in enrolments if e.pk not in standings]
    if missing:
        standings.update(standings_for(missing, now=now))
    result = []
    for enrolment in enrolments:
        standing = standings[enrolment.pk]
        rows = [
            (session, [(day, _mark(standing, session, day)) for day in session_days(session)])
            for session in sessions
            if session.cohort_id == enrolment.cohort_id
        ]
        result.append(MyAttendance(enrolment, standing, rows))
    return result


def _mark(standing: Standing, session: Session, day: dt.date) -> Status | None:
    status = standing.statuses.get((session.pk, day))
    return Status(status) if status else None


@dataclass
class GridRow:
    enrolment: Enrolment
    record: AttendanceRecord | None


def session_grid(session: Session, day: dt.date) -> list[GridRow]:
    """Every active learner of the session's cohort with their record for the day."""
    records = {
        record.enrolment_id: record
        for record in AttendanceRecord.objects.filter(session=session, day=day)
    }
    enrolments = (
        Enrolment.objects.current()
        .filter(cohort_id=session.cohort_id)
        .select_related("user", "team")
        .order_by("team__name", "user__first_name", "user__last_name")
    )
    return [GridRow(enrolment, records.get(enrolment.pk)) for enrolment in enrolments]


def grid_statuses(session: Session, day: dt.date) -> dict[int, str]:
    """enrolment id -> status, for the grid's live refresh."""
    return dict(
        AttendanceRecord.objects.filter(session=session, day=day).values_list(
            "enrolment_id", "status"
        )
    )


@dataclass
class MatrixRow:
    enrolment: Enrolment
    cells: list  # per session: list of statuses per day ("" when unrecorded)
    standing: Standing


@dataclass
class Matrix:
    cohort: Cohort
    rule: CompletionRule
    sessions: list
    rows: list[MatrixRow]
    column_totals: list[int]  # learners present or late per session

    @property
    def totals_by_session(self) -> list[tuple]:
        return list(zip(self.column_totals, self.sessions, strict=True))

    @property
    def flagged(self) -> list[MatrixRow]:
        return [row for row in self.rows if row.standing.flag in ("below", "cannot-meet")]


def cohort_matrix(cohort: Cohort, *, now: dt.datetime | None = None) -> Matrix:
    """Learners by sessions with standings: four queries whatever the cohort's size."""
    now = now or timezone.now()
    rule = rule_for(cohort)
    sessions = list(Session.objects.filter(cohort=cohort).order_by("starts_at", "number"))
    enrolments = list(
        Enrolment.objects.current()
        .filter(cohort=cohort)
        .select_related("user", "team")
        .order_by("team__name", "user__first_name", "user__last_name")
    )
    statuses: dict[int, dict] = {}
    for enrolment_id, session_id, day, status in AttendanceRecord.objects.filter(
        session__cohort=cohort
    ).values_list("enrolment_id", "session_id", "day", "status"):
        statuses.setdefault(enrolment_id, {})[(session_id, day)] = status
    infos = _infos(sessions, now)
    days = {session.pk: session_days(session) for session in sessions}
    rows, totals = [], [0] * len(sessions)
    for enrolment in enrolments:
        mine = statuses.get(enrolment.pk, {})
        cells = []
        for index, session in enumerate(sessions):
            cell = [mine.get((session.pk, day), "") for day in days[session.pk]]
            totals[index] += any(status in ("present", "late") for status in cell)
            cells.append(cell)
        rows.append(MatrixRow(enrolment, cells, compute_standing(rule, infos, mine)))
    return Matrix(cohort, rule, sessions, rows, totals)


def sessions_for_marking(user: User) -> QuerySet[Session]:
    """Sessions this person may mark: all for coordinators, their own for facilitators."""
    sessions = Session.objects.select_related("cohort").order_by("-starts_at")
    if is_coordinator(user):
        return sessions
    return sessions.filter(facilitators=user)


def record_with_trail(record_id: int) -> AttendanceRecord | None:
    return (
        AttendanceRecord.objects.select_related(
            "enrolment__user", "enrolment__cohort", "session", "recorded_by"
        )
        .prefetch_related("changes__changed_by")
        .filter(pk=record_id)
        .first()
    )
