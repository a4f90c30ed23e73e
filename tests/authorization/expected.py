"""The declared answer of every URL for every role: the authorization matrix reads this.

Roles, in this order everywhere: anonymous, learner, other learner (another cohort),
facilitator (facilitates the learner's session, advises the learner's team), coordinator.
The objects each URL names belong to the learner (tests/authorization/world.py).

Our own URLs are declared one by one in OURS. Wagtail's own admin, allauth and Wagtail's
document and page serving are declared by prefix in GROUPS, with the reason; an answer
there may be AnyOf(...) where Wagtail decides per view from the permissions our roles grant.
A URL the resolver knows and neither declares fails test_every_url_is_declared.

POST: each role whose GET answer is a refusal is also POSTed, and must get the same answer
and change nothing; `post=` overrides that for views that only accept POST (GET says 405 to
everyone signed in), ALLOWED marking the roles that may (they are not POSTed).
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Redirect:
    to: str  # the path the Location header points at, `*` for an id (query string ignored)


@dataclass(frozen=True)
class AnyOf:
    answers: frozenset

    def __init__(self, *answers):
        object.__setattr__(self, "answers", frozenset(answers))


OK, DENIED, NOT_FOUND, NOT_ALLOWED, GONE, SERVER_ERROR = 200, 403, 404, 405, 410, 500
LOGIN = "login"  # 302 to the login page, with ?next= back here
TO_ADMIN = Redirect("/admin/")  # Wagtail's refusal (with a message); also where staff land
ALLOWED = None  # in post=: this role may POST; not tried, it would change things
REFUSALS = {LOGIN, DENIED, NOT_FOUND, TO_ADMIN, Redirect("/accounts/login/")}


@dataclass(frozen=True)
class E:
    answers: tuple
    post: tuple | None = None

    def __init__(self, *answers, post=None):
        assert len(answers) == 5, answers
        object.__setattr__(self, "answers", answers)
        object.__setattr__(self, "post", post)

    def posts(self) -> tuple:
        """Per role: the answer a POST must get, or ALLOWED (not POSTed)."""
        if self.post is not None:
            return self.post
        return tuple(a if _refused(a) else ALLOWED for a in self.answers)


def _refused(answer) -> bool:
    if isinstance(answer, AnyOf):
        return all(_refused(a) for a in answer.answers)
    return answer in REFUSALS


@dataclass(frozen=True)
class Group:
    prefix: str
    reason: str
    expect: E
    only: tuple = field(default=())  # routes the group is limited to, when not all the prefix


COORDINATOR_ONLY = E(LOGIN, DENIED, DENIED, TO_ADMIN, OK)
STAFF = E(LOGIN, DENIED, DENIED, OK, OK)
# POST only (GET says 405 to staff): the coordinator's action; a facilitator's POST is refused
COORDINATOR_POSTS = E(LOGIN, DENIED, DENIED, NOT_ALLOWED, NOT_ALLOWED,
                      post=(LOGIN, DENIED, DENIED, TO_ADMIN, ALLOWED))  # fmt: skip

OURS = {
    "healthz": E(OK, OK, OK, OK, OK),
    # LINE posts here, signed (tests/notifications/test_webhook.py); no channel here: 404.
    "line/webhook": E(
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        post=(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),  # fmt: skip
    "admin/login/": E(LOGIN, DENIED, DENIED, LOGIN, LOGIN),
    "admin/cohort-tools/<int:cohort_id>/generate/": COORDINATOR_ONLY,
    "admin/cohort-tools/<int:cohort_id>/invite/": COORDINATOR_ONLY,
    "admin/cohort-tools/<int:cohort_id>/import/": COORDINATOR_ONLY,
    "admin/cohort-tools/session/<int:session_id>/reschedule/": COORDINATOR_ONLY,
    "admin/cohort-tools/session/<int:session_id>/cancel/": COORDINATOR_ONLY,
    "admin/cohort-tools/session/<int:session_id>/reopen/": E(
        LOGIN, DENIED, DENIED, TO_ADMIN, Redirect("/admin/cohorts/sessions/")
    ),
    "admin/cohort-tools/enrolment/<int:enrolment_id>/withdraw/": COORDINATOR_ONLY,
    "admin/cohort-tools/enrolment/<int:enrolment_id>/transfer/": COORDINATOR_ONLY,
    "admin/attendance/": STAFF,
    "admin/attendance/session/<int:pk>/": STAFF,
    "admin/attendance/session/<int:pk>/mark/": E(LOGIN, DENIED, DENIED, NOT_ALLOWED, NOT_ALLOWED),
    "admin/attendance/session/<int:pk>/statuses/": STAFF,
    "admin/attendance/session/<int:pk>/row/<int:enrolment>/": STAFF,
    "admin/attendance/session/<int:pk>/close/": E(LOGIN, DENIED, DENIED, NOT_ALLOWED, NOT_ALLOWED),
    "admin/attendance/session/<int:pk>/projector/": STAFF,
    "admin/attendance/session/<int:pk>/projector/code/": STAFF,
    "admin/attendance/session/<int:pk>/import/": COORDINATOR_ONLY,
    "admin/attendance/session/<int:pk>/sign-in.pdf": STAFF,
    "admin/attendance/record/<int:pk>/": STAFF,
    "admin/attendance/record/<int:pk>/document/": STAFF,
    "admin/attendance/cohort/<int:pk>/": COORDINATOR_ONLY,
    "admin/attendance/cohort/<int:pk>/attendance.xlsx": COORDINATOR_ONLY,
    "admin/issued-certificates/": COORDINATOR_ONLY,
    "admin/issued-certificates/cohort/<int:cohort_id>/": COORDINATOR_ONLY,
    "admin/issued-certificates/cohort/<int:cohort_id>/issue/": COORDINATOR_POSTS,
    "admin/issued-certificates/cohort/<int:cohort_id>/template/": COORDINATOR_POSTS,
    "admin/issued-certificates/enrolment/<int:enrolment_id>/issue/": COORDINATOR_POSTS,
    "admin/issued-certificates/batch/<int:batch_id>/progress/": COORDINATOR_ONLY,
    "admin/issued-certificates/certificate/<int:certificate_id>/": COORDINATOR_ONLY,
    "admin/issued-certificates/certificate/<int:certificate_id>/<str:action>/": COORDINATOR_POSTS,
    "admin/issued-certificates/template/<int:template_id>/preview/": COORDINATOR_ONLY,
    "admin/issued-certificates/signatory/<int:signatory_id>/signature/": COORDINATOR_ONLY,
    "admin/snippets/cms/menuitem/": COORDINATOR_ONLY,
    "admin/snippets/cms/menuitem/results/": COORDINATOR_ONLY,
    "admin/snippets/cms/menuitem/add/": COORDINATOR_ONLY,
    "admin/snippets/cms/menuitem/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/cms/menuitem/delete/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/cms/menuitem/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/cms/menuitem/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/cms/menuitem/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/cms/menuitem/reorder/<int:pk>/": E(
        LOGIN, DENIED, DENIED, TO_ADMIN, NOT_ALLOWED
    ),
    "admin/snippets/cms/menuitem/copy/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/choose/cms/menuitem/": STAFF,
    "admin/snippets/choose/cms/menuitem/results/": STAFF,
    "admin/snippets/choose/cms/menuitem/chosen/<str:pk>/": STAFF,
    "admin/snippets/choose/cms/menuitem/chosen-multiple/": STAFF,
    "admin/snippets/choose/cms/menuitem/create/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/facilitator/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/facilitator/results/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/facilitator/add/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/facilitator/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/facilitator/delete/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/facilitator/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/facilitator/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/facilitator/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/facilitator/copy/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/choose/curriculum/facilitator/": STAFF,
    "admin/snippets/choose/curriculum/facilitator/results/": STAFF,
    "admin/snippets/choose/curriculum/facilitator/chosen/<str:pk>/": STAFF,
    "admin/snippets/choose/curriculum/facilitator/chosen-multiple/": STAFF,
    "admin/snippets/choose/curriculum/facilitator/create/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/partner/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/partner/results/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/partner/add/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/partner/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/partner/delete/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/partner/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/partner/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/partner/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/curriculum/partner/copy/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/choose/curriculum/partner/": STAFF,
    "admin/snippets/choose/curriculum/partner/results/": STAFF,
    "admin/snippets/choose/curriculum/partner/chosen/<str:pk>/": STAFF,
    "admin/snippets/choose/curriculum/partner/chosen-multiple/": STAFF,
    "admin/snippets/choose/curriculum/partner/create/": COORDINATOR_ONLY,
    "admin/snippets/cms/footertext/": COORDINATOR_ONLY,
    "admin/snippets/cms/footertext/results/": COORDINATOR_ONLY,
    "admin/snippets/cms/footertext/add/": COORDINATOR_ONLY,
    "admin/snippets/cms/footertext/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/cms/footertext/delete/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/cms/footertext/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/cms/footertext/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/cms/footertext/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/cms/footertext/copy/<int:pk>/": COORDINATOR_ONLY,
    "admin/snippets/choose/cms/footertext/": STAFF,
    "admin/snippets/choose/cms/footertext/results/": STAFF,
    "admin/snippets/choose/cms/footertext/chosen/<str:pk>/": STAFF,
    "admin/snippets/choose/cms/footertext/chosen-multiple/": STAFF,
    "admin/snippets/choose/cms/footertext/create/": COORDINATOR_ONLY,
    "admin/organisations/": STAFF,
    "admin/organisations/results/": STAFF,
    "admin/organisations/new/": COORDINATOR_ONLY,
    "admin/organisations/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/organisations/delete/<int:pk>/": COORDINATOR_ONLY,
    "admin/organisations/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/organisations/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/organisations/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/organisations/copy/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/cohorts/": STAFF,
    "admin/cohorts/cohorts/results/": STAFF,
    "admin/cohorts/cohorts/new/": COORDINATOR_ONLY,
    "admin/cohorts/cohorts/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/cohorts/delete/<int:pk>/": E(LOGIN, DENIED, DENIED, TO_ADMIN, TO_ADMIN),
    "admin/cohorts/cohorts/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/cohorts/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/cohorts/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/cohorts/inspect/<int:pk>/": STAFF,
    "admin/cohorts/sessions/": STAFF,
    "admin/cohorts/sessions/results/": STAFF,
    "admin/cohorts/sessions/new/": COORDINATOR_ONLY,
    "admin/cohorts/sessions/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/sessions/delete/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/sessions/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/sessions/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/sessions/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/sessions/inspect/<int:pk>/": STAFF,
    "admin/cohorts/enrolments/": STAFF,
    "admin/cohorts/enrolments/results/": STAFF,
    "admin/cohorts/enrolments/new/": COORDINATOR_ONLY,
    "admin/cohorts/enrolments/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/enrolments/delete/<int:pk>/": E(LOGIN, DENIED, DENIED, TO_ADMIN, TO_ADMIN),
    "admin/cohorts/enrolments/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/enrolments/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/enrolments/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/enrolments/inspect/<int:pk>/": STAFF,
    "admin/cohorts/teams/": STAFF,
    "admin/cohorts/teams/results/": STAFF,
    "admin/cohorts/teams/new/": COORDINATOR_ONLY,
    "admin/cohorts/teams/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/teams/delete/<int:pk>/": E(LOGIN, DENIED, DENIED, TO_ADMIN, TO_ADMIN),
    "admin/cohorts/teams/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/teams/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/teams/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/teams/inspect/<int:pk>/": STAFF,
    "admin/cohorts/venues/": STAFF,
    "admin/cohorts/venues/results/": STAFF,
    "admin/cohorts/venues/new/": COORDINATOR_ONLY,
    "admin/cohorts/venues/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/venues/delete/<int:pk>/": E(LOGIN, DENIED, DENIED, TO_ADMIN, TO_ADMIN),
    "admin/cohorts/venues/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/venues/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/venues/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/venues/copy/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/holidays/": COORDINATOR_ONLY,
    "admin/cohorts/holidays/results/": COORDINATOR_ONLY,
    "admin/cohorts/holidays/new/": COORDINATOR_ONLY,
    "admin/cohorts/holidays/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/holidays/delete/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/holidays/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/holidays/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/cohorts/holidays/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/completion_rules/": COORDINATOR_ONLY,
    "admin/completion_rules/results/": COORDINATOR_ONLY,
    "admin/completion_rules/new/": COORDINATOR_ONLY,
    "admin/completion_rules/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/completion_rules/delete/<int:pk>/": E(LOGIN, DENIED, DENIED, TO_ADMIN, TO_ADMIN),
    "admin/completion_rules/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/completion_rules/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/completion_rules/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/completion_rules/copy/<int:pk>/": COORDINATOR_ONLY,
    "admin/check_in_settings/": COORDINATOR_ONLY,
    "admin/check_in_settings/results/": COORDINATOR_ONLY,
    "admin/check_in_settings/new/": COORDINATOR_ONLY,
    "admin/check_in_settings/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/check_in_settings/delete/<int:pk>/": E(LOGIN, DENIED, DENIED, TO_ADMIN, TO_ADMIN),
    "admin/check_in_settings/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/check_in_settings/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/check_in_settings/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/check_in_settings/copy/<int:pk>/": COORDINATOR_ONLY,
    "admin/assignments/": STAFF,
    "admin/assignments/results/": STAFF,
    "admin/assignments/new/": COORDINATOR_ONLY,
    "admin/assignments/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/assignments/delete/<int:pk>/": COORDINATOR_ONLY,
    "admin/assignments/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/assignments/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/assignments/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/assignments/copy/<int:pk>/": COORDINATOR_ONLY,
    "admin/assignments/copy/": COORDINATOR_ONLY,
    "admin/assignment_extensions/": COORDINATOR_ONLY,
    "admin/assignment_extensions/results/": COORDINATOR_ONLY,
    "admin/assignment_extensions/new/": COORDINATOR_ONLY,
    "admin/assignment_extensions/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/assignment_extensions/delete/<int:pk>/": COORDINATOR_ONLY,
    "admin/assignment_extensions/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/assignment_extensions/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/assignment_extensions/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/assignment_extensions/copy/<int:pk>/": COORDINATOR_ONLY,
    "admin/assignment_submissions/": COORDINATOR_ONLY,
    "admin/assignment_submissions/results/": COORDINATOR_ONLY,
    "admin/assignment_submissions/new/": E(LOGIN, DENIED, DENIED, TO_ADMIN, TO_ADMIN),
    "admin/assignment_submissions/edit/<int:pk>/": E(LOGIN, DENIED, DENIED, TO_ADMIN, TO_ADMIN),
    "admin/assignment_submissions/delete/<int:pk>/": E(LOGIN, DENIED, DENIED, TO_ADMIN, TO_ADMIN),
    "admin/assignment_submissions/history/<int:pk>/": E(LOGIN, DENIED, DENIED, TO_ADMIN, TO_ADMIN),
    "admin/assignment_submissions/history-results/<int:pk>/": E(
        LOGIN, DENIED, DENIED, TO_ADMIN, TO_ADMIN
    ),
    "admin/assignment_submissions/usage/<int:pk>/": E(LOGIN, DENIED, DENIED, TO_ADMIN, TO_ADMIN),
    "admin/assignment_submissions/copy/<int:pk>/": E(LOGIN, DENIED, DENIED, TO_ADMIN, TO_ADMIN),
    "admin/stuck-work/": COORDINATOR_ONLY,
    "admin/privacy-notices/": COORDINATOR_ONLY,  # accounts.add_privacynotice
    "admin/privacy-notices/new/": COORDINATOR_ONLY,
    "admin/personal-data/erasures/": COORDINATOR_ONLY,
    "admin/personal-data/erasures/<int:pk>/": COORDINATOR_ONLY,
    "admin/personal-data/access-log/": COORDINATOR_ONLY,
    "admin/stuck-work/<slug:kind>/<int:pk>/retry/": COORDINATOR_POSTS,
    "admin/evaluations/": COORDINATOR_ONLY,
    "admin/evaluations/copy/": COORDINATOR_ONLY,
    "admin/evaluations/results/<int:pk>/": COORDINATOR_ONLY,
    "admin/evaluations/results/<int:pk>/remind/": COORDINATOR_POSTS,
    "admin/evaluations/results/<int:pk>/results.xlsx": COORDINATOR_ONLY,
    "admin/evaluations/results/<int:pk>/report.pdf": COORDINATOR_ONLY,
    "admin/evaluations/cohort/<int:pk>/": COORDINATOR_ONLY,
    "admin/evaluations/facilitator/<int:pk>/": COORDINATOR_ONLY,
    # the programme dashboard: coordinators and programme observers (tests/reporting)
    "admin/reporting/": COORDINATOR_ONLY,
    "admin/reporting/dashboard.xlsx": COORDINATOR_ONLY,
    "admin/reporting/report.pdf": COORDINATOR_ONLY,
    "admin/admissions/": COORDINATOR_ONLY,
    "admin/admissions/intake/<int:pk>/": COORDINATOR_ONLY,
    "admin/admissions/intake/<int:pk>/status/": COORDINATOR_POSTS,
    "admin/admissions/intake/<int:pk>/enrol/": COORDINATOR_ONLY,
    "admin/admissions/application/<int:pk>/": COORDINATOR_ONLY,
    "admin/admissions/application/<int:pk>/letter/": COORDINATOR_ONLY,
    "admin/admissions/intakes/": COORDINATOR_ONLY,
    "admin/admissions/intakes/results/": COORDINATOR_ONLY,
    "admin/admissions/intakes/new/": COORDINATOR_ONLY,
    "admin/admissions/intakes/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/admissions/intakes/delete/<int:pk>/": COORDINATOR_ONLY,
    "admin/admissions/intakes/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/admissions/intakes/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/admissions/intakes/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/admissions/intakes/copy/<int:pk>/": COORDINATOR_ONLY,
    "admin/evaluation/": COORDINATOR_ONLY,
    "admin/evaluation/results/": COORDINATOR_ONLY,
    "admin/evaluation/new/": COORDINATOR_ONLY,
    "admin/evaluation/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/evaluation/delete/<int:pk>/": COORDINATOR_ONLY,
    "admin/evaluation/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/evaluation/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/evaluation/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/evaluation/copy/<int:pk>/": COORDINATOR_ONLY,
    "admin/evaluationtemplate/": COORDINATOR_ONLY,
    "admin/evaluationtemplate/results/": COORDINATOR_ONLY,
    "admin/evaluationtemplate/new/": COORDINATOR_ONLY,
    "admin/evaluationtemplate/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/evaluationtemplate/delete/<int:pk>/": COORDINATOR_ONLY,
    "admin/evaluationtemplate/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/evaluationtemplate/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/evaluationtemplate/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/evaluationtemplate/copy/<int:pk>/": COORDINATOR_ONLY,
    # facilitators add and change the materials of the sessions they facilitate; only
    # coordinators delete (learning/roles.py, learning.access.teaches_material)
    "admin/materials/": STAFF,
    "admin/materials/results/": STAFF,
    "admin/materials/new/": STAFF,
    "admin/materials/edit/<int:pk>/": STAFF,
    "admin/materials/delete/<int:pk>/": COORDINATOR_ONLY,
    "admin/materials/history/<int:pk>/": STAFF,
    "admin/materials/history-results/<int:pk>/": STAFF,
    "admin/materials/usage/<int:pk>/": STAFF,
    "admin/materials/copy/<int:pk>/": STAFF,
    "admin/announcements/": COORDINATOR_ONLY,
    "admin/announcements/results/": COORDINATOR_ONLY,
    "admin/announcements/new/": COORDINATOR_ONLY,
    "admin/announcements/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/announcements/delete/<int:pk>/": COORDINATOR_ONLY,
    "admin/announcements/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/announcements/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/announcements/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/announcements/copy/<int:pk>/": COORDINATOR_ONLY,
    "admin/learning/material/<int:pk>/opens/": STAFF,  # the session's facilitators too
    "admin/learning/announcement/<int:pk>/reads/": COORDINATOR_ONLY,
    "admin/certificate_templates/": COORDINATOR_ONLY,
    "admin/certificate_templates/results/": COORDINATOR_ONLY,
    "admin/certificate_templates/new/": COORDINATOR_ONLY,
    "admin/certificate_templates/edit/<int:pk>/": COORDINATOR_ONLY,
    "admin/certificate_templates/delete/<int:pk>/": COORDINATOR_ONLY,
    "admin/certificate_templates/history/<int:pk>/": COORDINATOR_ONLY,
    "admin/certificate_templates/history-results/<int:pk>/": COORDINATOR_ONLY,
    "admin/certificate_templates/usage/<int:pk>/": COORDINATOR_ONLY,
    "admin/certificate_templates/copy/<int:pk>/": COORDINATOR_ONLY,
    "sitemap.xml": E(OK, OK, OK, OK, OK),
    "robots.txt": E(OK, OK, OK, OK, OK),
    "favicon.ico": E(*[Redirect("/static/img/favicon.svg")] * 5),
    "cohorts/<slug:slug>/calendar.ics": E(OK, OK, OK, OK, OK),
    "calendar/<str:token>.ics": E(OK, OK, OK, OK, OK),
    "calendar/reset/": E(
        LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED
    ),  # each their own feed
    "cohorts/<slug:slug>/attendance.csv": E(DENIED, DENIED, DENIED, DENIED, OK),
    "api/v1/openapi.json": E(OK, OK, OK, OK, OK),
    "api/v1/docs": E(OK, OK, OK, OK, OK),
    "api/v1/certificates/<code>": E(OK, OK, OK, OK, OK),
    "api/v1/": E(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ".well-known/jwks.json": E(OK, OK, OK, OK, OK),
    "credentials/keys/<str:kid>.json": E(OK, OK, OK, OK, OK),
    "credentials/context/v1.json": E(OK, OK, OK, OK, OK),
    "credentials/issuer.json": E(OK, OK, OK, OK, OK),
    "credentials/achievements/cohort-<int:cohort_number>.json": E(OK, OK, OK, OK, OK),
    "credentials/achievements/cohort-<int:cohort_number>.<str:kind>": E(OK, OK, OK, OK, OK),
    "credentials/badge.<str:kind>": E(OK, OK, OK, OK, OK),
    "credentials/status/revocation.jwt": E(OK, OK, OK, OK, OK),
    "credentials/<str:verification_id>.jwt": E(OK, OK, OK, OK, OK),
    "me/": E(LOGIN, OK, OK, OK, OK),
    "me/profile/": E(LOGIN, OK, OK, OK, OK),
    # Notification channels (issue 18 item 4): each person their own; no id in the address.
    # The matrix runs with no LINE channel configured: the LINE actions are not found.
    "me/notifications/": E(LOGIN, OK, OK, OK, OK),
    "me/notifications/line/code/": E(
        LOGIN,
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        post=(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),  # fmt: skip
    "me/notifications/line/unlink/": E(
        LOGIN,
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        post=(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),  # fmt: skip
    "me/data/": E(LOGIN, OK, OK, OK, OK),  # everyone signed in has rights over their data
    "me/data/export/": E(
        LOGIN,
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        post=(LOGIN, ALLOWED, ALLOWED, ALLOWED, ALLOWED),
    ),  # fmt: skip
    "me/data/erasure/": E(
        LOGIN,
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        post=(LOGIN, ALLOWED, ALLOWED, ALLOWED, ALLOWED),
    ),  # fmt: skip
    "me/data/exports/<uuid:token>/": E(LOGIN, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),  # theirs only
    "me/privacy/": E(LOGIN, OK, OK, OK, OK),  # each their own consents
    # With no notice published (the world has none) there is nothing to accept: back to /me/
    "me/privacy/accept/": E(
        LOGIN, Redirect("/me/"), Redirect("/me/"), Redirect("/me/"), Redirect("/me/")
    ),
    # The directory: each their own cohorts (the facilitator teaches the learner's), all for
    # coordinators; nobody outside a cohort reads its people (tests/alumni)
    "directory/": E(LOGIN, OK, OK, OK, OK),
    "directory/<slug:slug>/": E(LOGIN, OK, DENIED, OK, OK),
    "directory/<slug:slug>/book.pdf": E(LOGIN, OK, DENIED, OK, OK),
    "directory/people/<int:user_id>.vcf": E(LOGIN, OK, NOT_FOUND, OK, OK),  # the learner's card
    "directory/people/<int:user_id>/photo/": E(  # the learner has no photo
        LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND
    ),
    "search/": E(OK, OK, OK, OK, OK),
    "attendance/check-in/": E(LOGIN, OK, OK, OK, OK),
    "attendance/check-in/<str:token>/": E(  # a fresh token: the confirm page; only the
        LOGIN,
        OK,
        OK,
        OK,
        OK,
        post=(LOGIN, ALLOWED, DENIED, DENIED, DENIED),  # enrolled check in
    ),
    "events.ics": E(OK, OK, OK, OK, OK),  # every cohort's sessions ahead, public
    "me/sessions/<int:session_id>/": E(LOGIN, OK, DENIED, OK, OK),  # its facilitator too
    "me/materials/<int:pk>/": E(LOGIN, OK, DENIED, OK, OK),  # not public: the cohort's
    "me/announcements/": E(LOGIN, OK, OK, OK, OK),  # each their own
    "me/announcements/<int:pk>/": E(LOGIN, OK, DENIED, DENIED, OK),  # to the learner's cohort
    "me/announcements/<int:pk>/attachment/": E(LOGIN, OK, DENIED, DENIED, OK),
    "me/evaluations/<int:pk>/": E(  # only the cohort's learners answer, once
        LOGIN, OK, DENIED, DENIED, DENIED, post=(LOGIN, ALLOWED, DENIED, DENIED, DENIED)
    ),
    "me/assignments/": E(LOGIN, OK, OK, OK, OK),
    "me/assignments/<int:pk>/": E(LOGIN, OK, DENIED, DENIED, DENIED),
    "me/assignments/<int:pk>/submit/": E(
        LOGIN,
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        post=(LOGIN, ALLOWED, DENIED, DENIED, DENIED),
    ),
    "review/": STAFF,
    "review/<int:pk>/": STAFF,
    "review/<int:pk>/record/": E(
        LOGIN,
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        post=(LOGIN, DENIED, DENIED, ALLOWED, ALLOWED),
    ),
    "review/<int:pk>/showcase/": E(
        LOGIN,
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        NOT_ALLOWED,
        post=(LOGIN, DENIED, DENIED, DENIED, ALLOWED),
    ),
    "files/submissions/<int:pk>/": E(LOGIN, OK, DENIED, OK, OK),
    "files/reviews/<int:pk>/": E(LOGIN, OK, DENIED, OK, OK),
    # Applying needs no account: the same public answer for everyone.
    "apply/<int:pk>/": E(OK, OK, OK, OK, OK),
    "apply/sent/": E(OK, OK, OK, OK, OK),  # without a sent application: the status form
    "apply/status/": E(OK, OK, OK, OK, OK),
    "apply/status/withdraw/": E(  # code + email prove it; none given: 404, nothing changes
        *[NOT_ALLOWED] * 5, post=(NOT_FOUND,) * 5
    ),
    "verify/": E(OK, OK, OK, OK, OK),
    "verify/<str:code>/": E(OK, OK, OK, OK, OK),
    "certificates/<str:verification_id>/pdf/": E(LOGIN, OK, DENIED, DENIED, OK),
    "certificates/<str:verification_id>/public-pdf/": E(  # only the holder decides
        *[NOT_ALLOWED] * 5, post=(Redirect("/accounts/login/"), ALLOWED, DENIED, DENIED, DENIED)
    ),
}

# Wagtail's own admin: anonymous visitors go to log in, learners get our 403 admin door,
# staff get what Wagtail's own permission checks give them.
WAGTAIL = "Wagtail's own admin, permissions from accounts/roles.py; learners meet the admin door"
STAFF_BY_VIEW = AnyOf(OK, TO_ADMIN, NOT_FOUND, NOT_ALLOWED, Redirect("/admin/pages/*/history/"))
LOCALIZE = AnyOf(OK, TO_ADMIN, NOT_FOUND, NOT_ALLOWED, Redirect("/admin/pages/*/edit/"))
NO_STAFF = E(LOGIN, DENIED, DENIED, TO_ADMIN, TO_ADMIN)  # superusers only
SIGNED_IN = AnyOf(OK, NOT_FOUND, Redirect("/me/"), TO_ADMIN, Redirect("/accounts/reauthenticate/"),
                  Redirect("/accounts/password/change/"))  # fmt: skip

GROUPS = [
    Group("admin/users/", WAGTAIL + "; people are managed by superusers", NO_STAFF),
    Group("admin/groups/", WAGTAIL + "; roles are code (accounts/roles.py)", NO_STAFF),
    Group("admin/sites/", WAGTAIL, NO_STAFF),
    Group("admin/locales/", WAGTAIL, NO_STAFF),
    Group("admin/redirects/", WAGTAIL, NO_STAFF),
    Group("admin/snippets/", WAGTAIL, NO_STAFF, only=("admin/snippets/",)),
    Group(
        "admin/collections/", WAGTAIL, E(LOGIN, DENIED, DENIED, *[AnyOf(TO_ADMIN, NOT_FOUND)] * 2)
    ),
    Group("admin/workflows/", WAGTAIL, E(LOGIN, DENIED, DENIED, *[STAFF_BY_VIEW] * 2)),
    Group(
        "admin/pages/",
        WAGTAIL + "; only coordinators edit pages",
        E(
            LOGIN,
            DENIED,
            DENIED,
            STAFF_BY_VIEW,
            AnyOf(*STAFF_BY_VIEW.answers, Redirect("/admin/pages/*/history/")),
        ),
    ),
    Group("admin/reports/", WAGTAIL, E(LOGIN, DENIED, DENIED, *[AnyOf(OK, TO_ADMIN)] * 2)),
    Group("admin/documents/", WAGTAIL, E(LOGIN, DENIED, DENIED, *[STAFF_BY_VIEW] * 2)),
    Group("admin/images/", WAGTAIL, E(LOGIN, DENIED, DENIED, *[STAFF_BY_VIEW] * 2)),
    Group("admin/forms/", WAGTAIL, E(LOGIN, DENIED, DENIED, *[STAFF_BY_VIEW] * 2)),
    Group(
        "admin/localize/",
        "wagtail-localize's translation editor, reports and API; it checks Wagtail's page and"
        " snippet permissions per view, which only coordinators hold",
        E(LOGIN, DENIED, DENIED, *[LOCALIZE] * 2),
    ),
    Group(
        "admin/translation/",
        WAGTAIL + "; coordinators translate",
        E(LOGIN, DENIED, DENIED, TO_ADMIN, OK),
    ),
    Group(
        "admin/api/",
        WAGTAIL + " (the admin's own API)",
        E(LOGIN, DENIED, DENIED, *[STAFF_BY_VIEW] * 2),
    ),
    Group(
        "admin/settings/",
        WAGTAIL + "; no settings models are registered",
        E(LOGIN, DENIED, DENIED, NOT_FOUND, NOT_FOUND),
    ),
    Group("admin/choose-", WAGTAIL + " (choosers: page and link pickers)", STAFF),
    Group(
        "admin/tag-autocomplete/", WAGTAIL, E(LOGIN, DENIED, DENIED, *[AnyOf(OK, NOT_FOUND)] * 2)
    ),
    Group("admin/embeds/", WAGTAIL, STAFF),
    Group(
        "admin/editing-sessions/",
        WAGTAIL + " (POST only)",
        E(LOGIN, DENIED, DENIED, NOT_ALLOWED, NOT_ALLOWED),
    ),
    Group(
        "admin/bulk/",
        WAGTAIL + "; no bulk action for this model",
        E(LOGIN, DENIED, DENIED, NOT_FOUND, NOT_FOUND),
    ),
    Group(
        "admin/block-preview/",
        WAGTAIL + "; needs a block (and it takes GET only)",
        E(
            LOGIN,
            DENIED,
            DENIED,
            NOT_FOUND,
            NOT_FOUND,
            post=(LOGIN, DENIED, DENIED, NOT_ALLOWED, NOT_ALLOWED),
        ),
    ),
    Group("admin/account/", WAGTAIL + " (one's own account)", STAFF),
    Group("admin/dismissibles/", WAGTAIL + " (one's own dismissed hints)", STAFF),
    Group(
        "admin/logout/",
        WAGTAIL + " (POST only)",
        E(LOGIN, DENIED, DENIED, NOT_ALLOWED, NOT_ALLOWED),
    ),
    Group("admin/test404/", WAGTAIL + " (its 404 page, shown as a page)", STAFF),
    Group(
        "admin/failwhale/",
        WAGTAIL + " (raises on purpose, to show the 500 page)",
        E(LOGIN, DENIED, DENIED, SERVER_ERROR, SERVER_ERROR),
    ),
    Group("admin/sprite/", WAGTAIL + " (its icon sprite)", E(OK, DENIED, DENIED, OK, OK)),
    Group("admin/jsi18n/", WAGTAIL + " (its JavaScript catalogue)", E(OK, DENIED, DENIED, OK, OK)),
    Group(
        "admin/password_reset/",
        WAGTAIL + "; switched off: allauth resets passwords",
        E(NOT_FOUND, DENIED, DENIED, NOT_FOUND, NOT_FOUND),
    ),
    Group(
        "admin/",
        WAGTAIL + " (its home, and its catch-all 404)",
        E(LOGIN, DENIED, DENIED, *[AnyOf(OK, NOT_FOUND)] * 2),
        only=("admin/", "admin/^.*/$"),
    ),
    Group(
        "accounts/",
        "allauth: log in, sign up, reset for anyone; one's own account signed in",
        E(
            AnyOf(
                OK,
                LOGIN,
                Redirect("/"),
                Redirect("/accounts/login/"),
                Redirect("/accounts/login/code/"),
            ),
            *[SIGNED_IN] * 4,
        ),
    ),  # fmt: skip
    Group(
        "documents/",
        "Wagtail's document serving: public documents; collection privacy decides",
        E(*[AnyOf(OK, NOT_FOUND)] * 5),
    ),
    Group(
        "_util/",
        "Wagtail's page privacy forms (none is set: 404) and its login",
        E(*[AnyOf(OK, NOT_FOUND)] * 5),
    ),
    Group(
        "^((?:[^/]+/)*(?:[^/]+\\.pdf)?)$",
        "Wagtail serves the published site pages (Thai addresses, a brochure's .pdf) to everyone",
        E(*[OK] * 5),
    ),
]
