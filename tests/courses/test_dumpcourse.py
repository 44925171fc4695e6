"""`manage.py dumpcourse`: write a course back to files that load into equal content."""

import tomllib
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exercises.course_io import read_course
from exercises.models import Exercise, KnownWrongSolution
from exercises.services import exercise_rehash
from lessons.models import Course
from tests.courses.helpers import content, load, run_command
from tests.factories import CourseFactory, ExerciseFactory, LessonFactory, StageFactory

pytestmark = pytest.mark.django_db


def _empty_database() -> None:
    Exercise.objects.all().delete()
    Course.objects.all().delete()


def _round_trip(slug: str, tmp_path: Path) -> tuple[dict, dict]:
    before = content(slug)
    code, out, err = run_command("dumpcourse", slug, str(tmp_path / "dumped"))
    assert code == 0, err
    _empty_database()
    load(tmp_path / "dumped")
    return before, content(slug)


def test_dump_then_load_into_an_empty_database_gives_equal_content(course_dir, tmp_path):
    load(course_dir)

    before, after = _round_trip("mini", tmp_path)

    assert after == before
    assert len(after["exercises"]) == 2 and len(after["wrong"]) == 2


def test_reloading_a_dump_over_its_source_writes_nothing(course_dir: Path, tmp_path: Path):
    load(course_dir)
    run_command("dumpcourse", "mini", str(tmp_path / "dumped"))

    with CaptureQueriesContext(connection) as queries:
        report = load(tmp_path / "dumped")

    assert not report.changed
    assert not [
        q
        for q in queries.captured_queries
        if q["sql"].upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def test_dumped_files_follow_the_authoring_format(course_dir: Path, tmp_path: Path):
    load(course_dir)

    code, out, _ = run_command("dumpcourse", "mini", str(tmp_path / "dumped"))

    root = tmp_path / "dumped"
    assert code == 0 and "2 stages, 3 lessons, 2 exercises" in out
    assert sorted(p.name for p in root.iterdir()) == ["01-basics", "02-more", "course.toml"]
    assert sorted(p.name for p in (root / "01-basics").iterdir()) == [
        "01-arrays.md",
        "02-broadcasting.md",
        "double",
        "stage.toml",
    ]
    assert (
        (root / "01-basics/02-broadcasting.md")
        .read_text()
        .startswith('+++\nslug = "broadcasting"\ntitle = "Broadcasting"\norder = 25\n+++\nShapes')
    )
    meta = tomllib.loads((root / "02-more/total/exercise.toml").read_text())
    assert meta["order"] == 300 and "tolerance" not in meta
    assert (root / "02-more/total/wrong/max_instead.py").is_file()


def test_content_edited_in_the_database_survives_the_round_trip(tmp_path: Path):
    stage = StageFactory(course=CourseFactory(slug="edited", description="a '''quote'''\n"))
    lesson = LessonFactory(
        stage=stage,
        order=35,
        title='He said "hi" \\ left',
        body="Body with\ttab and ''' quotes'\n\nand a trailing quote'",
    )
    exercise = ExerciseFactory(
        stage=stage,
        lesson=lesson,
        order=7,
        rtol=1e-3,
        atol=None,
        hints=["multi\nline hint", "back\\slash \u00e9\x7f"],
        forbidden=["torch.conv2d"],
    )
    KnownWrongSolution.objects.create(
        exercise=exercise,
        name="off_by_one",
        hint="Off by one.",
        source='"""Off by one."""\ndef double(x):\n    return 2 * x + 1\n',
    )
    exercise_rehash(exercise=exercise)  # as the admin does on save

    before, after = _round_trip("edited", tmp_path)

    assert after == before


def test_windows_newlines_typed_into_the_admin_are_written_as_lf(tmp_path: Path):
    exercise = ExerciseFactory(statement="# Title\r\nline\r\n", stage__course__slug="crlf")

    run_command("dumpcourse", "crlf", str(tmp_path / "dumped"))

    written = next((tmp_path / "dumped").glob(f"*/{exercise.slug}/statement.md"))
    assert written.read_bytes() == b"# Title\nline\n"


def test_unpublished_content_is_left_out(course_dir: Path, tmp_path: Path):
    load(course_dir)
    Exercise.objects.filter(slug="double").update(is_published=False)

    run_command("dumpcourse", "mini", str(tmp_path / "dumped"))

    assert not (tmp_path / "dumped/01-basics/double").exists()
    assert [e.spec.slug for e in read_course(tmp_path / "dumped").exercises()] == ["total"]


def test_refuses_a_non_empty_folder_unless_replacing_a_course_folder(course_dir, tmp_path):
    load(course_dir)
    target = tmp_path / "dumped"
    target.mkdir()
    (target / "precious.txt").write_text("keep me")

    code, _, err = run_command("dumpcourse", "mini", str(target))
    code_replace, _, err_replace = run_command("dumpcourse", "mini", str(target), "--replace")

    assert code == 1 and "not empty" in err
    assert code_replace == 1 and "not a course folder" in err_replace
    assert (target / "precious.txt").read_text() == "keep me"


def test_replace_rewrites_a_course_folder_without_stale_files(course_dir, tmp_path: Path):
    load(course_dir)
    target = tmp_path / "dumped"
    run_command("dumpcourse", "mini", str(target))
    (target / "01-basics/09-stale.md").write_text('+++\ntitle = "Stale"\n+++\n')

    code, _, err = run_command("dumpcourse", "mini", str(target), "--replace")

    assert code == 0, err
    assert not (target / "01-basics/09-stale.md").exists()
    assert (target / "01-basics/01-arrays.md").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_unknown_course_is_an_error(tmp_path: Path):
    code, _, err = run_command("dumpcourse", "nope", str(tmp_path / "out"))

    assert code == 1 and err == "error: no course with slug 'nope'\n"
    assert not (tmp_path / "out").exists()


def test_the_bundled_course_survives_the_round_trip(tmp_path: Path):
    load(settings.CONTENT_DIR / "genai-llm")

    before, after = _round_trip("genai-llm", tmp_path)

    assert after == before
