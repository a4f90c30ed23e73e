"""What each role may do with assignments (merged by accounts.roles after migrate)."""

from accounts.roles import COORDINATOR, FACILITATOR, model_permissions

# Submissions and reviews change only through the services.
ROLE_PERMISSIONS = {
    COORDINATOR: [
        *model_permissions("assignments", "assignment"),
        *model_permissions("assignments", "extension"),
        "assignments.view_submission",
    ],
    FACILITATOR: ["assignments.view_assignment"],
}
