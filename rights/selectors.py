"""Reads of the rights app."""

from django.db.models import QuerySet

from accounts.models import User
from rights.models import AccessLogEntry, DataExport, ErasureRequest


def person_exports(user: User, *, limit: int = 5) -> list[DataExport]:
    return list(DataExport.objects.filter(user=user)[:limit])


def open_erasure_request(user: User) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(user=user, status=ErasureRequest.Status.REQUESTED).first()


def erasure_requests() -> QuerySet:
    return ErasureRequest.objects.select_related("user", "decided_by")


def access_log() -> QuerySet:
    return AccessLogEntry.objects.select_related("actor")
