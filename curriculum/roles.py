"""What each role may do with curriculum snippets (merged by accounts.roles after migrate)."""

from accounts.roles import COORDINATOR, model_permissions

ROLE_PERMISSIONS = {
    COORDINATOR: [
        *model_permissions("curriculum", "facilitator"),
        *model_permissions("curriculum", "partner"),
    ],
}
