from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from celery.signals import worker_init, worker_ready

        from accounts.roles import register_role_permissions
        from certificates.roles import ROLE_PERMISSIONS
        from certificates.stuck import ISSUANCE_ITEMS
        from core.stuck import register_stuck_kind

        register_role_permissions(ROLE_PERMISSIONS)
        register_stuck_kind(ISSUANCE_ITEMS)
        from accounts.personal_data import register as register_personal_data
        from accounts.portal import register_panel
        from certificates import checks  # noqa: F401  (registers the system checks)
        from certificates.personal_data import certificates_export, lookup_details_fold
        from certificates.portal import certificate_panel
        from certificates.tasks import (
            preload_pdf_stack,
            requeue_on_broker_reconnected,
            resume_batches_on_worker_ready,
        )
        from core.queue import broker_reconnected
        from rights.retention import register_retention

        register_panel(certificate_panel, order=90)
        register_personal_data("certificates", export=certificates_export, order=70)
        register_retention("lookup_details", lookup_details_fold)
        worker_ready.connect(resume_batches_on_worker_ready, dispatch_uid="certificates.resume")
        broker_reconnected.connect(requeue_on_broker_reconnected, dispatch_uid="certificates.again")
        worker_init.connect(preload_pdf_stack, dispatch_uid="certificates.preload")
