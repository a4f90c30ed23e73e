"""Bad input for any Django form, built from its fields: what a person can get wrong."""

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

LONG = "ก" * 30000


def bad_payloads(form_class, **kwargs):
    """(data, files) pairs that together make every kind of field error the form can show."""
    fields = form_class(**kwargs).fields
    yield {}, {}  # everything missing
    yield {name: LONG for name in fields}, {}  # too long, not a number, not a choice, not a date
    yield {name: "-5" for name in fields}, {}  # below a minimum
    yield {name: "99999999" for name in fields}, {}  # above a maximum
    yield {name: "1.5" for name in fields}, {}  # not a whole number
    yield {name: "ไม่ใช่อีเมล@" for name in fields}, {}  # not an email, not a URL
    empty = {
        name: SimpleUploadedFile("empty.pdf", b"", "application/pdf")
        for name, field in fields.items()
        if isinstance(field, forms.FileField)
    }
    yield {}, empty  # an empty file
    junk = {
        name: SimpleUploadedFile("notes.txt", b"not what was asked for", "text/plain")
        for name, field in fields.items()
        if isinstance(field, forms.FileField)
    }
    yield {}, junk


def errors_of(form_class, **kwargs) -> list[str]:
    """Every message the form shows for the bad payloads (form and field errors)."""
    seen = []
    for data, files in bad_payloads(form_class, **kwargs):
        form = form_class(data=data, files=files, **kwargs)
        form.is_valid()
        for messages in form.errors.values():
            seen.extend(str(message) for message in messages)
    return sorted(set(seen))
