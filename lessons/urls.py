from django.urls import path

from lessons import run_views, views

app_name = "lessons"
urlpatterns = [
    path("", views.course_list, name="course_list"),
    path("courses/<slug:course_slug>/", views.course_detail, name="course_detail"),
    path(
        "courses/<slug:course_slug>/lessons/<slug:lesson_slug>/",
        views.lesson_detail,
        name="lesson_detail",
    ),
    path(
        "courses/<slug:course_slug>/lessons/<slug:lesson_slug>/completion/",
        views.lesson_completion,
        name="lesson_completion",
    ),
    # A lesson's Markdown links its images as figures/NAME, relative to the lesson's page.
    path(
        "courses/<slug:course_slug>/lessons/<slug:lesson_slug>/figures/<str:name>",
        views.lesson_figure,
        name="lesson_figure",
    ),
    # Running a lesson's code blocks (lessons/codeblocks.py): JSON for the page's script.
    path(
        "courses/<slug:course_slug>/lessons/<slug:lesson_slug>/runs/",
        run_views.lesson_run_create_view,
        name="lesson_run_create",
    ),
    path("lesson-runs/<int:pk>/", run_views.lesson_run_status, name="lesson_run_status"),
    path(
        "lesson-runs/<int:pk>/figures/<int:position>.png",
        run_views.lesson_run_figure,
        name="lesson_run_figure",
    ),
]
