from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlumniConfig(AppConfig):
    default = True
    name = "alumni"
    verbose_name = _("Alumni directory")

    def ready(self):
        # Imported here, not at the top: registries and models exist only once apps are ready.
        from accounts.portal import register_panel
        from alumni.portal import directory_panel

        register_panel(directory_panel, order=95)
