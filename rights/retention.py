"""Retention: what is kept only for a while, each rule owned by the app holding the data.

An app registers a rule from its AppConfig.ready()::

    register_retention("invitations", invitations_expire)

``func(now)`` removes or folds what is past its time and returns how many rows it
touched; the daily job (rights/schedules.py) runs every rule. The periods are settings
(DATA_EXPORT_EXPIRY_DAYS, INVITATION_EXPIRY_DAYS, LOOKUP_DETAIL_RETENTION_MONTHS).
"""

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

_RULES: dict[str, Callable[[dt.datetime], int]] = {}


def register_retention(name: str, func: Callable[[dt.datetime], int]) -> None:
    _RULES[name] = func


def retention_apply(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Every rule once, in name order: {rule: rows touched}."""
    now = now or timezone.now()
    return {name: _RULES[name](now) for name in sorted(_RULES)}
