"""What each role may do with attendance (merged by accounts.roles after migrate)."""

from accounts.roles import COORDINATOR, FACILITATOR

ROLE_PERMISSIONS = {
    COORDINATOR: [
        *(
            f"attendance.{action}_{model}"
            for model in ("attendancerecord", "completionrule", "checkinsettings")
            for action in ("add", "change", "view")
        ),
        "attendance.view_attendancechange",
    ],
    # Marking is limited to their own sessions in attendance.access.
    FACILITATOR: [
        "attendance.add_attendancerecord",
        "attendance.change_attendancerecord",
        "attendance.view_attendancerecord",
    ],
}
