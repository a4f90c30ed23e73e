from django.urls import path

from alumni import views

app_name = "alumni"

urlpatterns = [
    path("directory/", views.directory, name="directory"),
    path("directory/people/<int:user_id>.vcf", views.vcard, name="vcard"),
    path("directory/people/<int:user_id>/photo/", views.photo, name="photo"),
    path("directory/<slug:slug>/", views.cohort_directory, name="cohort"),
    path("directory/<slug:slug>/book.pdf", views.book, name="book"),
]
