from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from django.db.models.signals import post_delete, post_migrate, post_save

        from wagtail.models import Locale, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from accounts.models import PrivacyNotice
        from accounts.roles import register_role_permissions
        from cms.lookups import clear_lookups, install
        from cms.models import FooterText, MenuItem
        from cms.page_cache import clear_page_cache, page_deleted
        from cms.roles import ROLE_PERMISSIONS
        from cms.selectors import clear_chrome_cache
        from cms.site import site_sync_from_setting

        register_role_permissions(ROLE_PERMISSIONS)
        install()
        # Cached sites (with their root page), locales and restricted paths (cms/lookups.py).
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(clear_lookups, dispatch_uid=f"cms-lookups-{id(signal)}")
        for model in (Site, Locale, PageViewRestriction):
            for signal in (post_save, post_delete):
                signal.connect(
                    clear_lookups,
                    sender=model,
                    dispatch_uid=f"cms-lookups-{model.__name__}-{id(signal)}",
                )
        post_migrate.connect(site_sync_from_setting, sender=self, dispatch_uid="cms-site-url")

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

        # Cached page HTML (cms/page_cache.py) is forgotten whenever what it shows changes.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(clear_page_cache, dispatch_uid=f"cms-pages-{id(signal)}")
        post_delete.connect(page_deleted, dispatch_uid="cms-pages-deleted")
        # The privacy page shows the notice in force (PrivacyNotice versions).
        for model in (MenuItem, FooterText, Site, Locale, PageViewRestriction, PrivacyNotice):
            for signal in (post_save, post_delete):
                signal.connect(
                    clear_page_cache,
                    sender=model,
                    dispatch_uid=f"cms-pages-{model.__name__}-{id(signal)}",
                )
