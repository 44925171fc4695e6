"""The command-line client against a live server, run as a subprocess as a learner would.

Most tests replace the broker hand-off by a fake grader thread that moves the row
queued → running → done after a delay, so the client really polls through those states
over HTTP without depending on the sandbox; one test goes end to end through a real
Celery worker and the real grader (`live_worker`).
"""

import ast
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from unittest.mock import patch

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from pytest_django.live_server_helper import LiveServer

import courseplatform.client
from accounts.services import token_create
from exercises.models import Submission
from tests.courses.helpers import MINI_COURSE, load
from tests.factories import UserFactory

CLIENT = Path(courseplatform.client.__file__)
ROOT = CLIENT.parent.parent
PASSING = "def double(x):\n    return x + x\n"
FAILING = "def double(x):\n    return x\n"


@pytest.fixture(scope="module")
def server(django_db_blocker):
    """A live server of its own: production settings redirect plain HTTP to HTTPS, and the
    middleware reads that setting once, when the server thread builds its handler."""
    redirect = settings.SECURE_SSL_REDIRECT
    settings.SECURE_SSL_REDIRECT = False
    try:
        with django_db_blocker.unblock():
            live = LiveServer("127.0.0.1")
    finally:
        settings.SECURE_SSL_REDIRECT = redirect
    with live._live_server_modified_settings:
        yield live
    live.stop()


def _fake_grade(submission_id: int, *, never_finishes: bool = False) -> None:
    def work():
        try:
            time.sleep(0.3)
            Submission.objects.filter(pk=submission_id).update(
                status=Submission.Status.RUNNING, started_at=timezone.now()
            )
            if never_finishes:
                return
            time.sleep(0.3)
            source = Submission.objects.get(pk=submission_id).source_code
            passed = "x + x" in source
            Submission.objects.filter(pk=submission_id).update(
                status=Submission.Status.DONE,
                verdict=Submission.Verdict.PASSED if passed else Submission.Verdict.FAILED,
                score=1.0 if passed else 0.5,
                graded_at=timezone.now(),
                stdout="hello\n",
                cases=[
                    {"name": "small vector", "visible": True, "passed": True, "message": ""},
                    {
                        "name": "random matrix",
                        "visible": False,
                        "passed": passed,
                        "message": "" if passed else "HIDDEN-DATA leaked by a faulty grader",
                    },
                ],
                message="" if passed else "Your result is half of the expected one.",
            )
        finally:
            connection.close()

    threading.Thread(target=work, daemon=True).start()


@pytest.fixture
def grader():
    with patch(
        "exercises.services.submission_enqueue",
        side_effect=lambda submission_id: _fake_grade(submission_id) or True,
    ) as enqueue:
        yield enqueue


@pytest.fixture
def live_site(transactional_db, server, tmp_path):
    """The mini course on the live server, a learner with a token, a solution file."""
    load(MINI_COURSE)
    user = UserFactory(username="lin")
    _, token = token_create(user=user, name="laptop")
    solution = tmp_path / "double.py"
    solution.write_text(PASSING)
    return {"url": server.url, "token": token, "file": solution, "user": user}


@pytest.fixture
def live(live_site, grader):
    """The live site, graded by the fake grader."""
    return live_site


def _client(*args: str, env: dict | None = None, stdlib_only: bool = False, timeout=60):
    """Run the client the way a learner does; return (exit code, stdout, stderr)."""
    if stdlib_only:
        # -I -S: no site-packages, no project on the path: the bare standard library.
        command = [sys.executable, "-I", "-S", str(CLIENT), *args]
    else:
        command = [sys.executable, "-m", "courseplatform.client", *args]
    base = {k: v for k, v in os.environ.items() if not k.startswith("COURSEPLATFORM_")}
    result = subprocess.run(
        command, cwd=ROOT, env=base | (env or {}), capture_output=True, text=True, timeout=timeout
    )
    return result.returncode, result.stdout, result.stderr


def _submit(live, *extra: str, **kwargs):
    return _client(
        "submit",
        "double",
        str(live["file"]),
        "--url",
        live["url"],
        "--token",
        live["token"],
        *extra,
        **kwargs,
    )


def test_a_passing_solution_exits_0_after_polling_to_the_verdict(live):
    code, out, err = _submit(live)

    assert (code, err) == (0, "")
    assert "Verdict: PASSED (100% of cases)" in out
    assert "[pass] small vector" in out and "[pass] random matrix (hidden)" in out
    submission = Submission.objects.get()
    assert (submission.learner, submission.mode, submission.status) == (
        live["user"],
        "submit",
        "done",
    )
    assert f"submission {submission.pk}" in out


def test_a_failing_solution_exits_1_and_shows_feedback_but_no_hidden_message(live):
    live["file"].write_text(FAILING)

    code, out, err = _submit(live)

    assert (code, err) == (1, "")
    assert "Verdict: FAILED (50% of cases)" in out
    assert "[FAIL] random matrix (hidden)" in out
    assert "Your result is half of the expected one." in out
    assert "hello" in out
    assert "HIDDEN-DATA" not in out


def test_run_mode_and_the_environment_variables(live):
    code, out, _ = _client(
        "submit",
        "double",
        str(live["file"]),
        "--run",
        env={"COURSEPLATFORM_URL": live["url"], "COURSEPLATFORM_TOKEN": live["token"]},
    )

    assert code == 0
    assert Submission.objects.get().mode == Submission.Mode.RUN


def test_the_client_needs_nothing_but_the_standard_library(live):
    code, out, err = _submit(live, stdlib_only=True)

    assert (code, err) == (0, "")
    assert "Verdict: PASSED" in out


def test_the_server_serves_the_client_for_learners_to_download(live, tmp_path):
    import urllib.request

    with urllib.request.urlopen(f"{live['url']}/api/client.py") as response:
        downloaded = response.read()

    assert downloaded == CLIENT.read_bytes()
    assert response.headers["Content-Type"].startswith("text/x-python")


def test_client_imports_only_standard_library_modules():
    tree = ast.parse(CLIENT.read_text())
    modules = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    modules |= {
        node.module.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
    }

    assert modules - {"__future__"} <= sys.stdlib_module_names, modules


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["--token", "cp_wrong"], "error: HTTP 401: invalid or revoked API token"),
        (["--slug", "nope"], "error: HTTP 404: not found"),
        (["--file", "/nonexistent/solution.py"], "error: cannot read /nonexistent/solution.py"),
        (["--url", "ftp://example.org"], "error: --url must start with http:// or https://"),
    ],
)
def test_usage_and_http_errors_exit_2_with_one_line(live, args, problem):
    options = {
        "--token": live["token"],
        "--slug": "double",
        "--file": str(live["file"]),
        "--url": live["url"],
    }
    options[args[0]] = args[1]

    code, out, err = _client(
        "submit",
        options["--slug"],
        options["--file"],
        "--url",
        options["--url"],
        "--token",
        options["--token"],
    )

    assert code == 2
    assert err.startswith(problem) and err.count("\n") == 1, err
    assert not Submission.objects.exists()


def test_missing_url_or_token_is_a_usage_error(live):
    code, _, err = _client("submit", "double", str(live["file"]), "--url", live["url"])

    assert code == 2 and err.startswith("error: no API token")


def test_an_unreachable_server_exits_2(live):
    with socket.socket() as sock:  # a port that nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]

    code, _, err = _client(
        "submit",
        "double",
        str(live["file"]),
        "--url",
        f"http://127.0.0.1:{port}",
        "--token",
        live["token"],
    )

    assert code == 2 and err.startswith(f"error: cannot reach http://127.0.0.1:{port}")


def test_rate_limited_submissions_exit_2_saying_when_to_retry(live, settings):
    # Per day: the limiter counts in fixed windows, and a window boundary between the
    # calls would reset the count and make the test flaky.
    settings.SUBMISSION_RATE = "1/d"

    first, _, _ = _submit(live)
    code, _, err = _submit(live)

    assert first == 0
    assert code == 2 and err.startswith("error: HTTP 429: too many submissions; try again in")


def test_no_verdict_within_the_timeout_exits_2_naming_the_submission(live, grader):
    grader.side_effect = lambda submission_id: _fake_grade(submission_id, never_finishes=True)

    started = time.monotonic()
    code, _, err = _submit(live, "--timeout", "1.5")

    submission = Submission.objects.get()
    assert code == 2
    assert err.startswith("error: no verdict within 1.5 s (submission")
    assert f"/api/submissions/{submission.pk}/" in err
    assert time.monotonic() - started < 10


def test_a_redirect_to_https_is_explained_not_followed(live):
    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.send_response(301)
            self.send_header("Location", "https://courses.example.org" + self.path)
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        code, _, err = _client(
            "submit",
            "double",
            str(live["file"]),
            "--url",
            f"http://127.0.0.1:{httpd.server_port}",
            "--token",
            "t",
        )
    finally:
        httpd.shutdown()

    assert code == 2
    assert err == (
        "error: the server redirects to https://courses.example.org/api/exercises/"
        "double/submissions/: pass that address as --url\n"
    )


@pytest.mark.worker
def test_end_to_end_through_a_real_worker_and_the_real_grader(live_site, live_worker):
    code, out, err = _submit(live_site, "--timeout", "60")
    live_site["file"].write_text(FAILING)
    code_failing, out_failing, _ = _submit(live_site, "--timeout", "60")

    assert (code, err) == (0, ""), out + err + live_worker.log_text()[-3000:]
    assert "Verdict: PASSED (100% of cases)" in out
    assert "[pass] small vector" in out and "[pass] random matrix (hidden)" in out
    assert code_failing == 1 and "Verdict: FAILED" in out_failing
    assert "[FAIL] random matrix (hidden)" in out_failing
