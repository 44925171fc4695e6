"""The "Course authors" group (a data migration): exactly the permissions to write courses."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from grader.models import ExerciseValidation
from tests.factories import ExerciseFactory, LessonFactory
from tests.lessons.web import make_user, web_settings  # noqa: F401

pytestmark = pytest.mark.django_db

WRITE = {"add", "change", "delete", "view"}
EXPECTED = {
    f"{app}.{action}_{model}"
    for app, model in [
        ("lessons", "course"),
        ("lessons", "stage"),
        ("lessons", "lesson"),
        ("exercises", "exercise"),
        ("exercises", "knownwrongsolution"),
    ]
    for action in WRITE
} | {"grader.view_exercisevalidation"}


@pytest.fixture
def author_client():
    author = make_user(is_staff=True)
    author.groups.add(Group.objects.get(name="Course authors"))
    client = Client()
    client.force_login(author)
    return author, client


def test_the_group_holds_exactly_the_course_writing_permissions():
    group = Group.objects.get(name="Course authors")

    held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}

    assert held == EXPECTED


def test_a_course_author_writes_courses_and_nothing_else(author_client):
    author, client = author_client
    exercise, lesson = ExerciseFactory(), LessonFactory()

    allowed = [
        reverse("admin:lessons_course_add"),
        reverse("admin:lessons_stage_add"),
        reverse("admin:lessons_lesson_change", args=[lesson.pk]),
        reverse("admin:exercises_exercise_add"),
        reverse("admin:exercises_exercise_change", args=[exercise.pk]),
        reverse("admin:grader_exercisevalidation_changelist"),
    ]
    refused = [
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_group_changelist"),
        reverse("admin:accounts_apitoken_changelist"),
        reverse("admin:exercises_submission_changelist"),
        reverse("admin:exercises_draft_changelist"),
        reverse("admin:exercises_progress_changelist"),
    ]

    assert not author.is_superuser
    assert [client.get(url).status_code for url in allowed] == [200] * len(allowed)
    assert [client.get(url).status_code for url in refused] == [403] * len(refused)


def test_a_course_author_may_validate_an_exercise(
    author_client, django_capture_on_commit_callbacks
):
    _author, client = author_client
    exercise = ExerciseFactory()

    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(reverse("admin:exercises_exercise_validate", args=[exercise.pk]))

    assert response.status_code == 302
    assert ExerciseValidation.objects.filter(exercise=exercise).count() == 1


def test_a_staff_user_without_change_permission_cannot_validate():
    viewer = make_user(is_staff=True)
    viewer.user_permissions.add(
        *Group.objects.get(name="Course authors").permissions.filter(codename="view_exercise")
    )
    client = Client()
    client.force_login(viewer)
    exercise = ExerciseFactory()

    response = client.post(reverse("admin:exercises_exercise_validate", args=[exercise.pk]))
    client.post(
        reverse("admin:exercises_exercise_changelist"),
        {"action": "validate_selected", "_selected_action": [exercise.pk]},
    )

    assert response.status_code == 403
    assert not ExerciseValidation.objects.exists()
