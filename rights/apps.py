from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RightsConfig(AppConfig):
    """The person's rights over their data: a copy, erasure, retention, the access log."""

    default = True
    name = "rights"
    verbose_name = _("Personal data")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from accounts.personal_data import register
        from rights.retention import register_retention
        from rights.services import data_exports_erase, exports_expire

        register("data_exports", erase=data_exports_erase, order=900)
        register_retention("data_exports", lambda now: exports_expire(now=now))
