"""Reads across the programme for the dashboard: counts only, never a person's answers.

``programme_dashboard()`` reads everything the dashboard, its XLSX and its PDF show in a
fixed number of queries (about twenty, however many cohorts and learners there are):
each section reads its rows once, the sums are made here in Python.
"""

import datetime as dt
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from accounts.models import Organisation, Province
from assignments.models import Submission
from attendance.models import AttendanceRecord, Status
from certificates.models import Certificate, LookupCount
from cohorts.completion import completion_for_many
from cohorts.models import Cohort, Enrolment, Session, Team
from curriculum.themes import ResearchTheme
from evaluations.models import Evaluation
from evaluations.selectors import Summary, summaries
from reporting.geography import REGIONS, region_of
from reporting.models import ProgrammeTargets

BANGKOK = ZoneInfo("Asia/Bangkok")
PRESENT = (Status.PRESENT, Status.LATE)


@dataclass
class Reach:
    """People and local governments reached by one group (a cohort, region, province, kind)."""

    key: str
    label: str
    people: int = 0
    certified: int = 0
    local_governments: int = 0


@dataclass
class Funnel:
    cohort: Cohort
    enrolled: int = 0
    eligible: int = 0
    certified: int = 0


@dataclass
class SessionRate:
    session: Session
    expected: int
    present: int

    @property
    def rate(self) -> int | None:
        """Present or late over the learners expected on each recorded day; None if unrecorded."""
        return round(100 * self.present / self.expected) if self.expected else None


@dataclass
class ProjectRow:
    theme: str
    label: str
    statuses: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.statuses.values())


@dataclass
class MonthRow:
    month: dt.date
    issued: int = 0
    lookups: int = 0


@dataclass
class Dashboard:
    targets: ProgrammeTargets
    people: int
    certified: int
    local_governments: int
    by_cohort: list[Reach]
    by_region: list[Reach]
    by_province: list[Reach]
    by_kind: list[Reach]
    funnels: list[Funnel]
    heatmap: dict[int, list[SessionRate]]  # cohort id -> its past sessions in order
    evaluations: list[Summary]
    projects: list[ProjectRow]
    months: list[MonthRow]
    cohorts: list[Cohort]

    def percent_of(self, value: int, target: int) -> int:
        return min(100, round(100 * value / target)) if target else 0

    @property
    def people_percent(self) -> int:
        return self.percent_of(self.people, self.targets.people)

    @property
    def local_governments_percent(self) -> int:
        return self.percent_of(self.local_governments, self.targets.local_governments)

    @property
    def provinces_reached(self) -> int:
        return sum(1 for row in self.by_province if row.people)


# Statuses of a team's research, furthest first: the project is where its furthest
# submission stands; a team with no submission has not handed anything in yet.
PROJECT_STATUSES = [
    Submission.Status.ACCEPTED,
    Submission.Status.SUBMITTED,
    Submission.Status.RETURNED,
    Submission.Status.DRAFT,
]
NOT_STARTED = "none"


@dataclass
class ProgrammeReach:
    """The headline: people and local governments reached against the targets."""

    targets: ProgrammeTargets
    people: int
    certified: int
    local_governments: int

    @property
    def people_percent(self) -> int:
        return (
            min(100, round(100 * self.people / self.targets.people)) if self.targets.people else 0
        )

    @property
    def local_governments_percent(self) -> int:
        target = self.targets.local_governments
        return min(100, round(100 * self.local_governments / target)) if target else 0


def programme_reach() -> ProgrammeReach:
    """The admin home's panel: three counts and the targets, in two queries."""
    rows = list(
        Enrolment.objects.current()
        .values_list("user_id", "status", "organisation_snapshot_id", "organisation_snapshot__kind")
        .order_by()
    )
    return ProgrammeReach(
        targets=ProgrammeTargets.load(),
        people=len({row[0] for row in rows}),
        certified=len({row[0] for row in rows if row[1] == Enrolment.Status.COMPLETED}),
        local_governments=len(
            {row[2] for row in rows if row[3] in Organisation.LOCAL_GOVERNMENT_KINDS}
        ),
    )


# What the dashboard and the completion checks read of the 2,000 enrolments: the rest
# of their columns (and of the organisations') cost a third of the dashboard's query.
DASHBOARD_FIELDS = (
    "cohort_id",
    "user_id",
    "team_id",
    "status",
    "organisation_snapshot__kind",
    "organisation_snapshot__province__code",
)


def programme_dashboard(*, now: dt.datetime | None = None) -> Dashboard:
    """Everything the dashboard shows, in a bounded number of queries."""
    now = now or timezone.now()
    cohorts = list(Cohort.objects.order_by("number"))
    enrolments = list(
        Enrolment.objects.current()
        .select_related("organisation_snapshot__province")
        .only(*DASHBOARD_FIELDS)
        .order_by()
    )
    reach = _reach(enrolments, cohorts)
    return Dashboard(
        targets=ProgrammeTargets.load(),
        people=len({e.user_id for e in enrolments}),
        certified=len({e.user_id for e in enrolments if _certified(e)}),
        local_governments=len(_local_governments(enrolments)),
        **reach,
        funnels=_funnels(enrolments, cohorts),
        heatmap=_heatmap(enrolments, now),
        evaluations=_evaluations(now),
        projects=_projects(),
        months=_months(),
        cohorts=cohorts,
    )


def _certified(enrolment: Enrolment) -> bool:
    return enrolment.status == Enrolment.Status.COMPLETED


def _local_governments(enrolments: list[Enrolment]) -> set[int]:
    return {
        e.organisation_snapshot_id
        for e in enrolments
        if e.organisation_snapshot and e.organisation_snapshot.is_local_government
    }


def _group(enrolments, key_of) -> dict[str, Reach]:
    """Sum people, certified people and local governments for each key key_of gives."""
    people: dict[str, set] = defaultdict(set)
    certified: dict[str, set] = defaultdict(set)
    governments: dict[str, set] = defaultdict(set)
    for enrolment in enrolments:
        key = key_of(enrolment)
        people[key].add(enrolment.user_id)
        if _certified(enrolment):
            certified[key].add(enrolment.user_id)
        organisation = enrolment.organisation_snapshot
        if organisation and organisation.is_local_government:
            governments[key].add(organisation.pk)
    return {
        key: Reach(key, "", len(people[key]), len(certified[key]), len(governments[key]))
        for key in people
    }


def _province_code(enrolment: Enrolment) -> str:
    organisation = enrolment.organisation_snapshot
    return organisation.province.code if organisation else ""


def _reach(enrolments: list[Enrolment], cohorts: list[Cohort]) -> dict[str, list[Reach]]:
    by_cohort = _group(enrolments, lambda e: str(e.cohort_id))
    by_region = _group(enrolments, lambda e: region_of(_province_code(e)))
    by_province = _group(enrolments, _province_code)
    by_kind = _group(enrolments, lambda e: getattr(e.organisation_snapshot, "kind", ""))
    provinces = province_names()
    return {
        "by_cohort": [_labelled(by_cohort, str(c.pk), str(c)) for c in cohorts],
        "by_region": [_labelled(by_region, key, str(label)) for key, label in REGIONS.items()],
        "by_province": [_labelled(by_province, code, name) for code, name in provinces],
        "by_kind": [
            _labelled(by_kind, kind.value, str(kind.label))
            for kind in Organisation.LOCAL_GOVERNMENT_KINDS
        ],
    }


@functools.cache
def province_names() -> tuple[tuple[str, str], ...]:
    """(code, Thai name) of the 77 provinces in Thai order, read once per process: they are
    loaded by a data migration and never change (one query fewer on every dashboard)."""
    return tuple(Province.objects.values_list("code", "name_th"))


def _labelled(found: dict[str, Reach], key: str, label: str) -> Reach:
    row = found.get(key) or Reach(key, label)
    row.label = label
    return row


def _funnels(enrolments: list[Enrolment], cohorts: list[Cohort]) -> list[Funnel]:
    """Enrolled, eligible (the completion checks met, or already certified), certified.
    The checks run only for the learners not yet certified: a certificate already says
    eligible, and at programme scale most enrolments are certified (the biggest share of
    the dashboard's time was the attendance rule over every record of theirs)."""
    completions = completion_for_many(e for e in enrolments if not _certified(e))
    funnels = {cohort.pk: Funnel(cohort) for cohort in cohorts}
    for enrolment in enrolments:
        funnel = funnels[enrolment.cohort_id]
        funnel.enrolled += 1
        certified = _certified(enrolment)
        funnel.certified += certified
        funnel.eligible += certified or completions[enrolment.pk].met
    return list(funnels.values())


def _heatmap(enrolments: list[Enrolment], now: dt.datetime) -> dict[int, list[SessionRate]]:
    """Each past, held session's share of its cohort's learners present or late."""
    learners = Counter(e.cohort_id for e in enrolments)
    sessions = list(
        Session.objects.filter(starts_at__lt=now)
        .exclude(status=Session.Status.CANCELLED)
        .order_by("cohort__number", "starts_at")
    )
    counts = {
        row["session_id"]: row
        for row in AttendanceRecord.objects.filter(
            session__in=sessions, enrolment__status__in=Enrolment.CURRENT_STATUSES
        )
        .values("session_id")
        .annotate(
            present=Count("pk", filter=Q(status__in=PRESENT)),
            days=Count("day", distinct=True),
        )
        .order_by()
    }
    rows: dict[int, list[SessionRate]] = defaultdict(list)
    for session in sessions:
        found = counts.get(session.pk, {"present": 0, "days": 0})
        expected = learners[session.cohort_id] * found["days"]
        rows[session.cohort_id].append(SessionRate(session, expected, found["present"]))
    return dict(rows)


def _evaluations(now: dt.datetime) -> list[Summary]:
    """Every evaluation that has opened, oldest first (averages shown from 5 responses)."""
    rows = summaries(Evaluation.objects.all())
    return sorted((s for s in rows if s.evaluation.opens <= now), key=lambda s: s.evaluation.opens)


def _projects() -> list[ProjectRow]:
    """Research projects (teams) by theme, each at its furthest submission's status."""
    rank = {status: index for index, status in enumerate(PROJECT_STATUSES)}
    furthest: dict[int, str] = {}
    for team_id, status in Submission.objects.filter(team__isnull=False).values_list(
        "team_id", "status"
    ):
        known = furthest.get(team_id)
        if known is None or rank[status] < rank[known]:
            furthest[team_id] = status
    rows = {value: ProjectRow(value, str(label)) for value, label in ResearchTheme.choices}
    rows[""] = ProjectRow("", "")
    for team_id, theme in Team.objects.values_list("pk", "theme"):
        rows[theme].statuses[furthest.get(team_id, NOT_STARTED)] += 1
    return [row for row in rows.values() if row.theme or row.total]


def _months() -> list[MonthRow]:
    """Certificates issued and verification lookups per month (Asia/Bangkok)."""
    months: dict[dt.date, MonthRow] = {}
    issued = (
        Certificate.objects.annotate(month=TruncMonth("issued_at", tzinfo=BANGKOK))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in issued:
        month = row["month"].date() if isinstance(row["month"], dt.datetime) else row["month"]
        months.setdefault(month, MonthRow(month)).issued = row["n"]
    lookups = (
        LookupCount.objects.annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(n=Sum("count"))
        .order_by()
    )
    for row in lookups:
        months.setdefault(row["month"], MonthRow(row["month"])).lookups = row["n"] or 0
    return [months[month] for month in sorted(months)]
