"""Where a learner reads about one session; emails and calendar files link there.

Until the learner's own session page exists (issue #18) it is the session's
entry in the schedule on /me/.
"""

from django.urls import reverse
from django.utils import translation

from core.urls import absolute_url


def session_page_url(session, *, language: str = "th") -> str:
    """Absolute URL of the learner's page for this session, in that language."""
    with translation.override(language):
        path = reverse("accounts:me")
    return absolute_url(f"{path}#session-{session.pk}")
