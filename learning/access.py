"""Who may open a material or read an announcement: one helper per object kind."""

import datetime as dt

from django.utils import timezone

from accounts.access import is_coordinator
from cohorts.models import Enrolment, Session
from learning.models import Material


def material_cohort_ids(material: Material) -> set[int]:
    """The cohorts a material belongs to: its session's, or every cohort teaching its module."""
    if material.session_id:
        return {material.session.cohort_id}
    sessions = Session.objects.filter(module_id=material.module_id)
    return set(sessions.values_list("cohort_id", flat=True))


def teaches_material(user, material: Material) -> bool:
    """Coordinators, and the facilitators of the material's session (or module's sessions)."""
    if is_coordinator(user):
        return True
    if not user.is_authenticated:
        return False
    if material.session_id:
        return material.session.facilitators.filter(pk=user.pk).exists()
    return Session.objects.filter(module_id=material.module_id, facilitators=user).exists()


def can_open_material(user, material: Material, *, now: dt.datetime | None = None) -> bool:
    """Staff always; anyone once a public material is available; a learner of its cohort once
    available (a withdrawn learner: what was available before they left)."""
    if teaches_material(user, material):
        return True
    now = now or timezone.now()
    if material.available_from > now:
        return False
    if material.visibility == Material.Visibility.PUBLIC:
        return True
    if not user.is_authenticated:
        return False
    enrolments = Enrolment.objects.filter(user=user, cohort_id__in=material_cohort_ids(material))
    return any(
        e.is_current or (e.ended_at and material.available_from < e.ended_at) for e in enrolments
    )
