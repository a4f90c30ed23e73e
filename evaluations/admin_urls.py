"""Evaluations' own admin screens (mounted under /admin/evaluations/ by wagtail_hooks.py)."""

from django.urls import path

from evaluations import admin_views as views

app_name = "evaluations_admin"

urlpatterns = [
    path("", views.index, name="index"),
    path("copy/", views.copy_from_template, name="copy"),
    path("results/<int:pk>/", views.results, name="results"),
    path("results/<int:pk>/remind/", views.remind, name="remind"),
    path("results/<int:pk>/results.xlsx", views.results_xlsx, name="results_xlsx"),
    path("results/<int:pk>/report.pdf", views.results_pdf, name="results_pdf"),
    path("cohort/<int:pk>/", views.cohort, name="cohort"),
    path("facilitator/<int:pk>/", views.facilitator, name="facilitator"),
]
