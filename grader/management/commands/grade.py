import json as jsonlib
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exercises.models import Exercise
from grader.exercise_cache import ExerciseBroken
from grader.sandbox import SandboxUnavailable
from grader.services import exercise_grade_source


class Command(BaseCommand):
    help = (
        "Grade a file against an exercise as loaded in the database, through the same "
        "sandbox and comparison as a submission. Exit 0 passed, 1 not passed, 2 usage error."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument("--visible-only", action="store_true", help="only the visible cases")

    def handle(self, *args, slug, file, visible_only: bool, **options):
        as_json = options["json"]
        exercise = Exercise.objects.filter(slug=slug).first()
        if exercise is None:
            self._usage_error(f"unknown exercise slug: {slug!r}")
        try:
            source = Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self._usage_error(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}")
        try:
            outcome = exercise_grade_source(
                exercise=exercise, source=source, visible_only=visible_only
            )
        except (ExerciseBroken, SandboxUnavailable) as exc:
            raise CommandError(f"grading is unavailable: {exc}") from exc
        if as_json:
            self.stdout.write(_json(outcome, exercise))
        else:
            self._print_table(outcome)
        sys.exit(0 if outcome.verdict == "passed" else 1)

    def _usage_error(self, message: str) -> None:
        self.stderr.write(f"error: {message}")
        sys.exit(2)

    def _print_table(self, outcome) -> None:
        for case in outcome.cases:
            mark = "PASS" if case.passed else "FAIL"
            kind = "visible" if case.visible else "hidden "
            line = f"{mark}  {kind}  {case.name}"
            if case.message:
                line += f"\n        {case.message}"
            self.stdout.write(line)
        if outcome.message:
            self.stdout.write(outcome.message)
        if outcome.warning:
            self.stdout.write(f"WARNING: {outcome.warning}")
        self.stdout.write(f"{outcome.verdict} (score {outcome.score:.2f})")


def _json(outcome, exercise) -> str:
    return jsonlib.dumps(
        {
            "status": outcome.verdict,
            "score": outcome.score,
            "cases": [
                {"name": c.name, "visible": c.visible, "passed": c.passed, "message": c.message}
                for c in outcome.cases
            ],
            "message": outcome.message,
            "stdout": outcome.stdout,
            "warning": outcome.warning,
            "matched_mistake": outcome.matched_mistake,
            "exercise_version": exercise.content_hash,
        }
    )
