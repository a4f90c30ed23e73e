"""LINE messages left claimed by a worker that died mid-push (core.stuck): a coordinator
decides whether to send again (LINE's retry key keeps a push it already took to one)."""

from django.utils.translation import gettext_lazy as _

from core.stuck import StuckKind, outbox_retry, outbox_stuck
from notifications.services import LINE_MESSAGES, line_deliver_after_commit

LINE_MESSAGES_STUCK = StuckKind(
    key="line-message",
    label=_("LINE message"),
    rows=lambda now: outbox_stuck(LINE_MESSAGES, now=now).select_related("user"),
    describe=lambda message: f"{message.user.email} · {message.key}",
    retry=lambda pk: outbox_retry(LINE_MESSAGES, pk=pk, enqueue=line_deliver_after_commit),
)
