"""Learning on /me/ (attention items, the announcements panel) and on the session page."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.portal import AttentionItem, per_request
from cohorts.selectors import portal_enrolments, portal_sessions
from learning import selectors

UNREAD_LISTED = 3


def materials_section(request, session, enrolment) -> dict | None:
    materials = list(
        selectors.materials_for_session(session=session, enrolment=enrolment, user=request.user)
    )
    return {
        "template": "learning/session_materials.html",
        "materials": materials,
        "now": timezone.now(),
    }


def announcements_section(request, session, enrolment) -> dict | None:
    if enrolment is None or not enrolment.is_current:
        return None
    found = list(selectors.announcements_for(user=request.user, session=session))
    if not found:
        return None
    return {"template": "learning/session_announcements.html", "announcements": found}


def _announcements(request) -> list:
    """The person's announcements, read once for the attention items and the panel."""
    return per_request(
        request,
        "learning.announcements",
        lambda: list(
            selectors.announcements_for(user=request.user, enrolments=portal_enrolments(request))
        ),
    )


def announcements_panel(request) -> dict | None:
    if not request.user.is_authenticated:
        return None
    found = _announcements(request)[:3]
    if not found:
        return None
    return {"template": "learning/me_announcements.html", "announcements": found}


def learning_attention(request) -> list[AttentionItem]:
    """Unread announcements (the first few, each its own link) and sessions with new materials."""
    if not request.user.is_authenticated:
        return []
    unread = [a for a in _announcements(request) if not a.is_read]
    items = [
        AttentionItem(
            "announcement",
            _("New announcement: %(title)s") % {"title": a.title_th},
            reverse("learning:announcement", args=[a.pk]),
            when=a.published_at,
            order=40,
        )
        for a in unread[:UNREAD_LISTED]
    ]
    found = selectors.new_materials(
        user=request.user, enrolments=portal_enrolments(request), sessions=portal_sessions(request)
    )
    for session, count in found:
        label = ngettext(
            "New material: session %(number)s",
            "%(count)s new materials: session %(number)s",
            count,
        ) % {"count": count, "number": session.number}
        url = reverse("cohorts_me:session", args=[session.pk]) + "#session-materials"
        items.append(AttentionItem("material", label, url, order=50))
    return items
