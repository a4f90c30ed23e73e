"""What evaluations show a learner: an item in /me/'s attention list (its first screen)
and a section on the session page (accounts.portal, cohorts.session_page)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.portal import AttentionItem
from cohorts.selectors import portal_enrolments
from evaluations import selectors


def _url(evaluation) -> str:
    return reverse("evaluations:answer", args=[evaluation.pk])


def evaluation_attention(request) -> list[AttentionItem]:
    """One item per open evaluation the person has not answered, saying when it closes."""
    language = get_language() or "th"
    return [
        AttentionItem(
            kind="evaluation",
            label=_("Evaluation waiting: %(title)s") % {"title": w.evaluation.title_in(language)},
            url=_url(w.evaluation),
            when=w.evaluation.closes,
            order=15,
        )
        for w in selectors.waiting_for(request.user, enrolments=portal_enrolments(request))
    ]


def evaluation_session_section(request, session, enrolment) -> dict | None:
    """The session's evaluations on the learner's session page, open or answered."""
    if enrolment is None:  # staff opening the page answer nothing
        return None
    evaluations = [e for e in session.evaluations.all() if e.cohort_id == enrolment.cohort_id]
    if not evaluations:
        return None
    done = selectors.answered_ids([enrolment], evaluations)
    rows = [(e, e.pk in done, e.is_open()) for e in evaluations]
    return {"template": "evaluations/session_section.html", "rows": rows, "now": timezone.now()}
