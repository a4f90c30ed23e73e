"""The learner's attendance on /me/: standing against the rule, and each session's status."""

from attendance.selectors import my_attendance


def attendance_panel(request):
    if not request.user.is_authenticated:
        return None
    mine = my_attendance(request.user)
    if not mine:
        return None
    return {"template": "attendance/me_panel.html", "attendance": mine}
