"""Calendar feeds, the feed-token reset and the learner's session page; admin screens live in
cohorts.admin_views."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cohorts import selectors
from cohorts.access import session_enrolment
from cohorts.calendar import build_calendar
from cohorts.models import CalendarToken, Cohort
from cohorts.services import calendar_token_revoke
from cohorts.session_page import session_sections

# The meeting link shows from this long before the start (issue 18 item 2).
ONLINE_LINK_LEAD = dt.timedelta(minutes=30)


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=300"
    return response


def cohort_feed(request, slug: str):
    """The cohort's public schedule: titles, times and venues, never meeting links."""
    cohort = get_object_or_404(Cohort, slug=slug)
    sessions = selectors.sessions_for_schedule(cohort_ids=[cohort.pk])
    content = build_calendar(sessions, name=str(cohort), private=False)
    return _ics(content, f"{cohort.slug}.ics")


def events_feed(request):
    """Every cohort's sessions ahead, public: titles, times and venues, never meeting links."""
    content = build_calendar(selectors.sessions_ahead(), name=_("Programme events"), private=False)
    return _ics(content, "events.ics")


def events_context(page) -> dict:
    """What the public events page lists: the sessions ahead and the feed to subscribe to."""
    return {"events": selectors.sessions_ahead(), "calendar_url": reverse("cohorts:events_feed")}


def personal_feed(request, token: str):
    """A person's own sessions, addressed by a secret token (calendar apps cannot log in)."""
    feed = CalendarToken.objects.filter(token=token, revoked_at__isnull=True).select_related("user")
    feed = feed.first()
    if feed is None or not feed.user.is_active:
        raise Http404
    sessions = selectors.sessions_for_person(user=feed.user)
    return _ics(build_calendar(sessions, name="พมส. · ตารางของฉัน"), "my-sessions.ics")


@login_required
@require_POST
def reset_feed(request):
    calendar_token_revoke(user=request.user)
    messages.success(
        request,
        _(
            "Your calendar link has been replaced. The old link no longer works; "
            "add the new one to your calendar."
        ),
    )
    return redirect("accounts:me")


@login_required
def session_page(request, session_id: int):
    """The learner's page of one session; other apps add sections (cohorts.session_page)."""
    session = get_object_or_404(selectors.session_for_page(), pk=session_id)
    allowed, enrolment = session_enrolment(request.user, session)
    if not allowed:
        raise PermissionDenied
    link_from = session.starts_at - ONLINE_LINK_LEAD
    context = {
        "session": session,
        "enrolment": enrolment,
        "show_online_link": bool(session.online_url) and timezone.now() >= link_from,
        "online_link_from": link_from,
        "sections": session_sections(request, session, enrolment),
    }
    return render(request, "cohorts/session_page.html", context)
