"""What needs the learner now on /me/: work returned for revision, work due within 7 days."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.portal import AttentionItem
from assignments.completion import rows_for
from assignments.models import Submission

DUE_SOON = dt.timedelta(days=7)
DONE = (Submission.Status.SUBMITTED, Submission.Status.ACCEPTED)


def assignment_attention(request) -> list[AttentionItem]:
    if not request.user.is_authenticated:
        return []
    now = timezone.now()
    items = []
    for row in rows_for(request):
        url = reverse("assignments:detail", args=[row.assignment.pk])
        title = row.assignment.title
        if row.status == Submission.Status.RETURNED:
            label = _("Returned for revision: %(title)s") % {"title": title}
            items.append(AttentionItem("revision", label, url, when=row.due_at, order=20))
        elif row.status not in DONE and now <= row.due_at <= now + DUE_SOON:
            label = _("Due soon: %(title)s") % {"title": title}
            items.append(AttentionItem("due", label, url, when=row.due_at, order=30))
    return items
