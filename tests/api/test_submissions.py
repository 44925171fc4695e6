"""Submitting through the API, reading one's own submissions, and every way to get it wrong."""

import json
from unittest.mock import patch

import pytest
from django.utils import timezone

from exercises.models import Exercise, Submission
from tests.api.conftest import session_client
from tests.factories import StaffFactory, SubmissionFactory

pytestmark = pytest.mark.django_db

SUBMIT_URL = "/api/exercises/double/submissions/"
GOOD = {"source_code": "def double(x):\n    return x + x\n"}


def _done(submission: Submission, **fields) -> Submission:
    values = {
        "status": Submission.Status.DONE,
        "verdict": Submission.Verdict.FAILED,
        "score": 0.5,
        "cases": [
            {"name": "small vector", "visible": True, "passed": True, "message": ""},
            {
                "name": "random matrix",
                "visible": False,
                "passed": False,
                "message": "HIDDEN-DATA expected [0.1 0.2] got [0.3]",
            },
        ],
        "message": "One case failed.",
        "stdout": "printed\n",
        "started_at": timezone.now(),
        "graded_at": timezone.now(),
    } | fields
    Submission.objects.filter(pk=submission.pk).update(**values)
    submission.refresh_from_db()
    return submission


def test_submit_answers_202_with_the_queued_submission(course, api, api_user):
    response = api.post_json(SUBMIT_URL, GOOD)

    assert response.status_code == 202
    submission = Submission.objects.get()
    body = response.json()
    assert (submission.learner, submission.mode, submission.source_code) == (
        api_user,
        "submit",
        GOOD["source_code"],
    )
    assert body["id"] == submission.pk and body["status"] == "queued"
    assert (body["verdict"], body["score"], body["cases"]) == (None, None, [])
    assert response["Location"] == f"/api/submissions/{submission.pk}/"
    assert body["urls"]["self"] == f"http://testserver/api/submissions/{submission.pk}/"
    assert submission.exercise_version == Exercise.objects.get(slug="double").content_hash


def test_run_mode_is_kept(course, api):
    response = api.post_json(SUBMIT_URL, GOOD | {"mode": "run"})

    assert response.status_code == 202 and response.json()["mode"] == "run"
    assert Submission.objects.get().mode == Submission.Mode.RUN


def test_grading_is_queued_only_after_commit(course, api, django_capture_on_commit_callbacks):
    with patch("exercises.services.submission_enqueue") as enqueue:
        with django_capture_on_commit_callbacks(execute=True):
            response = api.post_json(SUBMIT_URL, GOOD)

    enqueue.assert_called_once_with(submission_id=response.json()["id"])


MALFORMED = {
    "malformed JSON": ('{"source_code": ', "malformed JSON"),
    "not UTF-8": (b'{"source_code": "\xff"}', "not UTF-8"),
    "not an object": ('["def double(x): pass"]', "must be a JSON object"),
    "missing source_code": ({"mode": "run"}, "missing field 'source_code'"),
    "source_code not a string": ({"source_code": 42}, "'source_code' must be a string"),
    "unknown field": (GOOD | {"code": "x"}, "unknown fields ['code']"),
    "bad mode": (GOOD | {"mode": "grade"}, "'mode' must be one of"),
    "empty source": ({"source_code": "  \n"}, "'source_code' is empty"),
    "NUL character": ({"source_code": "x = 1\x00"}, "NUL character"),
    "lone surrogate": ('{"source_code": "x = \\ud800"}', "not valid Unicode"),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_request_is_400_naming_the_problem(course, api, name):
    data, problem = MALFORMED[name]

    response = api.post_json(SUBMIT_URL, data)

    assert response.status_code == 400
    assert problem in response.json()["error"]
    assert not Submission.objects.exists()


def test_oversized_code_is_413_with_the_limit(course, api, settings):
    settings.SUBMISSION_MAX_BYTES = 1000

    response = api.post_json(SUBMIT_URL, {"source_code": "#" * 1001})

    assert response.status_code == 413
    assert "1,001 bytes; the limit is 1,000 bytes" in response.json()["error"]
    assert not Submission.objects.exists()


def test_an_oversized_body_is_413_before_parsing(course, api, settings):
    settings.SUBMISSION_MAX_BYTES = 1000

    response = api.post_json(SUBMIT_URL, "[" + "0," * 10000 + "0]")

    assert response.status_code == 413 and "body too large" in response.json()["error"]


def test_too_many_submissions_is_429_with_retry_after(course, api, settings, other_learner):
    # Per day: the limiter counts in fixed windows, and a window boundary between the
    # calls would reset the count and make the test flaky.
    settings.SUBMISSION_RATE = "2/d"

    statuses = [api.post_json(SUBMIT_URL, GOOD).status_code for _ in range(3)]
    limited = api.post_json(SUBMIT_URL, GOOD)
    other = session_client(other_learner)

    assert statuses == [202, 202, 429]
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 24 * 3600
    assert limited.json()["retry_after"] == int(limited["Retry-After"])
    assert Submission.objects.count() == 2
    assert other.post_json(SUBMIT_URL, GOOD).status_code == 202  # the limit is per learner


def test_a_malformed_request_costs_no_attempt(course, api, settings):
    # Per day: the limiter counts in fixed windows, and a window boundary between the
    # calls would reset the count and make the test flaky.
    settings.SUBMISSION_RATE = "1/d"

    api.post_json(SUBMIT_URL, {"code": "typo"})

    assert api.post_json(SUBMIT_URL, GOOD).status_code == 202


@pytest.mark.parametrize("slug", ["nope", "total"])
def test_submitting_to_an_unknown_or_unpublished_exercise_is_404(course, api, slug):
    Exercise.objects.filter(slug="total").update(is_published=False)

    response = api.post_json(f"/api/exercises/{slug}/submissions/", GOOD)

    assert response.status_code == 404 and not Submission.objects.exists()


def test_a_graded_submission_shows_verdict_and_cases_but_no_hidden_message(course, api, api_user):
    submission = _done(
        SubmissionFactory(learner=api_user, exercise=Exercise.objects.get(slug="double"))
    )

    response = api.get(f"/api/submissions/{submission.pk}/")

    body = response.json()
    assert (body["status"], body["verdict"], body["score"]) == ("done", "failed", 0.5)
    assert body["cases"] == [
        {"name": "small vector", "visible": True, "passed": True, "message": ""},
        {"name": "random matrix", "visible": False, "passed": False},
    ]
    assert "HIDDEN-DATA" not in response.content.decode()
    assert (body["message"], body["stdout"]) == ("One case failed.", "printed\n")
    assert body["graded_at"] and body["started_at"] and body["created_at"]
    assert body["source_code"] == submission.source_code


def test_a_queued_submission_shows_no_results_yet(course, api, api_user):
    submission = SubmissionFactory(
        learner=api_user,
        exercise=Exercise.objects.get(slug="double"),
        cases=[{"name": "stale", "visible": True, "passed": True}],
    )

    body = api.get(f"/api/submissions/{submission.pk}/").json()

    assert (body["status"], body["verdict"], body["cases"], body["graded_at"]) == (
        "queued",
        None,
        [],
        None,
    )


def test_another_learners_submission_is_404(course, api, other_learner):
    theirs = _done(SubmissionFactory(learner=other_learner))

    response = api.get(f"/api/submissions/{theirs.pk}/")

    assert response.status_code == 404 and response.json() == {"error": "not found"}
    assert theirs.source_code not in response.content.decode()


def test_staff_read_only_their_own_submissions_through_the_api(course, learner):
    client = session_client(StaffFactory())
    theirs = SubmissionFactory(learner=learner)

    assert client.get(f"/api/submissions/{theirs.pk}/").status_code == 404
    assert client.get("/api/submissions/").json()["results"] == []


@pytest.mark.parametrize("pk", ["999999", "9223372036854775807", "99999999999999999999999"])
def test_an_unknown_or_huge_id_is_404_not_500(course, api, pk):
    response = api.get(f"/api/submissions/{pk}/")

    assert response.status_code == 404


def test_lists_only_ones_own_submissions_newest_first(course, api, api_user, other_learner):
    double, total = Exercise.objects.get(slug="double"), Exercise.objects.get(slug="total")
    first = SubmissionFactory(learner=api_user, exercise=double)
    second = _done(SubmissionFactory(learner=api_user, exercise=total))
    SubmissionFactory(learner=other_learner, exercise=double)

    everything = api.get("/api/submissions/").json()
    only_double = api.get("/api/submissions/?exercise=double").json()

    assert [item["id"] for item in everything["results"]] == [second.pk, first.pk]
    assert everything["results"][0]["verdict"] == "failed"
    assert [item["id"] for item in only_double["results"]] == [first.pk]
    assert "cases" not in everything["results"][0]  # the list is a summary
    assert everything["next"] is None


def test_the_list_pages_with_a_next_link(course, api, api_user):
    made = [SubmissionFactory(learner=api_user).pk for _ in range(3)]

    page = api.get("/api/submissions/?limit=2").json()
    rest = api.get(page["next"].removeprefix("http://testserver")).json()

    assert [item["id"] for item in page["results"]] == made[:0:-1]
    assert [item["id"] for item in rest["results"]] == [made[0]]
    assert rest["next"] is None


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=101",
        "limit=abc",
        "limit=%C2%B2",
        "before=-1",
        "before=99999999999999999999999",
    ],
)
def test_bad_list_parameters_are_400(course, api, query):
    response = api.get(f"/api/submissions/?{query}")

    assert response.status_code == 400
    assert response.json()["field"] == query.split("=")[0]


def test_listing_an_unknown_exercise_is_404(course, api):
    response = api.get("/api/submissions/?exercise=nope")

    assert response.status_code == 404 and "nope" in response.json()["error"]


def test_submitting_then_reading_back_round_trips(course, api):
    created = api.post_json(SUBMIT_URL, GOOD | {"mode": "run"}).json()

    fetched = api.get(f"/api/submissions/{created['id']}/").json()

    assert fetched == created
    assert json.loads(json.dumps(fetched)) == fetched
