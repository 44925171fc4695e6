from django.urls import path

from lessons import views

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
]
