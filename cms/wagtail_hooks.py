"""Admin wiring for the site chrome: menu and footer snippets, grouped under "Site"."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import FooterText, MenuItem
from core.menu import ADMIN_MENU_ORDER


class MenuItemViewSet(SnippetViewSet):
    model = MenuItem
    icon = "list-ul"
    menu_label = _("Menu")
    list_display = ["label", "page", "url", "sort_order"]
    list_filter = ["locale"]
    ordering = ["locale", "sort_order"]


class FooterTextViewSet(SnippetViewSet):
    model = FooterText
    icon = "doc-empty"
    menu_label = _("Footer")
    list_filter = ["locale"]


class SiteChromeGroup(SnippetViewSetGroup):
    items = (MenuItemViewSet, FooterTextViewSet)
    menu_icon = "site"
    menu_label = _("Site chrome")
    menu_name = "site-chrome"
    menu_order = ADMIN_MENU_ORDER["site-chrome"]


register_snippet(SiteChromeGroup)


@hooks.register("insert_global_admin_js")
def thai_slug_js():
    """The admin's slug field keeps Thai vowels and tone marks (see static/cms/js/thai-slug.js)."""
    return format_html('<script src="{}"></script>', static("cms/js/thai-slug.js"))
