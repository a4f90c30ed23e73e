"""Who may do what with a certificate: one helper per question."""

from accounts.access import is_coordinator


def can_download(user, certificate) -> bool:
    """The PDF: anyone when its holder made it public, else its holder and the coordinators."""
    if certificate.pdf_is_public:
        return True
    return user.is_authenticated and (certificate.holder_id == user.pk or is_coordinator(user))


def can_choose_public_pdf(user, certificate) -> bool:
    """Only the holder decides whether employers may download their PDF."""
    return user.is_authenticated and certificate.holder_id == user.pk


def can_manage(user) -> bool:
    return is_coordinator(user)
