"""manage.py grade / regrade / validate_exercises: exit codes and output."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from exercises.models import KnownWrongSolution
from tests.factories import ExerciseFactory, SubmissionFactory
from tests.live_worker import database_url_for_subprocess

pytestmark = [pytest.mark.sandbox, pytest.mark.django_db]

RIGHT = "def double(x):\n    return x * 2\n"


def grade(*args, capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command("grade", *args)
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


@pytest.fixture
def solution(tmp_path) -> Path:
    path = tmp_path / "solution.py"
    path.write_text(RIGHT)
    return path


def test_grade_prints_json_and_exits_0_when_passed(solution, capsys):
    exercise = ExerciseFactory()

    code, out, _ = grade(exercise.slug, str(solution), "--json", capsys=capsys)

    report = json.loads(out)
    assert code == 0
    assert report["status"] == "passed" and report["score"] == 1.0
    assert [c["name"] for c in report["cases"]] == ["small vector", "negative values"]


def test_grade_exits_1_when_graded_but_not_passed(tmp_path, capsys):
    exercise = ExerciseFactory()
    wrong = tmp_path / "wrong.py"
    wrong.write_text("def double(x):\n    return x\n")

    code, out, _ = grade(exercise.slug, str(wrong), capsys=capsys)

    assert code == 1
    assert "FAIL  visible  small vector" in out and out.strip().endswith("failed (score 0.00)")


def test_grade_visible_only_runs_only_the_visible_cases(solution, capsys):
    exercise = ExerciseFactory()

    code, out, _ = grade(exercise.slug, str(solution), "--json", "--visible-only", capsys=capsys)

    assert code == 0
    assert [c["name"] for c in json.loads(out)["cases"]] == ["small vector"]


@pytest.mark.parametrize(
    ("slug", "file", "message"),
    [("no-such-exercise", None, "unknown exercise slug"), (None, "/nonexistent.py", "cannot read")],
)
def test_grade_usage_errors_exit_2_with_one_line(slug, file, message, solution, capsys):
    exercise = ExerciseFactory()

    code, _, err = grade(slug or exercise.slug, file or str(solution), capsys=capsys)

    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1


def test_validate_exercises_passes_a_sound_exercise(capsys):
    exercise = ExerciseFactory()
    KnownWrongSolution.objects.create(
        exercise=exercise, name="identity", source="def double(x):\n    return x\n"
    )

    call_command("validate_exercises", exercise.slug)

    out = capsys.readouterr().out
    assert "wrong/identity" in out and "all 1 exercise(s) valid" in out


def test_validate_exercises_fails_when_a_wrong_solution_passes(capsys):
    exercise = ExerciseFactory()
    KnownWrongSolution.objects.create(exercise=exercise, name="not_wrong", source=RIGHT)

    with pytest.raises(CommandError, match="1 problem"):
        call_command("validate_exercises", exercise.slug)
    assert "PROBLEM" in capsys.readouterr().out


def test_validate_exercises_names_unknown_slugs():
    with pytest.raises(CommandError, match="unknown exercise slug"):
        call_command("validate_exercises", "nope")


def test_regrade_requeues_and_reports_the_count(capsys):
    submission = SubmissionFactory()

    call_command("regrade", submission.exercise.slug)

    assert "re-queued 1 submission(s)" in capsys.readouterr().out


def test_grade_works_as_a_real_command_line():
    env = dict(os.environ, DATABASE_URL=database_url_for_subprocess())
    result = subprocess.run(
        [sys.executable, "manage.py", "grade", "missing-slug", "x.py"],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "error: unknown exercise slug: 'missing-slug'"
