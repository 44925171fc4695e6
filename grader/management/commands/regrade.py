from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from exercises.models import Exercise
from grader.services import submission_regrade


class Command(BaseCommand):
    help = "Re-queue the latest submission of every learner for an exercise (after a fix)."

    def add_arguments(self, parser):
        parser.add_argument("slug")

    def handle(self, *args, slug: str, **options):
        exercise = Exercise.objects.filter(slug=slug).first()
        if exercise is None:
            raise CommandError(f"unknown exercise slug: {slug!r}")
        with transaction.atomic():
            count = submission_regrade(exercise=exercise)
        self.stdout.write(f"re-queued {count} submission(s) of {slug}")
