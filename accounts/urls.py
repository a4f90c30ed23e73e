from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("me/", views.me, name="me"),
    path("me/profile/", views.profile, name="profile"),
    path("me/privacy/", views.privacy, name="privacy"),
    path("me/privacy/accept/", views.privacy_accept, name="privacy_accept"),
]
