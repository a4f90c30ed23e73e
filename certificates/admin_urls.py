"""The coordinator's certificate screens, mounted at /admin/issued-certificates/."""

from django.urls import path

from certificates import admin_views as views

app_name = "certificates_admin"

urlpatterns = [
    path("", views.index, name="index"),
    path("cohort/<int:cohort_id>/", views.cohort_detail, name="cohort"),
    path("cohort/<int:cohort_id>/issue/", views.cohort_issue, name="cohort_issue"),
    path("cohort/<int:cohort_id>/template/", views.cohort_template, name="cohort_template"),
    path("enrolment/<int:enrolment_id>/issue/", views.enrolment_issue, name="enrolment_issue"),
    path("batch/<int:batch_id>/progress/", views.batch_progress, name="batch_progress"),
    path("certificate/<int:certificate_id>/", views.certificate_detail, name="certificate"),
    path(
        "certificate/<int:certificate_id>/<str:action>/",
        views.certificate_change,
        name="certificate_change",
    ),
    path("template/<int:template_id>/preview/", views.template_preview, name="template_preview"),
    path("signatory/<int:signatory_id>/signature/", views.signatory_signature, name="signature"),
]
