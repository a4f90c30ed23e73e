from django.urls import path

from learning import views

app_name = "learning"

urlpatterns = [
    path("me/materials/<int:pk>/", views.material_open, name="material"),
    path("me/announcements/", views.announcement_list, name="announcements"),
    path("me/announcements/<int:pk>/", views.announcement_detail, name="announcement"),
    path("me/announcements/<int:pk>/attachment/", views.announcement_attachment, name="attachment"),
]
