"""Intakes of a cohort, the applications to them, coordinators' notes and status emails."""

import secrets

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, Province
from accounts.regions import Region, region_of
from cohorts.models import Cohort, Enrolment
from core.names import validate_person_name
from core.storage import private_storage
from curriculum.themes import ResearchTheme

# No 0/O or 1/I: a reference read over the phone is typed back without doubt.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def new_reference() -> str:
    return "APP-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


class Intake(ClusterableModel):
    """A cohort's call for applications: when, who, how many, what it costs, what to send."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="intakes"
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    eligibility_th = models.TextField(_("who may apply (Thai)"), blank=True)
    eligibility_en = models.TextField(_("who may apply (English)"), blank=True)
    places = models.PositiveSmallIntegerField(_("places"))
    fee_baht = models.PositiveIntegerField(_("fee (baht)"), default=0)
    documents_th = models.TextField(_("documents required (Thai)"), blank=True)
    documents_en = models.TextField(_("documents required (English)"), blank=True)
    next_expected_th = models.CharField(
        _("next intake expected (Thai)"),
        max_length=255,
        blank=True,
        help_text=_("Shown while no intake is open, for example “มีนาคม 2570”."),
    )
    next_expected_en = models.CharField(
        _("next intake expected (English)"), max_length=255, blank=True
    )

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="intake_closes_after_opening"
            )
        ]

    def __str__(self):
        return f"{self.cohort} · {timezone.localtime(self.closes_at):%Y-%m-%d}"

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at


class Quota(models.Model):
    """Places kept for one region or one kind of organisation (optional, any number)."""

    class Dimension(models.TextChoices):
        REGION = "region", _("Region")
        KIND = "kind", _("Organisation kind")

    intake = ParentalKey(
        Intake, verbose_name=_("intake"), on_delete=models.CASCADE, related_name="quotas"
    )
    dimension = models.CharField(_("by"), max_length=8, choices=Dimension.choices)
    value = models.CharField(
        _("region or kind"),
        max_length=16,
        choices=[*Region.choices, *Organisation.Kind.choices],
    )
    places = models.PositiveSmallIntegerField(_("places"))

    class Meta:
        ordering = ["dimension", "value"]
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")
        constraints = [
            models.UniqueConstraint(
                fields=["intake", "dimension", "value"], name="quota_unique_per_intake"
            )
        ]

    def __str__(self):
        return f"{self.get_value_display()}: {self.places}"


class Application(models.Model):
    """One person's application to an intake, made without an account."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        UNDER_REVIEW = "under-review", _("Under review")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        ACCEPTED = "accepted", _("Accepted")
        WAITLISTED = "waitlisted", _("Waitlisted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # The changes the applicant hears about by email (under review and shortlisted are
    # the coordinators' working states).
    NOTIFIED_STATUSES = (Status.ACCEPTED, Status.WAITLISTED, Status.DECLINED, Status.WITHDRAWN)

    intake = models.ForeignKey(
        Intake, verbose_name=_("intake"), on_delete=models.PROTECT, related_name="applications"
    )
    reference = models.CharField(
        _("reference code"), max_length=16, unique=True, default=new_reference, editable=False
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED
    )
    title_prefix = models.CharField(
        _("title prefix (Thai)"), max_length=64, validators=[validate_person_name]
    )
    first_name = models.CharField(
        _("first name (Thai)"), max_length=150, validators=[validate_person_name]
    )
    last_name = models.CharField(
        _("last name (Thai)"), max_length=150, validators=[validate_person_name]
    )
    title_prefix_en = models.CharField(
        _("title prefix (English)"), max_length=64, blank=True, validators=[validate_person_name]
    )
    first_name_en = models.CharField(
        _("first name (English)"), max_length=150, validators=[validate_person_name]
    )
    last_name_en = models.CharField(
        _("last name (English)"), max_length=150, validators=[validate_person_name]
    )
    position = models.CharField(_("position"), max_length=255)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    organisation_name = models.CharField(
        _("organisation (typed)"),
        max_length=255,
        blank=True,
        help_text=_("When the organisation is not in the registry."),
    )
    organisation_kind = models.CharField(
        _("organisation kind"), max_length=16, choices=Organisation.Kind.choices
    )
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    email = models.EmailField(_("email address"))
    phone = models.CharField(_("phone"), max_length=32)
    theme = models.CharField(_("research interest"), max_length=32, choices=ResearchTheme.choices)
    motivation = models.TextField(_("motivation"), max_length=2000)
    letter = models.FileField(
        _("nomination letter"),
        storage=private_storage,
        upload_to="admissions/%Y/%m/",
        max_length=500,
    )
    letter_name = models.CharField(_("letter file name"), max_length=255)
    letter_sha256 = models.CharField(max_length=64, editable=False)
    consented_at = models.DateTimeField(_("consented to the privacy notice at"))
    privacy_version = models.CharField(_("privacy notice version"), max_length=64)
    same_person = models.BooleanField(_("same person applied before"), default=False)
    same_organisation = models.BooleanField(_("same organisation applied"), default=False)
    enrolment = models.OneToOneField(
        Enrolment,
        verbose_name=_("enrolment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="application",
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        indexes = [models.Index(fields=["intake", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(organisation=None) | ~Q(organisation_name=""),
                name="application_names_an_organisation",
            )
        ]

    def __str__(self):
        return f"{self.reference} {self.full_name_th}"

    @property
    def full_name_th(self) -> str:
        return f"{self.title_prefix}{self.first_name} {self.last_name}"

    @property
    def full_name_en(self) -> str:
        parts = (self.title_prefix_en, self.first_name_en, self.last_name_en)
        return " ".join(part for part in parts if part)

    @property
    def organisation_label(self) -> str:
        return self.organisation.name_th if self.organisation else self.organisation_name

    @property
    def region(self) -> str:
        return region_of(self.province.code)

    @property
    def is_flagged(self) -> bool:
        return self.same_person or self.same_organisation


class ApplicationNote(models.Model):
    """A coordinator's note on an application; never shown to the applicant."""

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, on_delete=models.SET_NULL
    )
    text = models.TextField(_("note"), max_length=4000)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self):
        return self.text[:60]


class StatusEmail(models.Model):
    """The ledger of one status email to the applicant (core.delivery: at most once)."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="status_emails",
    )
    # received: the acknowledgement with the reference code; the others: a decision.
    status = models.CharField(
        _("status announced"), max_length=16, choices=Application.Status.choices
    )
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("status email")
        verbose_name_plural = _("status emails")

    def __str__(self):
        return f"{self.application_id}: {self.status} ({self.state})"
