"""core.names: a name prints on a certificate exactly as typed, or is refused with a reason."""

import subprocess

import pytest

from django.utils import translation

from core.names import DRAWABLE_RANGES, NOT_IN_NAMES, name_problem


@pytest.mark.parametrize(
    "name",
    ["สมชาย", "ใจดี-ศรีสุข", "รศ.ดร.", "พ.ต.อ.", "Somchai", "O’Brien", "José", "Müller", "ที่ ๑"],
)
def test_thai_and_latin_names_are_accepted(name):
    assert name_problem(name) is None


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("สมชาย\u202eRTL", "U+202E"),  # right-to-left override
        ("สม\u200bชาย", "U+200B"),  # zero-width space
        ("Som\u2066chai", "U+2066"),  # isolate
        ("สมชาย\x00", "U+0000"),
        ("สมชาย😀", "😀"),
        ("王小明", "王"),
        ("Łukasz", "Ł"),  # Latin Extended-A: not in Laksaman
        ("a\tb", "U+0009"),
    ],
)
def test_invisible_control_and_undrawable_characters_are_named(name, shown):
    assert shown in name_problem(name)


@pytest.mark.parametrize("name", ["=HYPERLINK(1)", "+66", "-x", "@me"])
def test_a_formula_start_is_refused(name):
    assert name_problem(name)


def test_the_message_is_thai_by_default():
    with translation.override("th"):
        assert "เกียรติบัตร" in name_problem("สมชาย😀")


def _font_file(family):
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}|%{family}", family],  # noqa: S607 - fontconfig's tool
            capture_output=True,
            text=True,
        ).stdout
    except FileNotFoundError:
        return None
    path, _sep, families = found.partition("|")
    return path if family.lower() in families.lower() else None


def test_every_character_a_name_may_hold_is_in_the_certificate_font():
    from fontTools.ttLib import TTFont

    path = _font_file("Laksaman")
    if path is None:
        pytest.skip("the certificate font Laksaman (fonts-tlwg-laksaman) is not installed")
    cmap = TTFont(path).getBestCmap()
    allowed = [
        chr(code)
        for low, high in DRAWABLE_RANGES
        for code in range(low, high + 1)
        if chr(code) not in NOT_IN_NAMES
    ]
    missing = [f"U+{ord(ch):04X}" for ch in allowed if ord(ch) not in cmap]
    assert not missing
