"""Dates in Wagtail admin listings, inspect pages and forms, in the active language.

Thai admin shows the Buddhist Era (12 ก.ค. 2569); English admin shows Gregorian dates.
Every admin listing of ours that shows a date uses DateColumn, and every inspect view
mixes in LocalDatesInspectMixin, so no raw Django date reaches a Thai page.

Admin forms: every model DateField / DateTimeField in a Wagtail admin form gets
BuddhistEraDateInput / BuddhistEraDateTimeInput: forms built from panels through the
override registered from CoreConfig.ready; ModelViewSets built from form_fields (which
skip that registry) through LocalDatesFormMixin; model forms with their own Meta through
`formfield_callback = formfield_with_local_dates`; plain forms name the widgets;
StreamField blocks use BuddhistEraDateBlock instead of Wagtail's DateBlock.
In Thai the field shows and the picker offers Buddhist Era years (the picker's own
yearOffset: its calendar grid stays the real one, so Saturdays are Saturdays); what is
typed or picked is read back to the Gregorian year before Django parses it. A typed year
from 2400 on is read as Buddhist Era in either language (no programme date lies in
2400 CE), so 2569 never saves as the year 2569 CE.
"""

import datetime as dt
import re

from django import forms
from django.db import models
from django.templatetags.static import static
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language

from wagtail import blocks
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from core.dates import BE_OFFSET
from core.templatetags.thai import thai_date, thai_datetime

BE_YEARS_FROM = 2400
_LEADING_YEAR = re.compile(r"^(\s*)(\d{4})(?!\d)")


def format_date(value, *, short: bool = True) -> str:
    """A date or datetime in the active language (Asia/Bangkok for datetimes)."""
    if value is None:
        return ""
    arg = "short" if short else ""
    if isinstance(value, dt.datetime):
        return thai_datetime(value, arg)
    return thai_date(value, arg)


class DateColumn(Column):
    """A listing column for a DateField or DateTimeField; sortable by the field."""

    def __init__(self, name, *, short: bool = True, **kwargs):
        kwargs.setdefault("sort_key", name)
        kwargs.setdefault("accessor", lambda obj: format_date(getattr(obj, name), short=short))
        super().__init__(name, **kwargs)


class LocalDatesInspectMixin:
    """For generic.InspectView subclasses: date fields in the active language."""

    def get_field_display_value(self, field_name, field):
        if isinstance(field, models.DateField):  # DateTimeField is a DateField too
            value = getattr(self.object, field_name)
            return format_date(value, short=False) if value is not None else "-"
        return super().get_field_display_value(field_name, field)


def typed_year_to_gregorian(text: str) -> str:
    """'2569-12-12 09:00' -> '2026-12-12 09:00'; a Gregorian year is left as it is."""

    def shift(match: re.Match) -> str:
        year = int(match[2])
        return match[1] + str(year - BE_OFFSET) if year >= BE_YEARS_FROM else match[0]

    return _LEADING_YEAR.sub(shift, text, count=1)


def shown_year_in_buddhist_era(text: str) -> str:
    """'2026-12-12 09:00' -> '2569-12-12 09:00'; a year already Buddhist Era is left alone."""

    def shift(match: re.Match) -> str:
        year = int(match[2])
        return match[1] + str(year + BE_OFFSET) if year < BE_YEARS_FROM else match[0]

    return _LEADING_YEAR.sub(shift, text, count=1)


def _thai_active() -> bool:
    return (get_language() or "").startswith("th")


class BuddhistEraInputMixin:
    """For Wagtail's date pickers: Buddhist Era years in Thai, read back to Gregorian."""

    template_name: str

    def get_config(self):
        config = super().get_config()
        if _thai_active():
            config["yearOffset"] = BE_OFFSET
        return config

    def format_value(self, value):
        text = super().format_value(value)
        return shown_year_in_buddhist_era(text) if text and _thai_active() else text

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        return typed_year_to_gregorian(value) if isinstance(value, str) else value

    @property
    def media(self):
        """Wagtail's picker script, then ours: it marks the saved day when the picker opens
        (Wagtail's own check reads the shown year 2569 as 2569 CE)."""
        return super().media + forms.Media(js=[static("js/buddhist-era-picker.js")])

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["buddhist_era"] = _thai_active()
        context["widget"]["example_year"] = timezone.localdate().year + BE_OFFSET
        context["widget"]["picker_template"] = self.picker_template
        return context


class BuddhistEraDateInput(BuddhistEraInputMixin, AdminDateInput):
    template_name = "core/widgets/buddhist_era_input.html"
    picker_template = "wagtailadmin/widgets/date_input.html"


class BuddhistEraDateTimeInput(BuddhistEraInputMixin, AdminDateTimeInput):
    template_name = "core/widgets/buddhist_era_input.html"
    picker_template = "wagtailadmin/widgets/datetime_input.html"


class BuddhistEraDateBlock(blocks.DateBlock):
    """A StreamField date with the pickers of the model date fields: Buddhist Era in
    the Thai admin, Gregorian in English, stored as an ISO date either way."""

    @cached_property
    def field(self):
        return forms.DateField(
            widget=BuddhistEraDateInput(format=self.format), **self.field_options
        )

    class Meta:
        icon = "date"


def register_buddhist_era_widgets() -> None:
    """Every DateField / DateTimeField of a Wagtail admin model form gets our pickers.
    Called once from CoreConfig.ready (after Wagtail registered its own)."""
    from wagtail.admin.forms.models import register_form_field_override

    register_form_field_override(models.DateField, override={"widget": BuddhistEraDateInput})
    register_form_field_override(
        models.DateTimeField, override={"widget": BuddhistEraDateTimeInput}
    )


def formfield_with_local_dates(db_field, **kwargs):
    """A model form field, with our date pickers for date and date-time fields."""
    if isinstance(db_field, models.DateTimeField):
        kwargs.setdefault("widget", BuddhistEraDateTimeInput)
    elif isinstance(db_field, models.DateField):
        kwargs.setdefault("widget", BuddhistEraDateInput)
    return db_field.formfield(**kwargs)


class LocalDatesFormMixin:
    """For ModelViewSets that list form_fields: their dates get our pickers too
    (Wagtail's own formfield_for_dbfield there gives Django's plain text inputs)."""

    def formfield_for_dbfield(self, db_field, **kwargs):
        return formfield_with_local_dates(db_field, **kwargs)
