import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from attendance.models import Status
from core.templatetags.thai import thai_date


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"),
        max_length=12,
        help_text=_("The six digits under the QR code on the screen."),
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
        error_messages={"required": _("Type the six digits shown on the screen.")},
    )


class MarkForm(forms.Form):
    """One tap in the grid (htmx), or a correction on the record page."""

    enrolment = forms.IntegerField(required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    reason = forms.CharField(label=_("Reason for the change"), required=False, max_length=1000)
    excuse_reason = forms.CharField(
        label=_("Reason for the excused absence"), required=False, max_length=2000
    )


class CorrectionForm(forms.Form):
    """A change on the record page: the reason goes to the trail and is required."""

    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    excuse_reason = forms.CharField(
        label=_("Reason for the excused absence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    excuse_document = forms.FileField(label=_("Supporting document"), required=False)
    reason = forms.CharField(
        label=_("Reason for the change"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say why the record changes; it is kept in the trail.")},
    )

    def clean(self):
        data = super().clean()
        if data.get("status") == Status.EXCUSED and not (data.get("excuse_reason") or "").strip():
            self.add_error("excuse_reason", _("An excused absence needs a reason."))
        return data


class ImportForm(forms.Form):
    """Upload a file for one session; rows without a day are for the day chosen here."""

    MAX_BYTES = 2 * 1024 * 1024

    file = forms.FileField(
        label=_("CSV or Excel (.xlsx) file"),
        help_text=_(
            "Columns: email, status (present, late, absent, excused or มา, สาย, ขาด, ลา), "
            "and if needed day, excuse_reason, note. Thai column names work too."
        ),
    )
    day = forms.TypedChoiceField(
        label=_("Day for rows without a day"), coerce=dt.date.fromisoformat
    )

    def __init__(self, *args, days: list[dt.date], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].choices = [(day.isoformat(), thai_date(day, "weekday")) for day in days]
        if len(days) == 1:
            self.fields["day"].widget = forms.HiddenInput()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload


class ImportConfirmForm(forms.Form):
    """Apply a checked file; conflicts change only with the box ticked and a reason."""

    batch = forms.CharField(widget=forms.HiddenInput)
    change_existing = forms.BooleanField(
        label=_("Also change the existing records listed as conflicts"), required=False
    )
    reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the trail of every record the import changes."),
    )

    def clean(self):
        data = super().clean()
        if data.get("change_existing") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why the records change; it is kept in their trail."))
        return data
