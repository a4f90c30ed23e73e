import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import Organisation, Province
from curriculum.themes import ResearchTheme


class Venue(models.Model):
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    address = models.TextField(_("address"), blank=True)
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    class Meta:
        ordering = ["name_th"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return f"{self.name_th} ({self.province.name_th})"

    @property
    def map_url(self) -> str:
        """A map link that opens the phone's map app."""
        if self.latitude is not None and self.longitude is not None:
            return (
                f"https://www.google.com/maps/search/?api=1&query={self.latitude},{self.longitude}"
            )
        return ""


class Cohort(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ENROLLING = "enrolling", _("Enrolling")
        RUNNING = "running", _("Running")
        FINISHED = "finished", pgettext_lazy("cohort status", "Finished")

    number = models.PositiveSmallIntegerField(_("cohort number"), unique=True)
    slug = models.SlugField(_("slug"), unique=True, max_length=64)
    title_th = models.CharField(_("title (Thai)"), max_length=255, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PLANNED
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinators"),
        blank=True,
        related_name="coordinated_cohorts",
    )

    class Meta:
        ordering = ["-number"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="cohort_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title_th or f"รุ่นที่ {self.number}"

    @property
    def label_th(self) -> str:
        return f"รุ่นที่ {self.number}"


class Team(models.Model):
    """A municipality's project team inside a cohort; members are its enrolments."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="teams"
    )
    name = models.CharField(_("team name"), max_length=255)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="teams",
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("advisor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="advised_teams",
    )
    theme = models.CharField(
        _("research theme"), max_length=32, choices=ResearchTheme.choices, blank=True
    )
    project_title = models.CharField(_("project title"), max_length=500, blank=True)

    class Meta:
        ordering = ["cohort", "name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "name"], name="team_unique_name_in_cohort")
        ]

    def __str__(self):
        return self.name


class Session(models.Model):
    """One meeting of a cohort (ครั้งที่ N); a site visit may span several days."""

    class Kind(models.TextChoices):
        CLASSROOM = "classroom", _("Classroom")
        PRACTICUM = "practicum", _("Research practicum")
        SITE_VISIT = "site-visit", _("Site visit")
        ONLINE = "online", _("Online")
        CEREMONY = "ceremony", _("Ceremony")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        RESCHEDULED = "rescheduled", _("Rescheduled")
        CANCELLED = "cancelled", _("Cancelled")

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="sessions"
    )
    number = models.PositiveSmallIntegerField(_("session number"))
    title_th = models.CharField(_("title (Thai)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.CLASSROOM)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    online_url = models.URLField(_("meeting link"), blank=True)
    module = models.ForeignKey(
        "curriculum.CourseModulePage",
        verbose_name=_("course module"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    site_visit = models.ForeignKey(
        "curriculum.SiteVisitPage",
        verbose_name=_("site visit page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitators"),
        blank=True,
        related_name="facilitated_sessions",
    )
    is_mandatory = models.BooleanField(_("mandatory"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SCHEDULED
    )
    preparation = models.TextField(_("what to prepare"), blank=True)
    change_note = models.TextField(_("note on the latest change"), blank=True)
    # iCalendar SEQUENCE: raised on every reschedule or cancellation.
    sequence = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["cohort", "starts_at", "number"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start"
            )
        ]
        indexes = [models.Index(fields=["cohort", "number"])]

    def __str__(self):
        return f"ครั้งที่ {self.number} {self.title_th}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED


class EnrolmentQuerySet(models.QuerySet):
    def current(self) -> "EnrolmentQuerySet":
        """Enrolments that count today: learning now, or graduated (a graduate keeps /me/)."""
        return self.filter(status__in=Enrolment.CURRENT_STATUSES)


class SessionChange(models.Model):
    """What one reschedule, cancellation or re-opening changed (one row per SEQUENCE).

    Change notices read it to say the old time beside the new one.
    """

    class Action(models.TextChoices):
        RESCHEDULED = "rescheduled", _("Rescheduled")
        CANCELLED = "cancelled", _("Cancelled")
        REOPENED = "reopened", _("Re-opened")

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="changes"
    )
    sequence = models.PositiveIntegerField(_("calendar sequence"))
    action = models.CharField(_("kind of change"), max_length=16, choices=Action.choices)
    old_starts_at = models.DateTimeField(_("old start"))
    old_ends_at = models.DateTimeField(_("old end"))
    old_venue = models.ForeignKey(
        Venue,
        verbose_name=_("old venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        ordering = ["session", "sequence"]
        verbose_name = _("session change")
        verbose_name_plural = _("session changes")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "sequence"], name="sessionchange_one_per_sequence"
            )
        ]

    def __str__(self):
        return f"{self.session} · {self.sequence} · {self.action}"


class Enrolment(models.Model):
    """A person in a cohort. Never deleted: withdrawal and transfer keep history.

    COMPLETED means the platform issued this person a certificate for the cohort
    (certificates.services sets it on issue and sets ACTIVE back on revoke). Both
    ACTIVE and COMPLETED are current: ``Enrolment.objects.current()`` and, across a
    relation, ``status__in=Enrolment.CURRENT_STATUSES``.
    """

    class Role(models.TextChoices):
        EXECUTIVE = "executive", _("Executive")
        STAFF = "staff", _("Municipal staff")
        RESEARCHER = "researcher", _("Researcher")

    class Status(models.TextChoices):
        ACTIVE = "active", pgettext_lazy("enrolment status", "Active")
        WITHDRAWN = "withdrawn", pgettext_lazy("enrolment status", "Withdrawn")
        TRANSFERRED = "transferred", pgettext_lazy("enrolment status", "Transferred")
        COMPLETED = "completed", pgettext_lazy("enrolment status", "Completed")

    # The one definition of a current enrolment; everything else filters through it.
    CURRENT_STATUSES = (Status.ACTIVE, Status.COMPLETED)

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="enrolments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.EXECUTIVE)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    # What the person was when they enrolled: a mayor who leaves office keeps this record.
    position_snapshot = models.CharField(_("position at enrolment"), max_length=255, blank=True)
    organisation_snapshot = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation at enrolment"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisation_name_snapshot = models.CharField(
        _("organisation name at enrolment"), max_length=255, blank=True
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    end_reason = models.TextField(_("reason for ending"), blank=True)
    transferred_to = models.ForeignKey(
        "self",
        verbose_name=_("transferred to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="transferred_from",
    )

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["cohort", "user__first_name", "user__last_name"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "user"],
                condition=Q(status__in=["active", "completed"]),  # CURRENT_STATUSES
                name="enrolment_one_current_per_cohort",
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.cohort}"

    @property
    def is_current(self) -> bool:
        return self.status in self.CURRENT_STATUSES


class PublicHoliday(models.Model):
    """A day the programme does not normally meet; coordinators keep the list in the admin.

    Seeded with the official Thai public holidays (cohorts migration 0007).
    """

    date = models.DateField(_("date"), unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    note = models.CharField(
        pgettext_lazy("public holiday", "note"),
        max_length=500,
        blank=True,
        help_text=_(
            "Where the date comes from, e.g. that it is provisional until the Cabinet "
            "announces the year's holidays. Clear it once the date is confirmed."
        ),
    )

    class Meta:
        ordering = ["date"]
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")

    def __str__(self):
        return self.name_th


class CalendarToken(models.Model):
    """The secret in a person's personal calendar feed URL; revoking it kills the URL."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="calendar_tokens",
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(
        pgettext_lazy("calendar feed token", "revoked at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("calendar feed token")
        verbose_name_plural = _("calendar feed tokens")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(revoked_at__isnull=True),
                name="calendartoken_one_live_per_user",
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.created_at:%Y-%m-%d}"


class SessionNotice(models.Model):
    """One email about one session to one person: reminders and change notices.

    The unique constraint makes "at most once per person per session per kind"
    a database fact; senders claim a row with a conditional update.
    """

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("email status", "Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    REMINDER_3D = "reminder-3d"
    REMINDER_1D = "reminder-1d"

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="notices"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="session_notices",
    )
    # reminder-3d-<start, UTC>, reminder-1d-<start, UTC>, or change-<sequence>
    # for a reschedule / cancellation / re-opening.
    kind = models.CharField(_("kind"), max_length=32)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("session notice")
        verbose_name_plural = _("session notices")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user", "kind"], name="sessionnotice_once_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.kind} · {self.session} · {self.user}"

    @staticmethod
    def reminder_kind(base: str, starts_at) -> str:
        """reminder-3d-20261222T0200Z: once per kind per scheduled time, so a moved
        session is reminded of its new date."""
        return f"{base}-{starts_at.astimezone(dt.UTC):%Y%m%dT%H%MZ}"
