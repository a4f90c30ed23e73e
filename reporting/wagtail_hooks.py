"""The programme dashboard in the admin: its screen, a sidebar item, a panel on the home."""

from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from core.menu import ADMIN_MENU_ORDER
from reporting import admin_urls
from reporting.access import can_see_dashboard, is_observer
from reporting.selectors import programme_reach


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("reporting/", include(admin_urls))]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_dashboard(request.user)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(
        gettext_lazy("Programme dashboard"),
        reverse("reporting_admin:dashboard"),
        name="programme-dashboard",
        icon_name="crosshairs",
        order=ADMIN_MENU_ORDER["programme-dashboard"],
    )


@hooks.register("construct_main_menu")
def keep_only_the_dashboard_for_observers(request, menu_items):
    """Every other admin page refuses an observer, so the sidebar offers none of them
    (Wagtail's Reports and Help menus were shown and answered 403)."""
    if is_observer(request.user):
        menu_items[:] = [item for item in menu_items if item.name == "programme-dashboard"]


class ProgrammePanel(Component):
    """Reach against the targets, on the admin home; the rest is one click away."""

    name = "programme_dashboard"
    order = 50

    def render_html(self, parent_context=None):
        return render_to_string("reporting/admin/home_panel.html", {"reach": programme_reach()})


@hooks.register("construct_homepage_panels")
def add_programme_panel(request, panels):
    if can_see_dashboard(request.user):
        panels.insert(0, ProgrammePanel())
