from django.urls import path

from learning import admin_views as views

app_name = "learning_admin"

urlpatterns = [
    path("material/<int:pk>/opens/", views.material_uptake, name="material_uptake"),
    path("announcement/<int:pk>/reads/", views.announcement_uptake, name="announcement_uptake"),
]
