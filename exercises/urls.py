from django.urls import path

from exercises import views

app_name = "exercises"
# Fixed paths come before `<slug>/`: an exercise cannot be called "progress" or "gradebook".
urlpatterns = [
    path("progress/", views.progress, name="progress"),
    path("gradebook/", views.gradebook_index, name="gradebook_index"),
    path("gradebook/<slug:course_slug>/", views.gradebook, name="gradebook"),
    path("gradebook/<slug:course_slug>/export.csv", views.gradebook_csv, name="gradebook_csv"),
    path("submissions/<int:pk>/", views.submission_detail, name="submission_detail"),
    path("submissions/<int:pk>/status.json", views.submission_status, name="submission_status"),
    path("<slug:slug>/", views.exercise_detail, name="exercise_detail"),
    path("<slug:slug>/submissions/", views.submission_list, name="submission_list"),
    path("<slug:slug>/submit/", views.submission_create, name="submission_create"),
    path("<slug:slug>/draft/", views.draft_autosave, name="draft_autosave"),
]
