"""Enrolments whose holder has a valid certificate are COMPLETED (issue #12).

Until now nothing set COMPLETED; from now on issuing sets it and revoking sets
ACTIVE back. Reversing leaves the statuses as they are (both are current).
"""

from django.db import migrations


def mark_graduates_completed(apps, schema_editor):
    Enrolment = apps.get_model("cohorts", "Enrolment")
    Certificate = apps.get_model("certificates", "Certificate")
    graduates = Certificate.objects.filter(status="valid").values("enrolment_id")
    Enrolment.objects.filter(pk__in=graduates, status="active").update(status="completed")


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0005_batch_template"),
        ("cohorts", "0003_scheduling_notices_and_feeds"),
    ]

    operations = [migrations.RunPython(mark_graduates_completed, migrations.RunPython.noop)]
