"""/me/data/: a person asks for a copy of their data; a task builds the ZIP; the link is
emailed; only that person downloads it, only before it expires."""

import datetime as dt
import io
import json
import time
import zipfile

import pytest

from django.core import mail
from django.utils import timezone

from rights import services
from rights.models import AccessLogEntry, DataExport

pytestmark = pytest.mark.django_db


@pytest.fixture
def ask(django_capture_on_commit_callbacks):
    """POST the request as the person; the task runs after commit, as in production."""

    def ask(client, user) -> DataExport:
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/me/data/export/")
        assert response.status_code == 302
        return DataExport.objects.filter(user=user).latest("created_at")

    return ask


def _archive(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_page_offers_a_copy_and_erasure(client, learner):
    client.force_login(learner)
    html = client.get("/me/data/").content.decode()
    assert 'action="/me/data/export/"' in html and 'action="/me/data/erasure/"' in html
    assert "/me/data/" in client.get("/me/").content.decode()


def test_anonymous_is_sent_to_log_in(client, db):
    assert client.get("/me/data/").status_code == 302
    response = client.post("/me/data/export/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not DataExport.objects.exists()


def test_a_request_builds_the_archive_and_emails_the_link_once(
    ask, client, learner, attended, handed_in
):
    started = time.monotonic()
    export = ask(client, learner)
    print(f"\narchive of a learner ready in {time.monotonic() - started:.2f} s")  # noqa: T201
    export.refresh_from_db()
    assert export.status == DataExport.Status.READY and export.size > 0
    assert export.expires_at - export.ready_at == dt.timedelta(days=7)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [learner.email]
    body = message.body
    link = services.export_download_url(export)
    assert link in body and link in message.alternatives[0][0]
    assert body.index("เรียน") < body.index("Dear")  # Thai first, English below
    english = body[body.index("Dear") :]
    assert str(export.expires_at.year + 543) not in english  # no Buddhist Era in English
    assert str(timezone.localtime(export.expires_at).year + 543) in body
    assert services.export_email(export_id=export.pk) is False  # never twice


def test_the_archive_holds_every_part_and_the_files(ask, client, learner, attended, handed_in):
    export = ask(client, learner)
    archive = _archive(client.get(f"/me/data/exports/{export.token}/"))
    names = set(archive.namelist())
    for part in ("profile", "cohorts", "attendance", "assignments", "evaluations", "learning"):
        assert f"{part}.json" in names
    profile = json.loads(archive.read("profile.json"))
    assert profile["email"] == learner.email and profile["first_name"] == learner.first_name
    record = json.loads(archive.read("attendance.json"))["records"][0]
    assert record["status"] == "excused" and record["excuse_reason"] == "ป่วย มีใบรับรองแพทย์"
    assert [c["new_status"] for c in record["changes"]][-1] == "excused"
    submission = json.loads(archive.read("assignments.json"))["submissions"][0]
    assert submission["versions"][0]["text"] == "รายงานฉบับแรก"
    assert submission["reviews"][0]["feedback"] == "ดีมาก ควรเพิ่มข้อมูล"
    stored = submission["versions"][0]["files"][0]
    assert archive.read(stored) == handed_in.files.get().file.open("rb").read()


def test_evaluations_appear_as_counts_only(ask, client, learner):
    export = ask(client, learner)
    archive = _archive(client.get(f"/me/data/exports/{export.token}/"))
    evaluations = json.loads(archive.read("evaluations.json"))
    assert evaluations["evaluations_answered"] == 0
    assert set(evaluations) == {"evaluations_answered", "reminders_sent", "answers"}


def test_a_second_request_while_building_returns_the_first(learner):
    first, created = services.export_request(user=learner)
    assert created
    DataExport.objects.filter(pk=first.pk).update(status=DataExport.Status.BUILDING)
    again, created = services.export_request(user=learner)
    assert again.pk == first.pk and not created


def test_building_twice_builds_once(learner):
    export = DataExport.objects.create(user=learner)
    assert services.export_build(export_id=export.pk) is True
    assert services.export_build(export_id=export.pk) is False


@pytest.mark.parametrize("who", ["other_learner", "facilitator", "coordinator"])
def test_nobody_else_downloads_it(ask, client, learner, who, request):
    export = ask(client, learner)
    client.force_login(request.getfixturevalue(who))
    assert client.get(f"/me/data/exports/{export.token}/").status_code == 404
    assert not AccessLogEntry.objects.filter(action="download").exists()


def test_anonymous_cannot_download(ask, client, learner):
    export = ask(client, learner)
    client.logout()
    response = client.get(f"/me/data/exports/{export.token}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_download_is_logged(ask, client, learner):
    export = ask(client, learner)
    assert client.get(f"/me/data/exports/{export.token}/").status_code == 200
    entry = AccessLogEntry.objects.get(action="download")
    assert entry.actor == learner and entry.path == f"/me/data/exports/{export.token}/"


def test_after_expiry_the_link_says_so_and_the_job_deletes_the_archive(ask, client, learner):
    export = ask(client, learner)
    export.refresh_from_db()
    name = export.archive.name
    later = export.expires_at + dt.timedelta(seconds=1)
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now())
    assert client.get(f"/me/data/exports/{export.token}/").status_code == 410
    assert services.exports_expire(now=later) == 1
    export.refresh_from_db()
    assert export.status == DataExport.Status.EXPIRED
    assert not export.archive and not export.archive.storage.exists(name)
    assert client.get(f"/me/data/exports/{export.token}/").status_code == 410


def test_the_expiry_is_configurable(ask, client, learner, settings):
    settings.DATA_EXPORT_EXPIRY_DAYS = 2
    export = ask(client, learner)
    export.refresh_from_db()
    assert export.expires_at - export.ready_at == dt.timedelta(days=2)
