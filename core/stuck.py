"""Stuck work: what a worker claimed and never finished, for coordinators to see.

Each app that claims work (notices, review emails, batch items) registers a
``StuckKind`` from its ``AppConfig.ready()``. A row is stuck when it is still
claimed past its stale time: the worker that held it died mid-send or mid-item.
The platform does not take such a claim back by itself (nobody knows whether
the email went, and at most once beats twice); the coordinator's screen
(``accounts.admin_views.stuck_work``) lists them and a retry hands each one to
a sender again, once.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise

from core.delivery import Outbox, release


@dataclass(frozen=True)
class StuckKind:
    """One kind of claimed work: how to find it stuck, describe it and retry it."""

    key: str  # stable, in the retry form: "session-notice"
    label: str | Promise
    rows: Callable[[dt.datetime], QuerySet]  # the stuck rows at this time
    describe: Callable[[Any], str]
    retry: Callable[[int], bool]  # release one row and queue it; False when not stuck


_KINDS: dict[str, StuckKind] = {}


def register_stuck_kind(kind: StuckKind) -> None:
    _KINDS[kind.key] = kind


def stuck_kinds() -> list[StuckKind]:
    return list(_KINDS.values())


def stuck_kind(key: str) -> StuckKind | None:
    return _KINDS.get(key)


@dataclass(frozen=True)
class StuckRow:
    kind: StuckKind
    pk: int
    description: str
    claimed_at: dt.datetime | None


def stuck_rows(*, now: dt.datetime | None = None) -> list[StuckRow]:
    """Every stuck row of every kind, oldest claim first within a kind."""
    now = now or timezone.now()
    return [
        StuckRow(kind, row.pk, kind.describe(row), getattr(row, "claimed_at", None))
        for kind in stuck_kinds()
        for row in kind.rows(now)
    ]


def outbox_stuck(outbox: Outbox, *, now: dt.datetime | None = None) -> QuerySet:
    """Rows of an outbox still claimed past its stale time (the claimed_field's age)."""
    if outbox.claimed is None:
        return outbox.model._default_manager.none()
    cutoff = (now or timezone.now()) - outbox.stale_after
    rows = outbox.model._default_manager.filter(outbox.claimed)
    return rows.filter(**{f"{outbox.claimed_field}__lt": cutoff})


def outbox_retry(outbox: Outbox, *, pk: int, enqueue: Callable[[Iterable[int]], None]) -> bool:
    """Put one stuck row back to pending and hand it to its sender (after commit)."""
    if not outbox_stuck(outbox).filter(pk=pk).exists():
        return False
    release(outbox, pk=pk)
    enqueue([pk])
    return True
