"""Thailand's six regions and a tile grid of the 77 provinces, by ISO 3166-2 code.

The regions are the six-region grouping of the National Research Council of Thailand
(north, northeast, central, east, west, south). The grid puts each province on one
square roughly where it lies, so the map reads as Thailand without drawing borders.
"""

from django.utils.translation import gettext_lazy as _

REGIONS = {
    "north": _("Northern region"),
    "northeast": _("Northeastern region"),
    "central": _("Central region"),
    "east": _("Eastern region"),
    "west": _("Western region"),
    "south": _("Southern region"),
}

_CODES_BY_REGION = {
    "north": "50 51 52 53 54 55 56 57 58",
    "northeast": "30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49",
    "central": "10 11 12 13 14 15 16 17 18 19 26 60 61 62 64 65 66 67 72 73 74 75",
    "east": "20 21 22 23 24 25 27",
    "west": "63 70 71 76 77",
    "south": "80 81 82 83 84 85 86 90 91 92 93 94 95 96",
}

REGION_OF = {
    f"TH-{number}": region
    for region, numbers in _CODES_BY_REGION.items()
    for number in numbers.split()
}

# Row by row, north to south: (column, province number) on each row.
_GRID_ROWS = [
    [(3, 57)],
    [(1, 58), (2, 50), (3, 56), (4, 55)],
    [(2, 51), (3, 52), (4, 54)],
    [(1, 63), (2, 64), (3, 53), (5, 42), (6, 43), (7, 38)],
    [(2, 62), (3, 65), (4, 67), (5, 39), (6, 41), (7, 47), (8, 48)],
    [(1, 61), (2, 60), (3, 66), (5, 36), (6, 40), (7, 46), (8, 49)],
    [(1, 18), (2, 17), (3, 16), (4, 19), (5, 30), (6, 44), (7, 45), (8, 35), (9, 37)],
    [(0, 71), (1, 72), (2, 15), (3, 14), (4, 26), (5, 31), (6, 32), (7, 33), (8, 34)],
    [(0, 70), (1, 73), (2, 12), (3, 13), (4, 25), (5, 27)],
    [(0, 76), (1, 74), (2, 10), (3, 11), (4, 24)],
    [(0, 77), (1, 75), (3, 20), (4, 22), (5, 23)],
    [(0, 86), (3, 21)],
    [(0, 85), (1, 84)],
    [(0, 82), (1, 80)],
    [(0, 83), (1, 81), (2, 93)],
    [(1, 92), (2, 90), (3, 94)],
    [(1, 91), (2, 95), (3, 96)],
]

TILES = {
    f"TH-{number}": (column, row)
    for row, cells in enumerate(_GRID_ROWS)
    for column, number in cells
}

GRID_COLUMNS = 1 + max(column for column, _row in TILES.values())
GRID_ROWS = len(_GRID_ROWS)


def region_of(province_code: str) -> str:
    """The region key of a province code ("" for a code that is not a province)."""
    return REGION_OF.get(province_code, "")
