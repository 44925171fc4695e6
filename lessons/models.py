from django.conf import settings
from django.db import models


class CourseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Course(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    description = models.TextField(blank=True, help_text="Markdown.")
    is_published = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class StageManager(models.Manager):
    def get_queryset(self):
        # __str__ names the course: every list of stages (admin filters and dropdowns too)
        # loads it in the same query instead of one query per stage.
        return super().get_queryset().select_related("course")


class Stage(models.Model):
    """One step of a course's roadmap (e.g. "Foundations"), ordered within the course."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="stages")
    slug = models.SlugField(max_length=80)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)

    objects = StageManager()

    class Meta:
        ordering = ["course", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["course", "slug"], name="stage_unique_slug_in_course")
        ]

    def __str__(self) -> str:
        return f"{self.course.slug}/{self.slug}"


class LessonQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, stage__course__is_published=True)


class Lesson(models.Model):
    # The course is stored beside the stage so that a lesson keeps its identity (and its
    # learners' progress) when the files move it to another stage of the same course.
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="lessons")
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="lessons")
    slug = models.SlugField(max_length=80)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True, help_text="Markdown with $inline$ and $$display$$ math.")
    order = models.PositiveIntegerField(default=0)
    is_published = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LessonQuerySet.as_manager()

    class Meta:
        ordering = ["stage__order", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["course", "slug"], name="lesson_unique_slug_in_course")
        ]

    def __str__(self) -> str:
        return self.title


class LessonCompletion(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "lesson"], name="completion_unique")
        ]

    def __str__(self) -> str:
        return f"{self.learner} completed {self.lesson}"


class LessonFigure(models.Model):
    """An image a lesson shows (`![alt](figures/NAME)`), stored with the lesson.

    Checked by `lessons.figures.figure_check` before it is written; served from the
    lesson's own URL, so a lesson's relative image links work as they do in the folder.
    """

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="figures")
    name = models.CharField(max_length=80, help_text="e.g. softmax-temperature.png")
    content = models.BinaryField()
    content_type = models.CharField(max_length=40)
    sha256 = models.CharField(max_length=64)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["lesson", "name"]
        constraints = [
            models.UniqueConstraint(fields=["lesson", "name"], name="figure_unique_name_in_lesson")
        ]

    def __str__(self) -> str:
        return f"{self.lesson.slug}/figures/{self.name}"


class LessonRun(models.Model):
    """One run of a lesson's code block by a learner (see lessons/codeblocks.py).

    `source` is the block as the learner ran it (perhaps edited); the earlier blocks it
    builds on are taken from the lesson text when it runs, never from the browser. The
    output and figures come from the sandbox and are shown only to the learner who ran it.
    """

    class Status(models.TextChoices):
        QUEUED = "queued"
        RUNNING = "running"
        DONE = "done"

    class Outcome(models.TextChoices):
        OK = "ok", "Ran"
        ERROR = "error", "Raised an exception"
        TIMEOUT = "timeout", "Time limit"
        MEMORY_LIMIT = "memory_limit", "Memory limit"
        OUTPUT_LIMIT = "output_limit", "Output limit"
        UNAVAILABLE = "unavailable", "Could not run"

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_runs"
    )
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="runs")
    block = models.PositiveSmallIntegerField(help_text="1-based, among the Python blocks.")
    source = models.TextField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    output = models.TextField(blank=True, help_text="The block's stdout and stderr, capped.")
    error = models.TextField(blank=True, help_text="The block's traceback, if it raised.")
    message = models.TextField(blank=True, help_text="What the platform says about the run.")
    wall_ms = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["learner", "-created_at"], name="lessonrun_learner_recent")]

    def __str__(self) -> str:
        return f"{self.lesson.slug} block {self.block} by {self.learner_id}"


class LessonRunFigure(models.Model):
    """A figure a lesson run drew: PNG bytes checked by `lessons.figures.figure_check`."""

    run = models.ForeignKey(LessonRun, on_delete=models.CASCADE, related_name="figures")
    position = models.PositiveSmallIntegerField()  # 1-based, in drawing order
    png = models.BinaryField()
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()

    class Meta:
        ordering = ["run", "position"]
        constraints = [
            models.UniqueConstraint(fields=["run", "position"], name="lessonrunfigure_unique")
        ]

    def __str__(self) -> str:
        return f"run {self.run_id} figure {self.position}"
