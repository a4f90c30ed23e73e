"""Cohorts' part of a person's data (accounts.personal_data) and its retention rule."""

import datetime as dt

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import Q

from accounts.models import User
from accounts.personal_data import iso
from cohorts.models import CalendarToken, Enrolment, SessionNotice


def cohorts_export(user: User) -> dict:
    enrolments = Enrolment.objects.filter(user=user).select_related("cohort", "team")
    notices = SessionNotice.objects.filter(user=user).select_related("session__cohort")
    return {
        "enrolments": [
            {
                "cohort": str(e.cohort),
                "role": e.role,
                "status": e.status,
                "team": e.team.name if e.team_id else None,
                "position_at_enrolment": e.position_snapshot,
                "organisation_at_enrolment": e.organisation_name_snapshot,
                "enrolled_at": iso(e.enrolled_at),
                "ended_at": iso(e.ended_at),
                "end_reason": e.end_reason,
            }
            for e in enrolments.order_by("enrolled_at")
        ],
        "session_notices_sent": [
            {
                "session": f"{n.session.cohort} #{n.session.number}",
                "kind": n.kind,
                "status": n.status,
                "sent_at": iso(n.sent_at),
            }
            for n in notices.order_by("created_at")
        ],
        "calendar_feeds": [
            {"created_at": iso(t.created_at), "revoked_at": iso(t.revoked_at)}
            for t in CalendarToken.objects.filter(user=user).order_by("created_at")
        ],
    }


def cohorts_erase(user: User) -> dict[str, int]:
    """Enrolments stay (cohort figures, the team keeps its member count); what they said
    about the person goes. Calendar feeds stop working."""
    enrolments = Enrolment.objects.filter(user=user).update(position_snapshot="", end_reason="")
    tokens = CalendarToken.objects.filter(user=user).delete()[0]
    return {"enrolments_pseudonymised": enrolments, "calendar_feeds": tokens}


def invitations_expire(now: dt.datetime) -> int:
    """Invitations nobody accepted: the invited account (never logged in, no password of its
    own) older than INVITATION_EXPIRY_DAYS is closed, so the emailed link lets no one in.
    Enrolments and records stay; inviting the person again opens the account again."""
    cutoff = now - dt.timedelta(days=settings.INVITATION_EXPIRY_DAYS)
    invited = User.objects.filter(
        is_active=True, is_staff=False, last_login__isnull=True, date_joined__lt=cutoff
    ).filter(Q(password="") | Q(password__startswith=UNUSABLE_PASSWORD_PREFIX))
    return invited.update(is_active=False)
