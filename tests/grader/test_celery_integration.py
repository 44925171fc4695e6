"""Submit → verdict through a real Celery worker process, a real Redis and the database."""

import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.db import transaction

from exercises.models import Progress, Submission
from exercises.services import submission_submit
from tests.conftest import wait_for
from tests.factories import ExerciseFactory, UserFactory
from tests.live_worker import LiveWorker

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

RIGHT = "def double(x):\n    return x * 2\n"
WRONG = "def double(x):\n    return x + 1\n"
SLOW_RIGHT = "import time\n\ndef double(x):\n    time.sleep(1.5)\n    return 2 * x\n"


def submit(learner, exercise, source):
    with transaction.atomic():
        submission = submission_submit(learner=learner, exercise=exercise, source_code=source)
    return submission


def done(submission_id):
    submission = Submission.objects.get(pk=submission_id)
    return submission if submission.status == Submission.Status.DONE else None


def test_submission_gets_its_verdict_from_a_real_worker(live_worker):
    learner, exercise = UserFactory(), ExerciseFactory()

    right = submit(learner, exercise, RIGHT)
    wrong = submit(learner, exercise, WRONG)

    right = wait_for(lambda: done(right.pk))
    wrong = wait_for(lambda: done(wrong.pk))
    assert (right.verdict, right.score) == ("passed", 1.0)
    assert wrong.verdict == "failed" and wrong.score < 1.0
    assert right.started_at and right.graded_at and right.exercise_version == exercise.content_hash
    progress = Progress.objects.get(learner=learner, exercise=exercise)
    assert (progress.attempts, progress.best_score) == (2, 1.0)
    assert progress.solved_at is not None


def test_worker_killed_mid_grading_still_gives_exactly_one_verdict(live_worker, tmp_path):
    learner, exercise = UserFactory(), ExerciseFactory()
    submission = submit(learner, exercise, SLOW_RIGHT)
    wait_for(lambda: Submission.objects.get(pk=submission.pk).status == Submission.Status.RUNNING)

    live_worker.kill()
    assert Submission.objects.get(pk=submission.pk).status != Submission.Status.DONE
    restarted = LiveWorker(broker_url=live_worker.broker_url, log_path=tmp_path / "w2.log").start()
    try:
        graded = wait_for(lambda: done(submission.pk), timeout=60)
    finally:
        restarted.stop()

    assert graded.verdict == "passed"
    assert graded.delivery_count >= 2
    assert Submission.objects.filter(learner=learner).count() == 1
    assert Progress.objects.get(learner=learner, exercise=exercise).attempts == 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def own_redis(tmp_path):
    """A Redis of this test's own, which it may stop and start again."""
    port = free_port()
    command = [
        shutil.which("redis-server"),
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        str(tmp_path),
    ]

    class Server:
        url = f"redis://127.0.0.1:{port}/0"
        process = None

        def start(self):
            self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
            wait_for(lambda: _pings(self.url), timeout=10)

        def stop(self):
            self.process.terminate()
            self.process.wait(timeout=10)

    server = Server()
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


def _pings(url):
    try:
        return redis.Redis.from_url(url, socket_timeout=0.5).ping()
    except redis.ConnectionError:
        return False


@pytest.fixture
def broker_for_this_process(own_redis):
    """Point this (web-side) process's Celery producer at `own_redis`."""
    from courseplatform.celery import app

    saved = app.conf.broker_url
    app.conf.broker_url = own_redis.url
    app._pool = None
    app.amqp._producer_pool = None
    yield
    app.conf.broker_url = saved
    app._pool = None
    app.amqp._producer_pool = None


def test_submission_made_while_redis_is_down_is_graded_when_it_is_back(
    own_redis, broker_for_this_process, transactional_db, tmp_path
):
    learner, exercise = UserFactory(), ExerciseFactory()
    worker = LiveWorker(broker_url=own_redis.url, log_path=tmp_path / "worker.log").start()
    try:
        own_redis.stop()
        started = time.monotonic()
        submission = submit(learner, exercise, RIGHT)
        assert time.monotonic() - started < 10, "a submit must not hang while the broker is down"
        assert Submission.objects.get(pk=submission.pk).status == Submission.Status.QUEUED

        own_redis.start()
        graded = wait_for(lambda: done(submission.pk), timeout=90)
    finally:
        worker.stop()
    assert graded.verdict == "passed"


def test_fifty_submissions_from_ten_learners_get_fifty_verdicts(live_worker):
    exercise = ExerciseFactory()
    learners = [UserFactory() for _ in range(10)]
    # Even learners get it right on their last try; odd ones never do.
    plan = {
        learner.pk: [WRONG] * 4 + [RIGHT if i % 2 == 0 else WRONG]
        for i, learner in enumerate(learners)
    }
    ids = []
    for learner in learners:
        for source in plan[learner.pk]:
            ids.append(submit(learner, exercise, source).pk)

    wait_for(
        lambda: Submission.objects.filter(pk__in=ids, status=Submission.Status.DONE).count() == 50,
        timeout=120,
    )
    verdicts = dict(Submission.objects.filter(pk__in=ids).values_list("pk", "verdict"))
    assert len(verdicts) == 50
    for learner in learners:
        progress = Progress.objects.get(learner=learner, exercise=exercise)
        assert progress.attempts == 5
        assert progress.best_score == (1.0 if RIGHT in plan[learner.pk] else 0.0)
        assert (progress.solved_at is not None) == (RIGHT in plan[learner.pk])
