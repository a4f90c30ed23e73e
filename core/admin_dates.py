"""Dates in Wagtail admin listings and inspect pages, in the active language.

Thai admin shows the Buddhist Era (12 ก.ค. 2569); English admin shows Gregorian dates.
Every admin listing of ours that shows a date uses DateColumn, and every inspect view
mixes in LocalDatesInspectMixin, so no raw Django date reaches a Thai page.
"""

import datetime as dt

from django.db import models

from wagtail.admin.ui.tables import Column

from core.templatetags.thai import thai_date, thai_datetime


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
