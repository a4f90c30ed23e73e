"""Who may do what with a certificate: one helper per question."""

from accounts.access import is_coordinator


def can_download(user, certificate) -> bool:
    """The PDF is private: its holder and the coordinators only."""
    return user.is_authenticated and (certificate.holder_id == user.pk or is_coordinator(user))


def can_manage(user) -> bool:
    return is_coordinator(user)
