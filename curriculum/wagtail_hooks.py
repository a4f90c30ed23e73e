"""Admin wiring for the curriculum snippets: facilitators and partners."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.menu import ADMIN_MENU_ORDER
from curriculum.models import Facilitator, Partner


class FacilitatorViewSet(SnippetViewSet):
    model = Facilitator
    icon = "user"
    list_display = ["__str__", "position", "organisation", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "role", "locale"]
    list_filter = ["locale"]


class CurriculumSnippets(SnippetViewSetGroup):
    items = (FacilitatorViewSet, PartnerViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Curriculum")
    menu_name = "curriculum"
    menu_order = ADMIN_MENU_ORDER["curriculum"]


register_snippet(CurriculumSnippets)
