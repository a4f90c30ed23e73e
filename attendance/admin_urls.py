from django.urls import path

from attendance import admin_views as views

app_name = "attendance_admin"

urlpatterns = [
    path("", views.index, name="index"),
    path("session/<int:pk>/", views.grid, name="grid"),
    path("session/<int:pk>/mark/", views.mark, name="mark"),
    path("session/<int:pk>/statuses/", views.statuses, name="statuses"),
    path("session/<int:pk>/row/<int:enrolment>/", views.grid_row, name="grid_row"),
    path("session/<int:pk>/close/", views.close_day, name="close_day"),
    path("session/<int:pk>/projector/", views.projector, name="projector"),
    path("session/<int:pk>/projector/code/", views.projector_code, name="projector_code"),
    path("session/<int:pk>/import/", views.import_file, name="import"),
    path("session/<int:pk>/sign-in.pdf", views.sign_in_sheet, name="sign_in_sheet"),
    path("record/<int:pk>/", views.record, name="record"),
    path("record/<int:pk>/document/", views.excuse_document, name="excuse_document"),
    path("cohort/<int:pk>/", views.matrix, name="matrix"),
    path("cohort/<int:pk>/attendance.xlsx", views.matrix_export_xlsx, name="matrix_xlsx"),
]
