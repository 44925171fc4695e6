"""No response ever carries a reference solution, cases.py, a known-wrong solution or its
hint, or a hidden case's message: SECRET is planted in all of them (see the `course`
fixture) and every endpoint is read."""

import pytest
from django.utils import timezone

from exercises.models import Exercise, KnownWrongSolution, Submission
from tests.api.conftest import SECRET

pytestmark = pytest.mark.django_db


def _every_response(api) -> dict[str, str]:
    created = api.post_json(
        "/api/exercises/double/submissions/", {"source_code": "def double(x):\n    return x\n"}
    )
    submission_id = created.json()["id"]
    Submission.objects.filter(pk=submission_id).update(
        status=Submission.Status.DONE,
        verdict=Submission.Verdict.FAILED,
        score=0.5,
        graded_at=timezone.now(),
        cases=[
            {"name": "small vector", "visible": True, "passed": True, "message": ""},
            {
                "name": "random matrix",
                "visible": False,
                "passed": False,
                "message": f"{SECRET}: expected [[0.1, ...]] got [[0.2, ...]]",
            },
        ],
    )
    urls = [
        "/api/openapi.json",
        "/api/courses/",
        "/api/courses/mini/",
        "/api/lessons/mini/arrays/",
        "/api/lessons/mini/broadcasting/",
        "/api/lessons/mini/reductions/",
        "/api/exercises/double/",
        "/api/exercises/total/",
        f"/api/submissions/{submission_id}/",
        "/api/submissions/",
        "/api/submissions/?exercise=double",
        "/api/progress/",
    ]
    responses = {"POST submission": created.content.decode()}
    for url in urls:
        response = api.get(url)
        assert response.status_code == 200, url
        responses[url] = response.content.decode()
    return responses


def test_no_response_contains_trusted_data_or_hidden_messages(course, api):
    trusted = [e.reference_solution for e in Exercise.objects.all()]
    trusted += [e.cases_source for e in Exercise.objects.all()]
    trusted += [w.source for w in KnownWrongSolution.objects.all()]

    responses = _every_response(api)

    assert len(responses) == 13
    for url, content in responses.items():
        assert SECRET not in content, url
        assert "SECRET" not in content.upper(), url
        for text in trusted:
            assert text not in content, url


def test_the_planted_secrets_are_really_in_the_database(course):
    # Guards the test above against passing only because nothing was planted.
    assert all(
        SECRET in e.reference_solution and SECRET in e.cases_source for e in Exercise.objects.all()
    )
    assert KnownWrongSolution.objects.count() == 3
    assert all(SECRET in w.source and SECRET in w.hint for w in KnownWrongSolution.objects.all())
