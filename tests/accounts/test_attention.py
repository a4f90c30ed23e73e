"""/me/ leads with what needs the person now, gathered from every app's attention source."""

import datetime as dt

import pytest

from accounts.portal import _ATTENTION, AttentionItem, attention_for, register_attention

pytestmark = pytest.mark.django_db


@pytest.fixture
def sources():
    before = list(_ATTENTION)
    _ATTENTION.clear()
    yield
    _ATTENTION[:] = before


def test_items_come_by_order_then_soonest_first(sources, rf):
    soon = dt.datetime(2026, 12, 8, 9, tzinfo=dt.UTC)
    later = soon + dt.timedelta(days=2)
    register_attention(
        lambda request: [
            AttentionItem("due", "ส่งงาน", "/b/", when=later),
            AttentionItem("due", "ส่งงานก่อน", "/a/", when=soon),
        ],
        order=20,
    )
    register_attention(lambda request: [AttentionItem("check-in", "เช็กอิน", "/c/", order=1)])
    labels = [item.label for item in attention_for(rf.get("/me/"))]
    assert labels == ["เช็กอิน", "ส่งงานก่อน", "ส่งงาน"]


def test_me_shows_the_attention_list_first_with_links(sources, client, learner):
    register_attention(lambda request: [AttentionItem("revision", "แก้ไขงานวิจัย", "/work/1/")])
    client.force_login(learner)
    html = client.get("/me/").content.decode()
    assert 'href="/work/1/"' in html
    assert html.index("แก้ไขงานวิจัย") < html.index('id="next-session"')
