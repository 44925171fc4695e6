"""Smaller findings of the review on the API (issue 8, item 5)."""

import pytest

from exercises.models import Exercise
from tests.factories import SubmissionFactory

pytestmark = pytest.mark.django_db

SUBMIT_URL = "/api/exercises/double/submissions/"


@pytest.mark.parametrize("body", ["[" * 100_000, '{"a":' * 100_000, "[" * 100_000 + "]" * 100_000])
def test_deeply_nested_json_is_a_400_json_answer(course, api, body):
    response = api.post(SUBMIT_URL, data=body, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == {"error": "malformed JSON: nested too deeply"}


def test_the_exercise_filter_answers_alike_for_unpublished_and_unknown(course, api, api_user):
    hidden = Exercise.objects.get(slug="double")
    SubmissionFactory(learner=api_user, exercise=hidden)
    Exercise.objects.filter(pk=hidden.pk).update(is_published=False)

    unpublished = api.get("/api/submissions/?exercise=double")
    unknown = api.get("/api/submissions/?exercise=nope")

    assert unpublished.status_code == unknown.status_code == 404
    assert unpublished.json()["error"].replace("double", "X") == unknown.json()[
        "error"
    ].replace("nope", "X")
