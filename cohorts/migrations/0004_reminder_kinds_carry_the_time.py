"""Reminders already sent keep counting for the time they were about.

Their kind gains the session's current start (as SessionNotice.reminder_kind
writes it), so the sweep after this migration does not send them again.
"""

import datetime as dt

from django.db import migrations


def forwards(apps, schema_editor):
    SessionNotice = apps.get_model("cohorts", "SessionNotice")
    notices = SessionNotice.objects.filter(kind__in=["reminder-3d", "reminder-1d"])
    for notice in notices.select_related("session"):
        stamp = f"{notice.session.starts_at.astimezone(dt.UTC):%Y%m%dT%H%MZ}"
        SessionNotice.objects.filter(pk=notice.pk).update(kind=f"{notice.kind}-{stamp}")


class Migration(migrations.Migration):
    dependencies = [("cohorts", "0003_scheduling_notices_and_feeds")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
