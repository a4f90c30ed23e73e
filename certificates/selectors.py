"""Reads: lookups by code, eligibility lists, counts."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from accounts.models import User
from certificates import codes, lookups
from certificates.models import (
    Certificate,
    CertificateTemplate,
    CohortCertificateSettings,
    LookupCount,
)
from cohorts.completion import Completion, completion_for_many
from cohorts.models import Cohort, Enrolment


def certificate_by_code(code: str) -> Certificate | None:
    """A certificate by its long verification id or its short code (any typing of it)."""
    code = (code or "").strip()
    if not code or len(code) > 64 or "\x00" in code:  # PostgreSQL refuses NUL in a query
        return None
    short = codes.normalise_short(code)
    match = Q(verification_id=code) | Q(short_code=short) if short else Q(verification_id=code)
    # One query, unordered (both columns are unique: at most two rows), since a lookup of
    # an unknown code costs it too; a short code wins over a long id that reads the same.
    queryset = Certificate.objects.select_related("superseded_by", "cohort")
    found = list(queryset.filter(match).order_by())
    found.sort(key=lambda certificate: certificate.short_code != short)
    return found[0] if found else None


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
        .select_related("user", "team")
        .prefetch_related(Prefetch("certificates", queryset=valid, to_attr="current_certificates"))
        .order_by("user__first_name", "user__last_name")
    )
    enrolments = list(enrolments)
    for enrolment in enrolments:  # the page's cohort, with what it read along (the rule)
        enrolment.cohort = cohort
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
    last_7_days: int = 0
    last_30_days: int = 0
    total: int = 0

    @property
    def channel_label(self) -> str:
        return LookupCount.Channel(self.channel).label

    @property
    def result_label(self) -> str:
        return LookupCount.Result(self.result).label


def lookup_counts(*, today: dt.date | None = None) -> list[LookupRow]:
    """Lookups per channel and result in the last 7 and 30 days (today included) and in all.

    Exact: the flushed counts (one query) plus what is still pending in Redis.
    """
    today = today or timezone.localdate()
    since = {days: today - dt.timedelta(days=days - 1) for days in (7, 30)}
    flushed = LookupCount.objects.values("channel", "result").annotate(
        last_7_days=Sum("count", filter=Q(day__gte=since[7]), default=0),
        last_30_days=Sum("count", filter=Q(day__gte=since[30]), default=0),
        total=Sum("count"),
    )
    rows = {(r["channel"], r["result"]): LookupRow(**r) for r in flushed}
    for (day, channel, result, _certificate), n in lookups.pending_counts().items():
        row = rows.setdefault((channel, result), LookupRow(channel, result))
        row.total += n
        row.last_30_days += n if day >= since[30] else 0
        row.last_7_days += n if day >= since[7] else 0
    return [rows[key] for key in sorted(rows)]


@dataclass
class CertificateLookups:
    total: int
    by_day: list[tuple[dt.date, str, str, int]]  # day, channel label, result label, count


def certificate_lookups(certificate: Certificate) -> CertificateLookups:
    """One certificate's lookups per day, channel and result, newest first: flushed + pending."""
    counts: Counter = Counter()
    for row in LookupCount.objects.filter(certificate=certificate):
        counts[row.day, row.channel, row.result] += row.count
    for (day, channel, result, certificate_id), n in lookups.pending_counts().items():
        if certificate_id == certificate.pk:
            counts[day, channel, result] += n
    by_day = [
        (day, LookupCount.Channel(channel).label, LookupCount.Result(result).label, n)
        for (day, channel, result), n in sorted(counts.items(), reverse=True)
    ]
    return CertificateLookups(total=sum(counts.values()), by_day=by_day)


def holder_certificates(user: User) -> QuerySet[Certificate]:
    return (
        Certificate.objects.filter(holder=user)
        .exclude(status=Certificate.Status.SUPERSEDED)
        .select_related("cohort")
        .order_by("-issued_at")
    )
