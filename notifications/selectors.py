"""Who gets which notice on which channel.

``kind`` is a NoticeKind; typed Any because TextChoices members read as tuples to mypy
(Django ships no stubs), as in core.uploads.
"""

from collections.abc import Iterable
from typing import Any

from accounts.consent import Purpose, consented_purposes, has_consented
from accounts.models import User
from notifications.line import line_enabled
from notifications.models import LineAccount, NoticeKind, Preference


def preferences_for(*, user: User) -> dict[str, dict[str, bool]]:
    """Every kind with its channels for this person: {kind: {"email": .., "line": ..}}."""
    chosen = {p.kind: p for p in Preference.objects.filter(user=user)}
    line_consent = has_consented(user, Purpose.LINE_NOTIFICATIONS)
    result = {}
    for kind in NoticeKind.values:
        pref = chosen.get(kind)
        result[kind] = {
            "email": pref.email if pref else True,
            "line": bool(pref and pref.line and line_consent),
        }
    return result


def email_recipients(*, user_ids: Iterable[int], kind: Any) -> list[int]:
    """The people who keep email for this kind (everyone who did not turn it off)."""
    ids = sorted(set(user_ids))
    off = set(
        Preference.objects.filter(user_id__in=ids, kind=kind, email=False).values_list(
            "user_id", flat=True
        )
    )
    return [u for u in ids if u not in off]


def line_recipients(*, user_ids: Iterable[int], kind: Any) -> list[int]:
    """The people with a linked LINE who chose LINE for this kind and consent to LINE
    notifications now (a withdrawal on /me/privacy/ stops them at once); none when LINE
    is off."""
    if not line_enabled():
        return []
    ids = set(user_ids)
    chosen = sorted(
        Preference.objects.filter(
            user_id__in=ids, kind=kind, line=True, user__line_account__isnull=False
        ).values_list("user_id", flat=True)
    )
    consents = consented_purposes(chosen)
    return [pk for pk in chosen if Purpose.LINE_NOTIFICATIONS in consents[pk]]


def line_account_for(*, user: User) -> LineAccount | None:
    return LineAccount.objects.filter(user=user).first()
