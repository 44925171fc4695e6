"""Text that no database can store never costs a verdict (run on SQLite and PostgreSQL).

A lone surrogate cannot be encoded as UTF-8 (SQLite and PostgreSQL both refuse it), and
PostgreSQL refuses NUL in text and jsonb. The learner controls both in load errors,
stdout, exception text and type names; each is cleaned before the verdict is saved.
"""

import json

import pytest

from exercises.models import Submission
from grader import services
from grader.storable import REPLACEMENT, storable_json, storable_text
from tests.factories import SubmissionFactory

pytestmark = [pytest.mark.sandbox, pytest.mark.django_db]

SURROGATE_AT_IMPORT = 'raise ValueError("broken \\ud800 text")\n'
NUL_IN_STDOUT = 'def double(x):\n    print("before\\x00after")\n    return 2 * x\n'
# Fails the hidden case, so that a submit shows the visible job's output.
NUL_IN_STDOUT_FAILING = NUL_IN_STDOUT.replace("return 2 * x", "return 2 * x if x[0] > 0 else x")
BAD_TYPE_NAME = """
def double(x):
    carrier = type("Carrier", (), {})
    carrier.__module__ = "nul\\x00here"
    carrier.__qualname__ = "lone\\udc80half"
    return carrier()
"""
BAD_EXCEPTION_TEXT = 'def double(x):\n    raise ValueError("a\\x00b \\udfff c")\n'


def graded(source: str, mode=Submission.Mode.SUBMIT) -> Submission:
    submission = SubmissionFactory(source_code=source, mode=mode)
    services.submission_grade(submission_id=submission.pk)
    return Submission.objects.get(pk=submission.pk)  # what the database holds


def assert_clean(submission: Submission) -> None:
    stored = json.dumps(submission.cases, ensure_ascii=False)
    for text in (submission.message, submission.stdout, submission.warning, stored):
        assert "\x00" not in text
        assert not any("\ud800" <= ch <= "\udfff" for ch in text)


def test_storable_text_replaces_nul_and_lone_surrogates_only():
    assert storable_text("a\x00b\ud800c\udfffd é 😀") == "a\ufffdb\ufffdc\ufffdd é 😀"
    assert storable_text("x" * 10, limit=4) == "xxxx"
    assert storable_json({"k\x00": ["\ud800", 1, None, {"m": "ok"}]}) == {
        "k\ufffd": ["\ufffd", 1, None, {"m": "ok"}]
    }


def test_a_lone_surrogate_in_a_load_error_is_saved_with_its_verdict():
    submission = graded(SURROGATE_AT_IMPORT)

    assert (submission.status, submission.verdict) == ("done", "error")
    assert f"broken {REPLACEMENT} text" in submission.message
    assert submission.delivery_count == 1
    assert_clean(submission)


@pytest.mark.parametrize(
    "source, mode, verdict",
    [
        (NUL_IN_STDOUT, Submission.Mode.RUN, "passed"),
        (NUL_IN_STDOUT_FAILING, Submission.Mode.SUBMIT, "failed"),
    ],
)
def test_nul_in_stdout_is_saved_with_its_verdict(source, mode, verdict):
    submission = graded(source, mode=mode)

    assert (submission.status, submission.verdict) == ("done", verdict)
    assert submission.stdout == f"before{REPLACEMENT}after\n"
    assert_clean(submission)


def test_nul_and_surrogates_in_case_messages_and_the_cases_json_are_saved():
    submission = graded(BAD_TYPE_NAME)

    assert (submission.status, submission.verdict) == ("done", "failed")
    visible = submission.cases[0]
    assert f"nul{REPLACEMENT}here.lone{REPLACEMENT}half" in visible["message"]
    assert_clean(submission)


def test_nul_and_surrogates_in_exception_text_are_saved():
    submission = graded(BAD_EXCEPTION_TEXT)

    assert (submission.status, submission.verdict) == ("done", "error")
    assert f"a{REPLACEMENT}b {REPLACEMENT} c" in submission.cases[0]["message"]
    assert_clean(submission)
