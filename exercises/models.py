from django.conf import settings
from django.db import models

from exercises.package import DEFAULT_TOLERANCE
from lessons.models import Lesson, Stage


class ExerciseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, stage__course__is_published=True)


class Exercise(models.Model):
    """An auto-graded coding exercise, stored from its package folder (see docs/authoring.md).

    `reference_solution`, `cases_source` and the known-wrong solutions are trusted and never
    reach a learner's browser or the sandbox.
    """

    class Kind(models.TextChoices):
        NUMPY = "numpy"
        TORCH = "torch"
        PYTHON = "python"

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="exercises")
    lesson = models.ForeignKey(
        Lesson, on_delete=models.SET_NULL, null=True, blank=True, related_name="exercises"
    )
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.NUMPY)
    entry_point = models.CharField(max_length=80)
    order = models.PositiveIntegerField(default=0)
    statement = models.TextField(help_text="Markdown.")
    starter_code = models.TextField(blank=True)
    reference_solution = models.TextField()
    cases_source = models.TextField(help_text="cases.py: trusted Python that builds the cases.")
    rtol = models.FloatField(null=True, blank=True, help_text="Empty: the kind's default.")
    atol = models.FloatField(null=True, blank=True, help_text="Empty: the kind's default.")
    wall_seconds = models.FloatField(default=5.0)
    cpu_seconds = models.FloatField(default=5.0)
    memory_mb = models.PositiveIntegerField(default=512)
    forbidden = models.JSONField(default=list, blank=True)
    hints = models.JSONField(default=list, blank=True)
    # Declared exceptions to the general grading rules (exercise.toml, docs/authoring.md).
    bool_result = models.BooleanField(
        default=False, help_text="The result is a bool array or tensor, compared exactly."
    )
    unchanged_inputs = models.JSONField(
        default=list, blank=True, help_text="Parameters the function must not modify."
    )
    # Empty: results are compared with the reference's. Else the trained-model check: a
    # trusted scorer grades returned weights on held-out data files (docs/authoring.md).
    trained_model = models.JSONField(default=dict, blank=True)
    content_hash = models.CharField(max_length=64, blank=True, editable=False)
    is_published = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ExerciseQuerySet.as_manager()

    class Meta:
        ordering = ["stage__order", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def tolerance(self) -> tuple[float, float]:
        default_rtol, default_atol = DEFAULT_TOLERANCE[self.kind]
        rtol = default_rtol if self.rtol is None else self.rtol
        atol = default_atol if self.atol is None else self.atol
        return rtol, atol

    @property
    def is_long(self) -> bool:
        """Graded on the grading-long queue: a training run, or limits past the quick cap."""
        from django.conf import settings as django_settings

        return bool(self.trained_model) or self.wall_seconds > django_settings.GRADER_WALL_SECONDS


class ExerciseDataFile(models.Model):
    """A text file of an exercise package's data/ folder (trusted, never served).

    Input files reach the sandbox only inside the cases cases.py builds from them;
    held-out files only ever reach the trusted scorer of a trained-model exercise.
    """

    class Role(models.TextChoices):
        INPUT = "input"
        HELDOUT = "heldout"

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="data_files")
    name = models.CharField(max_length=80)
    role = models.CharField(max_length=8, choices=Role.choices, default=Role.INPUT)
    text = models.TextField()

    class Meta:
        ordering = ["exercise", "name"]
        constraints = [
            models.UniqueConstraint(fields=["exercise", "name"], name="data_file_unique_name")
        ]

    def __str__(self) -> str:
        return f"{self.exercise.slug}/data/{self.name}"


class KnownWrongSolution(models.Model):
    """A trusted, deliberately wrong solution: it must fail, and its hint names the mistake."""

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="wrong_solutions")
    name = models.CharField(max_length=80)
    source = models.TextField()
    hint = models.TextField(blank=True)

    class Meta:
        ordering = ["exercise", "name"]
        constraints = [
            models.UniqueConstraint(fields=["exercise", "name"], name="wrong_unique_name")
        ]

    def __str__(self) -> str:
        return f"{self.exercise.slug}/wrong/{self.name}"


# Shown while the broker is down: the submission is stored and the sweep sends it later.
WAITING_FOR_GRADER = "queued: it will be graded when the grader is back"


class SubmissionQuerySet(models.QuerySet):
    def for_learner(self, learner):
        return self.filter(learner=learner)

    def awaiting_verdict(self):
        return self.exclude(status=Submission.Status.DONE)

    def graded(self):
        return self.filter(status=Submission.Status.DONE)

    def submits(self):
        return self.filter(mode=Submission.Mode.SUBMIT)


class Submission(models.Model):
    class Mode(models.TextChoices):
        RUN = "run", "Run visible tests"
        SUBMIT = "submit", "Submit"

    class Status(models.TextChoices):
        QUEUED = "queued"
        RUNNING = "running"
        DONE = "done"

    class Verdict(models.TextChoices):
        PASSED = "passed"
        FAILED = "failed"
        ERROR = "error"
        TIMEOUT = "timeout"
        MEMORY_LIMIT = "memory_limit"
        OUTPUT_LIMIT = "output_limit"

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="submissions")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submissions"
    )
    mode = models.CharField(max_length=8, choices=Mode.choices, default=Mode.SUBMIT)
    source_code = models.TextField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    verdict = models.CharField(max_length=16, choices=Verdict.choices, blank=True)
    score = models.FloatField(null=True, blank=True, help_text="Fraction of cases passed.")
    # [{"name": str, "visible": bool, "passed": bool, "message": str}]; hidden cases never
    # carry a message derived from their data.
    cases = models.JSONField(default=list, blank=True)
    message = models.TextField(blank=True, help_text="Overall feedback: traceback, hint.")
    stdout = models.TextField(blank=True, help_text="Visible cases' output only, capped.")
    warning = models.TextField(blank=True)
    # The known-wrong solution (KnownWrongSolution.name) whose results this submission
    # reproduced on every compared case; a name, not a key, so that re-importing the
    # exercise (which replaces its wrong solutions) keeps the record for counting.
    matched_mistake = models.CharField(
        max_length=80, blank=True, help_text="The known-wrong solution it reproduced, if any."
    )
    exercise_version = models.CharField(max_length=64, blank=True)
    delivery_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # When the grading task was last sent: the sweep re-sends from here, created_at stays.
    enqueued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    graded_at = models.DateTimeField(null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["learner", "exercise", "-created_at"]),
            models.Index(fields=["status", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"Submission {self.pk} ({self.status})"

    @property
    def notice(self) -> str:
        """Tell the learner when the submission is stored but not yet sent to the grader."""
        if self.status == self.Status.QUEUED and self.enqueued_at is None:
            return WAITING_FOR_GRADER
        return ""


class Draft(models.Model):
    """The learner's latest editor contents, restored when the exercise page opens."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="drafts")
    source_code = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["learner", "exercise"], name="draft_unique")]

    def __str__(self) -> str:
        return f"Draft of {self.learner} for {self.exercise}"


class ProgressQuerySet(models.QuerySet):
    def for_learner(self, learner):
        return self.filter(learner=learner)

    def solved(self):
        return self.filter(solved_at__isnull=False)


class Progress(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="progress"
    )
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="progress")
    attempts = models.PositiveIntegerField(default=0)
    best_score = models.FloatField(default=0.0)
    solved_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)

    objects = ProgressQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "progress"
        constraints = [
            models.UniqueConstraint(fields=["learner", "exercise"], name="progress_unique")
        ]

    def __str__(self) -> str:
        return f"{self.learner} on {self.exercise}: {self.best_score:.0%}"

    @property
    def solved(self) -> bool:
        return self.solved_at is not None
