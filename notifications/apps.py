from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notification channels")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from accounts.personal_data import register as register_personal_data
        from core.stuck import register_stuck_kind
        from notifications.personal_data import notifications_erase, notifications_export
        from notifications.stuck import LINE_MESSAGES_STUCK

        register_stuck_kind(LINE_MESSAGES_STUCK)
        register_personal_data(
            "notifications", export=notifications_export, erase=notifications_erase, order=60
        )
