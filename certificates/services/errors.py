"""What a refusal raises: CertificateError, or NotEligible with the completion rule's reasons."""

from collections.abc import Iterable

from django.utils.translation import gettext as _


class CertificateError(Exception):
    """A rule said no; the message is for the coordinator (translated)."""


class NotEligible(CertificateError):
    def __init__(self, reasons: Iterable[str]) -> None:
        self.reasons = list(reasons)
        super().__init__(
            _("This learner has not met the completion rule; give a reason to issue anyway.")
        )
