"""The coordinator tools behind the cohort, session and enrolment listings' buttons.

Mounted at /admin/cohort-tools/ by wagtail_hooks.py. The names carry no namespace
(cohorts_admin_*), as they always have: the listings and templates use them.
"""

from django.urls import path

from cohorts import admin_views as views

urlpatterns = [
    path("<int:cohort_id>/generate/", views.generate_sessions, name="cohorts_admin_generate"),
    path("<int:cohort_id>/invite/", views.invite_person, name="cohorts_admin_invite"),
    path("<int:cohort_id>/import/", views.import_people, name="cohorts_admin_import"),
    path(
        "session/<int:session_id>/reschedule/",
        views.reschedule_session,
        name="cohorts_admin_reschedule",
    ),
    path("session/<int:session_id>/cancel/", views.cancel_session, name="cohorts_admin_cancel"),
    path("session/<int:session_id>/reopen/", views.reopen_session, name="cohorts_admin_reopen"),
    path(
        "enrolment/<int:enrolment_id>/withdraw/",
        views.withdraw_enrolment,
        name="cohorts_admin_withdraw",
    ),
    path(
        "enrolment/<int:enrolment_id>/transfer/",
        views.transfer_enrolment,
        name="cohorts_admin_transfer",
    ),
]
