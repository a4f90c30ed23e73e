"""The admin's signature field: the current signature through a coordinators' view."""

from django import forms
from django.urls import reverse


class SignatureInput(forms.ClearableFileInput):
    """A file input that shows the stored signature from the permission-checked view,
    never from the file's own URL (the private store has none to give)."""

    template_name = "certificates/widgets/signature_input.html"

    def __init__(self, attrs=None):
        super().__init__({"accept": "image/png,image/jpeg,image/webp", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        signatory = getattr(value, "instance", None)
        stored = bool(value) and getattr(value, "_committed", False)
        if stored and signatory is not None and signatory.pk:
            context["widget"]["preview_url"] = reverse(
                "certificates_admin:signature", args=[signatory.pk]
            )
        return context
