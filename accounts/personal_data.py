"""Everything held about one person, contributed by the app that holds it.

The rights app builds a person's copy of their data (a ZIP of JSON and files) and
carries out an approved erasure by asking every registered part, so no app's models
are read or changed from outside it. An app registers from its AppConfig.ready()::

    register("attendance", export=attendance_export, erase=attendance_erase, order=40)

- ``export(user)`` returns JSON-ready data (dict or list), or an ``ExportedPart``
  when files go with it (each file as its path in the archive and its FieldFile).
- ``erase(user)`` erases or pseudonymises what that app holds about the person and
  returns what it did as counts (``{"calendar_tokens": 1}``) for the erasure log. It
  runs inside the erasure's transaction; what the programme must keep (issued
  certificates, attendance totals, team work) it leaves as it is.

Parts run in order (lower first); the profile itself (accounts, order 1000) is erased
last, after the other parts have read what they need of it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ExportedPart:
    data: Any
    files: list[tuple[str, Any]] = field(default_factory=list)  # (path in archive, FieldFile)


@dataclass(frozen=True)
class Part:
    name: str
    export: Callable[[Any], Any] | None
    erase: Callable[[Any], dict[str, int]] | None
    order: int


_PARTS: dict[str, Part] = {}


def register(
    name: str,
    *,
    export: Callable[[Any], Any] | None = None,
    erase: Callable[[Any], dict[str, int]] | None = None,
    order: int = 100,
) -> None:
    """Add (or replace, by name: ready() may run twice in tests) one app's part."""
    _PARTS[name] = Part(name, export, erase, order)


def parts() -> list[Part]:
    return sorted(_PARTS.values(), key=lambda part: (part.order, part.name))


def export_parts(user: Any) -> list[tuple[str, ExportedPart]]:
    """Every part's export for this person, in order; plain data wrapped as a part."""
    exported = []
    for part in parts():
        if part.export is None:
            continue
        result = part.export(user)
        exported.append(
            (part.name, result if isinstance(result, ExportedPart) else ExportedPart(result))
        )
    return exported


def erase_parts(user: Any) -> dict[str, dict[str, int]]:
    """Every part's erasure, in order; the caller holds the transaction."""
    return {part.name: part.erase(user) or {} for part in parts() if part.erase is not None}


def iso(value: Any) -> str | None:
    """A date or datetime as ISO 8601 (UTC as stored), for the archive's JSON."""
    return value.isoformat() if value is not None else None
