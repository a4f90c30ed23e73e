"""Coordinators' reports: who opened a material, who read an announcement."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from accounts.access import is_coordinator
from learning import selectors
from learning.access import teaches_material
from learning.models import Announcement, Material


def material_uptake(request, pk: int):
    """How many of the cohort opened it, and who has not (its facilitators may look too)."""
    material = get_object_or_404(Material.objects.select_related("session__cohort"), pk=pk)
    if not teaches_material(request.user, material):
        raise PermissionDenied
    uptake = selectors.material_uptake(material=material)
    context = {"subject": material, "uptake": uptake, "kind": "material"}
    return render(request, "learning/admin/uptake.html", context)


def announcement_uptake(request, pk: int):
    if not is_coordinator(request.user):
        raise PermissionDenied
    announcement = get_object_or_404(Announcement, pk=pk)
    uptake = selectors.announcement_uptake(announcement=announcement)
    context = {"subject": announcement, "uptake": uptake, "kind": "announcement"}
    return render(request, "learning/admin/uptake.html", context)
