"""What each role may do with the site chrome (merged by accounts.roles after migrate)."""

from accounts.roles import COORDINATOR, model_permissions

ROLE_PERMISSIONS = {
    COORDINATOR: [*model_permissions("cms", "menuitem"), *model_permissions("cms", "footertext")],
}
