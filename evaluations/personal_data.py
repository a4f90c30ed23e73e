"""Evaluations' part of a person's data (accounts.personal_data): counts only.

Answers are kept with no person (docs/architecture.md, "anonymous answers"), so nothing here
can, or may, link them back: the archive says how many evaluations the person answered and
how many reminders they were sent, never what they answered.
"""

from accounts.models import User
from evaluations.models import Answered, Reminder


def evaluations_export(user: User) -> dict:
    return {
        "evaluations_answered": Answered.objects.filter(enrolment__user=user).count(),
        "reminders_sent": Reminder.objects.filter(user=user, status=Reminder.Status.SENT).count(),
        "answers": "anonymous: kept without your name, so they cannot be included",
    }
