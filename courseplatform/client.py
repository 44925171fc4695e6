"""Submit an exercise solution from the command line and wait for its verdict.

    python -m courseplatform.client submit SLUG FILE --url URL --token TOKEN [--run]
    python client.py submit softmax softmax.py        # URL and token from the environment

Standard library only, so that it runs on a learner's laptop without Django: copy this one
file (the server also serves it at /api/client.py). Exit status: 0 when the submission
passed, 1 when it did not, 2 on a usage, network or HTTP error (one line on stderr).
Environment: COURSEPLATFORM_URL and COURSEPLATFORM_TOKEN stand in for --url and --token.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

EXIT_PASSED, EXIT_NOT_PASSED, EXIT_ERROR = 0, 1, 2
REQUEST_TIMEOUT = 30.0
LONG_POLL_SECONDS = 25.0  # below the server's bound (30 s) and common proxy timeouts
USER_AGENT = "courseplatform-client/1"


class ClientError(Exception):
    """Anything that stops the client before a verdict: printed as one line, exit 2."""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # urllib would turn a redirected POST into a GET without the code; say where to go.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise ClientError(f"the server redirects to {newurl}: pass that address as --url")


class Api:
    def __init__(self, base_url: str, token: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.opener = urllib.request.build_opener(_NoRedirect)

    def call(
        self, method: str, path: str, body: dict | None = None, *, timeout: float = REQUEST_TIMEOUT
    ) -> dict:
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(
            self.base_url + path,
            data=data,
            method=method,
            headers={
                "Authorization": f"Bearer {self.token}",
                "Accept": "application/json",
                "Content-Type": "application/json",
                "User-Agent": USER_AGENT,
            },
        )
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return _json_body(response.read(), response.status)
        except urllib.error.HTTPError as exc:
            raise ClientError(_http_problem(exc)) from None
        except urllib.error.URLError as exc:
            raise ClientError(f"cannot reach {self.base_url}: {exc.reason}") from None
        except (OSError, http.client.HTTPException) as exc:  # timeouts, resets, bad replies
            raise ClientError(f"no answer from {self.base_url}: {exc!r}") from None


def _json_body(raw: bytes, status: int) -> dict:
    try:
        body = json.loads(raw)
    except ValueError:
        raise ClientError(
            f"the server answered HTTP {status} with something that is not JSON "
            "(is --url the platform's address?)"
        ) from None
    if not isinstance(body, dict):
        raise ClientError(f"the server answered HTTP {status} with unexpected JSON")
    return body


def _http_problem(exc: urllib.error.HTTPError) -> str:
    try:
        body = json.loads(exc.read())
        message = str(body.get("error")) if isinstance(body, dict) else ""
    except ValueError:
        message = ""
    message = message or exc.reason or "error"
    if exc.code == 401:
        return f"HTTP 401: {message} (check --token or COURSEPLATFORM_TOKEN)"
    if exc.code == 429:
        wait = exc.headers.get("Retry-After", "?")
        return f"HTTP 429: too many submissions; try again in {wait} s"
    return f"HTTP {exc.code}: {message}"


def submit(api: Api, slug: str, source: str, *, mode: str, timeout: float, out) -> dict:
    """Send the source, then poll until the verdict is in; return the graded submission."""
    path = f"/api/exercises/{urllib.parse.quote(slug, safe='')}/submissions/"
    submission = api.call("POST", path, {"source_code": source, "mode": mode})
    submission_id = submission.get("id")
    if type(submission_id) is not int:
        raise ClientError("the server's answer has no submission id")
    print(
        f"Submitted {slug} (submission {submission_id}); waiting for the verdict...",
        file=out,
        flush=True,
    )
    deadline = time.monotonic() + timeout
    delay = 0.1
    told = ""
    while submission.get("status") != "done":
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ClientError(
                f"no verdict within {timeout:g} s (submission {submission_id} is "
                f"{submission.get('status')}); see {api.base_url}/api/submissions/{submission_id}/"
            )
        notice = str(submission.get("notice") or "")
        if notice and notice != told:  # e.g. the grading queue is down: it waits, stored
            print(f"Submission {submission_id} is {notice}", file=out, flush=True)
            told = notice
        # Long poll: the server answers the moment the verdict is recorded.
        wait = min(LONG_POLL_SECONDS, remaining)
        asked = time.monotonic()
        submission = api.call(
            "GET",
            f"/api/submissions/{submission_id}/?wait={wait:.1f}",
            timeout=wait + REQUEST_TIMEOUT,
        )
        if submission.get("status") != "done" and time.monotonic() - asked < wait / 2:
            # An early answer without a verdict: a server that does not know `wait`.
            time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
            delay = min(delay * 1.5, 2.0)
    return submission


def report(submission: dict, out) -> None:
    """Print the verdict, each case and the feedback, for a person to read."""
    verdict = str(submission.get("verdict") or "unknown")
    score = submission.get("score")
    score_text = f" ({score:.0%} of cases)" if isinstance(score, int | float) else ""
    print(f"Verdict: {verdict.upper().replace('_', ' ')}{score_text}", file=out)
    for case in submission.get("cases") or []:
        if not isinstance(case, dict):
            continue
        mark = "pass" if case.get("passed") is True else "FAIL"
        hidden = "" if case.get("visible") is True else " (hidden)"
        print(f"  [{mark}] {case.get('name', '?')}{hidden}", file=out)
        message = str(case.get("message") or "").strip()
        if message and case.get("passed") is not True:
            for line in message.splitlines():
                print(f"         {line}", file=out)
    for label, key in (("Feedback", "message"), ("Warning", "warning"), ("Output", "stdout")):
        text = str(submission.get(key) or "").rstrip()
        if text:
            print(f"{label}:\n{text}", file=out)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="courseplatform-submit",
        description="Submit a solution to the course platform and print its verdict.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    sub = commands.add_parser("submit", help="submit FILE as a solution of exercise SLUG")
    sub.add_argument("slug", help="the exercise's slug, e.g. softmax")
    sub.add_argument("file", help="the Python file with your solution")
    sub.add_argument(
        "--url",
        default=os.environ.get("COURSEPLATFORM_URL"),
        help="the platform's address (default: $COURSEPLATFORM_URL)",
    )
    sub.add_argument(
        "--token",
        default=os.environ.get("COURSEPLATFORM_TOKEN"),
        help="your API token (default: $COURSEPLATFORM_TOKEN)",
    )
    sub.add_argument(
        "--run",
        action="store_true",
        help="run the visible cases only (does not count as an attempt)",
    )
    sub.add_argument(
        "--timeout",
        type=float,
        default=120.0,
        help="seconds to wait for the verdict (default: 120)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        source = _check_args(args)
        submission = submit(
            Api(args.url, args.token),
            args.slug,
            source,
            mode="run" if args.run else "submit",
            timeout=args.timeout,
            out=sys.stdout,
        )
    except ClientError as exc:
        print(f"error: {' '.join(str(exc).split())}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return EXIT_ERROR
    report(submission, sys.stdout)
    return EXIT_PASSED if submission.get("verdict") == "passed" else EXIT_NOT_PASSED


def _check_args(args: argparse.Namespace) -> str:
    if not args.url:
        raise ClientError("no server address: pass --url or set COURSEPLATFORM_URL")
    if urllib.parse.urlsplit(args.url).scheme not in ("http", "https"):
        raise ClientError(f"--url must start with http:// or https://, not {args.url!r}")
    if not args.token:
        raise ClientError(
            "no API token: pass --token or set COURSEPLATFORM_TOKEN "
            "(your instructor can make one with `manage.py createtoken`)"
        )
    if not args.timeout > 0:
        raise ClientError("--timeout must be a positive number of seconds")
    try:
        with open(args.file, encoding="utf-8") as handle:
            return handle.read()
    except OSError as exc:
        raise ClientError(f"cannot read {args.file}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ClientError(f"cannot read {args.file}: it is not UTF-8 text") from None


if __name__ == "__main__":
    sys.exit(main())
