"""Template filters for Thai dates: {{ session.starts_at|thai_date }}.

The filters follow the active language: Thai with the Buddhist Era under th,
ordinary English dates under en.
"""

import datetime as dt

from django import template
from django.utils import formats, timezone
from django.utils.translation import get_language

from core import dates

register = template.Library()


def _is_thai() -> bool:
    return (get_language() or "th").startswith("th")


def _english(value: dt.date | None, fmt: str) -> str:
    if value is None:
        return ""
    if hasattr(value, "hour") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, fmt)


@register.filter
def thai_date(value: dt.date | None, arg: str = "") -> str:
    """Date in the active language; arg "short" or "weekday" for other forms."""
    if not _is_thai():
        return _english(value, "D j M Y" if arg == "weekday" else "j F Y")
    return dates.thai_date(value, short=arg == "short", weekday=arg == "weekday")


@register.filter
def thai_time(value: dt.date | None) -> str:
    return dates.thai_time(value) if _is_thai() else _english(value, "H:i")


@register.filter
def thai_datetime(value: dt.date | None, arg: str = "") -> str:
    if not _is_thai():
        return _english(value, "j M Y, H:i")
    return dates.thai_datetime(value, short=arg == "short")


@register.simple_tag
def thai_date_range(start: dt.date | None, end: dt.date | None) -> str:
    if not _is_thai():
        return _english_range(start, end)
    return dates.thai_date_range(start, end)


def _english_range(start, end) -> str:
    """22 December 2026; 8–10 December 2026; 30 Dec 2026 – 2 Jan 2027."""
    first, last = _english(start, "Y-m-d"), _english(end, "Y-m-d")
    if first == last:
        return _english(start, "j F Y")
    if first[:7] == last[:7]:
        return f"{_english(start, 'j')}–{_english(end, 'j F Y')}"
    return f"{_english(start, 'j M Y')} – {_english(end, 'j M Y')}"
