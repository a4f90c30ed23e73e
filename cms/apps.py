from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        from accounts.roles import register_role_permissions
        from cms.roles import ROLE_PERMISSIONS

        register_role_permissions(ROLE_PERMISSIONS)

        from django.db.models.signals import post_delete, post_save

        from wagtail.signals import page_published, page_unpublished

        from cms.models import FooterText, MenuItem
        from cms.selectors import clear_chrome_cache

        # Menu links follow page URLs, so publishing any page refreshes the cached chrome.
        for signal in (page_published, page_unpublished):
            signal.connect(clear_chrome_cache, dispatch_uid=f"cms-chrome-{id(signal)}")
        for model in (MenuItem, FooterText):
            for signal in (post_save, post_delete):
                signal.connect(
                    clear_chrome_cache,
                    sender=model,
                    dispatch_uid=f"cms-chrome-{model.__name__}-{id(signal)}",
                )
