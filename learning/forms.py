"""Admin forms: files are checked by content before anything is saved."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from accounts.access import is_coordinator
from cohorts.models import Session
from core.uploads import UploadRefused
from learning.uploads import check_attachment, check_material_file


def _checked(upload, check, field_name: str):
    if upload and hasattr(upload, "content_type"):  # a new file, not the stored one
        try:
            check(upload)
        except UploadRefused as refused:
            raise forms.ValidationError(refused.message) from None
    return upload


class MaterialForm(WagtailAdminModelForm):
    """Facilitators choose among the sessions they facilitate; modules are coordinators'."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not is_coordinator(user) and "session" in self.fields:
            self.fields["session"].queryset = Session.objects.filter(facilitators=user)
            self.fields["session"].required = True
            self.fields.pop("module", None)

    def clean_file(self):
        return _checked(self.cleaned_data.get("file"), check_material_file, "file")

    def clean(self):
        data = super().clean()
        if not data.get("file") and not data.get("url"):
            raise forms.ValidationError(_("Upload a file or give a link."))
        return data


class AnnouncementForm(WagtailAdminModelForm):
    def clean_attachment(self):
        return _checked(self.cleaned_data.get("attachment"), check_attachment, "attachment")
