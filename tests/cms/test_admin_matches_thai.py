"""The admin's filtered listings count their matches in Thai ("There are 15 matches" before).

The string is Wagtail's (wagtailadmin/generic/listing_results.html); config/locale has its Thai.
"""

from django.utils import translation


def test_the_filtered_listing_counts_its_matches_in_thai():
    with translation.override("th"):
        text = translation.ngettext(
            "There is %(counter)s match", "There are %(counter)s matches", 15
        ) % {"counter": 15}
    assert text == "พบ 15 รายการ"
