"""The learner's attendance on /me/: standing against the rule, and each session's status."""

from attendance.selectors import my_attendance
from cohorts.selectors import portal_completion, portal_enrolments, portal_sessions


def attendance_panel(request):
    enrolments = portal_enrolments(request)
    if not enrolments:
        return None
    # The completion check already computed each standing for this request: reuse it.
    standings = {
        pk: result.detail
        for pk, completion in portal_completion(request).items()
        for result in completion.results
        if result.name == "attendance" and result.detail is not None
    }
    mine = my_attendance(enrolments, portal_sessions(request), standings)
    return {"template": "attendance/me_panel.html", "attendance": mine}
