"""Requests a person makes about their data, and the log of who handled personal data."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.storage import private_storage


class DataExport(models.Model):
    """A copy of everything held about one person: built by a task, mailed, then expired."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("export status", "Waiting")
        BUILDING = "building", _("Being prepared")
        READY = "ready", _("Ready to download")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Expired")

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="data_exports",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    claimed_at = models.DateTimeField(_("building since"), null=True, blank=True)
    # How many builds were started: the stale sweep queues a lost one again up to
    # DATA_EXPORT_MAX_ATTEMPTS, then fails it (rights.services.exports_sweep).
    attempts = models.PositiveSmallIntegerField(_("builds started"), default=0)
    ready_at = models.DateTimeField(_("ready at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)
    archive = models.FileField(
        _("archive"), storage=private_storage, upload_to="data-exports/", blank=True
    )
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")

    def __str__(self):
        return f"{self.user} · {self.get_status_display()}"


class ErasureRequest(models.Model):
    """A person asks to be erased; a coordinator decides, with a recorded reason."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Awaiting a decision")
        REFUSED = "refused", _("Refused")
        ERASED = "erased", _("Erased")
        WITHDRAWN = "withdrawn", pgettext_lazy("erasure request", "Withdrawn")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="erasure_requests",
    )
    # Kept on the request: after erasure the person's own row no longer says who it was.
    person_label = models.CharField(_("person at the time of the request"), max_length=300)
    reason = models.TextField(_("reason given by the person"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.REQUESTED
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    # What each app erased or pseudonymised: {"profile": {"sessions": 1}, ...}
    summary = models.JSONField(_("what was erased"), default=dict, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status="requested"),
                name="erasure_one_open_request_per_person",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["requested", "withdrawn"]) | ~Q(decision_reason=""),
                name="erasure_decision_needs_reason",
            ),
        ]

    def __str__(self):
        return f"{self.person_label} · {self.get_status_display()}"


class AccessLogEntry(models.Model):
    """Someone exported, printed or downloaded personal data (or erased it): who, what, when."""

    class Action(models.TextChoices):
        EXPORT = "export", _("Exported")
        PRINT = "print", _("Printed")
        DOWNLOAD = "download", _("Downloaded a copy of their data")
        ERASURE = "erasure", _("Erased a person")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The actor's name at the time: the log still reads after their account changes.
    actor_label = models.CharField(_("who (at the time)"), max_length=300)
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    what = models.CharField(_("what"), max_length=300)
    path = models.CharField(_("address"), max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data access log")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label}: {self.what}"
