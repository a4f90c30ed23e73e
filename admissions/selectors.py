"""Reads for admissions: the open intake, screening listings, quota fill, reports."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation
from accounts.regions import Region, province_codes, region_of
from admissions.models import Application, Intake, Quota

# Applications that hold or may still take a place; the rest are history.
ACTIVE_STATUSES = (
    Application.Status.RECEIVED,
    Application.Status.UNDER_REVIEW,
    Application.Status.SHORTLISTED,
    Application.Status.ACCEPTED,
    Application.Status.WAITLISTED,
)


def open_intake(now=None) -> Intake | None:
    """The intake taking applications now (the one closing first when several are open)."""
    now = now or timezone.now()
    return (
        Intake.objects.filter(opens_at__lte=now, closes_at__gt=now)
        .select_related("cohort")
        .order_by("closes_at")
        .first()
    )


def intake_for_apply(pk: int) -> Intake | None:
    return Intake.objects.select_related("cohort").filter(pk=pk).first()


def intake_announcement(now=None) -> dict:
    """What the home and programme pages show, in one query: the open intake; else the
    next one to open, or the latest closed one's word on when the next is expected."""
    now = now or timezone.now()
    rows = list(
        Intake.objects.filter(Q(closes_at__gt=now) | ~Q(next_expected_th=""))
        .select_related("cohort")
        .order_by("closes_at")
    )
    open_now = [i for i in rows if i.opens_at <= now < i.closes_at]
    if open_now:
        return {"admission_intake": open_now[0], "admission_next": None}
    upcoming = next((i for i in rows if i.opens_at > now), None)
    closed = [i for i in rows if i.closes_at <= now]
    latest = upcoming or (closed[-1] if closed else None)
    return {"admission_intake": None, "admission_next": latest, "admission_upcoming": upcoming}


def application_by_reference(reference: str, email: str) -> Application | None:
    """The applicant's own application: both the code and the address must match."""
    return (
        Application.objects.select_related("intake__cohort", "province", "organisation")
        .filter(reference__iexact=reference.strip(), email__iexact=email.strip())
        .first()
    )


@dataclass
class Filters:
    status: str = ""
    region: str = ""
    province: int | None = None
    kind: str = ""
    theme: str = ""
    flagged: bool = False


def screening_list(intake: Intake, filters: Filters) -> QuerySet:
    rows = intake.applications.select_related("province", "organisation")
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.region:
        rows = rows.filter(province__code__in=province_codes(filters.region))
    if filters.province:
        rows = rows.filter(province_id=filters.province)
    if filters.kind:
        rows = rows.filter(organisation_kind=filters.kind)
    if filters.theme:
        rows = rows.filter(theme=filters.theme)
    if filters.flagged:
        rows = rows.filter(Q(same_person=True) | Q(same_organisation=True))
    return rows.order_by("created_at")


@dataclass(frozen=True)
class QuotaFill:
    label: str
    places: int
    accepted: int
    shortlisted: int

    @property
    def left(self) -> int:
        return max(self.places - self.accepted, 0)

    @property
    def full(self) -> bool:
        return self.accepted >= self.places


def _group(application: Application, dimension: str) -> str:
    if dimension == Quota.Dimension.REGION:
        return region_of(application.province.code)
    return application.organisation_kind


def quota_fill(intake: Intake) -> list[QuotaFill]:
    """The whole intake first, then each quota: places, accepted, shortlisted (2 queries)."""
    rows = list(
        intake.applications.filter(
            status__in=(Application.Status.ACCEPTED, Application.Status.SHORTLISTED)
        ).select_related("province")
    )
    accepted = [r for r in rows if r.status == Application.Status.ACCEPTED]
    shortlisted = [r for r in rows if r.status == Application.Status.SHORTLISTED]
    fills = [QuotaFill(str(_("All places")), intake.places, len(accepted), len(shortlisted))]
    for quota in intake.quotas.all():

        def inside(app, q=quota):
            return _group(app, q.dimension) == q.value

        fills.append(
            QuotaFill(
                f"{quota.get_dimension_display()}: {quota.get_value_display()}",
                quota.places,
                sum(1 for a in accepted if inside(a)),
                sum(1 for a in shortlisted if inside(a)),
            )
        )
    return fills


def has_room_for(intake: Intake, application: Application) -> bool:
    """A place left in the intake and in every quota this application falls under."""
    accepted = list(
        intake.applications.filter(status=Application.Status.ACCEPTED)
        .exclude(pk=application.pk)
        .select_related("province")
    )
    if len(accepted) >= intake.places:
        return False
    for quota in intake.quotas.all():
        group = _group(application, quota.dimension)
        if group == quota.value:
            taken = sum(1 for a in accepted if _group(a, quota.dimension) == group)
            if taken >= quota.places:
                return False
    return True


def intake_report(intake: Intake) -> dict:
    """Applications by region, kind and status, and the acceptance rate (1 query)."""
    rows = list(intake.applications.select_related("province"))
    by_status = Counter(r.status for r in rows)
    by_region = Counter(region_of(r.province.code) for r in rows)
    by_kind = Counter(r.organisation_kind for r in rows)
    decided = sum(by_status[s] for s in ("accepted", "declined", "waitlisted"))
    return {
        "total": len(rows),
        "by_status": [(label, by_status[value]) for value, label in Application.Status.choices],
        "by_region": [(label, by_region[value]) for value, label in Region.choices],
        "by_kind": [
            (label, by_kind[value]) for value, label in Organisation.Kind.choices if by_kind[value]
        ],
        "acceptance_rate": round(100 * by_status["accepted"] / decided) if decided else None,
    }


def team_proposals(intake: Intake) -> list[dict]:
    """Accepted applicants not yet enrolled, grouped by their municipality."""
    groups: dict[str, dict] = {}
    rows = intake.applications.filter(
        status=Application.Status.ACCEPTED, enrolment=None
    ).select_related("organisation", "province")
    for row in rows:
        key = (
            f"org:{row.organisation_id}"
            if row.organisation_id
            else f"typed:{row.organisation_name}:{row.province_id}"
        )
        group = groups.setdefault(
            key, {"name": row.organisation_label, "province": row.province, "people": []}
        )
        group["people"].append(row)
    return sorted(groups.values(), key=lambda g: g["name"])
