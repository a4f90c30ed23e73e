"""What each role may do with cohorts (merged by accounts.roles after migrate)."""

from accounts.roles import COORDINATOR, FACILITATOR

ROLE_PERMISSIONS = {
    COORDINATOR: [
        *(
            f"cohorts.{action}_{model}"
            for model in ("cohort", "session", "venue", "team", "enrolment")
            for action in ("add", "change", "view")
        ),
        "cohorts.delete_session",
        # public holidays, warned about when scheduling (issue 13)
        *(f"cohorts.{action}_publicholiday" for action in ("add", "change", "delete", "view")),
    ],
    FACILITATOR: [
        "cohorts.view_cohort",
        "cohorts.view_session",
        "cohorts.view_venue",
        "cohorts.view_team",
        "cohorts.view_enrolment",
    ],
}
