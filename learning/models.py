"""Learning between sessions: materials (files, links, recordings) and announcements.

A material belongs to one session or one course module; an announcement to a cohort,
a team, or every running cohort. Opens and reads are recorded once per person, and
every notice about them is a ``LearningNotice`` row (the at-most-once ledger, one per
person, kind and channel).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cohorts.models import Cohort, Session, Team
from core.storage import private_storage


class Material(models.Model):
    class Kind(models.TextChoices):
        SLIDES = "slides", _("Slides")
        READING = "reading", _("Reading")
        RECORDING = "recording", _("Recording")
        VIDEO = "video", _("Video")
        DOCUMENT = "document", _("Document")
        LINK = "link", _("Link")

    class Visibility(models.TextChoices):
        COHORT = "cohort", _("The cohort (its learners, facilitators and coordinators)")
        PUBLIC = "public", _("Public (shown on the module's public page)")

    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="materials",
    )
    module = models.ForeignKey(
        "curriculum.CourseModulePage",
        verbose_name=_("course module"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="materials",
    )
    title_th = models.CharField(_("title (Thai)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.SLIDES)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to="materials/%Y/%m/", blank=True
    )
    file_name = models.CharField(_("file name"), max_length=160, blank=True, editable=False)
    content_type = models.CharField(max_length=120, blank=True, editable=False)
    size = models.PositiveBigIntegerField(default=0, editable=False)
    url = models.URLField(_("link"), max_length=1000, blank=True)
    available_from = models.DateTimeField(
        _("available from"),
        default=timezone.now,
        help_text=_("Learners see it from this time (for example after the session ends)."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.COHORT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)
    # Set when the material joined a new-materials notice (learning.services.notices).
    announced_at = models.DateTimeField(_("announced at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["available_from", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            models.CheckConstraint(
                condition=Q(session__isnull=False, module__isnull=True)
                | Q(session__isnull=True, module__isnull=False),
                name="material_one_target",
            ),
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url=""), name="material_file_or_link"
            ),
        ]
        indexes = [models.Index(fields=["announced_at", "available_from"])]

    def __str__(self):
        return self.title_th

    def clean(self):
        if bool(self.session_id) == bool(self.module_id):
            raise ValidationError(_("Choose either a session or a course module (one of them)."))

    @property
    def is_file(self) -> bool:
        return bool(self.file)


class MaterialOpen(models.Model):
    """The first time a person opened (downloaded or followed) a material."""

    material = models.ForeignKey(
        Material, verbose_name=_("material"), on_delete=models.CASCADE, related_name="opens"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True)

    class Meta:
        verbose_name = _("material opened")
        verbose_name_plural = _("materials opened")
        constraints = [
            models.UniqueConstraint(fields=["material", "user"], name="material_open_once")
        ]

    def __str__(self):
        return f"{self.material} · {self.user}"


class Announcement(models.Model):
    class Audience(models.TextChoices):
        COHORT = "cohort", _("A cohort")
        TEAM = "team", _("A team")
        RUNNING = "running", _("Every running cohort")

    audience = models.CharField(
        _("to"), max_length=16, choices=Audience.choices, default=Audience.COHORT
    )
    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="announcements",
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="announcements",
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("related session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="announcements",
        help_text=_("Optional: also shown on that session's page."),
    )
    title_th = models.CharField(_("title (Thai)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    body_th = models.TextField(_("text (Thai)"))
    body_en = models.TextField(_("text (English)"), blank=True)
    attachment = models.FileField(
        _("attachment"), storage=private_storage, upload_to="announcements/%Y/%m/", blank=True
    )
    attachment_name = models.CharField(max_length=160, blank=True, editable=False)
    pinned_until = models.DateField(_("pinned until"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        constraints = [
            models.CheckConstraint(
                condition=Q(audience="cohort", cohort__isnull=False, team__isnull=True)
                | Q(audience="team", team__isnull=False)
                | Q(audience="running", cohort__isnull=True, team__isnull=True),
                name="announcement_audience_matches",
            )
        ]

    def __str__(self):
        return self.title_th

    def clean(self):
        if self.audience == self.Audience.TEAM and not self.team_id:
            raise ValidationError({"team": _("Choose the team this announcement is for.")})
        if self.audience == self.Audience.COHORT and not self.cohort_id:
            raise ValidationError({"cohort": _("Choose the cohort this announcement is for.")})
        if self.audience == self.Audience.RUNNING:
            self.cohort_id = self.team_id = None
        if self.audience == self.Audience.COHORT:
            self.team_id = None


class AnnouncementRead(models.Model):
    announcement = models.ForeignKey(
        Announcement, verbose_name=_("announcement"), on_delete=models.CASCADE, related_name="reads"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    read_at = models.DateTimeField(_("read at"), auto_now_add=True)

    class Meta:
        verbose_name = _("announcement read")
        verbose_name_plural = _("announcements read")
        constraints = [
            models.UniqueConstraint(fields=["announcement", "user"], name="announcement_read_once")
        ]

    def __str__(self):
        return f"{self.announcement} · {self.user}"


class LearningNotice(models.Model):
    """One notice to one person on one channel: an announcement, or a batch of new materials.

    ``kind`` says what it is about (a LINE channel, issue 18 item 4, adds rows with its
    own ``channel`` beside the email ones). The unique key keeps it to one row each.
    """

    class Kind(models.TextChoices):
        ANNOUNCEMENT = "announcement", _("Announcement")
        MATERIALS = "materials", _("New materials")

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("email status", "Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="learning_notices",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    channel = models.CharField(_("channel"), max_length=16, default="email")
    announcement = models.ForeignKey(
        Announcement, null=True, blank=True, on_delete=models.CASCADE, related_name="notices"
    )
    cohort = models.ForeignKey(
        Cohort, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    materials = models.ManyToManyField(Material, blank=True, related_name="notices")
    # What the notice is about, unique per person and channel: announcement-<id>, materials-<batch>.
    key = models.CharField(max_length=64)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("learning notice")
        verbose_name_plural = _("learning notices")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key", "channel"], name="learning_notice_once_per_channel"
            )
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.kind} · {self.user}"
