from django.core.management.base import BaseCommand, CommandError

from exercises.models import Exercise
from grader.sandbox import SandboxUnavailable
from grader.validation import exercise_validate


class Command(BaseCommand):
    help = (
        "Validate exercises through the real sandbox: the reference passes every case, the "
        "starter and every known-wrong solution fail a hidden case. Exit 1 on any problem."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="default: every exercise")
        parser.add_argument(
            "--seeds",
            type=int,
            default=None,
            help="trained-model exercises: train the reference this many more times per case "
            "with other seeds and report its margin below the threshold (default 3; 0 skips)",
        )

    def handle(self, *args, slugs: list[str], seeds: int | None = None, **options):
        exercises = Exercise.objects.prefetch_related("wrong_solutions").order_by(
            "stage__course__slug", "stage__order", "order"
        )
        if slugs:
            exercises = exercises.filter(slug__in=slugs)
            missing = sorted(set(slugs) - set(exercises.values_list("slug", flat=True)))
            if missing:
                raise CommandError(f"unknown exercise slug(s): {', '.join(missing)}")
        if not exercises:
            raise CommandError("no exercises to validate: run `manage.py loadcourse` first")
        problems = 0
        self.stdout.write(f"{'exercise':<32} {'solution':<28} {'expected':<20} {'got':<18} ok")
        for exercise in exercises:
            try:
                report = exercise_validate(exercise=exercise, seed_runs=seeds)
            except SandboxUnavailable as exc:
                raise CommandError(f"the sandbox is unavailable: {exc}") from exc
            for row in report.rows:
                mark = "ok" if row.ok else "PROBLEM"
                self.stdout.write(
                    f"{exercise.slug:<32} {row.label:<28} {row.expected:<20} {row.got:<18} {mark}"
                )
                if not row.ok:
                    problems += 1
                if not row.ok or row.label.startswith("reference, "):
                    self.stdout.write(f"    {row.detail}")
            self.stdout.write(
                f"{exercise.slug:<32} {report.visible_cases} visible, {report.hidden_cases} hidden "
                f"cases, {len(exercise.wrong_solutions.all())} wrong solutions"
            )
        if problems:
            raise CommandError(f"{problems} problem(s) found")
        self.stdout.write(self.style.SUCCESS(f"all {len(exercises)} exercise(s) valid"))
