from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.names import validate_person_name
from core.storage import private_storage


class Province(models.Model):
    """One of Thailand's 77 provinces, loaded by a data migration."""

    code = models.CharField(_("ISO 3166-2 code"), max_length=5, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=64, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=64, unique=True)
    # Thai dictionary order (เชียงใหม่ among the ช, not after ฮ), filled by migration 0004
    # from pythainlp's collation; code point order would put เ แ โ ใ ไ last.
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0, editable=False)

    class Meta:
        ordering = ["sort_order", "name_th"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name_th


class Organisation(models.Model):
    """A local government organisation or another body a person works for."""

    class Kind(models.TextChoices):
        BANGKOK = "bma", _("Bangkok Metropolitan Administration")
        PATTAYA = "pattaya", _("Pattaya City")
        PAO = "pao", _("Provincial Administrative Organisation")
        CITY_MUNICIPALITY = "city", _("City municipality")
        TOWN_MUNICIPALITY = "town", _("Town municipality")
        SUBDISTRICT_MUNICIPALITY = "subdistrict", _("Subdistrict municipality")
        SAO = "sao", _("Subdistrict Administrative Organisation")
        UNIVERSITY = "university", _("University")
        AGENCY = "agency", _("Government agency")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    LOCAL_GOVERNMENT_KINDS = (
        Kind.BANGKOK,
        Kind.PATTAYA,
        Kind.PAO,
        Kind.CITY_MUNICIPALITY,
        Kind.TOWN_MUNICIPALITY,
        Kind.SUBDISTRICT_MUNICIPALITY,
        Kind.SAO,
    )

    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["name_th"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["name_th", "province"], name="organisation_unique_name_in_province"
            )
        ]

    def __str__(self):
        return f"{self.name_th} จ.{self.province.name_th}"

    @property
    def is_local_government(self) -> bool:
        return self.kind in self.LOCAL_GOVERNMENT_KINDS


class UserManager(BaseUserManager):
    """Email is the login: there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person: email login plus the profile the programme needs.

    first_name / last_name hold the Thai name (what Wagtail shows); the
    English name sits beside them for certificates and English pages.
    """

    username = None
    email = models.EmailField(_("email address"), unique=True)
    title_prefix = models.CharField(
        _("title prefix (Thai)"),
        max_length=64,
        blank=True,
        validators=[validate_person_name],
        help_text=_("For example นาย, นาง, นางสาว, or a title such as รศ.ดร. or พ.ต.อ."),
    )
    title_prefix_en = models.CharField(
        _("title prefix (English)"),
        max_length=64,
        blank=True,
        help_text=_("Mr, Mrs, Ms, Dr …"),
        validators=[validate_person_name],
    )
    first_name = models.CharField(
        _("first name (Thai)"), max_length=150, blank=True, validators=[validate_person_name]
    )
    last_name = models.CharField(
        _("last name (Thai)"), max_length=150, blank=True, validators=[validate_person_name]
    )
    first_name_en = models.CharField(
        _("first name (English)"), max_length=150, blank=True, validators=[validate_person_name]
    )
    last_name_en = models.CharField(
        _("last name (English)"), max_length=150, blank=True, validators=[validate_person_name]
    )
    position = models.CharField(_("position"), max_length=255, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    line_id = models.CharField(_("LINE ID"), max_length=64, blank=True)
    # Shown only to signed-in members of the directory, and only with the person's consent
    # (accounts.consent), so it lives in private storage and is served by a checking view.
    photo = models.ImageField(
        _("photo"), upload_to="people/photos/", storage=private_storage, blank=True
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["first_name", "last_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.full_name_th or self.email

    @property
    def full_name_th(self) -> str:
        """Thai style: the title is written against the first name (นายสมชาย ใจดี)."""
        name = " ".join(part for part in (self.first_name, self.last_name) if part)
        return f"{self.title_prefix}{name}" if name else ""

    @property
    def full_name_en(self) -> str:
        parts = (self.title_prefix_en, self.first_name_en, self.last_name_en)
        return " ".join(part for part in parts if part)

    def get_full_name(self):
        return self.full_name_th or self.full_name_en or self.email

    def get_short_name(self):
        return self.first_name or self.first_name_en or self.email


class PrivacyNoticeQuerySet(models.QuerySet):
    def published(self, *, now=None) -> "PrivacyNoticeQuerySet":
        return self.filter(published_at__lte=now or timezone.now())


class PrivacyNotice(models.Model):
    """One version of the privacy notice (PDPA), Thai and English. Never edited once
    published: a change is a new version, which everyone accepts again."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    published_at = models.DateTimeField(_("published at"))
    body_th = models.TextField(_("text (Thai)"))
    body_en = models.TextField(_("text (English)"), blank=True)

    objects = PrivacyNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-version"]
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")

    def __str__(self):
        return f"v{self.version}"


class PrivacyAcceptance(models.Model):
    """A person accepted one version of the notice, at a time. Kept for the record."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="privacy_acceptances",
    )
    notice = models.ForeignKey(
        PrivacyNotice,
        verbose_name=_("privacy notice"),
        on_delete=models.PROTECT,
        related_name="acceptances",
    )
    accepted_at = models.DateTimeField(_("accepted at"), default=timezone.now)

    class Meta:
        ordering = ["-accepted_at"]
        verbose_name = _("privacy notice acceptance")
        verbose_name_plural = _("privacy notice acceptances")
        constraints = [
            models.UniqueConstraint(fields=["user", "notice"], name="privacy_accepted_once")
        ]

    def __str__(self):
        return f"{self.user} · v{self.notice.version}"


class Consent(models.Model):
    """One decision about one optional use of a person's data. Append-only: the latest
    row per person and purpose is the decision in force (accounts.consent)."""

    class Purpose(models.TextChoices):
        # Being listed at all comes first: without it nobody sees the person in any
        # directory, book or card, whatever else they chose (alumni.selectors).
        DIRECTORY_LISTED = (
            "directory-listed",
            _(
                "List me in my cohort's directory: name with title, position, "
                "organisation, province and research project"
            ),
        )
        DIRECTORY_PHOTO = "directory-photo", _("Show my photo in the cohort directory")
        DIRECTORY_PHONE = "directory-phone", _("Show my phone number in the cohort directory")
        DIRECTORY_EMAIL = "directory-email", _("Show my email address in the cohort directory")
        DIRECTORY_LINE = "directory-line", _("Show my LINE ID in the cohort directory")
        DIRECTORY_PROGRAMME = (
            "directory-programme",
            _(
                "List me in the programme-wide directory, "
                "seen by the learners and alumni of every cohort"
            ),
        )
        LINE_NOTIFICATIONS = "line-notifications", _("Send me notices on LINE")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    purpose = models.CharField(_("purpose"), max_length=32, choices=Purpose.choices)
    given = models.BooleanField(_("given"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        indexes = [models.Index(fields=["user", "purpose", "-id"], name="consent_latest")]

    def __str__(self):
        return f"{self.user} · {self.purpose} · {'given' if self.given else 'withdrawn'}"
