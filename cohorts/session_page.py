"""The learner's session page /me/sessions/<id>/ is built from sections other apps register.

An app calls ``register_session_section`` from its AppConfig.ready(); a section is a
function ``(request, session, enrolment) -> dict | None`` returning
``{"template": ..., **context}`` or None when it has nothing to show. ``enrolment``
is the person's enrolment in the session's cohort, or None for staff (a coordinator,
the session's facilitator). A withdrawn learner's enrolment is not current: show what
was available until ``enrolment.ended_at`` and nothing after (``cohorts.access.visible_until``).
"""

from collections.abc import Callable

_SECTIONS: list[tuple[int, Callable]] = []


def register_session_section(func: Callable, *, order: int = 100) -> Callable:
    if all(existing is not func for _, existing in _SECTIONS):
        _SECTIONS.append((order, func))
        _SECTIONS.sort(key=lambda item: item[0])
    return func


def session_sections(request, session, enrolment) -> list[dict]:
    sections = []
    for _order, func in _SECTIONS:
        section = func(request, session, enrolment)
        if section:
            sections.append(section)
    return sections
