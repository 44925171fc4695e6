"""Recognised mistakes: a hint only when the learner reproduces that wrong solution on every
compared case, gradients included; the match is recorded, shown in admin and the CSV."""

import csv
import io

import pytest
from django.urls import reverse

from exercises.models import Exercise, KnownWrongSolution, Submission
from grader import services
from tests.factories import ExerciseFactory, SubmissionFactory
from tests.lessons.web import make_staff, web_settings  # noqa: F401

pytestmark = [pytest.mark.sandbox, pytest.mark.django_db]

TRIPLE_CASES = """
import torch

from grader.casekit import Case


def cases():
    yield Case("a vector", args=(torch.tensor([1.0, -2.0, 0.5]),), grad_wrt=(0,), visible=True)
    yield Case("a matrix", args=(torch.tensor([[0.25, 4.0], [-1.5, 2.0]]),), grad_wrt=(0,))
    yield Case(
        "a weighted upstream gradient",
        args=(torch.tensor([0.5, 1.5, -3.0]),),
        grad_wrt=(0,),
        grad_output=torch.tensor([2.0, -1.0, 0.5]),
    )
"""
DETACHED = "import torch\n\n\ndef triple(x):\n    with torch.no_grad():\n        return 3 * x\n"
DETACHED_HINT = "The values are right but nothing flows back: the result was detached."
# Forward right; backward returns 3 whatever the upstream gradient says.
IGNORES_UPSTREAM = """
import torch


class Triple(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return 3 * x

    @staticmethod
    def backward(ctx, grad_output):
        return torch.full_like(grad_output, 3.0)


def triple(x):
    return Triple.apply(x)
"""
OFF_BY_ONE = "def double(x):\n    return 2 * x + 1\n"
PLUS_ONE_HINT = "You add one too many."


@pytest.fixture
def triple():
    exercise = ExerciseFactory(
        kind=Exercise.Kind.TORCH,
        entry_point="triple",
        reference_solution="def triple(x):\n    return 3 * x\n",
        starter_code="def triple(x):\n    raise NotImplementedError\n",
        cases_source=TRIPLE_CASES,
    )
    KnownWrongSolution.objects.create(
        exercise=exercise, name="detached_result", source=DETACHED, hint=DETACHED_HINT
    )
    return exercise


@pytest.fixture
def double():
    exercise = ExerciseFactory()
    KnownWrongSolution.objects.create(
        exercise=exercise, name="plus_one", source=OFF_BY_ONE, hint=PLUS_ONE_HINT
    )
    return exercise


def graded(exercise, source, mode=Submission.Mode.SUBMIT) -> Submission:
    submission = SubmissionFactory(exercise=exercise, source_code=source, mode=mode)
    services.submission_grade(submission_id=submission.pk)
    submission.refresh_from_db()
    return submission


def test_a_right_forward_with_a_wrong_backward_is_not_told_it_is_detached(triple):
    submission = graded(triple, IGNORES_UPSTREAM)

    assert submission.verdict == "failed", submission.message
    passed = {case["name"]: case["passed"] for case in submission.cases}
    assert passed == {"a vector": True, "a matrix": True, "a weighted upstream gradient": False}
    assert "Hint" not in submission.message and "nothing flows back" not in submission.message
    assert submission.matched_mistake == ""


def test_a_detached_result_gets_the_detached_hint_and_the_match_is_recorded(triple):
    submission = graded(triple, DETACHED)

    assert submission.verdict == "failed"
    assert f"Hint: {DETACHED_HINT}" in submission.message
    assert submission.matched_mistake == "detached_result"


def test_reproducing_a_mistake_on_every_case_shows_its_hint_and_records_it(double):
    submission = graded(double, OFF_BY_ONE)

    assert submission.message == f"Hint: {PLUS_ONE_HINT}"
    assert submission.matched_mistake == "plus_one"


def test_a_run_matches_on_the_visible_cases_it_compared(double):
    submission = graded(double, OFF_BY_ONE, mode=Submission.Mode.RUN)

    assert [case["name"] for case in submission.cases] == ["small vector"]
    assert submission.message == f"Hint: {PLUS_ONE_HINT}"
    assert submission.matched_mistake == "plus_one"


def test_the_mistake_on_the_hidden_cases_alone_is_no_match(double):
    # Right on the visible case, off by one on the hidden one: plus_one is wrong on both.
    source = "def double(x):\n    return 2 * x + (1 if x[0] < 0 else 0)\n"
    submission = graded(double, source)

    assert submission.verdict == "failed"
    assert "Hint" not in submission.message and submission.matched_mistake == ""


def test_a_passing_submission_matches_no_mistake(double):
    submission = graded(double, "def double(x):\n    return x + x\n")

    assert (submission.verdict, submission.matched_mistake) == ("passed", "")


def test_a_regrade_clears_the_recorded_mistake(double, django_capture_on_commit_callbacks):
    submission = graded(double, OFF_BY_ONE)
    with django_capture_on_commit_callbacks(execute=False):
        services.submission_regrade(exercise=double)

    submission.refresh_from_db()
    assert (submission.status, submission.matched_mistake) == ("queued", "")


def test_admin_and_the_gradebook_csv_show_the_matched_mistakes(double, client):
    first = graded(double, OFF_BY_ONE)
    other = graded(double, OFF_BY_ONE)  # another learner's: counted in their own row
    SubmissionFactory(
        exercise=double,
        learner=first.learner,
        source_code=OFF_BY_ONE,
        status=Submission.Status.DONE,
        matched_mistake="plus_one",
    )
    graded_run = SubmissionFactory(
        exercise=double, learner=first.learner, mode=Submission.Mode.RUN, source_code=OFF_BY_ONE
    )
    services.submission_grade(submission_id=graded_run.pk)  # runs are not counted
    client.force_login(make_staff())

    change = client.get(reverse("admin:exercises_submission_change", args=[first.pk]))
    changelist = client.get(
        reverse("admin:exercises_submission_changelist") + "?matched_mistake=plus_one"
    )
    csv_response = client.get(reverse("exercises:gradebook_csv", args=[double.stage.course.slug]))

    assert "plus_one" in change.content.decode()
    assert "4 submissions" in changelist.content.decode()
    rows = list(csv.reader(io.StringIO(csv_response.content.decode())))
    column = rows[0].index(f"{double.slug} mistakes")
    counts = {row[0]: row[column] for row in rows[1:]}
    assert counts == {first.learner.username: "plus_one: 2", other.learner.username: "plus_one: 1"}
