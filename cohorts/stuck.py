"""Session notices left claimed by a worker that died mid-send (core.stuck)."""

from django.utils.translation import gettext_lazy as _

from cohorts.services.notices import NOTICES
from cohorts.tasks import deliver_after_commit
from core.stuck import StuckKind, outbox_retry, outbox_stuck

SESSION_NOTICES = StuckKind(
    key="session-notice",
    label=_("Session notice"),
    rows=lambda now: outbox_stuck(NOTICES, now=now).select_related("user", "session"),
    describe=lambda notice: f"{notice.session} · {notice.user.email} ({notice.kind})",
    retry=lambda pk: outbox_retry(NOTICES, pk=pk, enqueue=deliver_after_commit),
)
