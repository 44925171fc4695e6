"""The command-line client waits for its verdict with the `wait` long poll, and still works
against a server that answers at once (one that predates `wait`).

A small standard-library HTTP server stands in for the platform here, recording each
request the client makes; the client against the real platform is tests/api/test_client.py.
"""

import http.server
import json
import threading
from io import StringIO

import pytest

from courseplatform import client


class FakePlatform(http.server.ThreadingHTTPServer):
    def __init__(self, answers_before_done: int):
        super().__init__(("127.0.0.1", 0), Handler)
        self.paths: list[str] = []
        self.answers_before_done = answers_before_done

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(http.server.BaseHTTPRequestHandler):
    server: FakePlatform

    def log_message(self, *args):
        pass

    def _answer(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        self.server.paths.append(self.path)
        self.rfile.read(int(self.headers["Content-Length"]))
        self._answer(202, {"id": 7, "status": "queued", "notice": client_notice()})

    def do_GET(self):
        self.server.paths.append(self.path)
        gets = sum(1 for path in self.server.paths if path.startswith("/api/submissions/"))
        if gets <= self.server.answers_before_done:
            self._answer(200, {"id": 7, "status": "queued", "notice": client_notice()})
        else:
            self._answer(200, {"id": 7, "status": "done", "verdict": "passed", "score": 1.0})


def client_notice() -> str:
    return "queued: it will be graded when the grader is back"


@pytest.fixture
def platform(request):
    server = FakePlatform(answers_before_done=request.param)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("platform", [0], indirect=True)
def test_the_client_asks_the_server_to_wait_for_the_verdict(platform):
    out = StringIO()
    result = client.submit(
        client.Api(platform.url, "token"), "softmax", "x = 1\n", mode="submit", timeout=60, out=out
    )
    assert result["verdict"] == "passed"
    gets = [path for path in platform.paths if path.startswith("/api/submissions/")]
    assert gets == ["/api/submissions/7/?wait=25.0"]
    assert "Submission 7 is queued: it will be graded when the grader is back" in out.getvalue()


@pytest.mark.parametrize("platform", [3], indirect=True)
def test_against_a_server_that_does_not_wait_the_client_backs_off(platform):
    result = client.submit(
        client.Api(platform.url, "token"), "softmax", "x = 1\n", mode="run", timeout=60,
        out=StringIO(),
    )
    assert result["status"] == "done"
    assert len([p for p in platform.paths if p.startswith("/api/submissions/")]) == 4
