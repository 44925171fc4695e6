import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from exercises.models import Submission
from tests.factories import ExerciseFactory, SubmissionFactory
from tests.lessons.web import learner, make_user, other_learner, staff, web_settings  # noqa: F401

pytestmark = pytest.mark.django_db

XSS = '</pre><script>alert("x")</script><img src=x onerror=alert(1)>'


def detail_url(submission):
    return reverse("exercises:submission_detail", args=[submission.pk])


def status_url(submission):
    return reverse("exercises:submission_status", args=[submission.pk])


def graded(learner, **fields):
    defaults = {
        "status": Submission.Status.DONE,
        "verdict": Submission.Verdict.FAILED,
        "score": 0.5,
        "graded_at": timezone.now(),
        "cases": [
            {"name": "small vector", "visible": True, "passed": True, "message": ""},
            {
                "name": "two rows",
                "visible": True,
                "passed": False,
                "message": "expected [2. 4.], got [2. 5.]; max error 1",
            },
            {
                "name": "large values stay finite",
                "visible": False,
                "passed": False,
                "message": "LEAKED hidden detail",
            },
        ],
    }
    defaults.update(fields)
    return SubmissionFactory(learner=learner, **defaults)


# ---- detail page ------------------------------------------------------------------------


def test_submission_page_shows_code_verdict_and_cases(client, learner):
    submission = graded(learner, message="Traceback: boom", stdout="hello from print")
    client.force_login(learner)

    html = client.get(detail_url(submission)).content.decode()

    assert "Some tests failed" in html and "1 of 3 tests passed" in html
    assert "small vector" in html and "two rows" in html and "large values stay finite" in html
    assert "expected [2. 4.], got [2. 5.]; max error 1" in html
    assert "Traceback: boom" in html and "hello from print" in html
    assert "return x + x" in html


def test_hidden_case_shows_only_name_and_pass_fail(client, learner):
    submission = graded(learner)
    client.force_login(learner)

    html = client.get(detail_url(submission)).content.decode()
    status = client.get(status_url(submission)).json()

    assert "LEAKED" not in html
    hidden = [case for case in status["cases"] if not case["visible"]]
    assert hidden == [{"name": "large values stay finite", "visible": False, "passed": False}]


def test_learner_code_and_output_are_escaped(client, learner):
    submission = graded(
        learner,
        source_code=XSS,
        message=XSS,
        stdout=XSS,
        warning=XSS,
        cases=[{"name": XSS, "visible": True, "passed": False, "message": XSS}],
    )
    client.force_login(learner)

    html = client.get(detail_url(submission)).content.decode()

    assert '<script>alert("x")</script>' not in html
    assert "<img src=x onerror" not in html
    assert html.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") >= 5


def test_another_learners_submission_is_a_404(client, learner, other_learner):
    theirs = graded(other_learner)
    client.force_login(learner)

    assert client.get(detail_url(theirs)).status_code == 404
    assert client.get(status_url(theirs)).status_code == 404


def test_staff_see_every_submission(client, staff, learner):
    submission = graded(learner)
    client.force_login(staff)

    html = client.get(detail_url(submission)).content.decode()

    assert f"by {learner.username}" in html
    assert client.get(status_url(submission)).status_code == 200


def test_anonymous_is_sent_to_login_or_gets_401_json(client, learner):
    submission = graded(learner)

    page = client.get(detail_url(submission))
    status = client.get(status_url(submission))

    assert page.status_code == 302 and page["Location"].startswith("/accounts/login/")
    assert status.status_code == 401 and "error" in status.json()


@pytest.mark.parametrize(
    "path",
    [
        "/exercises/submissions/999999/",
        "/exercises/submissions/999999/status.json",
        "/exercises/submissions/abc/",
    ],
)
def test_unknown_submission_is_a_404(client, learner, path):
    client.force_login(learner)

    assert client.get(path).status_code == 404


def test_pending_submission_page_polls_and_refreshes_without_javascript(client, learner):
    submission = SubmissionFactory(learner=learner)
    client.force_login(learner)

    html = client.get(detail_url(submission)).content.decode()

    assert "Waiting for the grader" in html
    assert f'data-poll-url="{status_url(submission)}"' in html
    assert '<noscript><meta http-equiv="refresh"' in html


# ---- status JSON -----------------------------------------------------------------------


def test_status_json_while_queued_reveals_no_result(client, learner):
    submission = SubmissionFactory(learner=learner)
    client.force_login(learner)

    response = client.get(status_url(submission))

    body = response.json()
    assert response["Cache-Control"] == "no-store"
    assert body["status"] == "queued" and body["done"] is False
    assert body["verdict"] == "" and body["cases"] == [] and body["score"] is None
    assert 0 <= body["elapsed_seconds"] < 60  # the page counts on from the server's clock


def test_status_json_when_done(client, learner):
    submission = graded(
        learner,
        verdict=Submission.Verdict.PASSED,
        score=1.0,
        stdout="out",
        message="",
        warning="numpy emitted a RuntimeWarning",
        mode=Submission.Mode.RUN,
        cases=[{"name": "small vector", "visible": True, "passed": True, "message": "ok"}],
    )
    client.force_login(learner)

    body = client.get(status_url(submission)).json()

    assert body == {
        "id": submission.pk,
        "mode": "run",
        "mode_label": "Run visible tests",
        "status": "done",
        "done": True,
        "verdict": "passed",
        "verdict_label": "Passed",
        "status_label": "Done",
        "headline": "Visible tests passed — submit to run the hidden tests too",
        "score": 1.0,
        "cases": [{"name": "small vector", "visible": True, "passed": True, "message": "ok"}],
        "message": "",
        "stdout": "out",
        "warning": "numpy emitted a RuntimeWarning",
        "notice": "",
        "created_at": submission.created_at.isoformat(),
        "detail_url": detail_url(submission),
        "status_url": status_url(submission),
    }


def test_status_json_tolerates_malformed_case_rows(client, learner):
    submission = graded(learner, cases=[{"name": "ok", "visible": "yes", "passed": 1}, "junk", 7])
    client.force_login(learner)

    body = client.get(status_url(submission)).json()

    # Not exactly True is not visible and not passed: the safe reading.
    assert body["cases"] == [{"name": "ok", "visible": False, "passed": False}]


# ---- history ---------------------------------------------------------------------------


def test_history_page_lists_my_submissions_newest_first(client, learner, other_learner):
    exercise = ExerciseFactory()
    older = graded(learner, exercise=exercise)
    newer = graded(learner, exercise=exercise)
    theirs = graded(other_learner, exercise=exercise)
    client.force_login(learner)

    html = client.get(reverse("exercises:submission_list", args=[exercise.slug])).content.decode()

    assert html.index(detail_url(newer)) < html.index(detail_url(older))
    assert detail_url(theirs) not in html


def test_history_is_paginated(client, learner):
    exercise = ExerciseFactory()
    for _ in range(30):
        SubmissionFactory(learner=learner, exercise=exercise)
    client.force_login(learner)
    url = reverse("exercises:submission_list", args=[exercise.slug])

    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    junk = client.get(url, {"page": "zzz"})

    assert first.count("exercises/submissions/") == 25 and "Page 1 of 2" in first
    assert second.count("exercises/submissions/") == 5
    assert junk.status_code == 200


def test_staff_history_shows_everyone_or_one_learner(client, staff, learner, other_learner):
    exercise = ExerciseFactory()
    mine = graded(learner, exercise=exercise)
    theirs = graded(other_learner, exercise=exercise)
    client.force_login(staff)
    url = reverse("exercises:submission_list", args=[exercise.slug])

    everyone = client.get(url).content.decode()
    one = client.get(url, {"learner": learner.pk}).content.decode()

    assert detail_url(mine) in everyone and detail_url(theirs) in everyone
    assert detail_url(mine) in one and detail_url(theirs) not in one
    assert client.get(url, {"learner": "abc"}).status_code == 404
    assert client.get(url, {"learner": "999999"}).status_code == 404


def test_learner_cannot_use_the_learner_filter_to_see_others(client, learner, other_learner):
    exercise = ExerciseFactory()
    theirs = graded(other_learner, exercise=exercise)
    client.force_login(learner)

    html = client.get(
        reverse("exercises:submission_list", args=[exercise.slug]), {"learner": other_learner.pk}
    ).content.decode()

    assert detail_url(theirs) not in html


def test_history_of_unknown_or_unpublished_exercise_is_a_404_for_learners(client, learner):
    hidden = ExerciseFactory(is_published=False)
    client.force_login(learner)

    assert client.get("/exercises/nope/submissions/").status_code == 404
    assert client.get(reverse("exercises:submission_list", args=[hidden.slug])).status_code == 404


def test_history_needs_login(client):
    exercise = ExerciseFactory()

    response = client.get(reverse("exercises:submission_list", args=[exercise.slug]))

    assert response.status_code == 302


def test_make_user_helper_persists_a_usable_password(client):
    user = make_user()

    # django-axes needs the request that carries the login (for the client address).
    request = RequestFactory().post("/accounts/login/")
    assert client.login(request=request, username=user.username, password="correct-horse-42")


@pytest.mark.parametrize(
    "path",
    [
        "/exercises/submissions/99999999999999999999999/",
        "/exercises/submissions/99999999999999999999999/status.json",
        "/exercises/nope/submissions/?learner=99999999999999999999999",
    ],
)
def test_out_of_range_ids_are_404_not_500(learner, staff, path):
    client = Client(raise_request_exception=False)
    client.force_login(staff if "learner=" in path else learner)

    assert client.get(path).status_code == 404
