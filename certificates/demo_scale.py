"""Programme-scale certificates: every graduate of the finished scale cohorts holds one.

Issued through ``certificates_issue_eligible`` (the completion rules decide, and each
certificate freezes holder, design, codes and signed credential as ``certificate_issue``
does); PDFs are rendered on first download, as for every certificate.
"""

import datetime as dt

from certificates import services
from certificates.models import Certificate
from cohorts.demo import BANGKOK


def seed(ctx) -> None:
    coordinator = ctx.data["coordinator@example.org"]
    template = services.template_default()
    issued = 0
    for cohort in ctx.data["scale_cohorts"]:
        if cohort.status != cohort.Status.FINISHED:
            continue
        day = cohort.ends_on + dt.timedelta(days=3)
        issued += len(
            services.certificates_issue_eligible(
                cohort=cohort, issued_by=coordinator, template=template,
                at=dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=BANGKOK),
            )
        )  # fmt: skip
    total = Certificate.objects.filter(cohort__in=ctx.data["scale_cohorts"]).count()
    ctx.say(f"Programme scale: {issued} certificates issued ({total} in the scale cohorts).")
