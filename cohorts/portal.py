"""The schedule panel on /me/: next session, whole schedule, my team, calendar links."""

from django.urls import reverse
from django.utils import timezone

from cohorts import selectors
from cohorts.services import calendar_token_for


def schedule_panel(request) -> dict | None:
    user = request.user
    enrolments = selectors.portal_enrolments(request)
    if not enrolments:
        return teaching_panel(request)
    sessions = selectors.portal_sessions(request)
    now = timezone.now()
    token = calendar_token_for(user=user)
    blocks = []
    for enrolment in enrolments:
        cohort_sessions = [s for s in sessions if s.cohort_id == enrolment.cohort_id]
        team = enrolment.team
        blocks.append(
            {
                "enrolment": enrolment,
                "cohort": enrolment.cohort,
                "sessions": cohort_sessions,
                "next": selectors.next_session(cohort_sessions, now=now),
                "team": team,
                "members": list(selectors.team_members(team=team)) if team else [],
                "public_feed_url": request.build_absolute_uri(
                    reverse("cohorts:cohort_feed", args=[enrolment.cohort.slug])
                ),
            }
        )
    feed_url = request.build_absolute_uri(reverse("cohorts:personal_feed", args=[token.token]))
    return {
        "template": "cohorts/panel_schedule.html",
        "blocks": blocks,
        "now": now,
        "feed_url": feed_url,
        "webcal_url": feed_url.replace("https://", "webcal://").replace("http://", "webcal://"),
    }


def teaching_panel(request) -> dict | None:
    """For facilitators: the sessions they teach, with their personal feed."""
    sessions = list(selectors.sessions_taught_by(user=request.user, since=timezone.now()))
    if not sessions:
        return None
    token = calendar_token_for(user=request.user)
    feed_url = request.build_absolute_uri(reverse("cohorts:personal_feed", args=[token.token]))
    return {
        "template": "cohorts/panel_teaching.html",
        "sessions": sessions,
        "feed_url": feed_url,
        "webcal_url": feed_url.replace("https://", "webcal://").replace("http://", "webcal://"),
    }
