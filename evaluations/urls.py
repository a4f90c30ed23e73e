from django.urls import path

from evaluations import views

app_name = "evaluations"

urlpatterns = [
    path("me/evaluations/<int:pk>/", views.answer, name="answer"),
]
