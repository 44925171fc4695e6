"""One's own progress, per course, stage and exercise."""

import pytest
from django.utils import timezone

from exercises.models import Exercise, Progress
from lessons.models import Lesson
from lessons.services import lesson_complete

pytestmark = pytest.mark.django_db


def test_progress_per_stage_and_exercise_counts_only_ones_own(course, api, api_user, other_learner):
    double = Exercise.objects.get(slug="double")
    Progress.objects.create(
        learner=api_user,
        exercise=double,
        attempts=2,
        best_score=1.0,
        solved_at=timezone.now(),
        last_attempt_at=timezone.now(),
    )
    Progress.objects.create(
        learner=other_learner,
        exercise=Exercise.objects.get(slug="total"),
        attempts=1,
        best_score=1.0,
        solved_at=timezone.now(),
    )
    lesson_complete(learner=api_user, lesson=Lesson.objects.get(slug="arrays"))
    lesson_complete(learner=other_learner, lesson=Lesson.objects.get(slug="reductions"))

    body = api.get("/api/progress/").json()

    (course_entry,) = body["courses"]
    basics, more = course_entry["stages"]
    assert (basics["lessons_total"], basics["lessons_completed"]) == (2, 1)
    assert (basics["exercises_total"], basics["exercises_solved"]) == (1, 1)
    assert basics["exercises"][0] | {"solved_at": None, "last_attempt_at": None} == {
        "slug": "double",
        "title": "Double every entry",
        "attempts": 2,
        "best_score": 1.0,
        "solved": True,
        "solved_at": None,
        "last_attempt_at": None,
    }
    assert (more["lessons_completed"], more["exercises_solved"]) == (0, 0)
    assert more["exercises"][0]["best_score"] is None


def test_unpublished_content_is_not_counted(course, api):
    Exercise.objects.filter(slug="total").update(is_published=False)
    Lesson.objects.filter(slug="reductions").update(is_published=False)

    more = api.get("/api/progress/").json()["courses"][0]["stages"][1]

    assert (more["lessons_total"], more["exercises_total"], more["exercises"]) == (0, 0, [])


def test_progress_of_one_course(course, api):
    assert [c["slug"] for c in api.get("/api/progress/?course=mini").json()["courses"]] == ["mini"]

    response = api.get("/api/progress/?course=nope")

    assert response.status_code == 404 and "nope" in response.json()["error"]
