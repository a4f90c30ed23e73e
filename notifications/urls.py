from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("me/notifications/", views.preferences, name="preferences"),
    path("me/notifications/line/code/", views.line_code, name="line_code"),
    path("me/notifications/line/unlink/", views.line_unlink, name="line_unlink"),
]
