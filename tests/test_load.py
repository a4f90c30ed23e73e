"""A minute of mixed load (benchmarks/load.py, #17 item 4) answers without a server error.

Real processes: gunicorn on the test database and Redis, locust with 50 simulated people
(learners, facilitators, coordinators, visitors). Select it with ``-m load``. Refusals a
slow server causes (a QR code that rotated while the request queued: 410) are 4xx and
allowed; a 5xx or a dropped connection fails it.
"""

from io import StringIO

import pytest

from django.core.management import call_command
from django.db import connection

from benchmarks import load

# Endpoints each kind of person reaches in a minute; every one must have been asked.
REACHED = ["/me/", "/attendance/check-in/[token]/ (confirm)", "/review/[id]/", "/verify/[code]/"]


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.load
@pytest.mark.django_db(transaction=True)  # gunicorn reads what the seeding committed
def test_a_minute_of_mixed_load_has_no_server_error(monkeypatch, capsys, redis_url):
    call_command("seed_demo", stdout=StringIO())
    monkeypatch.setenv("DATABASE_URL", _database_url())
    code = load.main(["--in-place", "--no-seed", "--duration", "60", "--users", "50"])
    out = capsys.readouterr().out
    assert "server errors (5xx): 0; dropped connections: 0" in out, out
    for endpoint in REACHED:
        assert endpoint in out, out
    assert code == 0, out
