"""Who wants which notice on which channel, and the LINE side of it.

Email ledgers stay with the apps that own each notice (LearningNotice, SessionNotice, ...);
a LINE message is a ``LineMessage`` row here, one per person and notice key, delivered
through ``core.delivery`` like every other notice.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class NoticeKind(models.TextChoices):
    """The kinds of notice a person chooses channels for (issue 18 item 4)."""

    SESSIONS = "sessions", _("Session changes and reminders")
    ANNOUNCEMENTS = "announcements", _("Announcements")
    MATERIALS = "materials", _("New materials")
    WORK = "work", _("Returned or accepted work")
    CERTIFICATES = "certificates", _("Certificate ready")


class Preference(models.Model):
    """One person's channels for one kind of notice. No row: email on, LINE off."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="notice_preferences",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=NoticeKind.choices)
    email = models.BooleanField(_("email"), default=True)
    line = models.BooleanField(_("LINE"), default=False)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notice_preference_once")
        ]

    def __str__(self):
        return f"{self.user} · {self.kind}"


class LineAccount(models.Model):
    """A person's linked LINE userId (from the Official Account's webhook)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="line_account",
    )
    line_user_id = models.CharField(_("LINE user ID"), max_length=64, unique=True)
    linked_at = models.DateTimeField(_("linked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("LINE account")
        verbose_name_plural = _("LINE accounts")

    def __str__(self):
        return str(self.user)


class LineLinkCode(models.Model):
    """A one-time code the person sends to the Official Account to link LINE."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="line_link_code",
    )
    code = models.CharField(_("code"), max_length=16, unique=True)
    expires_at = models.DateTimeField(_("expires at"))

    class Meta:
        verbose_name = _("LINE linking code")
        verbose_name_plural = _("LINE linking codes")

    def __str__(self):
        return self.code


class LineMessage(models.Model):
    """One LINE push to one person about one notice: at most once (core.delivery)."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("email status", "Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="line_messages",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=NoticeKind.choices)
    # What the message is about, the same key as the email ledger's where it has one
    # (materials-<cohort>-<first material>, announcement-<id>, session-<id>-<kind>).
    key = models.CharField(max_length=100)
    text = models.TextField(_("text"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    # Sent as X-Line-Retry-Key: LINE accepts a retried push with the same key only once.
    retry_key = models.UUIDField(default=uuid.uuid4, editable=False)
    error = models.CharField(_("error"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("LINE message")
        verbose_name_plural = _("LINE messages")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="line_message_once_per_key")
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.user} · {self.key}"
