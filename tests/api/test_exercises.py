"""Exercise detail: the learner's contract, never the trusted parts."""

import pytest

from exercises.models import Exercise, Progress

pytestmark = pytest.mark.django_db


def test_exercise_detail_gives_the_contract(course, api):
    body = api.get("/api/exercises/double/").json()

    exercise = Exercise.objects.get(slug="double")
    assert body["statement"] == exercise.statement
    assert body["starter_code"] == exercise.starter_code
    assert (body["entry_point"], body["kind"], body["course"], body["stage"]) == (
        "double",
        "numpy",
        "mini",
        "basics",
    )
    assert body["tolerance"] == {"rtol": 1e-7, "atol": 1e-9}
    assert body["limits"] == {"wall_seconds": 5.0, "cpu_seconds": 4.0, "memory_mb": 256}
    assert body["hints"] == ["Multiplication broadcasts a scalar over the array."]
    assert body["forbidden"] == ["numpy.multiply"]
    assert body["urls"]["submissions"] == "http://testserver/api/exercises/double/submissions/"


def test_lists_visible_case_names_only(course, api):
    body = api.get("/api/exercises/double/").json()

    assert body["visible_cases"] == ["small vector"]
    assert "random matrix" not in str(body)  # the hidden case's name


def test_default_tolerance_follows_the_kind(course, api):
    Exercise.objects.filter(slug="total").update(kind=Exercise.Kind.TORCH, rtol=None, atol=None)

    assert api.get("/api/exercises/total/").json()["tolerance"] == {"rtol": 1e-4, "atol": 1e-5}


def test_includes_ones_own_progress(course, api, api_user, other_learner):
    exercise = Exercise.objects.get(slug="double")
    Progress.objects.create(learner=api_user, exercise=exercise, attempts=2, best_score=0.5)
    Progress.objects.create(learner=other_learner, exercise=exercise, attempts=9, best_score=1)

    progress = api.get("/api/exercises/double/").json()["progress"]

    assert (progress["attempts"], progress["best_score"], progress["solved"]) == (2, 0.5, False)


@pytest.mark.parametrize("slug", ["nope", "total"])
def test_unknown_or_unpublished_exercise_is_404(course, api, slug):
    Exercise.objects.filter(slug="total").update(is_published=False)

    response = api.get(f"/api/exercises/{slug}/")

    assert response.status_code == 404 and response.json() == {"error": "not found"}
