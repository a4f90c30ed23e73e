from django import forms
from django.utils.translation import gettext_lazy as _

from attendance.models import Status


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
