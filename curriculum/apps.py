from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurriculumConfig(AppConfig):
    name = "curriculum"
    verbose_name = _("Curriculum")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from accounts.roles import register_role_permissions
        from cms.context import register_page_context
        from cms.search.filters import SearchFilter, register_search_filter
        from curriculum.roles import ROLE_PERMISSIONS
        from curriculum.selectors import featured_site_visit, pages_of_theme, research_theme_choices

        register_role_permissions(ROLE_PERMISSIONS)
        register_search_filter(
            SearchFilter("theme", _("Research theme"), research_theme_choices, pages_of_theme)
        )
        register_page_context("home", featured_site_visit)
