"""Writes of notification channels: preferences, LINE linking, LINE messages.

A LINE message is queued beside the email of the same notice, never instead of it: the
two are separate ledger rows (the app's email row, a LineMessage here), each delivered at
most once through core.delivery, so a LINE failure never stops or repeats the email.
"""

import datetime as dt
import logging
import secrets
from collections.abc import Callable, Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from accounts.consent import Purpose, consent_record
from accounts.models import User
from core.delivery import Outbox, deliver_once, stale_ids
from notifications import line
from notifications.models import LineAccount, LineLinkCode, LineMessage, NoticeKind, Preference
from notifications.selectors import line_recipients

logger = logging.getLogger(__name__)

LINE_MESSAGES = Outbox.for_status(LineMessage, channel="line")
CODE_LIFETIME = dt.timedelta(minutes=30)
# No 0/O, 1/I/L: a code read off a phone screen and typed into LINE.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def preferences_save(*, user: User, choices: dict[str, dict[str, bool]]) -> None:
    """Store the person's channels per kind; LINE stays off while LINE is not offered.
    Choosing LINE for a kind is consent to LINE notifications, recorded in the person's
    consent history (accounts.consent) if not already in force; withdrawing it on
    /me/privacy/ stops LINE for every kind at once."""
    offer_line = line.line_enabled() and LineAccount.objects.filter(user=user).exists()
    wants_line = offer_line and any(bool(c.get("line")) for c in choices.values())
    with transaction.atomic():
        if wants_line:
            consent_record(user=user, decisions={Purpose.LINE_NOTIFICATIONS: True})
        for kind in NoticeKind.values:
            chosen = choices.get(kind, {})
            Preference.objects.update_or_create(
                user=user,
                kind=kind,
                defaults={
                    "email": bool(chosen.get("email")),
                    "line": bool(chosen.get("line")) and offer_line,
                },
            )


def line_link_code_issue(*, user: User, now: dt.datetime | None = None) -> LineLinkCode:
    """A fresh one-time code for this person (the previous one stops working)."""
    now = now or timezone.now()
    for _attempt in range(5):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        try:
            with transaction.atomic():
                LineLinkCode.objects.filter(user=user).delete()
                return LineLinkCode.objects.create(
                    user=user, code=code, expires_at=now + CODE_LIFETIME
                )
        except IntegrityError:  # the same code for someone else: draw again
            continue
    raise RuntimeError("could not draw a unique LINE linking code")


def line_link_by_code(
    *, line_user_id: str, text: str, now: dt.datetime | None = None
) -> User | None:
    """Link the LINE user who sent a live code to its owner; the person, or None.

    The code is spent either way it matches. A LINE account already linked to
    someone else moves to the code's owner: that person holds the phone now.
    """
    now = now or timezone.now()
    code = "".join(text.split()).upper()
    if not code or len(code) > 16:
        return None
    with transaction.atomic():
        found = LineLinkCode.objects.select_for_update().filter(code=code).first()
        if found is None:
            return None
        found.delete()
        if found.expires_at <= now:
            return None
        LineAccount.objects.filter(line_user_id=line_user_id).exclude(user=found.user).delete()
        LineAccount.objects.update_or_create(
            user=found.user, defaults={"line_user_id": line_user_id}
        )
    return found.user


def line_unlink(*, user: User) -> bool:
    """Forget the person's LINE; their LINE choices go back to off. True if linked."""
    with transaction.atomic():
        deleted, _ = LineAccount.objects.filter(user=user).delete()
        Preference.objects.filter(user=user, line=True).update(line=False)
        LineLinkCode.objects.filter(user=user).delete()
    return bool(deleted)


def line_unlink_by_line_user(*, line_user_id: str) -> None:
    """The person blocked the Official Account (an unfollow event)."""
    account = LineAccount.objects.filter(line_user_id=line_user_id).select_related("user").first()
    if account:
        line_unlink(user=account.user)


def line_queue(
    *, user_ids: Iterable[int], kind: Any, key: str, text: str | Callable[[], str]
) -> list[int]:
    """One LINE message per person who chose LINE for this kind; sent after commit.

    Call it beside the email ledger's own queueing, with the same notice key: a second
    call for the same key and person adds nothing. ``text`` may be a function, called
    only when someone is to get it (most notices go to nobody on LINE).
    """
    recipients = line_recipients(user_ids=user_ids, kind=kind)
    if not recipients:
        return []
    text = line.fit_text(text() if callable(text) else text)
    rows = [LineMessage(user_id=u, kind=kind, key=key, text=text) for u in recipients]
    LineMessage.objects.bulk_create(rows, ignore_conflicts=True)
    pending = LineMessage.objects.filter(
        key=key, user_id__in=recipients, status=LineMessage.Status.PENDING
    )
    ids = list(pending.values_list("id", flat=True))
    line_deliver_after_commit(ids)
    return ids


def line_render(name: str, context: dict) -> str:
    """The text of a LINE message: templates/line/<name>.txt, Thai first, English below
    (like the emails; the English half shows no Thai dates)."""
    with translation.override("th"):
        return line.fit_text(render_to_string(f"line/{name}.txt", context))


def line_deliver_after_commit(ids: Iterable[int]) -> None:
    from notifications.tasks import deliver_line_message  # the tasks module imports these

    for message_id in ids:
        # robust: with tasks run inline (no broker), a LINE failure must not stop the
        # callbacks after it (the emails of the same commit).
        transaction.on_commit(lambda m=message_id: deliver_line_message.delay(m), robust=True)


def line_message_deliver(*, message_id: int) -> bool:
    """Push one message if this caller wins the claim; True when LINE took it.

    LINE unreachable, 5xx or 429: the claim is released and LineUnavailable (an
    OSError) goes up for the task's retry. A refusal for good (the person blocked the
    account, a 400) marks the row failed with the reason: it is not tried again.
    """
    try:
        return deliver_once(LINE_MESSAGES, pk=message_id, send=_push, select_related=["user"])
    except line.LineRefused as exc:
        logger.warning("LINE refused message %s: %s", message_id, exc)
        LineMessage.objects.filter(pk=message_id, status=LineMessage.Status.PENDING).update(
            status=LineMessage.Status.FAILED, error=str(exc)[:200]
        )
        return False


def _push(message: LineMessage) -> None:
    if not line.line_enabled():
        raise line.LineRefused("LINE is not configured")
    account = LineAccount.objects.filter(user_id=message.user_id).first()
    if account is None:
        raise line.LineRefused("LINE was unlinked")
    line.push_text(to=account.line_user_id, text=message.text, retry_key=str(message.retry_key))


def line_messages_stale_pending(*, now: dt.datetime | None = None) -> list[int]:
    return stale_ids(LINE_MESSAGES, now=now)
