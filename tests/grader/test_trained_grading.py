"""Trained-model exercises through the real sandbox, the services and the pages.

The fixture exercise (tests/fixtures/trained-course) needs no training: nearly flat
weights pass its threshold and loud random weights fail it, so each case costs one
sandbox job of well under a second.
"""

import json
from datetime import timedelta
from pathlib import Path
from unittest.mock import patch

import numpy as np
import pytest
from django.urls import reverse
from django.utils import timezone

from exercises.course_io import course_load, read_course
from exercises.models import Exercise, ExerciseDataFile, Submission
from exercises.services import submission_route
from grader import services
from grader.exercise_cache import prepared_exercise
from grader.services import exercise_grade_source
from tests.factories import SubmissionFactory

pytestmark = [pytest.mark.sandbox, pytest.mark.django_db]

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "trained-course"
PACKAGE = FIXTURE / "01-models" / "flat_gpt"


@pytest.fixture(autouse=True)
def _plain_http(settings):
    settings.SECURE_SSL_REDIRECT = False  # the test client speaks plain HTTP
    # Pages render without a collectstatic manifest (as in tests/e2e/conftest.py).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def exercise(db) -> Exercise:
    course_load(spec=read_course(FIXTURE))
    return Exercise.objects.get(slug="flat_gpt")


def _grade(exercise, source, *, visible_only=False):
    return exercise_grade_source(exercise=exercise, source=source, visible_only=visible_only)


BUSY = """
    import time

    started = time.process_time()
    while time.process_time() - started < 0.3:  # a short "training run"
        pass
"""


def test_the_reference_passes_and_the_visible_case_shows_its_losses_and_curve(exercise):
    source = (PACKAGE / "solution.py").read_text()
    source = source.replace("def train(train_ids, seed):\n", "def train(train_ids, seed):" + BUSY)
    outcome = _grade(exercise, source)

    assert outcome.verdict == "passed", outcome.message
    visible, hidden = outcome.cases_as_dicts()
    assert visible["passed"] and hidden["passed"]
    assert "heldout a" not in visible["message"]  # labels drop the heldout_ prefix
    assert "  a  4.56" in visible["message"] and "(below 4.60)" in visible["message"]
    model = visible["model"]
    assert [item["text"] for item in model["heldout"]] == ["a", "b"]
    assert model["score"] == pytest.approx(np.log(96), abs=0.01)
    assert len(model["curve"]) == 50
    assert hidden["message"] == "" and "model" not in hidden
    assert "Training used" in visible["message"] and 0.3 <= model["cpu_seconds"] < 15
    assert model["cpu_limit"] == 15


def test_each_case_is_a_sandbox_job_of_its_own(exercise):
    prepared = prepared_exercise(exercise)
    runs = []
    sandbox = services.grader_options().sandbox()
    real_run = sandbox.run

    def spy(**kwargs):
        runs.append(len(kwargs["cases"]))
        return real_run(**kwargs)

    with patch.object(sandbox, "run", side_effect=spy):
        _grade(exercise, (PACKAGE / "solution.py").read_text())

    assert runs == [1] * len(prepared.cases) == [1, 1]


def test_loud_weights_fail_by_the_threshold_hidden_case_included(exercise):
    outcome = _grade(exercise, (PACKAGE / "wrong" / "loud_weights.py").read_text())

    assert outcome.verdict == "failed" and outcome.score == 0.0
    visible, hidden = outcome.cases_as_dicts()
    assert "not below 4.60" in visible["message"]
    assert not hidden["passed"] and hidden["message"] == ""


def test_visible_tests_run_only_the_visible_case_and_show_printed_output(exercise):
    source = (
        (PACKAGE / "solution.py")
        .read_text()
        .replace('    weights["losses"]', '    print("step 0 loss 4.6")\n    weights["losses"]')
    )

    outcome = _grade(exercise, source, visible_only=True)

    assert [c.name for c in outcome.cases] == ["the short text (seed 0)"]
    assert outcome.verdict == "passed" and "step 0 loss 4.6" in outcome.stdout


def test_wrong_keys_fail_before_scoring_with_a_message_naming_them(exercise):
    source = (
        (PACKAGE / "solution.py")
        .read_text()
        .replace(
            "    return weights",
            '    weights["head.weight"] = weights.pop("ln_f.bias")\n    return weights',
        )
    )

    outcome = _grade(exercise, source)

    visible = outcome.cases_as_dicts()[0]
    assert outcome.verdict == "failed"
    assert (
        "missing ln_f.bias" in visible["message"]
        and "unexpected 'head.weight'" in visible["message"]
    )
    assert "model" not in visible


def test_a_training_run_past_the_cpu_limit_is_a_timeout(exercise):
    Exercise.objects.filter(pk=exercise.pk).update(cpu_seconds=1.0, wall_seconds=3.0)
    exercise.refresh_from_db()

    outcome = _grade(exercise, "def train(train_ids, seed):\n    while True:\n        pass\n")

    assert outcome.verdict == "timeout"
    assert "did not finish within the time limit" in outcome.message
    visible, hidden = outcome.cases_as_dicts()
    assert not visible["passed"] and "time limit" in visible["message"]
    assert not hidden["passed"] and hidden["message"] == ""  # not run: hidden shows nothing


def test_a_module_that_fails_to_load_shows_its_traceback_from_the_visible_job(exercise):
    outcome = _grade(exercise, "def train(train_ids, seed):\n    return {\n")

    assert outcome.verdict == "error"
    assert "SyntaxError" in outcome.message or "was never closed" in outcome.message


def test_held_out_texts_never_enter_the_sandbox(exercise):
    # Every frame any job receives: the author job that runs cases.py (its metadata holds
    # the input files) and the learner jobs of a submit.
    sandbox = services.grader_options().sandbox()
    real_execute = sandbox._execute
    sent = []

    def spy(frames, *args, **kwargs):
        sent.extend(frames)
        return real_execute(frames, *args, **kwargs)

    with patch.object(sandbox, "_execute", side_effect=spy):
        exercise.content_hash = "held-out-test"  # a version no other test prepared
        prepared = prepared_exercise(exercise)
        _grade(exercise, (PACKAGE / "solution.py").read_text())
    author_meta = b"".join(f for f in sent if b'"author"' in f[:4096])
    assert author_meta, "the author job's frames were not seen"
    assert b"train_short.txt" in author_meta  # the input file went to cases(data)
    frames = b"".join(sent) + b"".join(prepared.payloads(list(range(len(prepared.cases)))))

    for row in ExerciseDataFile.objects.filter(exercise=exercise, role="heldout"):
        ids = np.array([0 if c == "\n" else ord(c) - 31 for c in row.text], dtype=np.int64)
        assert ids.tobytes()[:256] not in frames
        assert row.text[:40].encode() not in frames
        assert row.name.encode() not in frames
        assert json.dumps(row.text[:40])[1:-1].encode() not in frames  # as a JSON header holds it
    training = ExerciseDataFile.objects.get(exercise=exercise, name="train_short.txt").text
    train_ids = np.array([0 if c == "\n" else ord(c) - 31 for c in training], dtype=np.int64)
    assert train_ids.tobytes() in frames  # the check above would have seen them


def test_held_out_texts_are_on_no_learner_page_or_api(exercise, learner, learner_client):
    from django.test import Client

    from accounts.services import token_create

    _, token = token_create(user=learner, name="tests")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    submission = SubmissionFactory(
        exercise=exercise, learner=learner, source_code=(PACKAGE / "solution.py").read_text()
    )
    services.submission_grade(submission_id=submission.pk)
    heldout = [r.text[:30] for r in ExerciseDataFile.objects.filter(role="heldout")]
    assert heldout
    responses = [
        learner_client.get(reverse("exercises:exercise_detail", args=[exercise.slug])),
        learner_client.get(reverse("exercises:submission_detail", args=[submission.pk])),
        learner_client.get(reverse("exercises:submission_status", args=[submission.pk])),
        api.get("/api/exercises/flat_gpt/"),
        api.get(f"/api/submissions/{submission.pk}/"),
    ]
    for response in responses:
        assert response.status_code == 200, response
        body = response.content.decode()
        for text in heldout:
            assert text not in body


def test_long_exercises_are_routed_to_the_grading_long_queue(exercise):
    long = SubmissionFactory(exercise=exercise)
    quick = SubmissionFactory()

    assert submission_route(submission_id=long.pk) == (
        "grader.grade_submission_long",
        "grading-long",
    )
    assert submission_route(submission_id=quick.pk) == ("grader.grade_submission", "grading")


def test_the_sweep_gives_training_runs_their_own_cutoff(exercise, settings):
    settings.GRADER_STUCK_SECONDS = 120
    settings.GRADER_LONG_STUCK_SECONDS = 1200
    started = timezone.now() - timedelta(seconds=300)
    long = SubmissionFactory(exercise=exercise)
    quick = SubmissionFactory()
    Submission.objects.filter(pk__in=[long.pk, quick.pk]).update(
        status=Submission.Status.RUNNING, started_at=started
    )

    with patch.object(services, "submission_enqueue", return_value=True) as enqueue:
        resent = services.submission_sweep_stuck()

    assert resent == 1
    assert [call.kwargs["submission_id"] for call in enqueue.call_args_list] == [quick.pk]


def test_a_graded_submission_stores_the_numbers_and_the_page_draws_the_curve(
    exercise, learner, learner_client
):
    submission = SubmissionFactory(
        exercise=exercise, learner=learner, source_code=(PACKAGE / "solution.py").read_text()
    )

    services.submission_grade(submission_id=submission.pk)

    status = learner_client.get(reverse("exercises:submission_status", args=[submission.pk]))
    visible, hidden = status.json()["cases"]
    assert visible["model"]["heldout"][0] == {"text": "a", "loss": 4.56}
    assert "model" not in hidden
    page = learner_client.get(reverse("exercises:submission_detail", args=[submission.pk]))
    html = page.content.decode()
    assert html.count('<svg class="loss-curve"') == 1 and "loss-curve__threshold" in html


def test_one_training_run_at_a_time_per_learner(exercise, learner, learner_client):
    from accounts.services import token_create

    source = (PACKAGE / "solution.py").read_text()
    url = reverse("exercises:submission_create", args=[exercise.slug])
    with patch("exercises.services.submission_enqueue", return_value=True):
        first = learner_client.post(
            url, {"source_code": source, "mode": "run"}, HTTP_ACCEPT="application/json"
        )
        second = learner_client.post(
            url, {"source_code": source, "mode": "submit"}, HTTP_ACCEPT="application/json"
        )
        _, token = token_create(user=learner, name="tests")
        api = learner_client.__class__(HTTP_AUTHORIZATION=f"Bearer {token}")
        third = api.post(
            f"/api/exercises/{exercise.slug}/submissions/",
            data={"source_code": source},
            content_type="application/json",
        )

    assert first.status_code == 202
    assert second.status_code == 409 and "still being graded" in second.json()["error"]
    assert third.status_code == 409
    assert Submission.objects.filter(learner=learner).count() == 1
    services.submission_grade(submission_id=first.json()["id"])
    with patch("exercises.services.submission_enqueue", return_value=True):
        again = learner_client.post(
            url, {"source_code": source, "mode": "submit"}, HTTP_ACCEPT="application/json"
        )
    assert again.status_code == 202  # the verdict is in: the next run may start


def test_a_long_submission_lands_on_the_grading_long_queue_of_the_real_broker(
    exercise, redis_url, settings
):
    import json

    import redis

    from exercises.services import submission_enqueue

    broker = redis.Redis.from_url(redis_url)
    broker.flushdb()  # the suite's own database (scripts/test.sh reserves it)
    long = SubmissionFactory(exercise=exercise)
    quick = SubmissionFactory()

    assert submission_enqueue(submission_id=long.pk)
    assert submission_enqueue(submission_id=quick.pk)

    def queued(queue):
        return [json.loads(m)["headers"] for m in broker.lrange(queue, 0, -1)]

    (on_long,) = queued("grading-long")
    (on_quick,) = queued("grading")
    assert (
        on_long["task"] == "grader.grade_submission_long" and on_long["argsrepr"] == f"[{long.pk}]"
    )
    assert on_quick["task"] == "grader.grade_submission" and on_quick["argsrepr"] == f"[{quick.pk}]"
    broker.flushdb()


RAISES_ON_HIDDEN = """
def train(train_ids, seed):
    if seed == 1:  # the hidden case's seed
        raise ValueError("secret-looking text from the hidden job")
    return TRAIN(train_ids, seed)
"""


def test_a_hidden_case_that_raises_says_nothing_beyond_failed(exercise):
    reference = (PACKAGE / "solution.py").read_text().replace("def train(", "def TRAIN(")

    outcome = _grade(exercise, reference + RAISES_ON_HIDDEN)

    visible, hidden = outcome.cases_as_dicts()
    assert visible["passed"] and not hidden["passed"] and hidden["message"] == ""
    assert "raised" not in outcome.message and "secret-looking" not in outcome.message

