"""Admin forms for scheduling and enrolment; the rules live in cohorts.services."""

import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminTimeInput

from accounts.models import Organisation
from accounts.roles import COORDINATOR, FACILITATOR
from cohorts.models import Cohort, Enrolment, Session, Team, Venue
from cohorts.services import session_conflicts
from core.admin_dates import (
    BuddhistEraDateInput,
    BuddhistEraDateTimeInput,
    formfield_with_local_dates,
)

User = get_user_model()
CONFIRM_HELP = _("Tick to save even though the conflicts listed above remain.")


def staff_people():
    return (
        User.objects.filter(groups__name__in=[FACILITATOR, COORDINATOR], is_active=True)
        .distinct()
        .order_by("first_name", "last_name")
    )


class ConflictCheckMixin:
    """Show clashes before saving; saving anyway needs an explicit tick."""

    conflicts: list[str]

    def hide_confirmation(self) -> None:
        """The tick box appears only once there are conflicts to confirm."""
        self.fields["save_despite_conflicts"].widget = forms.HiddenInput()

    def check_conflicts(self, *, cohort, starts_at, ends_at, venue, facilitators, exclude_id):
        self.conflicts = session_conflicts(
            cohort=cohort,
            starts_at=starts_at,
            ends_at=ends_at,
            venue=venue,
            facilitators=facilitators,
            exclude_id=exclude_id,
        )
        if self.conflicts:
            self.fields["save_despite_conflicts"].widget = forms.CheckboxInput()
        if self.conflicts and not self.cleaned_data.get("save_despite_conflicts"):
            self.add_error(
                None,
                _(
                    "Conflicts found: %(list)s Check them, then tick “save despite conflicts” "
                    "to save anyway."
                )
                % {"list": " ".join(self.conflicts)},
            )


class SessionForm(ConflictCheckMixin, WagtailAdminModelForm):
    save_despite_conflicts = forms.BooleanField(
        label=_("Save despite conflicts"), required=False, help_text=CONFIRM_HELP
    )
    online_url = forms.URLField(label=_("meeting link"), required=False, assume_scheme="https")
    note = forms.CharField(
        label=_("Note to participants about a change"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    class Meta:
        model = Session
        fields = [
            "cohort",
            "title_th",
            "title_en",
            "kind",
            "starts_at",
            "ends_at",
            "venue",
            "online_url",
            "module",
            "site_visit",
            "facilitators",
            "is_mandatory",
            "preparation",
        ]
        widgets = {"facilitators": forms.CheckboxSelectMultiple}
        # Our own Meta drops WagtailAdminModelForm's callback: name the date pickers again.
        formfield_callback = formfield_with_local_dates

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facilitators"].queryset = staff_people()
        self.hide_confirmation()
        if self.instance.pk:
            self.fields["cohort"].disabled = True

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == Session.Kind.ONLINE and not data.get("online_url"):
            self.add_error("online_url", _("An online session needs a meeting link."))
        self.check_conflicts(
            cohort=data.get("cohort"),
            starts_at=data.get("starts_at"),
            ends_at=data.get("ends_at"),
            venue=data.get("venue"),
            facilitators=data.get("facilitators") or [],
            exclude_id=self.instance.pk,
        )
        return data


class GenerateSessionsForm(forms.Form):
    count = forms.IntegerField(label=_("Number of sessions"), min_value=1, max_value=60, initial=14)
    first_day = forms.DateField(label=_("First day"), widget=BuddhistEraDateInput)
    every = forms.IntegerField(label=_("Every"), min_value=1, max_value=12, initial=1)
    unit = forms.ChoiceField(
        label=_("Unit"), choices=[("months", _("months")), ("weeks", _("weeks"))]
    )
    days_each = forms.IntegerField(label=_("Days per session"), min_value=1, max_value=7, initial=1)
    start_time = forms.TimeField(label=_("Starts at"), initial=dt.time(9, 0), widget=AdminTimeInput)
    end_time = forms.TimeField(label=_("Ends at"), initial=dt.time(16, 0), widget=AdminTimeInput)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=Session.Kind.choices, initial=Session.Kind.CLASSROOM
    )
    venue = forms.ModelChoiceField(
        label=_("Venue"), queryset=Venue.objects.select_related("province"), required=False
    )
    facilitators = forms.ModelMultipleChoiceField(
        label=_("Facilitators"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    title_th = forms.CharField(label=_("Thai title ({n} = number)"), initial="กิจกรรมหลักสูตร พมส.")
    title_en = forms.CharField(
        label=_("English title ({n} = number)"), initial="Programme session", required=False
    )
    save_despite_conflicts = forms.BooleanField(
        label=_("Save despite conflicts"), required=False, help_text=CONFIRM_HELP
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facilitators"].queryset = staff_people()

    def cleaned_data_for_pattern(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("save_despite_conflicts")
        data["facilitators"] = list(data["facilitators"])
        return data

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end time must be after the start time."))
        return data


class RescheduleForm(ConflictCheckMixin, forms.Form):
    starts_at = forms.DateTimeField(label=_("New start"), widget=BuddhistEraDateTimeInput)
    ends_at = forms.DateTimeField(label=_("New end"), widget=BuddhistEraDateTimeInput)
    venue = forms.ModelChoiceField(
        label=_("Venue"), required=False, queryset=Venue.objects.select_related("province")
    )
    note = forms.CharField(
        label=_("Note to participants"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    save_despite_conflicts = forms.BooleanField(
        label=_("Save despite conflicts"), required=False, help_text=CONFIRM_HELP
    )

    def __init__(self, *args, session: Session, **kwargs):
        self.session = session
        kwargs.setdefault(
            "initial",
            {"starts_at": session.starts_at, "ends_at": session.ends_at, "venue": session.venue},
        )
        super().__init__(*args, **kwargs)
        self.hide_confirmation()

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The end must be after the start."))
            return data
        self.check_conflicts(
            cohort=self.session.cohort,
            starts_at=data.get("starts_at"),
            ends_at=data.get("ends_at"),
            venue=data.get("venue"),
            facilitators=list(self.session.facilitators.all()),
            exclude_id=self.session.pk,
        )
        return data


class CancelForm(forms.Form):
    note = forms.CharField(
        label=_("Reason, told to participants"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, session: Session, **kwargs):
        self.session = session
        super().__init__(*args, **kwargs)


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    title_prefix = forms.CharField(label=_("Title (Thai)"), required=False)
    first_name = forms.CharField(label=_("First name (Thai)"))
    last_name = forms.CharField(label=_("Last name (Thai)"))
    first_name_en = forms.CharField(label=_("First name (English)"), required=False)
    last_name_en = forms.CharField(label=_("Last name (English)"), required=False)
    position = forms.CharField(label=_("Position"), required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), required=False, queryset=Organisation.objects.all()
    )
    role = forms.ChoiceField(label=_("Role"), choices=Enrolment.Role.choices)
    team = forms.ModelChoiceField(label=_("Team"), required=False, queryset=Team.objects.none())

    def __init__(self, *args, cohort: Cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = cohort.teams.all()


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel (.xlsx) file"),
        help_text=_(
            "Columns: email, title, first_name_th, last_name_th, "
            "first_name_en, last_name_en, position, organisation, "
            "phone, role, team."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class TransferForm(forms.Form):
    to_cohort = forms.ModelChoiceField(
        label=_("Transfer to cohort"), queryset=Cohort.objects.none()
    )
    team = forms.ModelChoiceField(
        label=_("Team in the new cohort"),
        required=False,
        queryset=Team.objects.select_related("cohort"),
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, enrolment: Enrolment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_cohort"].queryset = Cohort.objects.exclude(pk=enrolment.cohort_id)
        self.fields["team"].queryset = Team.objects.exclude(cohort_id=enrolment.cohort_id)
