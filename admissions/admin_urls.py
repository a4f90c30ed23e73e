"""Admissions' screening screens (mounted under /admin/admissions/ by wagtail_hooks.py)."""

from django.urls import path

from admissions import admin_views as views

app_name = "admissions_admin"

urlpatterns = [
    path("", views.index, name="index"),
    path("intake/<int:pk>/", views.screening, name="screening"),
    path("intake/<int:pk>/status/", views.bulk_status, name="bulk_status"),
    path("intake/<int:pk>/enrol/", views.enrol, name="enrol"),
    path("application/<int:pk>/", views.application, name="application"),
    path("application/<int:pk>/letter/", views.letter, name="letter"),
]
