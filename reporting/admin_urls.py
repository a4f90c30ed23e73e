"""Reporting's admin screens (mounted under /admin/reporting/ by wagtail_hooks.py)."""

from django.urls import path

from reporting import admin_views as views

app_name = "reporting_admin"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("dashboard.xlsx", views.dashboard_xlsx, name="dashboard_xlsx"),
    path("report.pdf", views.dashboard_pdf, name="dashboard_pdf"),
]
