from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.models import Certificate, CertificateTemplate

MAX_UPLOAD = 5 * 1024 * 1024


class VerifyCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Certificate code"),
        max_length=64,
        help_text=_("The code printed under the QR code, e.g. ABCD-EFGH-JKMN, or the link's id."),
    )

    def clean_code(self):
        """A code is letters, digits, - and _ (short code or link id): anything else typed
        (spaces, a slash, NUL) is dropped, so it always makes a verify address."""
        code = "".join(
            ch for ch in self.cleaned_data["code"] if ch.isascii() and (ch.isalnum() or ch in "-_")
        )
        if not code:
            raise forms.ValidationError(self.fields["code"].error_messages["required"])
        return code


class VerifyUploadForm(forms.Form):
    file = forms.FileField(label=_("Certificate PDF"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(
                _("The file is larger than 5 MB; a certificate is smaller.")
            )
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(_("This is not a PDF file."))
        return upload


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class RevokeForm(ReasonForm):
    category = forms.ChoiceField(
        label=_("Reason shown publicly"),
        choices=Certificate.RevocationCategory.choices,
        initial=Certificate.RevocationCategory.WITHDRAWN,
        required=False,  # left out, the neutral "withdrawn by the issuer"
        help_text=_(
            "Anyone who checks the certificate sees this and the date; the reason above stays "
            "in the admin."
        ),
    )


class IssueOneForm(forms.Form):
    override_reason = forms.CharField(
        label=_("Reason for issuing despite unmet requirements"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


class CohortTemplateForm(forms.Form):
    """Which template the cohort's next certificates use; empty means the default."""

    template = forms.ModelChoiceField(
        label=_("Certificate template"),
        queryset=CertificateTemplate.objects.order_by("name"),
        required=False,
        empty_label=_("Default template"),
    )

    def read_templates(self) -> list:
        """The templates, read once for the select and for the page (which is the default),
        instead of once each."""
        field = self.fields["template"]
        templates = list(field.queryset)
        field.choices = [("", field.empty_label)] + [(t.pk, str(t)) for t in templates]
        return templates
