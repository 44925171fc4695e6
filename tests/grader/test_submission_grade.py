"""Recording verdicts: idempotent, one progress update, hints, broken exercises, the sweep."""

from datetime import timedelta
from unittest.mock import patch

import pytest
from django.utils import timezone

from exercises.models import KnownWrongSolution, Progress, Submission
from grader import services
from tests.factories import ExerciseFactory, SubmissionFactory

pytestmark = [pytest.mark.sandbox, pytest.mark.django_db]

RIGHT = "def double(x):\n    return x + x\n"
OFF_BY_ONE = "def double(x):\n    return 2 * x + 1\n"


def test_grading_twice_counts_one_attempt():
    submission = SubmissionFactory(source_code=RIGHT)

    services.submission_grade(submission_id=submission.pk)
    services.submission_grade(submission_id=submission.pk)

    submission.refresh_from_db()
    assert (submission.status, submission.verdict, submission.score) == ("done", "passed", 1.0)
    progress = Progress.objects.get(learner=submission.learner)
    assert (progress.attempts, progress.best_score) == (1, 1.0)
    assert submission.exercise_version == submission.exercise.content_hash


def test_wrong_output_is_a_verdict_with_per_case_results_not_an_exception():
    submission = SubmissionFactory(source_code=OFF_BY_ONE)

    services.submission_grade(submission_id=submission.pk)

    submission.refresh_from_db()
    assert submission.verdict == "failed" and submission.score == 0.0
    visible, hidden = submission.cases
    assert visible["visible"] and "expected" in visible["message"]
    assert not hidden["visible"] and hidden["message"] == ""


def test_a_run_of_the_visible_cases_shows_output_and_counts_no_attempt():
    submission = SubmissionFactory(
        source_code="def double(x):\n    print('hello from the learner')\n    return 2 * x\n",
        mode=Submission.Mode.RUN,
    )

    services.submission_grade(submission_id=submission.pk)

    submission.refresh_from_db()
    assert submission.verdict == "passed"
    assert [case["name"] for case in submission.cases] == ["small vector"]
    assert "hello from the learner" in submission.stdout
    assert not Progress.objects.filter(learner=submission.learner).exists()


def test_a_passing_submit_shows_no_output():
    submission = SubmissionFactory(
        source_code="def double(x):\n    print('INPUT', x.tolist())\n    return 2 * x\n"
    )

    services.submission_grade(submission_id=submission.pk)

    submission.refresh_from_db()
    assert (submission.verdict, submission.stdout, submission.message) == ("passed", "", "")


def test_a_failed_submit_shows_the_visible_cases_output_and_never_the_hidden_ones():
    submission = SubmissionFactory(
        source_code="def double(x):\n    print('INPUT', x.tolist())\n"
        "    return 2 * x if x[0] > 0 else x\n"
    )

    services.submission_grade(submission_id=submission.pk)

    submission.refresh_from_db()
    assert submission.verdict == "failed"
    assert [(c["visible"], c["passed"]) for c in submission.cases] == [(True, True), (False, False)]
    # The visible case ([1.0, 2.0]) ran again in a job of its own to say why; the job that
    # held the hidden one ([-3.0, 0.5, 4.0]) is never shown.
    assert submission.stdout == "INPUT [1.0, 2.0]\n"


def test_matching_a_known_wrong_solution_shows_its_hint():
    exercise = ExerciseFactory()
    KnownWrongSolution.objects.create(
        exercise=exercise, name="plus_one", source=OFF_BY_ONE, hint="You add one too many."
    )
    submission = SubmissionFactory(exercise=exercise, source_code=OFF_BY_ONE)

    services.submission_grade(submission_id=submission.pk)

    submission.refresh_from_db()
    assert "Hint: You add one too many." in submission.message


def test_a_broken_exercise_is_an_error_that_does_not_blame_the_learner():
    exercise = ExerciseFactory(reference_solution="def double(x):\n    raise ValueError\n")
    submission = SubmissionFactory(exercise=exercise, source_code=RIGHT)

    services.submission_grade(submission_id=submission.pk)

    submission.refresh_from_db()
    assert submission.verdict == "error"
    assert "not in your code" in submission.message


def test_an_unknown_submission_id_is_ignored():
    assert services.submission_grade(submission_id=987654) is None


def test_the_sweep_resends_stuck_submissions_and_leaves_recent_ones():
    old = timezone.now() - timedelta(minutes=10)
    stuck_queued = SubmissionFactory()
    Submission.objects.filter(pk=stuck_queued.pk).update(enqueued_at=old)
    stuck_running = SubmissionFactory()
    Submission.objects.filter(pk=stuck_running.pk).update(
        status=Submission.Status.RUNNING, started_at=old, enqueued_at=old
    )
    fresh = SubmissionFactory()
    Submission.objects.filter(pk=fresh.pk).update(enqueued_at=timezone.now())

    with patch.object(services, "submission_enqueue", return_value=True) as enqueue:
        resent = services.submission_sweep_stuck(older_than_seconds=60)

    assert resent == 2
    assert sorted(c.kwargs["submission_id"] for c in enqueue.call_args_list) == sorted(
        [stuck_queued.pk, stuck_running.pk]
    )
    assert Submission.objects.get(pk=stuck_running.pk).status == Submission.Status.QUEUED


def test_the_sweep_gives_up_after_too_many_deliveries_with_a_clear_error():
    submission = SubmissionFactory()
    Submission.objects.filter(pk=submission.pk).update(
        enqueued_at=timezone.now() - timedelta(hours=1), delivery_count=services.MAX_DELIVERIES
    )

    services.submission_sweep_stuck(older_than_seconds=60)

    submission.refresh_from_db()
    assert (submission.status, submission.verdict) == ("done", "error")
    assert "not your code's fault" in submission.message


def test_regrade_requeues_the_latest_submit_of_each_learner_without_counting_attempts(
    django_capture_on_commit_callbacks,
):
    exercise = ExerciseFactory()
    first = SubmissionFactory(exercise=exercise, source_code=OFF_BY_ONE)
    latest = SubmissionFactory(exercise=exercise, learner=first.learner, source_code=RIGHT)
    for submission in (first, latest):
        services.submission_grade(submission_id=submission.pk)

    with patch.object(services, "submission_enqueue", return_value=True) as enqueue:
        with django_capture_on_commit_callbacks(execute=True):
            count = services.submission_regrade(exercise=exercise)
    assert count == 1
    enqueue.assert_called_once_with(submission_id=latest.pk)
    services.submission_grade(submission_id=latest.pk)

    progress = Progress.objects.get(learner=first.learner, exercise=exercise)
    assert (progress.attempts, progress.best_score) == (2, 1.0)
    assert Submission.objects.get(pk=latest.pk).verdict == "passed"


def test_regrade_picks_each_learners_latest_submit_only(django_capture_on_commit_callbacks):
    exercise = ExerciseFactory()
    a_old = SubmissionFactory(exercise=exercise)
    a_new = SubmissionFactory(exercise=exercise, learner=a_old.learner)
    b_only = SubmissionFactory(exercise=exercise)
    SubmissionFactory(exercise=exercise, learner=b_only.learner, mode=Submission.Mode.RUN)
    SubmissionFactory(learner=a_old.learner)  # another exercise

    with patch.object(services, "submission_enqueue", return_value=True) as enqueue:
        with django_capture_on_commit_callbacks(execute=True):
            count = services.submission_regrade(exercise=exercise)

    assert count == 2
    assert sorted(c.kwargs["submission_id"] for c in enqueue.call_args_list) == sorted(
        [a_new.pk, b_only.pk]
    )


def test_a_syntax_error_is_an_error_naming_the_learners_line():
    submission = SubmissionFactory(source_code="def double(x):\n    return x +\n")

    services.submission_grade(submission_id=submission.pk)

    submission.refresh_from_db()
    assert submission.verdict == "error" and submission.score == 0.0
    assert "SyntaxError" in submission.message and "line 2" in submission.message
    assert {c["message"] for c in submission.cases} == {"not run: the module failed to load"}


JUNK_IN_THE_RECORD = """
import sys


class Hostile:
    def __str__(self):
        raise RuntimeError("no text")

    def __hash__(self):
        raise RuntimeError("no hash")


def double(x):
    frame = sys._getframe(1)
    while "forbidden_hits" not in frame.f_locals:
        frame = frame.f_back
    frame.f_locals["forbidden_hits"].extend(
        [12345, Hostile(), "numpy.multiply.not_really", "numpy.add", "x" * 5000] + ["y"] * 99
    )
    return 2 * x
"""


def test_a_correct_solution_writing_junk_to_the_forbidden_record_still_passes():
    exercise = ExerciseFactory(forbidden=["numpy.multiply"])
    for mode in (Submission.Mode.RUN, Submission.Mode.SUBMIT):
        submission = SubmissionFactory(exercise=exercise, source_code=JUNK_IN_THE_RECORD, mode=mode)

        services.submission_grade(submission_id=submission.pk)

        submission.refresh_from_db()
        assert (submission.verdict, submission.score, submission.message) == ("passed", 1.0, "")


def test_only_names_on_the_forbidden_list_are_reported_from_the_record():
    exercise = ExerciseFactory(forbidden=["numpy.multiply"])
    source = JUNK_IN_THE_RECORD.replace('"numpy.add"', '"numpy.add", "numpy.multiply"')
    submission = SubmissionFactory(exercise=exercise, source_code=source, mode=Submission.Mode.RUN)

    services.submission_grade(submission_id=submission.pk)

    submission.refresh_from_db()
    assert (submission.verdict, submission.score) == ("failed", 0.0)
    assert submission.message == (
        "Your code uses numpy.multiply, which this exercise forbids: implement it yourself."
    )


def test_a_forbidden_call_fails_with_a_message_naming_it():
    exercise = ExerciseFactory(forbidden=["numpy.multiply"])
    submission = SubmissionFactory(
        exercise=exercise,
        source_code="import numpy as np\n\ndef double(x):\n    return np.multiply(x, 2)\n",
    )

    services.submission_grade(submission_id=submission.pk)

    submission.refresh_from_db()
    assert (submission.verdict, submission.score) == ("failed", 0.0)
    assert "numpy.multiply" in submission.message and "forbids" in submission.message


def test_the_task_path_counts_deliveries_and_gives_up_at_the_cap():
    # A submission whose worker died mid-grade MAX_DELIVERIES times is not graded again.
    counted = SubmissionFactory(source_code=RIGHT)
    killer = SubmissionFactory(source_code=RIGHT)
    Submission.objects.filter(pk=killer.pk).update(
        status=Submission.Status.RUNNING, delivery_count=services.MAX_DELIVERIES
    )

    services.submission_grade(submission_id=counted.pk)
    services.submission_grade(submission_id=killer.pk)

    counted.refresh_from_db()
    killer.refresh_from_db()
    assert (counted.verdict, counted.delivery_count) == ("passed", 1)
    assert (killer.status, killer.verdict) == ("done", "error")
    assert killer.delivery_count == services.MAX_DELIVERIES
    assert "not your code's fault" in killer.message and killer.cases == []


HIDDEN_FIRST = """
import numpy as np

from grader.casekit import Case


def cases():
    yield Case("negative values", args=(np.array([-3.0, 0.5, 4.0]),))
    yield Case("small vector", args=(np.array([1.0, 2.0]),), visible=True)
"""
RIGHT_ONLY_ON_THE_FIRST_CALL = """
CALLS = []


def double(x):
    CALLS.append(1)
    return 2 * x if len(CALLS) == 1 else x
"""


def test_a_visible_case_right_alone_but_wrong_among_all_cases_fails_and_says_so():
    exercise = ExerciseFactory(cases_source=HIDDEN_FIRST)
    submission = SubmissionFactory(exercise=exercise, source_code=RIGHT_ONLY_ON_THE_FIRST_CALL)

    services.submission_grade(submission_id=submission.pk)

    submission.refresh_from_db()
    hidden, visible = submission.cases
    assert (submission.verdict, submission.score) == ("failed", 0.5)
    assert hidden["passed"] and not visible["passed"]
    assert visible["message"].startswith("passed when the visible cases ran alone")
