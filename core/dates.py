"""Thai and English date formatting: Buddhist Era dates, Thai month names, optional Thai digits.

Stored values are ISO / UTC; these helpers only format for people.
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone

MONTHS_TH = [
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
]  # fmt: skip
MONTHS_TH_SHORT = [
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
]  # fmt: skip
WEEKDAYS_TH = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"]
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
BE_OFFSET = 543


def thai_digits(text: str, enabled: bool | None = None) -> str:
    """Turn Arabic digits into Thai digits when the THAI_DIGITS setting (or flag) says so."""
    use = settings.THAI_DIGITS if enabled is None else enabled
    return text.translate(_THAI_DIGITS) if use else text


def _local(value: dt.date | None) -> Any:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value) if timezone.is_aware(value) else value
    return value


def thai_date(
    value: dt.date | None, *, short: bool = False, weekday: bool = False, digits: bool | None = None
) -> str:
    """8 ธันวาคม 2565 (or 8 ธ.ค. 2565 with short=True)."""
    if value is None:
        return ""
    value = _local(value)
    months = MONTHS_TH_SHORT if short else MONTHS_TH
    text = f"{value.day} {months[value.month - 1]} {value.year + BE_OFFSET}"
    if weekday:
        text = f"วัน{WEEKDAYS_TH[value.weekday()]}ที่ {text}"
    return thai_digits(text, digits)


def thai_time(value: dt.date | None, digits: bool | None = None) -> str:
    """09:30 น. in Asia/Bangkok."""
    if value is None:
        return ""
    return thai_digits(f"{_local(value):%H:%M} น.", digits)


def thai_datetime(value: dt.date | None, *, short: bool = False, digits: bool | None = None) -> str:
    if value is None:
        return ""
    return f"{thai_date(value, short=short, digits=digits)} {thai_time(value, digits=digits)}"


def thai_date_range(start: dt.date | None, end: dt.date | None, digits: bool | None = None) -> str:
    """8-10 ธันวาคม 2565 when in one month; full dates on both sides otherwise."""
    start, end = _local(start), _local(end)
    if isinstance(start, dt.datetime):
        # callers pass two datetimes or two dates, never one of each
        start, end = start.date(), end.date()  # type: ignore[union-attr]
    if start == end:
        return thai_date(start, digits=digits)
    if (start.year, start.month) == (end.year, end.month):
        month = MONTHS_TH[start.month - 1]
        text = f"{start.day}-{end.day} {month} {start.year + BE_OFFSET}"
        return thai_digits(text, digits)
    return f"{thai_date(start, digits=digits)} - {thai_date(end, digits=digits)}"
