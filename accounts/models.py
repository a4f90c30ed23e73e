from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.names import validate_person_name


class Province(models.Model):
    """One of Thailand's 77 provinces, loaded by a data migration."""

    code = models.CharField(_("ISO 3166-2 code"), max_length=5, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=64, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=64, unique=True)

    class Meta:
        ordering = ["name_th"]
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
