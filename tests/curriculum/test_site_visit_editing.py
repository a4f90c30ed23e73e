"""Editors get told when a site visit's agenda or dates do not add up (#14 item 10)."""

import datetime as dt

import pytest

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from wagtail.blocks.struct_block import StructBlockValidationError

from curriculum.blocks import AgendaDayBlock
from curriculum.models import SiteVisitPage
from tests.curriculum.factories import SiteVisitPageFactory, publish, translate

pytestmark = pytest.mark.django_db


def _day(*times):
    items = [
        {"starts_at": start, "ends_at": end, "title": f"กิจกรรม {start}", "place": ""}
        for start, end in times
    ]
    block = AgendaDayBlock()
    return block, block.to_python({"date": "2022-12-08", "title": "", "items": items})


def test_activities_in_time_order_are_accepted():
    block, value = _day(("09:00", "10:00"), ("10:15", None), ("13:00", "16:00"))
    assert len(block.clean(value)["items"]) == 3


def test_an_activity_starting_before_the_one_above_is_refused_in_thai():
    block, value = _day(("10:00", "11:00"), ("09:00", "09:30"))
    with translation.override("th"), pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    error = raised.value.block_errors["items"].block_errors[1].block_errors["starts_at"]
    with translation.override("th"):
        assert "เรียงกิจกรรมตามเวลา" in " ".join(error.messages)


def test_an_activity_ending_before_it_starts_is_refused():
    block, value = _day(("10:00", "09:00"))
    with translation.override("th"), pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    error = raised.value.block_errors["items"].block_errors[0].block_errors["ends_at"]
    with translation.override("th"):
        assert "ก่อนเวลาเริ่ม" in " ".join(error.messages)


def test_a_site_visit_shows_its_own_dates_in_the_buddhist_era(client, site_tree):
    page = SiteVisitPageFactory(
        parent=site_tree["programme"], starts_on=dt.date(2022, 12, 8), ends_on=dt.date(2022, 12, 10)
    )
    publish(page)
    english = translate(page, title="Khon Kaen BCG visit")
    assert "8-10 ธันวาคม 2565" in client.get(page.url).content.decode()
    assert "8–10 December 2022" in client.get(english.url).content.decode()


def test_a_last_day_before_the_first_is_refused(site_tree):
    page = SiteVisitPageFactory.build(starts_on=dt.date(2022, 12, 10), ends_on=dt.date(2022, 12, 8))
    with translation.override("th"), pytest.raises(ValidationError) as raised:
        page.clean()
    assert "ends_on" in raised.value.message_dict


def test_the_database_refuses_a_visit_that_ends_before_it_starts(site_tree):
    page = SiteVisitPageFactory(parent=site_tree["programme"])
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteVisitPage.objects.filter(pk=page.pk).update(
            starts_on=dt.date(2022, 12, 10), ends_on=dt.date(2022, 12, 8)
        )
