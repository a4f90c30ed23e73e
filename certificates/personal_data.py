"""Certificates' part of a person's data (accounts.personal_data) and the lookups' retention.

An erasure leaves certificates exactly as issued (a database trigger forbids changing the
frozen snapshot): they are the programme's legal record and keep verifying.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from accounts.models import User
from accounts.personal_data import ExportedPart, iso
from certificates.lookups import _add
from certificates.models import Certificate, LookupCount


def certificates_export(user: User) -> ExportedPart:
    rows, files = [], []
    for c in Certificate.objects.filter(holder=user).order_by("issued_at"):
        pdf = f"{c.short_code}.pdf" if c.pdf else None
        if pdf:
            files.append((pdf, c.pdf))
        rows.append(
            {
                "serial_number": c.serial_number,
                "short_code": c.short_code,
                "status": c.status,
                "holder_name_th": c.holder_name_th,
                "holder_name_en": c.holder_name_en,
                "position": c.position,
                "organisation_th": c.organisation_th,
                "organisation_en": c.organisation_en,
                "programme_th": c.programme_th,
                "cohort_number": c.cohort_number,
                "project_title": c.project_title,
                "completed_on": iso(c.completed_on),
                "issued_at": iso(c.issued_at),
                "emailed_at": iso(c.emailed_at),
                "pdf": pdf and f"files/certificates/{pdf}",
            }
        )
    return ExportedPart({"certificates": rows}, files)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` earlier (the month's last day when shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    first_of_next = dt.date(year + (month == 11), (month + 1) % 12 + 1, 1)
    return dt.date(year, month + 1, min(day.day, (first_of_next - dt.timedelta(days=1)).day))


def lookup_details_fold(now: dt.datetime) -> int:
    """Lookups of one certificate older than LOOKUP_DETAIL_RETENTION_MONTHS become part of
    the day's counts without a certificate (channel and result kept); the detail rows go.
    Returns the detail rows folded. One transaction: a count is never lost or doubled."""
    cutoff = months_before(timezone.localtime(now).date(), settings.LOOKUP_DETAIL_RETENTION_MONTHS)
    details = LookupCount.objects.filter(certificate__isnull=False, day__lt=cutoff)
    with transaction.atomic():
        ids = list(details.select_for_update().values_list("pk", flat=True))
        if not ids:
            return 0
        sums = (
            LookupCount.objects.filter(pk__in=ids)
            .values("day", "channel", "result")
            .annotate(total=Sum("count"))
        )
        _add({(s["day"], s["channel"], s["result"], None): s["total"] for s in sums})
        LookupCount.objects.filter(pk__in=ids).delete()
    return len(ids)
