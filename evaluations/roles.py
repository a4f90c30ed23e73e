"""What each role may do with evaluations (merged by accounts.roles after migrate)."""

from accounts.roles import COORDINATOR, model_permissions

# Responses and the answered ledger change only through the services, never the admin.
ROLE_PERMISSIONS = {
    COORDINATOR: [
        *model_permissions("evaluations", "evaluationtemplate"),
        *model_permissions("evaluations", "evaluation"),
    ],
}
