from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from accounts import admin_urls, privacy_admin_urls
from accounts.admin_menu import CoordinatorMenuItem
from accounts.models import Organisation
from core.menu import ADMIN_MENU_ORDER


class OrganisationFilterSet(WagtailFilterSet):
    class Meta:
        model = Organisation
        fields = ["kind", "province"]


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_name = "organisations"
    menu_order = ADMIN_MENU_ORDER["organisations"]
    add_to_admin_menu = True
    list_display = ["name_th", "name_en", "kind", "province"]
    filterset_class = OrganisationFilterSet
    search_fields = ["name_th", "name_en"]
    form_fields = ["name_th", "name_en", "kind", "province"]
    ordering = ["name_th"]
    list_per_page = 50


@hooks.register("register_admin_viewset")
def register_organisation_viewset():
    return OrganisationViewSet("organisations")


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("stuck-work/", include(admin_urls)),
        path("privacy-notices/", include(privacy_admin_urls)),
    ]


class PrivacyNoticesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("accounts.add_privacynotice")


@hooks.register("register_admin_menu_item")
def register_privacy_notices_menu_item():
    return PrivacyNoticesMenuItem(
        _("Privacy notices"),
        reverse("accounts_privacy:index"),
        name="privacy-notices",
        icon_name="doc-full",
        order=ADMIN_MENU_ORDER["privacy-notices"],
    )


@hooks.register("register_admin_menu_item")
def register_stuck_work_menu_item():
    return CoordinatorMenuItem(
        _("Stuck work"),
        reverse("accounts_admin:stuck_work"),
        name="stuck-work",
        icon_name="warning",
        order=ADMIN_MENU_ORDER["stuck-work"],
    )
