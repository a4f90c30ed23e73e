from django.urls import path

from assignments import views

app_name = "assignments"

urlpatterns = [
    path("me/assignments/", views.my_assignments, name="mine"),
    path("me/assignments/<int:pk>/", views.assignment_detail, name="detail"),
    path("me/assignments/<int:pk>/submit/", views.assignment_submit, name="submit"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/<int:pk>/", views.review_detail, name="review"),
    path("review/<int:pk>/record/", views.review_submit, name="review_submit"),
    path("review/<int:pk>/showcase/", views.showcase_publish, name="showcase_publish"),
    path("files/submissions/<int:pk>/", views.version_file_download, name="version_file"),
    path("files/reviews/<int:pk>/", views.review_file_download, name="review_file"),
]
