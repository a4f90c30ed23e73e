"""What each role may do with materials and announcements (merged by accounts.roles)."""

from accounts.roles import COORDINATOR, FACILITATOR, model_permissions

# Facilitators add and change materials of the sessions they facilitate (learning.access);
# announcements are the coordinators'.
ROLE_PERMISSIONS = {
    COORDINATOR: [
        *model_permissions("learning", "material"),
        *model_permissions("learning", "announcement"),
    ],
    FACILITATOR: [
        "learning.add_material",
        "learning.change_material",
        "learning.view_material",
    ],
}
