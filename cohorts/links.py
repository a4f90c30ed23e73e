"""Where a learner reads about one session; emails and calendar files link there."""

from django.urls import reverse
from django.utils import translation

from core.urls import absolute_url


def session_page_url(session, *, language: str = "th") -> str:
    """Absolute URL of the learner's session page (/me/sessions/<id>/), in that language."""
    with translation.override(language):
        path = reverse("cohorts_me:session", args=[session.pk])
    return absolute_url(path)
