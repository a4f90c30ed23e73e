"""The learner home at /me/ is built from panels that each app registers.

An app calls ``register_panel`` from its AppConfig.ready(); a panel is a
function ``(request) -> dict | None`` returning ``{"template": ..., **context}``
or None when it has nothing to show for this person.
"""

from collections.abc import Callable

_PANELS: list[tuple[int, Callable]] = []


def register_panel(func: Callable, *, order: int = 100) -> Callable:
    if all(existing is not func for _, existing in _PANELS):
        _PANELS.append((order, func))
        _PANELS.sort(key=lambda item: item[0])
    return func


def panels_for(request) -> list[dict]:
    panels = []
    for _order, func in _PANELS:
        panel = func(request)
        if panel:
            panels.append(panel)
    return panels
