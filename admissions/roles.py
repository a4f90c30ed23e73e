"""What each role may do with admissions (merged by accounts.roles after migrate)."""

from accounts.roles import COORDINATOR, model_permissions

# Applications change only through the screening screens and services.
ROLE_PERMISSIONS = {
    COORDINATOR: [
        *model_permissions("admissions", "intake"),
        *model_permissions("admissions", "quota"),
        "admissions.view_application",
        "admissions.change_application",
    ],
}
