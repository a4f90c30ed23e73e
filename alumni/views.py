"""The directory (ทำเนียบรุ่น): listing, one cohort, a person's vCard and photo, the book."""

import mimetypes

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from accounts.models import User
from alumni.access import directory_cohorts, visible_enrolments
from alumni.book import book_pdf
from alumni.forms import DirectoryFilterForm
from alumni.selectors import directory_members, entries_for, person_entry, unlisted_member
from alumni.vcard import vcard_for
from cohorts.models import Cohort
from rights import access_log

PER_PAGE = 60


def _my_cohorts(request):
    cohorts = directory_cohorts(request.user)
    if not cohorts.exists():
        raise PermissionDenied
    return cohorts


def _listing(request, *, members, cohort=None):
    form = DirectoryFilterForm(request.GET or None)
    members = directory_members(filters=form.filters(), **members)
    page = Paginator(members, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "entries": entries_for(page.object_list),
        "cohort": cohort,
        "cohorts": list(_my_cohorts(request).order_by("-number")),
        "query_string": _without_page(request),
        "not_listed": unlisted_member(request.user),
    }
    return render(request, "alumni/directory.html", context)


def _without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
def directory(request):
    """Everyone listed of the cohorts this person belongs to or teaches, and the people of
    other cohorts who chose the programme-wide directory (everyone listed, for
    coordinators)."""
    _my_cohorts(request)
    return _listing(request, members={"visible": visible_enrolments(request.user)})


def _cohort_of(request, slug: str) -> Cohort:
    cohort = get_object_or_404(Cohort, slug=slug)
    if not _my_cohorts(request).filter(pk=cohort.pk).exists():
        raise PermissionDenied
    return cohort


@login_required
def cohort_directory(request, slug: str):
    cohort = _cohort_of(request, slug)
    members = {"cohorts": Cohort.objects.filter(pk=cohort.pk)}
    return _listing(request, members=members, cohort=cohort)


@login_required
def book(request, slug: str):
    """The printable directory book of one cohort (PDF)."""
    cohort = _cohort_of(request, slug)
    members = directory_members(cohorts=Cohort.objects.filter(pk=cohort.pk))
    pdf = book_pdf(cohort=cohort, entries=entries_for(members))
    access_log.record(request, "print", _("Directory book of %(cohort)s") % {"cohort": cohort})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="directory-{cohort.slug}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def _entry_or_404(request, user_id: int):
    _my_cohorts(request)
    entry = person_entry(visible=visible_enrolments(request.user), user_id=user_id)
    if entry is None:
        raise Http404
    return entry


@login_required
def vcard(request, user_id: int):
    """A person's contact card with only what they consent to show."""
    entry = _entry_or_404(request, user_id)
    response = HttpResponse(vcard_for(entry), content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="contact-{user_id}.vcf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def photo(request, user_id: int):
    """A person's photo, to those who may see them, while they consent to it."""
    entry = _entry_or_404(request, user_id)
    if not entry.has_photo:
        raise Http404
    user = get_object_or_404(User.objects.only("pk", "photo"), pk=user_id)
    response = FileResponse(
        user.photo.open("rb"),
        content_type=mimetypes.guess_type(user.photo.name)[0] or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    return response
