"""What each role may do with certificates (merged by accounts.roles after migrate)."""

from accounts.roles import COORDINATOR, model_permissions

# Issue, revoke and reissue go through the admin screens and services.
ROLE_PERMISSIONS = {
    COORDINATOR: [
        *model_permissions("certificates", "certificatetemplate"),
        "certificates.view_certificate",
        "certificates.change_certificate",
        "certificates.view_issuancebatch",
        "certificates.view_verificationlookup",
    ],
}
