"""The learner home at /me/ is built from what each app registers.

Panels: an app calls ``register_panel`` from its AppConfig.ready(); a panel is a
function ``(request) -> dict | None`` returning ``{"template": ..., **context}``
or None when it has nothing to show for this person.

Attention: ``register_attention`` adds a function ``(request) -> list[AttentionItem]``
answering "what needs this person now" (check-in open, work returned, an evaluation
waiting, ...). /me/ shows the items first, each linking straight to where it is done.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

_PANELS: list[tuple[int, Callable]] = []
_ATTENTION: list[tuple[int, Callable]] = []


@dataclass(frozen=True)
class AttentionItem:
    """One thing to do now: ``kind`` names it (``check-in``, ``revision``, ...) for styling
    and tests, ``label`` is already translated, ``when`` an optional aware datetime
    (a deadline, a start), ``order`` sorts items across apps (lower first)."""

    kind: str
    label: str
    url: str
    when: dt.datetime | None = None
    order: int = 100


def _register(registry: list[tuple[int, Callable]], func: Callable, order: int) -> Callable:
    if all(existing is not func for _, existing in registry):
        registry.append((order, func))
        registry.sort(key=lambda item: item[0])
    return func


def register_panel(func: Callable, *, order: int = 100) -> Callable:
    return _register(_PANELS, func, order)


def register_attention(func: Callable, *, order: int = 100) -> Callable:
    return _register(_ATTENTION, func, order)


def per_request(request, key: str, compute: Callable):
    """What two sources of /me/ both read (an attention item and its panel), read once
    per request: ``compute()`` the first time ``key`` is asked for, its result after."""
    memo = request.__dict__.setdefault("_portal_reads", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def panels_for(request) -> list[dict]:
    panels = []
    for _order, func in _PANELS:
        panel = func(request)
        if panel:
            panels.append(panel)
    return panels


def attention_for(request) -> list[AttentionItem]:
    """Every registered source's items, by item order, then by when (soonest first)."""
    items: list[AttentionItem] = []
    for _order, func in _ATTENTION:
        items.extend(func(request) or [])
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    return sorted(items, key=lambda item: (item.order, item.when or far))
