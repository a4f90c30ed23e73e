from django.urls import path

from rights import admin_views

app_name = "rights_admin"
urlpatterns = [
    path("erasures/", admin_views.erasure_list, name="erasures"),
    path("erasures/<int:pk>/", admin_views.erasure_detail, name="erasure"),
    path("access-log/", admin_views.access_log, name="access_log"),
]
