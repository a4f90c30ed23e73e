"""Machine-readable documents at stable, language-neutral URLs."""

from django.urls import path

from certificates import views

app_name = "certificates_public"

urlpatterns = [
    path(".well-known/jwks.json", views.jwks, name="jwks"),
    path("credentials/keys/<str:kid>.json", views.public_key, name="key"),
    path("credentials/context/v1.json", views.credential_context, name="context"),
    path("credentials/issuer.json", views.issuer_profile, name="issuer"),
    path(
        "credentials/achievements/cohort-<int:cohort_number>.json",
        views.achievement,
        name="achievement",
    ),
    path(
        "credentials/achievements/cohort-<int:cohort_number>.<str:kind>",
        views.achievement_badge,
        name="achievement_badge",
    ),
    path("credentials/badge.<str:kind>", views.issuer_badge, name="issuer_badge"),
    path("credentials/status/revocation.jwt", views.status_list, name="status_list"),
    path("credentials/<str:verification_id>.jwt", views.credential_download, name="credential"),
]
