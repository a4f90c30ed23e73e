"""What evaluations show a learner: the /me/ panel, the attention list, the session page.

``evaluation_attention`` and ``evaluation_session_section`` follow the shapes of the
attention list and the session-page sections (accounts.portal / cohorts.session_page,
branch of #18); they are registered there when those registries arrive.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from evaluations import selectors


def _url(evaluation) -> str:
    return reverse("evaluations:answer", args=[evaluation.pk])


def evaluation_attention(request) -> list[dict]:
    """One item per open evaluation the person has not answered: kind, label, url, when."""
    language = get_language() or "th"
    return [
        {
            "kind": "evaluation",
            "label": _("Evaluation waiting: %(title)s")
            % {"title": w.evaluation.title_in(language)},
            "url": _url(w.evaluation),
            "when": w.evaluation.closes,
        }
        for w in selectors.waiting_for(request.user)
    ]


def evaluation_session_section(request, session, enrolment) -> dict | None:
    """The session's evaluations on the learner's session page, open or answered."""
    evaluations = [e for e in session.evaluations.all() if e.cohort_id == enrolment.cohort_id]
    if not evaluations:
        return None
    done = selectors.answered_ids([enrolment], evaluations)
    rows = [(e, e.pk in done, e.is_open()) for e in evaluations]
    return {"template": "evaluations/session_section.html", "rows": rows, "now": timezone.now()}


def evaluations_panel(request) -> dict | None:
    """First on /me/: the evaluations waiting for this person, with a button each."""
    waiting = selectors.waiting_for(request.user)
    if not waiting:
        return None
    return {"template": "evaluations/me_panel.html", "waiting": waiting}
