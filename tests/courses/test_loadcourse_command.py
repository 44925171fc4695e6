"""`manage.py loadcourse`: summary, exit codes, and the real bundled course."""

from pathlib import Path

import pytest
from django.conf import settings

from exercises.models import Exercise
from lessons.models import Course, Lesson
from tests.courses.helpers import edit, run_command, snapshot

pytestmark = pytest.mark.django_db

BUNDLED = settings.CONTENT_DIR / "genai-llm"


def test_prints_counts_then_unchanged_on_the_second_run(course_dir: Path):
    code, first, _ = run_command("loadcourse", str(course_dir))
    code_again, second, _ = run_command("loadcourse", str(course_dir))

    assert (code, code_again) == (0, 0)
    assert "course mini: created" in first
    assert "lessons:   3 created, 0 updated, 0 unchanged, 0 unpublished" in first
    assert "exercises: 2 created" in first
    assert "course mini: unchanged" in second
    assert "exercises: 0 created, 0 updated, 2 unchanged, 0 unpublished" in second
    assert second.rstrip().endswith("unchanged: the database already matches")


def test_reports_what_it_unpublished(course_dir: Path):
    run_command("loadcourse", str(course_dir))
    (course_dir / "01-basics/02-broadcast.md").unlink()

    code, out, _ = run_command("loadcourse", str(course_dir))

    assert code == 0
    assert "unpublished lesson broadcasting" in out
    assert "lessons:   0 created, 0 updated, 2 unchanged, 1 unpublished" in out


def test_reports_an_update(course_dir: Path):
    run_command("loadcourse", str(course_dir))
    edit(course_dir / "01-basics/double/statement.md", "# Double", "# Twice")

    _, out, _ = run_command("loadcourse", str(course_dir))

    assert "exercises: 0 created, 1 updated, 1 unchanged" in out
    assert Exercise.objects.get(slug="double").statement.startswith("# Twice")


def test_missing_folder_is_a_one_line_error(tmp_path: Path):
    code, out, err = run_command("loadcourse", str(tmp_path / "nowhere"))

    assert code == 1
    assert err == f"error: {tmp_path / 'nowhere'}: not a folder\n"
    assert not Course.objects.exists()


def test_the_bundled_course_loads_and_reloads_unchanged():
    # Whatever content/genai-llm holds right now must load: this is `make run`'s first step.
    code, out, err = run_command("loadcourse")
    assert (code, err) == (0, ""), err

    course = Course.objects.get(slug="genai-llm")
    packages = sorted(path.parent for path in BUNDLED.glob("*/*/exercise.toml"))
    lesson_files = sorted(BUNDLED.glob("*/[0-9]*.md"))
    assert course.stages.count() == len(list(BUNDLED.glob("*/stage.toml")))
    assert Exercise.objects.filter(stage__course=course, is_published=True).count() == len(packages)
    assert Lesson.objects.filter(course=course, is_published=True).count() == len(lesson_files)
    assert all(len(e.content_hash) == 64 for e in Exercise.objects.filter(stage__course=course))

    _, again, _ = run_command("loadcourse", str(BUNDLED))
    assert "unchanged: the database already matches" in again


def test_a_dry_run_reports_the_changes_and_saves_nothing(course_dir: Path):
    run_command("loadcourse", str(course_dir))
    edit(course_dir / "01-basics/01-arrays.md", 'title = "Arrays"', 'title = "Arrays!"')
    before = snapshot()

    code, out, _ = run_command("loadcourse", str(course_dir), "--dry-run")

    assert code == 0
    assert "lessons:   0 created, 1 updated, 2 unchanged" in out
    assert out.rstrip().endswith("dry run: nothing was saved")
    assert snapshot() == before
