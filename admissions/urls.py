from django.urls import path

from admissions import views

app_name = "admissions"

urlpatterns = [
    path("apply/<int:pk>/", views.apply, name="apply"),
    path("apply/sent/", views.sent, name="sent"),
    path("apply/status/", views.status, name="status"),
    path("apply/status/withdraw/", views.withdraw, name="withdraw"),
]
