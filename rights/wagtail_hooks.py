from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from accounts.access import is_coordinator
from accounts.admin_menu import CoordinatorMenuItem
from core.menu import ADMIN_MENU_ORDER
from rights import admin_urls


class CoordinatorSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("personal-data/", include(admin_urls))]


@hooks.register("register_admin_menu_item")
def register_personal_data_menu():
    items = [
        CoordinatorMenuItem(
            _("Erasure requests"),
            reverse("rights_admin:erasures"),
            name="erasure-requests",
            icon_name="bin",
            order=1,
        ),
        CoordinatorMenuItem(
            _("Access log"),
            reverse("rights_admin:access_log"),
            name="access-log",
            icon_name="list-ul",
            order=2,
        ),
    ]
    return CoordinatorSubmenu(
        _("Personal data"),
        Menu(items=items),
        name="personal-data",
        icon_name="lock",
        order=ADMIN_MENU_ORDER["personal-data"],
    )
