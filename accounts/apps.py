from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from django.db.models.signals import post_delete, post_save

        from accounts.models import PrivacyNotice
        from accounts.personal_data import register
        from accounts.privacy import forget_notice_in_force
        from accounts.profile_data import profile_erase, profile_export
        from accounts.roles import PLATFORM_PERMISSIONS, register_role_permissions, sync_roles

        register_role_permissions(PLATFORM_PERMISSIONS)
        register("profile", export=profile_export, erase=profile_erase, order=1000)
        post_migrate.connect(sync_roles, dispatch_uid="accounts.sync_roles")
        for signal in (post_save, post_delete):
            signal.connect(forget_notice_in_force, sender=PrivacyNotice, dispatch_uid="privacy")


class UsersAdminConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the profile fields coordinators need to edit."""

    default = False
    user_viewset = "accounts.viewsets.UserViewSet"
