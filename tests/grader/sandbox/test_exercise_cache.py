"""An exercise version is prepared once per process: warm grading runs no author job."""

import pytest

from exercises.models import KnownWrongSolution
from grader.exercise_cache import ExerciseBroken, prepared_exercise
from grader.services import grader_options
from tests.factories import ExerciseFactory

pytestmark = [pytest.mark.sandbox, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def started_sandbox():
    grader_options().sandbox().selftest()  # start (and self-test) it before counting jobs


def jobs_run() -> int:
    return grader_options().sandbox()._job  # the sandbox numbers every job it sends


def test_a_version_is_prepared_once_and_wrong_outputs_once():
    exercise = ExerciseFactory()
    KnownWrongSolution.objects.create(
        exercise=exercise, name="plus_one", source="def double(x):\n    return x + 1\n"
    )
    before = jobs_run()

    prepared = prepared_exercise(exercise)
    after_prepare = jobs_run()
    again = prepared_exercise(exercise)
    wrong = prepared.wrong_outputs()
    after_wrong = jobs_run()
    prepared.wrong_outputs()

    assert after_prepare - before == 2  # cases.py, then the reference
    assert again is prepared
    assert after_wrong - after_prepare == 1 and jobs_run() == after_wrong
    assert [name for name, _hint, _outputs in wrong] == ["plus_one"]
    assert [c.name for c in prepared.cases] == ["small vector", "negative values"]
    assert prepared.expected[0]["value"].tolist() == [2.0, 4.0]


def test_a_broken_version_is_remembered_as_broken():
    exercise = ExerciseFactory(cases_source="def cases():\n    raise KeyError('oops')\n")

    with pytest.raises(ExerciseBroken, match="KeyError"):
        prepared_exercise(exercise)
    before = jobs_run()
    with pytest.raises(ExerciseBroken, match="KeyError"):
        prepared_exercise(exercise)

    assert jobs_run() == before
