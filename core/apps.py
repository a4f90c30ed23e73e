from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.apps import apps

        from core.admin_dates import register_buddhist_era_widgets
        from core.csp import nonce_chooser_scripts
        from core.exports import neutralise_wagtail_exports
        from core.schedules import ensure_periodic_jobs

        nonce_chooser_scripts()
        neutralise_wagtail_exports()
        register_buddhist_era_widgets()

        if apps.is_installed("django_celery_beat"):
            # Sent once per migrate for beat's own app, after every migration has run.
            beat = apps.get_app_config("django_celery_beat")
            post_migrate.connect(ensure_periodic_jobs, sender=beat, dispatch_uid="core.schedules")
