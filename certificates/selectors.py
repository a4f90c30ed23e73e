"""Reads: lookups by code, eligibility lists, counts."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from certificates import codes
from certificates.models import (
    Certificate,
    CertificateTemplate,
    CohortCertificateSettings,
    VerificationLookup,
)
from cohorts.completion import Completion, completion_for_many
from cohorts.models import Cohort, Enrolment


def certificate_by_code(code: str) -> Certificate | None:
    """A certificate by its long verification id or its short code (any typing of it)."""
    code = (code or "").strip()
    if not code or len(code) > 64 or "\x00" in code:  # PostgreSQL refuses NUL in a query
        return None
    queryset = Certificate.objects.select_related("superseded_by", "cohort")
    short = codes.normalise_short(code)
    if short:
        found = queryset.filter(short_code=short).first()
        if found:
            return found
    return queryset.filter(verification_id=code).first()


def status_list_indexes() -> list[int]:
    """The status-list bits that are set: every certificate no longer valid.

    A superseded certificate is set as well as a revoked one: outside verifiers
    know only the bit, and must not accept the corrected-away certificate. Our
    page and API still tell the two apart and link to the replacement.
    """
    no_longer_valid = Certificate.objects.exclude(status=Certificate.Status.VALID)
    return list(no_longer_valid.values_list("status_list_index", flat=True))


@dataclass
class EligibilityRow:
    enrolment: Enrolment
    completion: Completion
    certificate: Certificate | None

    @property
    def eligible(self) -> bool:
        return self.completion.met


def cohort_eligibility(cohort: Cohort) -> list[EligibilityRow]:
    """Every current learner of a cohort: eligible or not (with reasons), and any certificate."""
    valid = Certificate.objects.exclude(status=Certificate.Status.SUPERSEDED).order_by("-issued_at")
    enrolments = (
        Enrolment.objects.current()
        .filter(cohort=cohort)
        .select_related("user", "team", "cohort")
        .prefetch_related(Prefetch("certificates", queryset=valid, to_attr="current_certificates"))
        .order_by("user__first_name", "user__last_name")
    )
    enrolments = list(enrolments)
    completions = completion_for_many(enrolments)
    return [
        EligibilityRow(e, completions[e.pk], (e.current_certificates or [None])[0])
        for e in enrolments
    ]


def cohort_certificates(cohort: Cohort) -> QuerySet[Certificate]:
    return (
        Certificate.objects.filter(cohort=cohort)
        .select_related("superseded_by")
        .order_by("serial_number")
    )


def default_template() -> CertificateTemplate | None:
    return CertificateTemplate.objects.filter(is_default=True).first()


def cohort_template(cohort: Cohort) -> CertificateTemplate | None:
    """The template the cohort chose; None when it uses the default."""
    chosen = CohortCertificateSettings.objects.filter(cohort=cohort).select_related("template")
    settings = chosen.first()
    return settings.template if settings else None


@dataclass
class TemplateUsage:
    cohorts: int
    certificates: int

    @property
    def in_use(self) -> bool:
        return bool(self.cohorts or self.certificates)


def template_usage(template: CertificateTemplate) -> TemplateUsage:
    """How many cohorts use the template and how many certificates were issued with it."""
    return TemplateUsage(
        cohorts=template.cohort_settings.count(), certificates=template.certificates.count()
    )


@dataclass
class LookupRow:
    channel: str
    result: str
    last_7_days: int
    last_30_days: int
    total: int

    @property
    def channel_label(self) -> str:
        return VerificationLookup.Channel(self.channel).label

    @property
    def result_label(self) -> str:
        return VerificationLookup.Result(self.result).label


def lookup_counts(*, now: dt.datetime | None = None) -> list[LookupRow]:
    """Lookups per channel and result: in the last 7 and 30 days, and in all, one query."""
    now = now or timezone.now()
    since = {days: now - dt.timedelta(days=days) for days in (7, 30)}
    rows = (
        VerificationLookup.objects.values("channel", "result")
        .annotate(
            last_7_days=Count("id", filter=Q(at__gte=since[7])),
            last_30_days=Count("id", filter=Q(at__gte=since[30])),
            total=Count("id"),
        )
        .order_by("channel", "result")
    )
    return [LookupRow(**row) for row in rows]


def holder_certificates(user: User) -> QuerySet[Certificate]:
    return (
        Certificate.objects.filter(holder=user)
        .exclude(status=Certificate.Status.SUPERSEDED)
        .select_related("cohort")
        .order_by("-issued_at")
    )
