"""Courses and lessons: what is published, in order; unknown slugs are 404 JSON."""

import pytest

from exercises.models import Exercise
from lessons.models import Course, Lesson
from lessons.services import lesson_complete

pytestmark = pytest.mark.django_db


def test_lists_published_courses_only(course, api):
    Course.objects.create(slug="draft", title="Draft course", is_published=False)

    body = api.get("/api/courses/").json()

    assert [entry["slug"] for entry in body["results"]] == ["mini"]
    assert body["results"][0]["urls"]["self"] == "http://testserver/api/courses/mini/"


def test_course_detail_has_stages_lessons_and_exercises_in_order(course, api):
    body = api.get("/api/courses/mini/").json()

    assert body["description"].startswith("A course small enough")
    assert [stage["slug"] for stage in body["stages"]] == ["basics", "more"]
    basics, more = body["stages"]
    assert [lesson["slug"] for lesson in basics["lessons"]] == ["arrays", "broadcasting"]
    assert [(e["slug"], e["order"], e["lesson"]) for e in basics["exercises"]] == [
        ("double", 15, "arrays")
    ]
    assert [e["slug"] for e in more["exercises"]] == ["total"]


def test_course_detail_leaves_out_unpublished_lessons_and_exercises(course, api):
    Lesson.objects.filter(slug="broadcasting").update(is_published=False)
    Exercise.objects.filter(slug="total").update(is_published=False)

    basics, more = api.get("/api/courses/mini/").json()["stages"]

    assert [lesson["slug"] for lesson in basics["lessons"]] == ["arrays"]
    assert more["exercises"] == []


@pytest.mark.parametrize(
    "url",
    [
        "/api/courses/nope/",
        "/api/lessons/mini/nope/",
        "/api/lessons/nope/arrays/",
    ],
)
def test_unknown_slugs_are_404_json(course, api, url):
    response = api.get(url)

    assert response.status_code == 404 and response.json() == {"error": "not found"}


def test_an_unpublished_course_is_404_with_its_lessons(course, api):
    Course.objects.filter(slug="mini").update(is_published=False)

    assert api.get("/api/courses/mini/").status_code == 404
    assert api.get("/api/lessons/mini/arrays/").status_code == 404


def test_lesson_detail_has_the_markdown_body_and_its_exercises(course, api, api_user):
    lesson_complete(learner=api_user, lesson=Lesson.objects.get(slug="arrays"))

    body = api.get("/api/lessons/mini/arrays/").json()

    assert body["body"] == Lesson.objects.get(slug="arrays").body
    assert "$x \\in \\mathbb{R}^n$" in body["body"]
    assert (body["course"], body["stage"], body["completed"]) == ("mini", "basics", True)
    assert [exercise["slug"] for exercise in body["exercises"]] == ["double"]


def test_lesson_completion_is_per_learner(course, api, other_learner):
    lesson_complete(learner=other_learner, lesson=Lesson.objects.get(slug="arrays"))

    assert api.get("/api/lessons/mini/arrays/").json()["completed"] is False


def test_an_unknown_path_under_api_is_404_json_with_a_slash_hint(api):
    missing = api.get("/api/courses")
    unknown = api.post("/api/nothing/here/")

    assert missing.status_code == 404 and missing.json()["hint"] == "did you mean /api/courses/ ?"
    assert unknown.status_code == 404 and unknown.json()["error"].startswith("no API endpoint")


def test_a_lesson_filed_under_another_courses_stage_is_not_a_500(course, api):
    from tests.factories import StageFactory

    Lesson.objects.filter(slug="arrays").update(stage=StageFactory(course__slug="elsewhere"))

    detail = api.get("/api/courses/mini/")
    progress = api.get("/api/progress/")

    assert detail.status_code == progress.status_code == 200
    lessons = [lesson["slug"] for stage in detail.json()["stages"] for lesson in stage["lessons"]]
    assert "arrays" not in lessons
