"""A copy of my data (issue 20 item 5): how long the archive of a demo person takes.

    python benchmarks/data_export.py [email ...]

Runs on the database of DATABASE_URL with the demo loaded (`manage.py seed_demo`); by
default for learner@example.org and graduate@example.org. Builds each archive the way the
worker does (rights.services.export_build), prints seconds, size and entries, then
deletes what it made. The promise: ready within a minute.
"""

import os
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from accounts.models import User  # noqa: E402
from rights import services  # noqa: E402
from rights.models import DataExport  # noqa: E402

DEFAULT = ["learner@example.org", "graduate@example.org"]


def measure(email: str) -> None:
    user = User.objects.get(email=email)
    export = DataExport.objects.create(user=user)
    started = time.perf_counter()
    services.export_build(export_id=export.pk)
    seconds = time.perf_counter() - started
    export.refresh_from_db()
    with export.archive.open("rb") as f, zipfile.ZipFile(f) as archive:
        entries = len(archive.namelist())
    print(f"{email}: {seconds:.2f} s, {export.size / 1024:.0f} KiB, {entries} entries")  # noqa: T201
    services.export_discard(export)
    export.delete()


if __name__ == "__main__":
    for email in sys.argv[1:] or DEFAULT:
        measure(email)
