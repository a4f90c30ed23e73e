"""Writes of the rights app: a copy of one's data, erasure, their decisions."""

import datetime as dt
import json
import shutil
import tempfile
import zipfile
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.personal_data import erase_parts, export_parts
from core.delivery import Outbox, deliver_once
from core.emails import send
from core.queue import enqueue
from core.urls import absolute_url
from rights.access_log import record
from rights.models import AccessLogEntry, DataExport, ErasureRequest

EXPORT_EMAILS = Outbox.for_timestamp(DataExport, field_name="emailed_at", created_field="ready_at")
OPEN_EXPORT = (DataExport.Status.PENDING, DataExport.Status.BUILDING)


def _stale_before(now: dt.datetime) -> dt.datetime:
    return now - dt.timedelta(minutes=settings.DATA_EXPORT_STALE_MINUTES)


def _queue_build(export_id: int) -> None:
    from rights.tasks import build_export  # the tasks module imports these services

    transaction.on_commit(lambda: enqueue(build_export, export_id))


def _stale(now: dt.datetime) -> Q:
    """Open exports whose task was lost: waiting, or building, for longer than the stale time."""
    before = _stale_before(now)
    return Q(status=DataExport.Status.PENDING, queued_at__lt=before) | Q(
        status=DataExport.Status.BUILDING, claimed_at__lt=before
    )


def export_request(*, user: User) -> tuple[DataExport, bool]:
    """One export at a time per person: a second request while one is built returns it.

    One whose task was lost (past the stale time) is failed and a new one is queued, so
    the person never waits on a copy that will not come."""
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()  # serialise the person
        DataExport.objects.filter(_stale(timezone.now()), user=user).update(
            status=DataExport.Status.FAILED
        )
        existing = DataExport.objects.filter(user=user, status__in=OPEN_EXPORT).first()
        if existing:
            return existing, False
        export = DataExport.objects.create(user=user)
        _queue_build(export.pk)
    return export, True


def exports_sweep(*, now: dt.datetime | None = None) -> dict[str, int]:
    """The periodic sweep of exports whose task was lost (a worker died, a message was lost).

    A lost one is queued again while it has builds left (DATA_EXPORT_MAX_ATTEMPTS), else
    failed: the person's page then says so and offers to ask again. Each row is moved by a
    conditional update, so a build that finishes meanwhile is never undone."""
    now = now or timezone.now()
    stale = DataExport.objects.filter(_stale(now))
    failed = stale.filter(attempts__gte=settings.DATA_EXPORT_MAX_ATTEMPTS).update(
        status=DataExport.Status.FAILED
    )
    requeued = 0
    with transaction.atomic():
        for export in stale.filter(attempts__lt=settings.DATA_EXPORT_MAX_ATTEMPTS):
            # Back to waiting, queued now: the next sweep gives the new task its time.
            moved = DataExport.objects.filter(_stale(now), pk=export.pk).update(
                status=DataExport.Status.PENDING, claimed_at=None, queued_at=now
            )
            if moved:
                _queue_build(export.pk)
                requeued += moved
    return {"requeued": requeued, "failed": failed}


def _write_archive(export: DataExport, target) -> None:
    """The ZIP: one JSON file per part, then the part's files under files/<part>/."""
    manifest = {
        "person": export.user.email,
        "created_at": timezone.now().isoformat(),
        "parts": [],
    }
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, part in export_parts(export.user):
            text = json.dumps(part.data, ensure_ascii=False, indent=2, default=str)
            archive.writestr(f"{name}.json", text)
            manifest["parts"].append(name)
            for path, field_file in part.files:
                if not field_file or not field_file.storage.exists(field_file.name):
                    continue
                with (
                    field_file.open("rb") as source,
                    archive.open(f"files/{name}/{path}", "w") as out,
                ):
                    shutil.copyfileobj(source, out)
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))


def export_build(*, export_id: int) -> bool:
    """Claim a pending export, write its archive, mark it ready; False when someone else has it."""
    claimed = DataExport.objects.filter(pk=export_id, status=DataExport.Status.PENDING).update(
        status=DataExport.Status.BUILDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:
        return False
    export = DataExport.objects.select_related("user").get(pk=export_id)
    try:
        with tempfile.TemporaryFile() as target:
            _write_archive(export, target)
            export.size = target.tell()
            target.seek(0)
            export.archive.save(f"{export.token}.zip", File(target), save=False)
    except OSError:  # storage or disk: pending again, so the task's retry builds it
        DataExport.objects.filter(pk=export_id).update(
            status=DataExport.Status.PENDING, claimed_at=None
        )
        raise
    except Exception:
        DataExport.objects.filter(pk=export_id).update(status=DataExport.Status.FAILED)
        raise
    now = timezone.now()
    export.status = DataExport.Status.READY
    export.ready_at = now
    export.expires_at = now + dt.timedelta(days=settings.DATA_EXPORT_EXPIRY_DAYS)
    export.save(update_fields=["archive", "size", "status", "ready_at", "expires_at"])
    return True


def export_download_url(export: DataExport) -> str:
    return absolute_url(reverse("rights:download", args=[export.token]))


def _send_export(export: DataExport) -> None:
    context = {"person": export.user, "export": export, "download_url": export_download_url(export)}
    send("data-export-ready", [export.user.email], context)


def export_email(*, export_id: int) -> bool:
    """The link goes once (core.delivery), and only for a ready export."""
    return deliver_once(
        EXPORT_EMAILS,
        pk=export_id,
        send=_send_export,
        select_related=["user"],
        extra=Q(status=DataExport.Status.READY),
    )


def export_is_downloadable(export: DataExport, *, now: dt.datetime | None = None) -> bool:
    now = now or timezone.now()
    return export.status == DataExport.Status.READY and export.expires_at > now


def exports_expire(*, now: dt.datetime | None = None) -> int:
    """Ready exports past their time lose their archive; the row says it expired."""
    now = now or timezone.now()
    expired = 0
    rows = DataExport.objects.filter(status=DataExport.Status.READY, expires_at__lte=now)
    for export in rows:
        export_discard(export)
        expired += 1
    return expired


def export_discard(export: DataExport) -> None:
    if export.archive:
        export.archive.delete(save=False)
    DataExport.objects.filter(pk=export.pk).update(status=DataExport.Status.EXPIRED, archive="")


def erased_label(user: User) -> str:
    return _("Erased person #%(id)s") % {"id": user.pk}


def data_exports_erase(user: User) -> dict[str, int]:
    """The rights app's own part of an erasure: archives of the person's data are deleted,
    and the access log names them by their erased account only."""
    exports = list(DataExport.objects.filter(user=user))
    for export in exports:
        export_discard(export)
    entries = AccessLogEntry.objects.filter(actor=user).update(actor_label=erased_label(user))
    return {"data_exports": len(exports), "access_log_names": entries}


# --- erasure -------------------------------------------------------------------------------


def erasure_request(*, user: User, reason: str = "") -> tuple[ErasureRequest, bool]:
    """The person asks; one open request at a time (a second returns the first)."""
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()
        existing = ErasureRequest.objects.filter(
            user=user, status=ErasureRequest.Status.REQUESTED
        ).first()
        if existing:
            return existing, False
        label = f"{user.get_full_name()} <{user.email}>"
        return ErasureRequest.objects.create(user=user, person_label=label, reason=reason), True


def _open_request(request_id: int) -> ErasureRequest:
    erasure = ErasureRequest.objects.select_for_update().select_related("user").get(pk=request_id)
    if erasure.status != ErasureRequest.Status.REQUESTED:
        raise ValidationError(_("This request has already been decided."))
    return erasure


def _decide(erasure: ErasureRequest, *, by: User, reason: str, status: str) -> None:
    if not reason.strip():
        raise ValidationError(_("Write the reason for the decision."))
    erasure.status = status
    erasure.decided_by = by
    erasure.decided_at = timezone.now()
    erasure.decision_reason = reason.strip()


@transaction.atomic
def erasure_refuse(*, request_id: int, by: User, reason: str) -> ErasureRequest:
    erasure = _open_request(request_id)
    _decide(erasure, by=by, reason=reason, status=ErasureRequest.Status.REFUSED)
    erasure.save()
    return erasure


@transaction.atomic
def erasure_approve(
    *, request_id: int, by: User, reason: str, request: Any = None
) -> ErasureRequest:
    """Erase or pseudonymise the person through every app's part, log it, in one transaction."""
    erasure = _open_request(request_id)
    if erasure.user_id == by.pk:
        raise ValidationError(_("Another coordinator must decide on your own request."))
    _decide(erasure, by=by, reason=reason, status=ErasureRequest.Status.ERASED)
    erasure.summary = erase_parts(erasure.user)
    # The request itself keeps no name either: the erased account's id is the reference.
    erasure.person_label = erased_label(erasure.user)
    erasure.save()
    what = _("Erasure of %(person)s (request %(id)s)") % {
        "person": erasure.person_label,
        "id": erasure.pk,
    }
    record(request, AccessLogEntry.Action.ERASURE, what, actor=by)
    return erasure
