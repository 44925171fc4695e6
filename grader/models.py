from django.conf import settings
from django.db import models

from exercises.models import Exercise


class ExerciseValidationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(
            status__in=[ExerciseValidation.Status.QUEUED, ExerciseValidation.Status.RUNNING]
        )


class ExerciseValidation(models.Model):
    """One run of "Validate exercise": queued by the admin, run by a grading worker.

    The report is data the worker wrote (rows of label/expected/got/ok/detail): the web
    process only shows it, and never runs any of the exercise's code itself.
    """

    class Status(models.TextChoices):
        QUEUED = "queued"
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"  # could not run (the sandbox was unavailable): no verdict

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="validations")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    exercise_version = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    ok = models.BooleanField(null=True, blank=True, help_text="Empty until the report is in.")
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True, help_text="Why the validation could not run.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = ExerciseValidationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Validation {self.pk} of {self.exercise_id} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
