"""A site visit's agenda days are dated in the Buddhist Era in the Thai admin (#13).

The agenda's date block uses the same picker as the model date fields: 2565 shown and
picked in Thai, 2022 in English, the ISO date stored either way.
"""

import datetime as dt
import html as html_lib
import json
import re

import pytest

from wagtail.users.models import UserProfile

from curriculum.blocks import AgendaDayBlock
from tests.curriculum.factories import SiteVisitPageFactory

pytestmark = pytest.mark.django_db


def _visit(site_tree):
    return SiteVisitPageFactory(
        parent=site_tree["programme"],
        starts_on=dt.date(2022, 12, 8),
        ends_on=dt.date(2022, 12, 10),
        agenda=json.dumps(
            [{"type": "day", "value": {"date": "2022-12-08", "title": "BCG", "items": []}}]
        ),
    )


def _agenda(html: str) -> tuple[str, str]:
    """The agenda's block definition and its value, as the editor page hands them to JS."""
    widget = re.search(r'<div id="agenda" data-block[^>]*>', html).group()
    definition = html_lib.unescape(re.search(r'data-w-block-data-value="([^"]*)"', widget)[1])
    value = html_lib.unescape(re.search(r'data-w-block-arguments-value="([^"]*)"', widget)[1])
    return definition, value


def test_the_thai_editor_shows_and_picks_agenda_days_in_buddhist_era(
    client, coordinator, site_tree
):
    page = _visit(site_tree)
    client.force_login(coordinator)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    definition, value = _agenda(html)
    assert '"yearOffset": 543' in definition
    assert '"2565-12-08"' in value
    assert "2022-12-08" not in value
    assert "js/buddhist-era-picker.js" in html


def test_the_english_editor_shows_gregorian_agenda_days(client, coordinator, site_tree):
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"
    profile.save()
    page = _visit(site_tree)
    client.force_login(coordinator)
    definition, value = _agenda(client.get(f"/admin/pages/{page.pk}/edit/").content.decode())
    assert "yearOffset" not in definition
    assert '"2022-12-08"' in value


@pytest.mark.parametrize("typed", ["2565-12-09", "2022-12-09"])
def test_an_agenda_day_typed_or_picked_in_either_era_is_the_right_day(typed):
    date_block = AgendaDayBlock().child_blocks["date"]
    value = date_block.value_from_datadict({"agenda-date": typed}, {}, "agenda-date")
    assert date_block.clean(value) == dt.date(2022, 12, 9)
