"""The learner's materials and announcements; every view checks who may see it first."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render

from learning import selectors, services
from learning.access import can_open_material
from learning.models import Announcement, Material


def _stream(field, name: str, content_type: str = "") -> FileResponse:
    response = FileResponse(
        field.open("rb"), as_attachment=True, filename=name, content_type=content_type or None
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def material_open(request, pk: int):
    """Download a file or follow a link, recording the first open. Public materials open
    for anyone; the rest for the cohort, its facilitators and coordinators."""
    material = get_object_or_404(Material.objects.select_related("session"), pk=pk)
    if not can_open_material(request.user, material):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    services.material_open(material=material, user=request.user)
    if material.is_file:
        return _stream(material.file, material.file_name, material.content_type)
    return HttpResponseRedirect(material.url)


@login_required
def announcement_list(request):
    announcements = selectors.announcements_for(user=request.user)
    return render(request, "learning/announcement_list.html", {"announcements": announcements})


def _readable(request, pk: int) -> Announcement:
    announcement = get_object_or_404(Announcement, pk=pk)
    if not selectors.can_read_announcement(user=request.user, announcement=announcement):
        raise PermissionDenied
    return announcement


@login_required
def announcement_detail(request, pk: int):
    """Reading it marks it read for this person."""
    announcement = _readable(request, pk)
    services.announcement_mark_read(announcement=announcement, user=request.user)
    return render(request, "learning/announcement_detail.html", {"announcement": announcement})


@login_required
def announcement_attachment(request, pk: int):
    announcement = _readable(request, pk)
    if not announcement.attachment:
        raise PermissionDenied
    return _stream(announcement.attachment, announcement.attachment_name)
