from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from accounts.portal import register_panel
        from certificates.portal import certificate_panel

        register_panel(certificate_panel, order=90)
