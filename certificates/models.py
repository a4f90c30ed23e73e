"""Certificates: templates, the frozen certificate, issuance batches, lookups.

A certificate is a snapshot taken at issue. After that only its status moves
(valid -> revoked, valid -> superseded); services enforce it and the database
constraints below make the impossible states unrepresentable.
"""

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from certificates import signatures
from certificates.widgets import SignatureInput
from core.storage import private_storage


class CertificateTemplate(ClusterableModel):
    """The design and wording of a certificate; coordinators edit it in the admin."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    is_default = models.BooleanField(
        _("default template"), default=False, help_text=_("Used when a cohort has no other.")
    )
    background = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("background image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issuer_name_th = models.CharField(
        _("issuer (Thai)"), max_length=255, default="มูลนิธิส่งเสริมการปกครองท้องถิ่น"
    )
    issuer_name_en = models.CharField(
        _("issuer (English)"), max_length=255, default="Local Government Promotion Foundation"
    )
    programme_th = models.CharField(
        _("programme (Thai)"),
        max_length=255,
        default="หลักสูตรประกาศนียบัตรนักพัฒนาเมืองระดับสูง (พมส.)",
    )
    programme_en = models.CharField(
        _("programme (English)"),
        max_length=255,
        default="Senior Urban Developer Certificate Programme",
    )
    heading_th = models.CharField(_("heading (Thai)"), max_length=255, default="ประกาศนียบัตร")
    heading_en = models.CharField(_("heading (English)"), max_length=255, default="Certificate")
    body_th = models.TextField(
        _("wording (Thai)"), default="ได้ผ่านการอบรมตามหลักสูตรและผ่านเกณฑ์การประเมินครบถ้วน"
    )
    body_en = models.TextField(
        _("wording (English)"),
        default="has successfully completed the programme and met all its requirements",
    )
    criteria_th = models.TextField(
        _("criteria (Thai)"),
        default="เข้าร่วมการอบรมตามเกณฑ์ขั้นต่ำ และส่งงานวิจัยที่กำหนดครบถ้วนผ่านการประเมิน",
    )
    criteria_en = models.TextField(
        _("criteria (English)"),
        default="Met the minimum attendance and had every required research assignment accepted.",
    )

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("is_default")], heading=_("Template")),
        FieldPanel("background"),
        MultiFieldPanel(
            [
                FieldPanel("issuer_name_th"),
                FieldPanel("issuer_name_en"),
                FieldPanel("programme_th"),
                FieldPanel("programme_en"),
                FieldPanel("heading_th"),
                FieldPanel("heading_en"),
                FieldPanel("body_th"),
                FieldPanel("body_en"),
                FieldPanel("criteria_th"),
                FieldPanel("criteria_en"),
            ],
            heading=_("Wording"),
        ),
        InlinePanel("signatories", label=_("Signatories"), min_num=1, max_num=4),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="one_default_template"
            )
        ]

    def __str__(self):
        return self.name


class Signatory(Orderable):
    template = ParentalKey(
        CertificateTemplate, on_delete=models.CASCADE, related_name="signatories"
    )
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    position_th = models.CharField(_("position (Thai)"), max_length=255)
    position_en = models.CharField(_("position (English)"), max_length=255, blank=True)
    # Private, not a Wagtail image: signatures stay out of the image library.
    signature = models.FileField(
        _("signature image"),
        storage=private_storage,
        upload_to=signatures.UPLOAD_TO,
        max_length=255,
        blank=True,
        validators=[signatures.validate_signature],
        help_text=_("PNG, JPEG or WebP, at most 2 MB; a transparent background prints best."),
    )

    panels = [
        FieldPanel("name_th"),
        FieldPanel("name_en"),
        FieldPanel("position_th"),
        FieldPanel("position_en"),
        FieldPanel("signature", widget=SignatureInput),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self):
        return self.name_th


class CohortCertificateSettings(models.Model):
    """A cohort's own certificate choices; a cohort without a row uses the default template."""

    cohort = models.OneToOneField(
        "cohorts.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="certificate_settings",
    )
    # PROTECT: a template a cohort still uses cannot be deleted from under it.
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("template"),
        on_delete=models.PROTECT,
        related_name="cohort_settings",
    )

    class Meta:
        verbose_name = _("cohort certificate settings")
        verbose_name_plural = _("cohort certificate settings")

    def __str__(self):
        return f"{self.cohort}: {self.template}"


class SerialCounter(models.Model):
    """The last serial number used in a cohort; locked while a certificate is issued."""

    cohort = models.OneToOneField(
        "cohorts.Cohort", on_delete=models.CASCADE, related_name="certificate_serial"
    )
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.cohort}: {self.last_number}"


class Certificate(models.Model):
    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded")

    class RevocationCategory(models.TextChoices):
        """What the public verify page and API say about a revocation; the coordinator's
        own words (revocation_reason) stay in the admin: they may be about a named person."""

        ISSUED_IN_ERROR = "issued_in_error", _("Issued in error")
        REPLACED = "replaced", _("Replaced by a corrected certificate")
        WITHDRAWN = "withdrawn", _("Withdrawn by the issuer")

    enrolment = models.ForeignKey(
        "cohorts.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("template"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    # Codes: a long random id for links and the QR code, a short one for people.
    verification_id = models.CharField(_("verification id"), max_length=64, unique=True)
    short_code = models.CharField(_("short code"), max_length=14, unique=True)
    serial_number = models.PositiveIntegerField(_("serial number"))
    status_list_index = models.PositiveIntegerField(_("status list index"), unique=True)

    # The frozen snapshot.
    holder_name_th = models.CharField(_("holder name (Thai)"), max_length=400)
    holder_name_en = models.CharField(_("holder name (English)"), max_length=400, blank=True)
    position = models.CharField(_("position"), max_length=255, blank=True)
    organisation_th = models.CharField(_("organisation (Thai)"), max_length=255, blank=True)
    organisation_en = models.CharField(_("organisation (English)"), max_length=255, blank=True)
    programme_th = models.CharField(_("programme (Thai)"), max_length=255)
    programme_en = models.CharField(_("programme (English)"), max_length=255)
    cohort_number = models.PositiveSmallIntegerField(_("cohort number"))
    project_title = models.CharField(_("research project"), max_length=500, blank=True)
    completed_on = models.DateField(_("completed on"))
    issued_at = models.DateTimeField(_("issued at"))
    design = models.JSONField(_("design at issue"), default=dict)
    eligible_at_issue = models.BooleanField(_("eligible at issue"), default=True)
    eligibility_reasons = models.JSONField(
        _("unmet requirements at issue"), default=list, blank=True
    )
    override_reason = models.TextField(
        _("reason for issuing despite unmet requirements"), blank=True
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    credential_jwt = models.TextField(_("signed credential"), blank=True)

    # Files made after the snapshot; regenerated identically from it when missing.
    pdf = models.FileField(_("PDF"), storage=private_storage, upload_to="certificates/", blank=True)
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)
    # The holder's choice, not part of the snapshot: anyone with the verify link
    # may download the PDF while the certificate is valid.
    public_pdf = models.BooleanField(_("anyone with the link may download the PDF"), default=False)

    # The only things that change after issue.
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.VALID
    )
    revoked_at = models.DateTimeField(
        pgettext_lazy("certificate", "revoked at"), null=True, blank=True
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    revocation_category = models.CharField(
        _("reason shown publicly"),
        max_length=24,
        choices=RevocationCategory.choices,
        blank=True,
        help_text=_("The verify page and API show this, never the reason written above."),
    )
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    superseded_by = models.OneToOneField(
        "self",
        verbose_name=_("superseded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supersedes",
    )
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)
    supersede_reason = models.TextField(_("reason for reissue"), blank=True)

    class Meta:
        ordering = ["cohort", "serial_number"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "serial_number"], name="certificate_unique_serial_in_cohort"
            ),
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=Q(status="valid"),
                name="certificate_one_valid_per_enrolment",
            ),
            models.CheckConstraint(
                condition=Q(serial_number__gte=1), name="certificate_serial_positive"
            ),
            models.CheckConstraint(
                condition=(
                    Q(status="valid", revoked_at__isnull=True, superseded_by__isnull=True)
                    | Q(status="revoked", revoked_at__isnull=False, superseded_by__isnull=True)
                    & ~Q(revocation_reason="")
                    & ~Q(revocation_category="")
                    | Q(status="superseded", superseded_at__isnull=False, revoked_at__isnull=True)
                ),
                name="certificate_status_matches_its_fields",
            ),
            models.CheckConstraint(
                condition=Q(eligible_at_issue=True) | ~Q(override_reason=""),
                name="certificate_override_has_a_reason",
            ),
            models.CheckConstraint(
                condition=~Q(superseded_by=models.F("id")), name="certificate_not_self_superseded"
            ),
        ]

    def __str__(self):
        return f"{self.serial_label} {self.holder_name_th}"

    @property
    def serial_label(self) -> str:
        """พมส. 1/0042: programme, cohort number, number within the cohort."""
        return f"พมส. {self.cohort_number}/{self.serial_number:04d}"

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID

    @property
    def pdf_is_public(self) -> bool:
        """The holder opted in, and the certificate still stands."""
        return self.public_pdf and self.is_valid


class IssuanceBatch(models.Model):
    """One press of "issue certificates": progress counters and the end report."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        FINISHED = "finished", pgettext_lazy("certificate issuance", "Finished")

    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.CASCADE, related_name="certificate_batches"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RUNNING)
    whole_cohort = models.BooleanField(default=True)
    # The cohort's template when the batch started: a change of template while
    # it runs does not split one batch across two designs.
    template = models.ForeignKey(
        CertificateTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    total = models.PositiveIntegerField(default=0)
    issued = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    # Not a field: set by batch_start when Redis refused the batch's messages (the items
    # are recorded and wait for the queue), so the coordinator's screen can say so.
    queue_down = False

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("issuance batch")
        verbose_name_plural = _("issuance batches")
        constraints = [
            # Two coordinators pressing "issue" at once share one running batch.
            models.UniqueConstraint(
                fields=["cohort"],
                condition=Q(status="running", whole_cohort=True),
                name="one_running_cohort_batch",
            )
        ]

    def __str__(self):
        return f"{self.cohort} · {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def done(self) -> int:
        return self.issued + self.skipped + self.failed

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)


class IssuanceItem(models.Model):
    """One enrolment in a batch; workers claim it with a conditional update."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("certificate issuance", "Pending")
        CLAIMED = "claimed", _("In progress")
        ISSUED = "issued", _("Issued")
        SKIPPED = "skipped", _("Already held a certificate")
        FAILED = "failed", _("Failed")

    batch = models.ForeignKey(IssuanceBatch, on_delete=models.CASCADE, related_name="items")
    enrolment = models.ForeignKey("cohorts.Enrolment", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    claimed_at = models.DateTimeField(null=True, blank=True)
    # Who holds the claim: the Celery task id (its redelivery may take the claim
    # back at once) and the worker's node name (released when that node restarts).
    claim_task_id = models.CharField(max_length=255, blank=True)
    claimed_by = models.CharField(max_length=255, blank=True)
    certificate = models.ForeignKey(
        Certificate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    override_reason = models.TextField(blank=True)
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "enrolment"], name="issuance_item_unique")
        ]

    def __str__(self):
        return f"{self.batch_id}/{self.enrolment_id}: {self.status}"


class LookupCount(models.Model):
    """How many lookups one day had, per channel, result and certificate (no personal data).

    Counted in Redis as they happen and added here by a periodic flush
    (certificates.lookups); without Redis each lookup adds its one directly.
    """

    class Channel(models.TextChoices):
        PAGE = "page", _("Verification page")
        UPLOAD = "upload", _("Uploaded PDF")
        API = "api", _("API")
        CREDENTIAL = "credential", _("Credential download")

    class Result(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded")
        NOT_FOUND = "not-found", _("Not found")
        NOT_GENUINE = "not-genuine", _("Not genuine")
        RATE_LIMITED = "rate-limited", _("Rate limited")

    day = models.DateField(db_index=True)  # Asia/Bangkok
    channel = models.CharField(max_length=16, choices=Channel.choices)
    result = models.CharField(max_length=16, choices=Result.choices)
    certificate = models.ForeignKey(
        Certificate, null=True, blank=True, on_delete=models.CASCADE, related_name="lookups"
    )
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["-day", "channel", "result"]
        verbose_name = _("lookup count")
        verbose_name_plural = _("lookup counts")
        constraints = [
            # Two partial indexes, because NULLs are distinct in a plain unique index.
            models.UniqueConstraint(
                fields=["day", "channel", "result", "certificate"],
                condition=Q(certificate__isnull=False),
                name="one_lookup_count_per_certificate_day",
            ),
            models.UniqueConstraint(
                fields=["day", "channel", "result"],
                condition=Q(certificate__isnull=True),
                name="one_lookup_count_per_day_without_certificate",
            ),
        ]

    def __str__(self):
        return f"{self.day} {self.channel} {self.result} {self.count}"


class LookupFlush(models.Model):
    """A Redis claim of pending counts that was added to LookupCount: never added twice."""

    claim = models.CharField(max_length=64, unique=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return self.claim
