"""Coordinators' own admin screens for assignments; the listings are viewsets in wagtail_hooks."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from assignments import services
from assignments.forms import CopyForm


def copy_view(request):
    """Copy every assignment of one cohort into another, due dates moved with the cohort."""
    if not request.user.has_perm("assignments.add_assignment"):
        raise PermissionDenied
    form = CopyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            copies = services.assignments_copy(
                source=form.cleaned_data["source"], target=form.cleaned_data["target"]
            )
        except services.SubmissionError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, _("%(n)s assignments copied.") % {"n": len(copies)})
            return redirect("assignment_admin:index")
    return TemplateResponse(request, "assignments/admin/copy.html", {"form": form})
