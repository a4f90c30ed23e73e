from django.urls import path

from accounts import admin_views

app_name = "accounts_admin"
urlpatterns = [
    path("", admin_views.stuck_work, name="stuck_work"),
    path("<slug:kind>/<int:pk>/retry/", admin_views.stuck_retry, name="stuck_retry"),
]
