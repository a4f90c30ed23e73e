"""The printable directory book of one cohort (ทำเนียบรุ่น): a Thai A4 PDF.

A cover, then one section per team (the municipality and its research project) with a
photo grid; photos and contacts appear only where the person consents today. Photos are
shrunk and embedded, so WeasyPrint fetches nothing.
"""

import base64
import io
from itertools import groupby

from PIL import Image, UnidentifiedImageError

from django.template.loader import render_to_string
from django.utils import timezone, translation

from accounts.models import User
from alumni.selectors import Entry
from cohorts.models import Cohort
from core.dates import thai_date, thai_date_range

PHOTO_PIXELS = 360


def _thumbnail(user: User) -> str:
    """The photo as a small JPEG data URI ("" if it cannot be read)."""
    try:
        with user.photo.open("rb") as handle, Image.open(handle) as original:
            small = original.convert("RGB")
            small.thumbnail((PHOTO_PIXELS, PHOTO_PIXELS))
            out = io.BytesIO()
            small.save(out, "JPEG", quality=80)
    except (OSError, UnidentifiedImageError, ValueError):
        return ""
    return "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode()


def _photos(entries: list[Entry]) -> dict[int, str]:
    ids = [e.user_id for e in entries if e.has_photo]
    people = User.objects.filter(pk__in=ids).only("pk", "photo")
    return {user.pk: _thumbnail(user) for user in people}


def book_pdf(*, cohort: Cohort, entries: list[Entry]) -> bytes:
    from weasyprint import HTML  # heavy: loaded only when a book is printed

    photos = _photos(entries)
    groups = [
        {
            "team": team,
            "project": members[0].project_title,
            "members": [(e, photos.get(e.user_id, "")) for e in members],
        }
        for team, members in (
            (team, list(group)) for team, group in groupby(entries, key=lambda e: e.team)
        )
    ]
    with translation.override("th"):
        html = render_to_string(
            "alumni/pdf/book.html",
            {
                "cohort": cohort,
                "groups": groups,
                "count": len(entries),
                "dates_th": thai_date_range(cohort.starts_on, cohort.ends_on),
                "printed_th": thai_date(timezone.localdate()),
            },
        )
    return HTML(string=html).write_pdf()
