"""`manage.py dumpcourse SLUG PATH`: write a course back out as files."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from exercises.course_io import course_dump
from exercises.package import PackageError
from lessons.models import Course


class Command(BaseCommand):
    help = "Write a course to a folder in the format loadcourse reads (docs/authoring.md)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug", help="the course's slug")
        parser.add_argument("path", type=Path, help="the folder to write (new or empty)")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace an existing course folder (one holding course.toml) as a whole",
        )

    def handle(self, *args, slug: str, path: Path, replace: bool, **options) -> None:
        course = Course.objects.filter(slug=slug).first()
        if course is None:
            self.stderr.write(f"error: no course with slug {slug!r}")
            raise SystemExit(1)
        try:
            report = course_dump(course=course, path=path, replace=replace)
        except (PackageError, OSError) as exc:
            self.stderr.write("error: " + " ".join(str(exc).split()))
            raise SystemExit(1) from None
        for warning in report.warnings:
            self.stderr.write(f"warning: {warning}")
        self.stdout.write(
            f"wrote {course.slug} to {report.path}: {report.stages} stages, "
            f"{report.lessons} lessons, {report.exercises} exercises"
        )
