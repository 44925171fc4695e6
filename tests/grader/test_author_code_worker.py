"""An author saves a hostile or broken cases.py in the admin and presses "Validate
exercise": a real Celery worker runs it in the real sandbox, never in the web or worker
process, and the report comes back as data."""

import os
import secrets
import textwrap

import pytest
import redis
from django.contrib.auth.models import Permission
from django.db import transaction
from django.test import Client
from django.urls import reverse

from exercises.models import Submission
from exercises.services import submission_submit
from grader.models import ExerciseValidation
from grader.sandbox.layout import REPO_ROOT
from grader.services import BROKEN_MESSAGE
from tests.conftest import wait_for
from tests.factories import ExerciseFactory, UserFactory
from tests.live_worker import LiveWorker

pytestmark = [pytest.mark.worker, pytest.mark.sandbox, pytest.mark.django_db(transaction=True)]

CANARY_ENV = "COURSEPLATFORM_AUTHOR_CANARY"


def hostile_cases(targets: list[str]) -> str:
    return textwrap.dedent(
        f"""
        import os

        import numpy as np

        from grader.casekit import Case

        RESULTS = []
        for path in {targets!r}:
            try:
                with open(path, "w") as f:
                    f.write("written by cases.py")
                RESULTS.append("wrote " + path)
            except OSError as exc:
                RESULTS.append("could not write " + path + ": " + type(exc).__name__)
        print("cases.py ran:", RESULTS)
        print("environment:", dict(os.environ))
        SEEN = os.environ.get({CANARY_ENV!r}, "absent")


        def cases():
            yield Case("small vector", args=(np.array([1.0, 2.0]),), visible=True)
            yield Case("canary " + SEEN, args=(np.array([-3.0, 0.5, 4.0]),))
        """
    )


BROKEN_CASES = textwrap.dedent(
    """
    import numpy as np
    from grader.casekit import Case

    def cases():
        yield Case("small vector", args=(np.array([1.0, 2.0]),), visible=True)
        raise ZeroDivisionError("the author's own bug")
    """
)


def read(path: str) -> str:
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ""


def children_of(pid: int) -> list[int]:
    """The Celery pool processes: direct children of the worker's main process."""
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            fields = read(f"/proc/{name}/stat").rsplit(")", 1)[-1].split()
            if len(fields) > 1 and fields[1] == str(pid):
                found.append(int(name))
    return found


def author_client() -> Client:
    """Staff with only the permissions to see and change exercises (the reported attack)."""
    author = UserFactory(is_staff=True)
    author.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="exercises", codename__in=["view_exercise", "change_exercise"]
        )
    )
    client = Client()
    client.force_login(author)
    return client


def validate(client: Client, exercise) -> ExerciseValidation:
    response = client.post(
        reverse("admin:exercises_exercise_validate", args=[exercise.pk]), secure=True
    )
    assert response.status_code == 302, response.content[:500]

    def finished():
        validation = ExerciseValidation.objects.filter(exercise=exercise).first()
        return validation if validation is not None and validation.finished else None

    return wait_for(finished, timeout=180, interval=0.2)


def test_author_code_runs_only_in_the_sandbox_and_reports_come_back(
    redis_url, tmp_path, monkeypatch
):
    canary = f"author-canary-{secrets.token_hex(8)}"
    monkeypatch.setenv(CANARY_ENV, canary)  # in the web process (this one) and the worker
    token = secrets.token_hex(6)
    targets = [
        str(REPO_ROOT / "grader" / f".author-file-{token}"),
        f"/tmp/author-file-{token}",  # noqa: S108 - the host's /tmp, outside the sandbox
        str(tmp_path / "written-by-cases.txt"),
    ]
    hostile = ExerciseFactory(slug="hostile-author", cases_source=hostile_cases(targets))
    broken = ExerciseFactory(slug="broken-author", cases_source=BROKEN_CASES)
    learner = UserFactory()
    client = author_client()

    redis.Redis.from_url(redis_url).flushdb()
    worker = LiveWorker(broker_url=redis_url, log_path=tmp_path / "worker.log", concurrency=1)
    worker.start()
    try:
        good = validate(client, hostile)
        bad = validate(client, broken)
        with transaction.atomic():
            submission = submission_submit(
                learner=learner, exercise=broken, source_code="def double(x):\n    return 2 * x\n"
            )
        graded = wait_for(
            lambda: Submission.objects.filter(pk=submission.pk, status="done").first(), timeout=120
        )
        pool = children_of(worker.process.pid)
        torch_mapped = [pid for pid in pool if "libtorch" in read(f"/proc/{pid}/maps")]
    finally:
        worker.stop()

    # The hostile cases.py ran (its output is in the report), saw no canary and wrote
    # nothing anywhere a web or worker process can see.
    assert good.status == ExerciseValidation.Status.DONE and good.ok, good.report
    assert "cases.py ran:" in good.report["output"]
    assert "could not write" in good.report["output"]
    starter = next(row for row in good.report["rows"] if row["label"] == "starter code")
    assert "canary absent" in starter["detail"]
    for path in targets:
        assert not os.path.exists(path), path
    everything = repr(good.report) + good.error + repr(bad.report) + worker.log_text()
    assert canary not in everything

    # The worker's own processes never import torch: only its sandbox's zygotes do.
    assert pool and torch_mapped == []

    # A broken cases.py gives its author a clear report; the learner a fixed message.
    assert bad.status == ExerciseValidation.Status.DONE and bad.ok is False
    detail = bad.report["rows"][0]["detail"]
    assert "broken-author/cases.py failed" in detail
    assert 'File "cases.py", line 7, in cases' in detail
    assert "ZeroDivisionError: the author's own bug" in detail
    assert graded.verdict == Submission.Verdict.ERROR and graded.message == BROKEN_MESSAGE
