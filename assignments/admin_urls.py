"""Assignments' own admin screens. They act on the Assignments listing, so the
AssignmentViewSet serves them in its namespace: assignment_admin:copy at
/admin/assignments/copy/ (wagtail_hooks.py, AssignmentViewSet.get_urlpatterns)."""

from django.urls import path

from assignments import admin_views as views

urlpatterns = [path("copy/", views.copy_view, name="copy")]
