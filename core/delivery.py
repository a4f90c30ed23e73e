"""At-most-once delivery: the one way a notice reaches a person on a channel.

Each kind of notice keeps a ledger row per person (or recipient list) and
channel: SessionNotice rows, a Review's notification field, a Certificate's
emailed_at, the weekly DigestLog. An ``Outbox`` says how that row reads as
pending, claimed and sent; ``deliver_once`` does the rest:

1. claim with a conditional update (pending -> claimed) and stop if no row
   changed: a retry or a second worker sends nothing ("a sort of optimistic lock");
2. send; on any failure release the claim (claimed -> pending) and re-raise, so
   the task's own retry (autoretry_for=OSError) sends it later;
3. mark it sent.

The stale sweep (``stale_ids``) finds pending rows whose task was lost (retries
ran out while the mail server was down, the broker dropped the message) so a
periodic job hands them to a sender again; the claim keeps each one to one send.
A row left claimed by a worker that died mid-send is NOT taken back: nobody
knows whether the message went, and at most once beats twice.

A LINE channel adds its own ledger rows (or its own Outbox over a channel
column) and its own ``send``: email and LINE each go once.

    NOTICES = Outbox.for_status(SessionNotice, channel="email")

    def notice_deliver(*, notice_id):
        return deliver_once(NOTICES, pk=notice_id, send=_send, select_related=["user"])
"""

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, Q, QuerySet
from django.utils import timezone

NOW = object()  # in claim/sent values: replaced by the time of the update

# A row still pending this long after it was queued lost its task.
STALE_AFTER = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class Outbox:
    """How one model's rows read as pending, claimed and sent."""

    model: type[Model]
    pending: Q
    claim: Mapping[str, Any]
    release: Mapping[str, Any]
    sent: Mapping[str, Any] = field(default_factory=dict)
    # A row left in this state past stale_after is stuck (core.stuck); None: the
    # claim cannot be told from sent (a ledger of one timestamp).
    claimed: Q | None = None
    claimed_field: str = "claimed_at"
    channel: str = "email"
    # Rows older than this (by created_field) are stale when still pending.
    created_field: str = "created_at"
    stale_after: dt.timedelta = STALE_AFTER

    @classmethod
    def for_status(
        cls,
        model: Any,
        *,
        field_name: str = "status",
        claimed_at: str | None = "claimed_at",
        sent_at: str | None = "sent_at",
        **kwargs: Any,
    ) -> "Outbox":
        """The usual ledger: a pending/sending/sent field plus claim and sent times."""
        claim = {field_name: "sending", **({claimed_at: NOW} if claimed_at else {})}
        release = {field_name: "pending", **({claimed_at: None} if claimed_at else {})}
        sent = {field_name: "sent", **({sent_at: NOW} if sent_at else {})}
        pending = Q(**{field_name: "pending"})
        kwargs.setdefault("claimed", Q(**{field_name: "sending"}))
        # Without a claim time, the row's own age stands in for it (sent right after).
        kwargs.setdefault("claimed_field", claimed_at or kwargs.get("created_field", "created_at"))
        return cls(model, pending=pending, claim=claim, release=release, sent=sent, **kwargs)

    @classmethod
    def for_timestamp(cls, model: Any, *, field_name: str, **kwargs: Any) -> "Outbox":
        """A ledger of one nullable time: null is pending, the claim sets it for good."""
        return cls(
            model,
            pending=Q(**{field_name: None}),
            claim={field_name: NOW},
            release={field_name: None},
            **kwargs,
        )


def _values(values: Mapping[str, Any]) -> dict[str, Any]:
    now = timezone.now()
    return {name: now if value is NOW else value for name, value in values.items()}


def claim(outbox: Outbox, *, pk: int, extra: Q | None = None) -> bool:
    """The conditional update: True only for the one caller that moved the row."""
    rows = outbox.model._default_manager.filter(outbox.pending, pk=pk)
    if extra is not None:
        rows = rows.filter(extra)
    return bool(rows.update(**_values(outbox.claim)))


def release(outbox: Outbox, *, pk: int) -> None:
    """Nothing went out: the row is pending again for a retry or the sweep."""
    outbox.model._default_manager.filter(pk=pk).update(**_values(outbox.release))


def mark_sent(outbox: Outbox, *, pk: int) -> None:
    if outbox.sent:
        outbox.model._default_manager.filter(pk=pk).update(**_values(outbox.sent))


def deliver_once(
    outbox: Outbox,
    *,
    pk: int,
    send: Callable[[Any], None],
    select_related: tuple[str, ...] | list[str] = (),
    extra: Q | None = None,
) -> bool:
    """Claim, send, mark sent; release and re-raise on failure. True when it went out."""
    if not claim(outbox, pk=pk, extra=extra):
        return False
    try:
        row = outbox.model._default_manager.select_related(*select_related).get(pk=pk)
        send(row)
    except Exception:
        # Includes Celery's soft time limit: the message did not go out.
        release(outbox, pk=pk)
        raise
    mark_sent(outbox, pk=pk)
    return True


def stale(outbox: Outbox, *, now: dt.datetime | None = None) -> QuerySet:
    """Pending rows older than the outbox's stale_after: their task was lost."""
    cutoff = (now or timezone.now()) - outbox.stale_after
    rows = outbox.model._default_manager.filter(outbox.pending)
    return rows.filter(**{f"{outbox.created_field}__lt": cutoff})


def stale_ids(outbox: Outbox, *, now: dt.datetime | None = None) -> list[int]:
    return list(stale(outbox, now=now).values_list("pk", flat=True))


def pending_ids(outbox: Outbox) -> list[int]:
    """Every pending row, young or old: what a worker starting again hands to a sender.

    Safe to queue twice: each send claims its row first.
    """
    return list(outbox.model._default_manager.filter(outbox.pending).values_list("pk", flat=True))
