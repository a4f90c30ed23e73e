"""The learner's pages of cohorts under /me/ (language-prefixed, inside i18n_patterns)."""

from django.urls import path

from cohorts import views

app_name = "cohorts_me"

urlpatterns = [
    path("me/sessions/<int:session_id>/", views.session_page, name="session"),
]
