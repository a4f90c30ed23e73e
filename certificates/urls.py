"""Pages people read (inside i18n_patterns: Thai at /verify/, English at /en/verify/)."""

from django.urls import path

from certificates import views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify_index, name="verify"),
    path("verify/<str:code>/", views.verify_code, name="verify_code"),
    path("certificates/<str:verification_id>/pdf/", views.pdf_download, name="pdf"),
    path(
        "certificates/<str:verification_id>/public-pdf/",
        views.public_pdf_set,
        name="public_pdf",
    ),
]
