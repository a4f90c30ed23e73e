"""Who is who: one place that answers role questions for every view."""

from accounts.roles import COORDINATOR, FACILITATOR


def _in_group(user, name: str) -> bool:
    if not user.is_authenticated:
        return False
    cache = getattr(user, "_role_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._role_names = cache
    return name in cache


def is_coordinator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or _in_group(user, COORDINATOR))


def is_facilitator(user) -> bool:
    return _in_group(user, FACILITATOR)


def is_staff_member(user) -> bool:
    """Staff are the people who work in the Wagtail admin."""
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )
