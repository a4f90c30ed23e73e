"""Language-neutral calendar URLs (included outside i18n_patterns)."""

from django.urls import path

from cohorts import views

app_name = "cohorts"

urlpatterns = [
    path("cohorts/<slug:slug>/calendar.ics", views.cohort_feed, name="cohort_feed"),
    path("events.ics", views.events_feed, name="events_feed"),
    path("calendar/<str:token>.ics", views.personal_feed, name="personal_feed"),
    path("calendar/reset/", views.reset_feed, name="reset_feed"),
]
