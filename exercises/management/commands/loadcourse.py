"""`manage.py loadcourse [PATH]`: load or update a course from its folder."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from exercises.course_io import LoadReport, Tally, course_load, read_course
from exercises.package import PackageError


class Command(BaseCommand):
    help = (
        "Load or update a course from a folder (default: CONTENT_DIR/genai-llm). Idempotent "
        "and all-or-nothing; lessons and exercises gone from the folder are unpublished."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", nargs="?", type=Path, help="the course folder")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check the folder and report what would change, saving nothing",
        )

    def handle(self, *args, path: Path | None = None, dry_run: bool = False, **options) -> None:
        path = path or settings.CONTENT_DIR / "genai-llm"
        try:
            spec = read_course(path)
            with transaction.atomic():
                report = course_load(spec=spec)
                transaction.set_rollback(dry_run)
        except PackageError as exc:
            # One line, so that scripts and CI logs show the file and the problem together.
            self.stderr.write("error: " + " ".join(str(exc).split()))
            raise SystemExit(1) from None
        self.stdout.write(format_report(report))
        if dry_run:
            self.stdout.write("dry run: nothing was saved")


def format_report(report: LoadReport) -> str:
    lines = [f"course {report.course}: {report.course_outcome}"]
    stages = report.stages
    lines.append(
        f"stages:    {len(stages.created)} created, {len(stages.updated)} updated, "
        f"{len(stages.unchanged)} unchanged, {len(report.stages_not_in_folder)} not in the folder"
    )
    for label, tally in (("lessons", report.lessons), ("exercises", report.exercises)):
        lines.append(f"{label + ':':<11}{_counts(tally)}")
    if report.figures_written:
        lines.append(f"figures:   {report.figures_written} written")
    for label, tally in (("lesson", report.lessons), ("exercise", report.exercises)):
        for slug in tally.unpublished:
            lines.append(f"unpublished {label} {slug} (no longer in the folder)")
    for slug in report.stages_not_in_folder:
        lines.append(f"stage {slug} is no longer in the folder: kept, with its content unpublished")
    lines.append("changes saved" if report.changed else "unchanged: the database already matches")
    return "\n".join(lines)


def _counts(tally: Tally) -> str:
    return (
        f"{len(tally.created)} created, {len(tally.updated)} updated, "
        f"{len(tally.unchanged)} unchanged, {len(tally.unpublished)} unpublished"
    )
