"""The admin's sidebar: every item of ours takes its place from core.menu, none collide."""

import json
import re

import pytest

from django.urls import get_resolver

from wagtail.admin.menu import admin_menu

from core.menu import ADMIN_MENU_ORDER

WAGTAIL_ITEMS = {
    "explorer",
    "images",
    "documents",
    "snippets",
    "forms",
    "reports",
    "settings",
    "help",
}


@pytest.fixture
def menu_items():
    get_resolver().url_patterns  # noqa: B018 -- loading the admin URLs registers the viewsets
    return admin_menu.registered_menu_items


def test_every_item_of_ours_takes_its_order_from_the_table(menu_items):
    ours = {item.name: item.order for item in menu_items if item.name not in WAGTAIL_ITEMS}
    assert ours == ADMIN_MENU_ORDER


def test_no_two_sidebar_items_share_an_order(menu_items):
    orders = [item.order for item in menu_items]
    assert len(orders) == len(set(orders)), sorted(orders)


def sidebar_names(page: str) -> list[str]:
    """The names of the sidebar's top-level items, in the order the page draws them."""
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', page, re.S)
    modules = json.loads(props.group(1))["modules"]
    main = next(m for m in modules if m["_type"] == "wagtail.sidebar.MainMenuModule")
    return [item["_args"][0]["name"] for item in main["_args"][0]]


def test_the_coordinator_sees_the_sidebar_in_the_table_order(client, coordinator):
    client.force_login(coordinator)
    shown = sidebar_names(client.get("/admin/").content.decode())
    ours = [name for name in shown if name in ADMIN_MENU_ORDER]
    assert ours[:5] == ["cohorts", "attendance", "certificates", "assignments", "review-queue"]
    assert ours == sorted(ours, key=ADMIN_MENU_ORDER.get)
