from django.urls import path

from accounts import admin_views

app_name = "accounts_privacy"
urlpatterns = [
    path("", admin_views.privacy_notices, name="index"),
    path("new/", admin_views.privacy_notice_new, name="new"),
]
