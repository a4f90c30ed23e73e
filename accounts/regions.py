"""Thailand's six geographical regions (the Royal Institute's scheme), by province code.

Plain choices over ``Province.code``, no table: the directory filters by region with
``province__code__in=province_codes(region)``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    NORTH = "north", _("Northern region")
    NORTHEAST = "northeast", _("Northeastern region")
    CENTRAL = "central", _("Central region")
    EAST = "east", _("Eastern region")
    WEST = "west", _("Western region")
    SOUTH = "south", _("Southern region")


_CODES = {
    Region.NORTH: (50, 51, 52, 53, 54, 55, 56, 57, 58),
    Region.NORTHEAST: tuple(range(30, 50)),
    Region.CENTRAL: (*range(10, 20), 26, 60, 61, 62, 64, 65, 66, 67, 72, 73, 74, 75),
    Region.EAST: (20, 21, 22, 23, 24, 25, 27),
    Region.WEST: (63, 70, 71, 76, 77),
    Region.SOUTH: (80, 81, 82, 83, 84, 85, 86, 90, 91, 92, 93, 94, 95, 96),
}
REGION_OF: dict[str, str] = {
    f"TH-{number}": str(region) for region, numbers in _CODES.items() for number in numbers
}


def province_codes(region: str) -> list[str]:
    return sorted(code for code, of in REGION_OF.items() if of == region)


def region_of(province_code: str) -> str:
    return REGION_OF.get(province_code, "")
