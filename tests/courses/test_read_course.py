"""Reading a course folder into checked specs (no database)."""

from pathlib import Path

import pytest

from exercises.course_io import read_course, read_lesson
from exercises.package import PackageError
from tests.courses.helpers import MINI_COURSE, edit


def test_reads_stages_lessons_and_exercises_in_order():
    spec = read_course(MINI_COURSE)

    assert (spec.slug, spec.title) == ("mini", "A mini course")
    assert spec.description.startswith("A course small enough")
    assert [(stage.slug, stage.order) for stage in spec.stages] == [("basics", 1), ("more", 2)]
    basics, more = spec.stages
    assert [(lesson.slug, lesson.order) for lesson in basics.lessons] == [
        ("arrays", 10),
        ("broadcasting", 25),
    ]
    assert [(entry.spec.slug, entry.order) for entry in basics.exercises] == [("double", 15)]
    assert [(entry.spec.slug, entry.order) for entry in more.exercises] == [("total", 300)]
    assert [wrong.name for wrong in more.exercises[0].spec.wrong] == ["first_row", "max_instead"]


def test_stage_slug_defaults_to_folder_name_without_prefix():
    assert read_course(MINI_COURSE).stages[1].slug == "more"


def test_lesson_front_matter_and_body(tmp_path: Path):
    path = tmp_path / "07-attention.md"
    path.write_text('+++\ntitle = "Attention"\n+++\n\n# Attention\n\nSoftmax of $QK^T$.\n\n')

    lesson = read_lesson(path)

    assert (lesson.slug, lesson.title, lesson.order) == ("attention", "Attention", 70)
    assert lesson.body == "# Attention\n\nSoftmax of $QK^T$."


def test_lesson_slug_and_order_from_front_matter_win_over_file_name(tmp_path: Path):
    path = tmp_path / "07-whatever.md"
    path.write_text('+++\ntitle = "T"\nslug = "kept"\norder = 3\n+++\nbody\n')

    lesson = read_lesson(path)

    assert (lesson.slug, lesson.order) == ("kept", 3)


def test_exercise_without_order_or_prefix_is_rejected(course_dir: Path):
    edit(course_dir / "01-basics/double/exercise.toml", "order = 15\n", "")

    with pytest.raises(PackageError, match="'order' is required") as error:
        read_course(course_dir)
    assert "double/exercise.toml" in str(error.value)


def test_wrong_solution_hint_is_its_docstring():
    total = read_course(MINI_COURSE).stages[1].exercises[0].spec

    assert total.wrong[1].hint.startswith("The total adds the entries")


def test_content_hash_ignores_presentation_but_not_grading(course_dir: Path):
    before = read_course(course_dir).stages[0].exercises[0].spec.content_hash()
    edit(course_dir / "01-basics/double/exercise.toml", 'title = "Double', 'title = "Twice')
    retitled = read_course(course_dir).stages[0].exercises[0].spec.content_hash()
    edit(course_dir / "01-basics/double/cases.py", "default_rng(3)", "default_rng(4)")
    recased = read_course(course_dir).stages[0].exercises[0].spec.content_hash()

    assert retitled == before
    assert recased != before
