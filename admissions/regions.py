"""Thailand's six regions (the Royal Institute's division), read from a province's ISO code.

Quotas and the screening filters count applications by region; provinces carry no
region in the registry, so the division lives here as plain data.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    NORTH = "north", _("North")
    NORTHEAST = "northeast", _("Northeast")
    CENTRAL = "central", _("Central")
    EAST = "east", _("East")
    WEST = "west", _("West")
    SOUTH = "south", _("South")


_CODES = {
    Region.NORTH: range(50, 59),
    Region.NORTHEAST: range(30, 50),
    Region.EAST: (20, 21, 22, 23, 24, 25, 27),
    Region.WEST: (63, 70, 71, 76, 77),
    Region.SOUTH: range(80, 97),
}


def region_of(province_code: str) -> str:
    """The region of an ISO 3166-2 province code such as TH-40; Central for the rest."""
    try:
        number = int(province_code.removeprefix("TH-"))
    except ValueError:
        return str(Region.CENTRAL)
    for region, numbers in _CODES.items():
        if number in numbers:
            return str(region)
    return str(Region.CENTRAL)


def province_codes(region: str) -> list[str]:
    """Every province code of a region (the filter's database side)."""
    return [f"TH-{n}" for n in range(10, 97) if region_of(f"TH-{n}") == region]
