"""Writes: issue, render, revoke, reissue, batches, email. Every rule is decided here.

Split by concept; import from here (`from certificates import services`).
"""

from certificates.services.batches import (
    batch_enqueue,
    batch_finish_if_done,
    batch_resume_after_restart,
    batch_start,
    batch_start_one,
    batch_sweep,
    item_claim,
    item_process,
    items_process,
)
from certificates.services.changes import (
    certificate_reissue,
    certificate_revoke,
    certificate_set_public_pdf,
)
from certificates.services.delivery import (
    EMAIL_GIVE_UP_AFTER,
    EMAIL_STALE_AFTER,
    certificate_email,
    certificate_email_enqueue,
    certificates_email_stale,
)
from certificates.services.errors import CertificateError, NotEligible
from certificates.services.issuing import (
    certificate_issue,
    certificates_issue_eligible,
    certificates_issue_for,
    completion_date,
)
from certificates.services.pdf_files import (
    certificate_pdf_bytes,
    certificate_render_pdf,
    certificate_store_pdf,
)
from certificates.services.templates import (
    cohort_template_set,
    design_snapshot,
    template_default,
    template_delete,
    template_for,
    template_in_use_message,
)

__all__ = [
    "EMAIL_GIVE_UP_AFTER",
    "EMAIL_STALE_AFTER",
    "CertificateError",
    "NotEligible",
    "batch_enqueue",
    "batch_finish_if_done",
    "batch_resume_after_restart",
    "batch_start",
    "batch_start_one",
    "batch_sweep",
    "certificate_email",
    "certificate_email_enqueue",
    "certificate_issue",
    "certificate_pdf_bytes",
    "certificate_reissue",
    "certificate_render_pdf",
    "certificate_revoke",
    "certificate_set_public_pdf",
    "certificate_store_pdf",
    "certificates_email_stale",
    "certificates_issue_eligible",
    "certificates_issue_for",
    "cohort_template_set",
    "completion_date",
    "design_snapshot",
    "item_claim",
    "item_process",
    "items_process",
    "template_default",
    "template_delete",
    "template_for",
    "template_in_use_message",
]
