from django.urls import path

from rights import views

app_name = "rights"

urlpatterns = [
    path("me/data/", views.my_data, name="my_data"),
    path("me/data/export/", views.export_request, name="export_request"),
    path("me/data/erasure/", views.erasure_request, name="erasure_request"),
    path("me/data/exports/<uuid:token>/", views.download, name="download"),
]
