from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Consent, User
from core.uploads import UploadRefused, inspect_upload

PHOTO_MAX_BYTES = 5 * 1024 * 1024


class ProfileForm(forms.ModelForm):
    """What a person may correct about themselves. Email changes go through allauth."""

    class Meta:
        model = User
        fields = [
            "title_prefix",
            "first_name",
            "last_name",
            "title_prefix_en",
            "first_name_en",
            "last_name_en",
            "position",
            "organisation",
            "phone",
            "line_id",
            "photo",
        ]

    def clean_photo(self):
        """A photo is checked by its bytes (JPEG, PNG or WebP, at most 5 MB)."""
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "content_type"):  # a new upload, not the stored file
            try:
                inspect_upload(photo, accepted_kinds={"image"}, max_bytes=PHOTO_MAX_BYTES)
            except UploadRefused as refused:
                raise forms.ValidationError(refused.message) from refused
            photo.seek(0)
        return photo


class ConsentForm(forms.Form):
    """One tick box per optional use; unticking withdraws."""

    def __init__(self, *args, given: set[str], **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in Consent.Purpose.choices:
            self.fields[value] = forms.BooleanField(
                label=label, required=False, initial=value in given
            )

    def decisions(self) -> dict[str, bool]:
        return {value: bool(self.cleaned_data.get(value)) for value in Consent.Purpose.values}


class PrivacyAcceptForm(forms.Form):
    notice = forms.IntegerField(widget=forms.HiddenInput)
    accept = forms.BooleanField(
        label=_("I have read the privacy notice and accept it."),
        error_messages={"required": _("Tick the box to accept the privacy notice.")},
    )


class PrivacyNoticeForm(forms.Form):
    """A new version of the privacy notice (published versions are never edited)."""

    body_th = forms.CharField(label=_("Text (Thai)"), widget=forms.Textarea(attrs={"rows": 16}))
    body_en = forms.CharField(
        label=_("Text (English)"), widget=forms.Textarea(attrs={"rows": 16}), required=False
    )
