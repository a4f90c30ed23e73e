from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notification channels")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from core.stuck import register_stuck_kind
        from notifications.stuck import LINE_MESSAGES_STUCK

        register_stuck_kind(LINE_MESSAGES_STUCK)
