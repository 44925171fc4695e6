"""The hidden-data invariant, attacked through every channel a red team found.

Each file in tests/grader/hidden_channels/ reads the hidden inputs from inside its own
process (a stack walk at import, gc from inside a call) and tries to get them out through
one channel: a load error, a visible case's traceback, a type name in "got ...", the
forbidden-names record, an exit code, a signal, a forged frame length. Each is graded
through the real service and sandbox, and no hidden input (nor the hidden expected
output) may appear in anything the learner can read: the submission page, its status
JSON, the API, `manage.py grade --json`, or any field of the stored Submission row.
"""

from __future__ import annotations

import base64
import io
import json
import re
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.urls import reverse

from exercises.models import Submission
from grader import services
from grader.exercise_cache import prepared_exercise
from grader.grading import ONLY_ALONE
from grader.hidden import HiddenCategory, HiddenVerdict, hidden_message, seal
from grader.sandbox import RunResult
from grader.sandbox.runtime.wire import Unsupported
from tests.factories import ExerciseFactory, SubmissionFactory
from tests.lessons.web import make_user, web_settings  # noqa: F401

pytestmark = [pytest.mark.sandbox, pytest.mark.django_db]

CHANNELS_DIR = Path(__file__).resolve().parent / "hidden_channels"
FILES = sorted(CHANNELS_DIR.glob("*.py"))
EXPECT = re.compile(r"^# expect: (passed|failed|error|timeout|memory_limit|output_limit)\n")

HIDDEN_VECTOR = [7340.0193, -2917.5541, 86421.9753]
HIDDEN_INT = 918273645
HIDDEN_MATRIX = [[0.03819661, 47193.6058]]
CASES = f"""
import numpy as np

from grader.casekit import Case


def cases():
    yield Case("visible vector", args=(np.array([1.0, 2.0]),), visible=True)
    yield Case("hidden vector", args=(np.array({HIDDEN_VECTOR!r}),))
    yield Case("hidden count", args=({HIDDEN_INT!r},))
    yield Case("hidden matrix", args=(np.array({HIDDEN_MATRIX!r}),))
"""


def hidden_markers() -> list[str]:
    """Ways a hidden input or its expected output could be written: repr, digits, bytes."""
    floats = [*HIDDEN_VECTOR, *HIDDEN_MATRIX[0]]
    markers = {str(HIDDEN_INT), str(2 * HIDDEN_INT), f"{HIDDEN_INT:x}"}
    for value in floats + [2 * v for v in floats]:
        for number in (value, float(np.float32(value))):
            markers.add(repr(abs(number)))
            for digits in range(7, 11):
                markers.add(f"{abs(number):.{digits}g}")
                mantissa = f"{abs(number):.{digits - 1}e}".split("e")[0]
                markers.update({mantissa, mantissa.replace(".", "")})  # 7.3400193, 73400193
        for dtype in (np.float64, np.float32):
            raw = np.array(value, dtype=dtype).tobytes()
            markers.update({raw.hex(), base64.b64encode(raw).decode().rstrip("=")})
    for values in (HIDDEN_VECTOR, HIDDEN_MATRIX):
        raw = np.array(values).tobytes()
        markers.update({raw.hex()[:16], base64.b64encode(raw).decode()[:16]})
    return sorted(m for m in markers if len(m) >= 7)


MARKERS = hidden_markers()
# What a file leaks that is not an input's digits: the number it chose from HIDDEN_INT.
CHOSEN = {
    "exit_code_from_data": [f"code {HIDDEN_INT % 256}"],
    "signal_from_data": ["signal 12", "(SIGUSR2)"],  # HIDDEN_INT % 4 picks SIGUSR2
}
# Every text a hidden job can produce: the fixed strings of grader.hidden.
LIMITS = services.exercise_limits(ExerciseFactory.build())
FIXED = {
    hidden_message(HiddenVerdict(category=category, passed=(), forbidden=forbidden), LIMITS)
    for category in HiddenCategory
    for forbidden in (False, True)
}


def expected_verdict(path: Path) -> str:
    match = EXPECT.match(path.read_text())
    assert match, f"{path.name} must start with '# expect: <verdict>'"
    return match.group(1)


def readable_texts(submission: Submission, learner, client, source_file: Path) -> dict:
    """Everything the learner can read about this submission, by where it is read."""
    texts = {}
    row = Submission.objects.filter(pk=submission.pk).values().get()
    for field, value in row.items():
        if field != "source_code":  # the learner's own file, not something they were told
            texts[f"row.{field}"] = json.dumps(value, default=str)
    client.force_login(learner)
    pages = {
        "page": reverse("exercises:submission_detail", args=[submission.pk]),
        "status.json": reverse("exercises:submission_status", args=[submission.pk]),
        "list page": reverse("exercises:submission_list", args=[submission.exercise.slug]),
        "api detail": f"/api/submissions/{submission.pk}/",
        "api list": f"/api/submissions/?exercise={submission.exercise.slug}",
    }
    for where, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (where, response.status_code)
        texts[where] = response.content.decode()
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("grade", submission.exercise.slug, str(source_file), "--json", stdout=out)
    texts["grade --json"] = out.getvalue()
    return texts


def test_the_markers_find_a_hidden_input_written_in_any_common_form():
    written = [
        repr(np.array(HIDDEN_VECTOR)),
        str(np.array(HIDDEN_MATRIX, dtype=np.float32)),
        json.dumps(2 * np.array(HIDDEN_VECTOR).tolist()[0]),
        f"got {HIDDEN_INT}",
        np.array(HIDDEN_VECTOR).tobytes().hex(),
    ]
    for text in written:
        assert any(marker in text for marker in MARKERS), text
    assert not any(marker in "1.0 2.0 [2. 4.] 0.0001 1e-05" for marker in MARKERS)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_no_hidden_input_leaves_through(path, client, tmp_path):
    learner = make_user()
    exercise = ExerciseFactory(cases_source=CASES, forbidden=["numpy.multiply"])
    source = path.read_text()
    assert not any(marker in source for marker in MARKERS)
    submission = SubmissionFactory(exercise=exercise, learner=learner, source_code=source)
    source_file = tmp_path / "submission.py"
    source_file.write_text(source)

    services.submission_grade(submission_id=submission.pk)

    submission.refresh_from_db()
    details = (submission.message, submission.cases)
    assert submission.status == Submission.Status.DONE
    assert submission.verdict == expected_verdict(path), details
    visible, *hidden = submission.cases
    # The visible job held only the visible case: it answered it and said nothing else (the
    # case may still count as failed, with a fixed sentence, when the sealed job failed it).
    assert visible["visible"], details
    assert (visible["passed"], visible["message"]) in ((True, ""), (False, ONLY_ALONE)), details
    assert not any(case["visible"] or case["message"] for case in hidden), details
    assert submission.message in FIXED, details
    markers = MARKERS + CHOSEN.get(path.stem, [])
    for where, text in readable_texts(submission, learner, client, source_file).items():
        for marker in markers:
            assert marker not in text, f"{path.name}: hidden input {marker!r} in {where}"


def test_the_visible_job_never_holds_a_hidden_case(client):
    """The job that says why a submit failed finds only the visible case in its memory."""
    source = (
        (CHANNELS_DIR / "gc_walk_from_visible_case.py")
        .read_text()
        .replace("if len(cases) > 1:", "print('FRAMES', len(cases))\n    if len(cases) > 1:")
    )
    exercise = ExerciseFactory(cases_source=CASES)
    submission = SubmissionFactory(exercise=exercise, source_code=source)

    services.submission_grade(submission_id=submission.pk)

    submission.refresh_from_db()
    assert submission.verdict == "error", submission.message  # it raised in the sealed job
    assert submission.cases[0]["message"] == ONLY_ALONE  # it passed in the visible job
    assert submission.stdout == "FRAMES 1\n", submission.stdout
    assert not any(marker in submission.stdout for marker in MARKERS)


# ---- the sealed type, without the sandbox ------------------------------------------------

SECRET_TEXT = f"Traceback: {HIDDEN_VECTOR} exited with code 109"


@pytest.mark.parametrize(
    "fields",
    [
        {"category": "error", "passed": ()},  # a plain string, not the enum
        {"category": HiddenCategory.ERROR, "passed": (SECRET_TEXT,)},
        {"category": HiddenCategory.ERROR, "passed": [True]},
        {"category": HiddenCategory.ERROR, "passed": (1,)},
        {"category": HiddenCategory.ERROR, "passed": (), "forbidden": SECRET_TEXT},
        {"category": HiddenCategory.ERROR, "passed": (), "mistakes": frozenset({1})},
        {"category": HiddenCategory.ERROR, "passed": (), "mistakes": {SECRET_TEXT}},
    ],
)
def test_a_hidden_verdict_cannot_hold_learner_text(fields):
    with pytest.raises(TypeError):
        HiddenVerdict(**fields)
    with pytest.raises((AttributeError, TypeError)):
        HiddenVerdict(category=HiddenCategory.PASSED, passed=()).message = SECRET_TEXT


@pytest.mark.parametrize(
    "run",
    [
        RunResult(
            status="ok",
            load_error={"type": "ValueError", "message": SECRET_TEXT, "traceback": SECRET_TEXT},
            stdout=SECRET_TEXT,
        ),
        RunResult(status="error", message=SECRET_TEXT, stdout=SECRET_TEXT),
        RunResult(status="timeout", message=SECRET_TEXT),
        RunResult(
            status="ok",
            results=[{"error": {"type": SECRET_TEXT, "message": SECRET_TEXT, "traceback": ""}}],
            forbidden_used=[SECRET_TEXT],
        ),
        RunResult(status="ok", results=[{"value": Unsupported(SECRET_TEXT)}] * 3),
    ],
)
def test_seal_keeps_no_text_of_the_run(run):
    prepared = prepared_exercise(ExerciseFactory(cases_source=CASES))
    hidden = prepared.indices(visible=False)

    sealed = seal(prepared, run, hidden, mistakes_over=hidden)

    assert sealed.passed == (False,) * len(hidden)
    kept = repr(sealed) + hidden_message(sealed, LIMITS)
    assert "109" not in kept and "7340" not in kept and "Traceback" not in kept
    assert hidden_message(sealed, LIMITS) in FIXED
