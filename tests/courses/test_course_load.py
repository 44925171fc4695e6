"""Loading a course folder into the database: identity by slug, idempotence, unpublishing."""

import shutil
from pathlib import Path
from unittest.mock import patch

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exercises.course_io import loader, read_course
from exercises.models import Exercise, KnownWrongSolution, Progress, Submission
from exercises.package import PackageError
from exercises.services import exercise_rehash
from lessons.models import Course, Lesson, LessonCompletion, Stage
from lessons.services import lesson_complete
from tests.courses.helpers import edit, load, snapshot
from tests.factories import CourseFactory, ExerciseFactory, StageFactory, UserFactory

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")


def _writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]


def _learner_with_progress(lesson_slug: str, exercise_slug: str):
    learner = UserFactory()
    lesson_complete(learner=learner, lesson=Lesson.objects.get(slug=lesson_slug))
    exercise = Exercise.objects.get(slug=exercise_slug)
    Progress.objects.create(learner=learner, exercise=exercise, attempts=3, best_score=1.0)
    Submission.objects.create(learner=learner, exercise=exercise, source_code="x = 1\n")
    return learner


def test_first_load_creates_everything(course_dir: Path):
    report = load(course_dir)

    assert report.course_outcome == "created"
    assert (
        len(report.stages.created),
        len(report.lessons.created),
        len(report.exercises.created),
    ) == (2, 3, 2)
    course = Course.objects.get(slug="mini")
    assert list(course.stages.values_list("slug", "order")) == [("basics", 1), ("more", 2)]
    double = Exercise.objects.get(slug="double")
    assert (double.stage.slug, double.lesson.slug, double.order) == ("basics", "arrays", 15)
    assert (double.wall_seconds, double.cpu_seconds, double.memory_mb) == (5.0, 4.0, 256)
    assert double.forbidden == ["numpy.multiply"]
    total = Exercise.objects.get(slug="total")
    assert (total.order, total.rtol, total.atol) == (300, None, None)
    assert sorted(total.wrong_solutions.values_list("name", flat=True)) == [
        "first_row",
        "max_instead",
    ]
    assert Lesson.objects.get(slug="broadcasting").body.startswith("Shapes line up")


def test_second_load_writes_nothing(course_dir: Path):
    load(course_dir)
    stamps = dict(Exercise.objects.values_list("slug", "updated_at"))

    with CaptureQueriesContext(connection) as queries:
        report = load(course_dir)

    assert _writes(queries.captured_queries) == []
    assert not report.changed
    assert report.course_outcome == "unchanged"
    assert sorted(report.exercises.unchanged) == ["double", "total"]
    assert dict(Exercise.objects.values_list("slug", "updated_at")) == stamps


def test_changing_one_title_updates_only_that_row(course_dir: Path):
    load(course_dir)
    edit(course_dir / "02-more/01-reductions.md", 'title = "Reductions"', 'title = "Sums"')

    with CaptureQueriesContext(connection) as queries:
        report = load(course_dir)

    assert report.lessons.updated == ["reductions"]
    assert len(_writes(queries.captured_queries)) == 1
    assert Lesson.objects.get(slug="reductions").title == "Sums"


def test_renaming_a_lesson_file_and_title_keeps_progress(course_dir: Path):
    load(course_dir)
    learner = _learner_with_progress("arrays", "double")
    lesson_id = Lesson.objects.get(slug="arrays").pk
    old = course_dir / "01-basics/01-arrays.md"
    old.rename(course_dir / "01-basics/05-ndarrays.md")
    edit(
        course_dir / "01-basics/05-ndarrays.md",
        'title = "Arrays"',
        'title = "N-dimensional arrays"\nslug = "arrays"',
    )

    report = load(course_dir)

    lesson = Lesson.objects.get(course__slug="mini", slug="arrays")
    assert lesson.pk == lesson_id
    assert (lesson.title, lesson.order, lesson.is_published) == ("N-dimensional arrays", 50, True)
    assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()
    assert Exercise.objects.get(slug="double").lesson_id == lesson_id
    assert report.lessons.updated == ["arrays"] and report.lessons.created == []


def test_moving_a_lesson_and_an_exercise_to_another_stage_keeps_progress(course_dir: Path):
    load(course_dir)
    learner = _learner_with_progress("arrays", "double")
    (course_dir / "01-basics/01-arrays.md").rename(course_dir / "02-more/02-arrays.md")
    (course_dir / "01-basics/double").rename(course_dir / "02-more/double")

    report = load(course_dir)

    lesson = Lesson.objects.get(slug="arrays")
    exercise = Exercise.objects.get(slug="double")
    assert (lesson.stage.slug, exercise.stage.slug) == ("more", "more")
    assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()
    progress = Progress.objects.get(learner=learner, exercise=exercise)
    assert (progress.attempts, progress.best_score) == (3, 1.0)
    assert Submission.objects.filter(learner=learner, exercise=exercise).count() == 1
    assert sorted(report.lessons.updated) == ["arrays"]
    assert report.exercises.updated == ["double"]


def test_removed_lesson_and_exercise_are_unpublished_not_deleted(course_dir: Path):
    load(course_dir)
    learner = _learner_with_progress("reductions", "total")
    (course_dir / "02-more/01-reductions.md").unlink()
    shutil.rmtree(course_dir / "02-more/30-total")

    report = load(course_dir)

    assert report.lessons.unpublished == ["reductions"]
    assert report.exercises.unpublished == ["total"]
    lesson = Lesson.objects.get(slug="reductions")
    exercise = Exercise.objects.get(slug="total")
    assert not lesson.is_published and not exercise.is_published
    assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()
    assert Submission.objects.filter(exercise=exercise).count() == 1
    assert Progress.objects.filter(exercise=exercise, learner=learner).exists()
    # Unpublished stays unpublished (and unreported) on the next load.
    assert not load(course_dir).changed


def test_a_removed_stage_is_kept_and_reported(course_dir: Path):
    load(course_dir)
    shutil.rmtree(course_dir / "02-more")

    report = load(course_dir)

    assert report.stages_not_in_folder == ["more"]
    assert Stage.objects.filter(slug="more").exists()
    assert not Lesson.objects.get(slug="reductions").is_published


def test_content_back_in_the_folder_is_published_again(course_dir: Path):
    load(course_dir)
    Exercise.objects.filter(slug="total").update(is_published=False)
    Lesson.objects.filter(slug="reductions").update(is_published=False)

    report = load(course_dir)

    assert report.exercises.updated == ["total"] and report.lessons.updated == ["reductions"]
    assert Exercise.objects.get(slug="total").is_published
    assert Lesson.objects.get(slug="reductions").is_published


def test_known_wrong_solutions_follow_the_wrong_folder(course_dir: Path):
    load(course_dir)
    wrong = course_dir / "02-more/30-total/wrong"
    (wrong / "max_instead.py").unlink()
    (wrong / "zero.py").write_text('"""Return the sum, not 0."""\ndef total(x):\n    return 0.0\n')
    edit(wrong / "first_row.py", "Sum every entry", "Add every entry")

    report = load(course_dir)

    rows = {row.name: row for row in KnownWrongSolution.objects.filter(exercise__slug="total")}
    assert sorted(rows) == ["first_row", "zero"]
    assert rows["zero"].hint == "Return the sum, not 0."
    assert rows["first_row"].hint.startswith("Add every entry")
    assert report.exercises.updated == ["total"]


def test_content_hash_is_the_spec_hash_and_rehash_agrees(course_dir: Path):
    load(course_dir)
    spec = read_course(course_dir).stages[1].exercises[0].spec
    exercise = Exercise.objects.get(slug="total")
    assert exercise.content_hash == spec.content_hash()

    Exercise.objects.filter(pk=exercise.pk).update(content_hash="")
    exercise.refresh_from_db()
    assert exercise_rehash(exercise=exercise).content_hash == spec.content_hash()
    assert Exercise.objects.get(pk=exercise.pk).content_hash == spec.content_hash()


def test_rehash_follows_an_edit_made_in_the_database(course_dir: Path):
    load(course_dir)
    exercise = Exercise.objects.get(slug="total")
    before = exercise.content_hash
    KnownWrongSolution.objects.filter(exercise=exercise, name="first_row").update(source="x=1\n")

    exercise_rehash(exercise=exercise)

    assert Exercise.objects.get(pk=exercise.pk).content_hash not in ("", before)


def test_exercise_slug_owned_by_another_course_is_an_error_and_writes_nothing(course_dir):
    ExerciseFactory(slug="double", stage=StageFactory(course=CourseFactory(slug="other")))
    before = snapshot()

    with pytest.raises(PackageError, match="'double' already belongs to course 'other'") as err:
        load(course_dir)

    assert "double/exercise.toml" in str(err.value)
    assert snapshot() == before


def test_a_failure_midway_rolls_back_everything_written_before_it(course_dir: Path):
    load(course_dir)
    edit(course_dir / "course.toml", 'title = "A mini course"', 'title = "Renamed"')
    edit(course_dir / "02-more/01-reductions.md", 'title = "Reductions"', 'title = "Sums"')
    before = snapshot()

    with patch.object(loader, "_load_exercises", side_effect=RuntimeError("disk on fire")):
        with pytest.raises(RuntimeError):
            load(course_dir)

    assert snapshot() == before
