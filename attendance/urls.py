from django.urls import path

from attendance import views

app_name = "attendance"

urlpatterns = [
    path("check-in/", views.check_in_by_code, name="check_in_by_code"),
    path("check-in/<str:token>/", views.check_in, name="check_in"),
]
