"""Shared helpers for the course-as-files tests."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from django.core.management import call_command

from exercises.course_io import LoadReport, course_load, read_course
from exercises.models import Exercise, KnownWrongSolution
from lessons.models import Course, Lesson, Stage

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MINI_COURSE = FIXTURES / "mini-course"


def copy_course(target: Path, source: Path = MINI_COURSE) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def load(path: Path) -> LoadReport:
    return course_load(spec=read_course(path))


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must be there) by `new` in a file."""
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def run_command(name: str, *args: str) -> tuple[int, str, str]:
    """Run a management command; return (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(name, *args, stdout=out, stderr=err)
    except SystemExit as exc:
        return int(exc.code), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def snapshot() -> dict[str, list[dict]]:
    """Every content row, all fields, for comparing the database before and after."""
    return {
        model.__name__: [dict(row) for row in model.objects.order_by("pk").values()]
        for model in (Course, Stage, Lesson, Exercise, KnownWrongSolution)
    }


def content(course_slug: str) -> dict:
    """A course's published content without ids or timestamps, for comparing two loads."""
    course = Course.objects.get(slug=course_slug)
    skip = {"id", "course_id", "stage_id", "lesson_id", "exercise_id", "created_at", "updated_at"}

    def clean(row: dict) -> dict:
        return {key: value for key, value in row.items() if key not in skip}

    exercises = Exercise.objects.filter(stage__course=course, is_published=True)
    return {
        "course": clean(Course.objects.filter(pk=course.pk).values().get()),
        # Stage order is positional: the folder names give it, not the stored number.
        "stages": [
            clean(row) | {"order": index}
            for index, row in enumerate(course.stages.order_by("order", "pk").values())
        ],
        "lessons": sorted(
            (
                clean(row)
                for row in course.lessons.filter(is_published=True).values(
                    "slug", "title", "body", "order", "is_published", "stage__slug"
                )
            ),
            key=lambda row: row["slug"],
        ),
        "exercises": sorted(
            (
                clean(row)
                | {
                    "stage": exercise.stage.slug,
                    "lesson": exercise.lesson.slug if exercise.lesson else "",
                }
                for exercise, row in zip(
                    exercises.order_by("pk"), exercises.order_by("pk").values(), strict=True
                )
            ),
            key=lambda row: row["slug"],
        ),
        "wrong": sorted(
            (
                row
                for row in KnownWrongSolution.objects.filter(exercise__in=exercises).values(
                    "exercise__slug", "name", "source", "hint"
                )
            ),
            key=lambda row: (row["exercise__slug"], row["name"]),
        ),
    }
