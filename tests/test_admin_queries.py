"""Every admin list runs the same number of queries for 1 row as for many (issue 8, item 5):
a row's __str__ or a list filter's choices must not query per row."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import ApiToken
from accounts.services import token_create
from exercises.models import Draft, Exercise, Progress, Submission
from grader.models import ExerciseValidation
from lessons.models import Course, Lesson, LessonCompletion, LessonRun, Stage
from tests.factories import (
    CourseFactory,
    ExerciseFactory,
    LessonFactory,
    StageFactory,
    SubmissionFactory,
    UserFactory,
)
from tests.lessons.web import make_staff, web_settings  # noqa: F401

pytestmark = pytest.mark.django_db

MANY = 6


def _attempt(model, n):
    fields = {
        "username": f"user{n}",
        "ip_address": f"203.0.113.{n}",
        "user_agent": "test",
        "path_info": "/accounts/login/",
    }
    if model is AccessAttempt:
        fields |= {"get_data": "", "post_data": "", "http_accept": "", "failures_since_start": 1}
    if model is AccessLog:
        fields |= {"http_accept": ""}
    if model is AccessFailureLog:
        fields |= {"http_accept": "", "locked_out": False}
    return model.objects.create(**fields)


# One new row per call, each with its own related rows (course, stage, learner, ...), so
# that a query per related object shows up as a count that grows with the rows.
ROWS = {
    Group: lambda n: Group.objects.create(name=f"group {n}"),
    UserFactory._meta.model: lambda n: UserFactory(),
    ApiToken: lambda n: token_create(user=UserFactory(), name=f"t{n}")[0],
    Course: lambda n: CourseFactory(),
    Stage: lambda n: StageFactory(),
    Lesson: lambda n: LessonFactory(),
    LessonCompletion: lambda n: LessonCompletion.objects.create(
        learner=UserFactory(), lesson=LessonFactory()
    ),
    Exercise: lambda n: ExerciseFactory(lesson=LessonFactory()),
    Submission: lambda n: SubmissionFactory(),
    Progress: lambda n: Progress.objects.create(
        learner=UserFactory(), exercise=ExerciseFactory(), attempts=1, best_score=0.5
    ),
    Draft: lambda n: Draft.objects.create(
        learner=UserFactory(), exercise=ExerciseFactory(), source_code="x = 1"
    ),
    LessonRun: lambda n: LessonRun.objects.create(
        learner=UserFactory(), lesson=LessonFactory(), block=1, source="print(1)"
    ),
    ExerciseValidation: lambda n: ExerciseValidation.objects.create(
        exercise=ExerciseFactory(), requested_by=UserFactory()
    ),
    AccessAttempt: lambda n: _attempt(AccessAttempt, n),
    AccessLog: lambda n: _attempt(AccessLog, n),
    AccessFailureLog: lambda n: _attempt(AccessFailureLog, n),
}
MODELS = list(admin.site._registry)


def test_every_registered_admin_list_is_covered():
    assert set(MODELS) == set(ROWS)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_an_admin_list_runs_as_many_queries_for_many_rows_as_for_one(client, model):
    client.force_login(make_staff())
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    ROWS[model](0)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    one = count()
    for n in range(1, MANY):
        ROWS[model](n)
    many = count()

    assert model._default_manager.count() >= MANY
    assert many == one, f"{model._meta.label}: {one} queries for 1 row, {many} for {MANY}"


def test_the_lists_show_the_rows_they_count(client):
    # Guards the test above: a list that shows nothing would count constant queries too.
    client.force_login(make_staff())
    exercise = ExerciseFactory(title="Visible exercise", stage__course__slug="shown-course")

    html = client.get(reverse("admin:exercises_exercise_changelist")).content.decode()

    assert "Visible exercise" in html and "shown-course/" in html
    assert exercise.stage.course.slug == "shown-course"
